import KiemdiemCore
import WordDocument

/// What the form layer made of a Word document.
public struct FormExtraction: Sendable {
    /// `nil` when the document is not a review form (a `NOT_A_REVIEW_FORM` finding says why).
    public var form: ReviewForm?
    public var findings: [Finding]
    /// Where each field was read: field path → location and the text seen (`inspect --explain`).
    public var provenance: [String: FieldProvenance]
    /// Where the reader looked for a field it could not read: field path → the form's own place
    /// ("mục VII. Tự nhận mức xếp loại chất lượng › 2. Xếp loại đảng viên") and the text seen there.
    public var sought: SoughtFields

    public init(form: ReviewForm?, findings: [Finding], provenance: [String: FieldProvenance] = [:],
                sought: SoughtFields = .none) {
        self.form = form
        self.findings = findings
        self.provenance = provenance
        self.sought = sought
    }

    /// Findings of later stages (a `MISSING_FIELD` of the rules) with the place the reader looked
    /// for their field, so a secretary can tell the member what to fix (docs/contract.md
    /// `findings[].location`).
    public func locating(_ later: [Finding]) -> [Finding] {
        later.map { finding in
            guard finding.location == nil, let field = finding.field, let seen = sought[field] else { return finding }
            var located = finding
            located.location = seen.location
            if located.evidence == nil, !seen.text.isEmpty { located.evidence = Finding.shorten(seen.text) }
            return located
        }
    }
}

/// Where a field's value was read.
public struct FieldProvenance: Sendable, Equatable {
    /// Block path: "body[12]", "body[3].r0.c1[0]", "header[0]"; for `sought`, the form's own words.
    public var location: String
    /// The paragraph text seen there.
    public var text: String
}

/// Where the reader looked for the fields it could not read, put into the form's own words only
/// when asked: a valid form leaves a few optional fields sought, and naming their places costs
/// more than reading them did.
public struct SoughtFields: Sendable {
    fileprivate let pass: ExtractionPass?

    public static let none = SoughtFields(pass: nil)

    public subscript(field: String) -> FieldProvenance? {
        guard let pass, let place = pass.sought[field] else { return nil }
        return pass.describe(place)
    }
}

/// Turns blocks into a `ReviewForm` (stage 2). Labels are matched on whole paragraph text,
/// accent- and case-insensitively; the wording of the forms lives in `Labels`. One file per part
/// of the form: recognition, header, identity, sections, assessment, the collective report; one
/// date reader (`DateText`), one choice reader (`ChoiceGroup`), one rule for where a value sits
/// (`ValuePlacement.swift`).
public struct FormExtractor: Sendable {
    // No language here: findings are data, the writers word them (docs/contract.md, Findings).
    public init() {}

    /// A review form runs to a few pages (the real ones here have about 80 paragraphs); a document
    /// with tens of thousands is not one. Without this bound a large main part of plain text (issue 8:
    /// 50 MB, 420,000 paragraphs, well inside the package limits) was flattened and folded in full
    /// before the title search failed: 30 s and 190 MB peak for a certain NOT_A_REVIEW_FORM.
    static let maxParagraphs = 20_000

    public func extract(_ document: WordDocument) -> FormExtraction {
        let paragraphs = FormExtractor.paragraphCount(document.headers, stoppingAbove: FormExtractor.maxParagraphs)
            + FormExtractor.paragraphCount(document.body, stoppingAbove: FormExtractor.maxParagraphs)
        if paragraphs > FormExtractor.maxParagraphs {
            let pass = ExtractionPass(lines: [])
            return FormExtraction(form: nil, findings: [pass.finding(.notAReviewForm, field: "file",
                                                                     evidence: "hơn \(FormExtractor.maxParagraphs) đoạn văn")])
        }
        var pass = ExtractionPass(lines: LineFlattener.lines(of: document))
        var extraction = pass.run()
        if var form = extraction.form, (form.year ?? 0) >= 2025 {
            // The printed groups (…/30, …/70, …/100) first; a unit's own score table otherwise.
            form.score = pass.scoreGroups() ?? ScoreTable.read(document)
            extraction.form = form
        }
        return extraction
    }
}

extension FormExtractor {
    /// Paragraphs in `blocks`, table cells included; stops counting once past `limit`.
    static func paragraphCount(_ blocks: [Block], stoppingAbove limit: Int) -> Int {
        var count = 0
        for block in blocks {
            switch block {
            case .paragraph: count += 1
            case .table(let table):
                for row in table.rows {
                    for cell in row.cells { count += paragraphCount(cell.blocks, stoppingAbove: limit - count) }
                }
            }
            if count > limit { return count }
        }
        return count
    }
}

/// One extraction: the lines, the findings so far and the provenance, threaded through the steps.
struct ExtractionPass {
    let lines: [Line]
    var findings: [Finding] = []
    var provenance: [String: FieldProvenance] = [:]
    /// Where the reader looked for a field it has not read (yet); made into words only for the
    /// fields still missing at the end, not at every look (most looks find their value).
    var sought: [String: SoughtPlace] = [:]
    /// The form's landmarks, for naming where a field was looked for.
    var titleIndex = 0
    var headings: [Heading] = []
    var signatureIndex: Int?

    init(lines: [Line]) {
        self.lines = lines
    }

    mutating func run() -> FormExtraction {
        guard let title = recogniseTitle() else {
            let firstText = lines.first { !$0.isBlank }?.text
            return FormExtraction(form: nil, findings: [finding(.notAReviewForm, field: "file", evidence: firstText)])
        }
        titleIndex = title.index
        var form = ReviewForm(kind: title.kind, template: .unknown)
        readHeader(into: &form, before: title.index)
        readYear(into: &form, title: title.index)
        headings = sectionHeadings(after: title.index)
        signatureIndex = lines.indices.first { $0 > title.index && Labels.isSignatureLabel(lines[$0].key) }
        let firstHeading = headings.first?.index ?? (signatureIndex ?? lines.count)
        readIdentity(into: &form, from: title.index + 1, to: firstHeading)
        readSections(into: &form, headings: headings, end: signatureIndex ?? assessmentStart(after: firstHeading))
        if let signatureIndex { readSignature(into: &form, at: signatureIndex) }
        if form.date == nil { readDateNearSignature(into: &form) }
        if form.kind == .collective {
            readCollective(into: &form, title: title.index, after: headings.last?.index ?? title.index)
        } else {
            // The blocks filled after the meeting follow the signature (part B of 2025 has its own
            // "Đề xuất xếp loại", which is the member's).
            readAssessment(into: &form, after: max(signatureIndex ?? 0, headings.last?.index ?? title.index))
        }
        form.template = template(for: form, titleIndex: title.index)
        noteWhereRequiredFieldsWereSought(form)

        if isBlankTemplate(form) {
            return FormExtraction(form: nil, findings: [finding(.notAReviewForm, field: "file", evidence: "mẫu trống, chưa điền nội dung")],
                                  provenance: provenance)
        }
        return FormExtraction(form: form, findings: findings, provenance: provenance, sought: SoughtFields(pass: self))
    }

    enum SoughtPlace {
        /// A line that should have held the field's value.
        case line(Int)
        /// No line for it at all: where the form prints it.
        case expected(String)
    }

    func describe(_ place: SoughtPlace) -> FieldProvenance {
        switch place {
        case .line(let index): FieldProvenance(location: self.place(of: index), text: TextFolding.collapseWhitespace(lines[index].text))
        case .expected(let words): FieldProvenance(location: words, text: "")
        }
    }

    /// A template nobody filled in is not a submission.
    func isBlankTemplate(_ form: ReviewForm) -> Bool {
        form.member.fullName == nil && form.signature == nil && form.sections == ReviewSections()
            && form.selfAssessment == SelfAssessment() && form.criteria.isEmpty
    }

    // MARK: - Provenance and findings

    mutating func note(_ field: String, _ index: Int) {
        guard index < lines.count else { return }
        provenance[field] = FieldProvenance(location: lines[index].location, text: lines[index].text)
        sought[field] = nil
    }

    /// The reader looked for `field` at line `index` and found no value there.
    mutating func looked(_ field: String, at index: Int) {
        guard index < lines.count, provenance[field] == nil else { return }
        sought[field] = .line(index)
    }

    /// The one way this module makes a finding; a finding about a line says where that line is.
    func finding(_ code: FindingCode, field: String? = nil, evidence: String? = nil, at index: Int? = nil) -> Finding {
        Finding(code, field: field, evidence: evidence, location: index.map(place(of:)))
    }
}
