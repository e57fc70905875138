import KiemdiemCore
import WordDocument

/// What the form layer made of a Word document.
public struct FormExtraction: Sendable {
    /// `nil` when the document is not a review form (a `NOT_A_REVIEW_FORM` finding says why).
    public var form: ReviewForm?
    public var findings: [Finding]
    /// Where each field was read: field path → location and the text seen (`inspect --explain`).
    public var provenance: [String: FieldProvenance]

    public init(form: ReviewForm?, findings: [Finding], provenance: [String: FieldProvenance] = [:]) {
        self.form = form
        self.findings = findings
        self.provenance = provenance
    }
}

/// Where a field's value was read.
public struct FieldProvenance: Sendable, Equatable {
    /// Block path: "body[12]", "body[3].r0.c1[0]", "header[0]".
    public var location: String
    /// The paragraph text seen there.
    public var text: String
}

/// Turns blocks into a `ReviewForm` (stage 2). Labels are matched on whole paragraph text,
/// accent- and case-insensitively; the wording of the forms lives in `Labels`.
public struct FormExtractor: Sendable {
    public var language: MessageLanguage
    public init(language: MessageLanguage = .vi) { self.language = language }

    /// A review form runs to a few pages (the real ones here have about 80 paragraphs); a document
    /// with tens of thousands is not one. Without this bound a large main part of plain text (issue 8:
    /// 50 MB, 420,000 paragraphs, well inside the package limits) was flattened and folded in full
    /// before the title search failed: 30 s and 190 MB peak for a certain NOT_A_REVIEW_FORM.
    static let maxParagraphs = 20_000

    public func extract(_ document: WordDocument) -> FormExtraction {
        let paragraphs = FormExtractor.paragraphCount(document.headers, stoppingAbove: FormExtractor.maxParagraphs)
            + FormExtractor.paragraphCount(document.body, stoppingAbove: FormExtractor.maxParagraphs)
        if paragraphs > FormExtractor.maxParagraphs {
            let pass = ExtractionPass(lines: [], language: language)
            return FormExtraction(form: nil, findings: [pass.finding(.notAReviewForm, field: "file",
                                                                     evidence: "hơn \(FormExtractor.maxParagraphs) đoạn văn")])
        }
        var pass = ExtractionPass(lines: LineFlattener.lines(of: document), language: language)
        var extraction = pass.run()
        if var form = extraction.form, form.kind == .individual, (form.year ?? 0) >= 2025 {
            form.score = ScoreTable.read(document)
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
    let language: MessageLanguage
    var findings: [Finding] = []
    var provenance: [String: FieldProvenance] = [:]

    init(lines: [Line], language: MessageLanguage) {
        self.lines = lines
        self.language = language
    }

    mutating func run() -> FormExtraction {
        guard let title = recogniseTitle() else {
            let firstText = lines.first { !$0.isBlank }?.text
            return FormExtraction(form: nil, findings: [finding(.notAReviewForm, field: "file", evidence: firstText)])
        }
        var form = ReviewForm(kind: title.kind, template: .unknown)
        readHeader(into: &form, before: title.index)
        readYear(into: &form, title: title.index)
        let headings = sectionHeadings(after: title.index)
        let signatureIndex = lines.indices.first { $0 > title.index && lines[$0].key.hasPrefix(Labels.signature) }
        let firstHeading = headings.first?.index ?? (signatureIndex ?? lines.count)
        readIdentity(into: &form, from: title.index + 1, to: firstHeading)
        readSections(into: &form, headings: headings, end: signatureIndex ?? assessmentStart(after: firstHeading))
        if let signatureIndex { readSignature(into: &form, at: signatureIndex) }
        if form.kind == .collective {
            readCollective(into: &form, title: title.index, after: headings.last?.index ?? title.index)
        } else {
            readAssessment(into: &form, after: headings.last?.index ?? title.index)
        }
        form.template = template(for: form, titleIndex: title.index)

        if isBlankTemplate(form) {
            return FormExtraction(form: nil, findings: [finding(.notAReviewForm, field: "file", evidence: "mẫu trống, chưa điền nội dung")],
                                  provenance: provenance)
        }
        return FormExtraction(form: form, findings: findings, provenance: provenance)
    }

    // MARK: - Recognition

    struct Title { let index: Int; let kind: FormKind }

    /// "BẢN KIỂM ĐIỂM CÁ NHÂN" (individual) or "BÁO CÁO KIỂM ĐIỂM …" (collective). A probationary
    /// member's "BẢN TỰ KIỂM ĐIỂM" (Mẫu 10-KNĐ) is neither.
    func recogniseTitle() -> Title? {
        if lines.contains(where: { $0.key.containsLabel("10-knd") || $0.key.containsLabel("10 - knd") }) { return nil }
        for (index, line) in lines.enumerated() {
            let key = line.key
            guard key.count < 120 else { continue }
            if key.hasPrefix("ban kiem diem") && key.containsLabel("ca nhan") { return Title(index: index, kind: .individual) }
            if key.hasPrefix("bao cao kiem diem") { return Title(index: index, kind: .collective) }
        }
        return nil
    }

    /// The template from the code line ("Mẫu 02A-HD KĐ.ĐG 2023"), else from the year and subtitle.
    func template(for form: ReviewForm, titleIndex: Int) -> FormTemplate {
        if form.kind == .collective { return .mau01 }
        for line in lines.prefix(titleIndex + 6) {
            let compact = line.key.filter { !$0.isWhitespace }
            guard let at = compact.characterOffset(of: "mau") else { continue }
            let code = compact.slice(at + 3, compact.count)
            guard code.containsLabel("hd") else { continue }
            if code.hasPrefix("02a") { return .mau02Aof2023 }
            if code.hasPrefix("02b") { return .mau02Bof2023 }
            if code.hasPrefix("2a") { return .mau2Aof2025 }
            if code.hasPrefix("2b") { return .mau2Bof2025 }
            if code.hasPrefix("2c") { return .mau2Cof2025 }
            if code.hasPrefix("02-") || code.hasPrefix("02hd") { return .mau02of2019 }
        }
        let subtitle = lines[titleIndex..<min(lines.count, titleIndex + 5)].map(\.key).first { $0.hasPrefix("(") }
        let leader = subtitle.map { !$0.containsLabel("khong giu") && $0.containsLabel("giu chuc") }
        let outside = subtitle?.containsLabel("khong lam viec trong he thong") ?? false
        guard let year = form.year else { return .unknown }
        switch Ruleset(reviewYear: year) {
        case .y2019: return .mau02of2019
        case .y2023:
            guard let leader else { return .unknown }
            return leader ? .mau02Bof2023 : .mau02Aof2023
        case .y2025:
            if outside { return .mau2Cof2025 }
            guard let leader else { return .unknown }
            return leader ? .mau2Bof2025 : .mau2Aof2025
        }
    }

    /// A template nobody filled in is not a submission.
    func isBlankTemplate(_ form: ReviewForm) -> Bool {
        form.member.fullName == nil && form.signature == nil && form.sections == ReviewSections()
            && form.selfAssessment == SelfAssessment() && form.criteria.isEmpty
    }

    // MARK: - Header

    mutating func readHeader(into form: inout ReviewForm, before titleIndex: Int) {
        for index in 0..<titleIndex {
            let line = lines[index]
            let key = line.key
            if form.partyCommittee == nil, key.hasPrefix("dang bo") {
                form.partyCommittee = organisationName(line.text, prefix: nil)
                note("party_committee", index)
            } else if form.partyCell == nil, key.hasPrefix("chi bo") {
                form.partyCell = organisationName(line.text, prefix: nil)
                note("party_cell", index)
            } else if form.date == nil, key.containsLabel("ngay"), key.containsLabel("thang"), let comma = line.text.firstIndex(of: ",") {
                let place = TextFolding.stripLeaders(String(line.text[..<comma]))
                let reading = DateText.read(String(line.text[comma...]))
                form.place = place
                form.date = date(reading, field: "date", index: index)
                note("date", index)
            }
        }
    }

    /// "Năm 2020", "Năm: 2020", or the year on the title line itself.
    mutating func readYear(into form: inout ReviewForm, title: Int) {
        for index in title..<min(lines.count, title + 4) {
            let key = lines[index].key
            guard let at = key.characterOffset(of: "nam") else { continue }
            if index > title && at > 0 { continue }
            let digits = key.slice(at + 3, key.count).drop { !$0.isNumber }.prefix { $0.isNumber }
            if digits.count == 4, let year = Int(digits) {
                form.year = year
                note("year", index)
                return
            }
        }
    }

    /// An organisation name as written, with its "Đảng bộ"/"Chi bộ" word; `prefix` is added when
    /// the form wrote only the name after a label.
    func organisationName(_ text: String, prefix: String?) -> String? {
        guard let cleaned = TextFolding.stripLeaders(text) else { return nil }
        let folded = AlignedFold.fold(cleaned)
        if let prefix {
            return folded.hasPrefix(AlignedFold.fold(prefix).lowercased()) ? cleaned : "\(prefix) \(cleaned)"
        }
        // "ĐẢNG BỘ ……" alone is a blank in the template.
        let words = cleaned.split(separator: " ")
        guard words.count > 2 else { return nil }
        return cleaned
    }

    // MARK: - Identity

    mutating func readIdentity(into form: inout ReviewForm, from start: Int, to end: Int) {
        guard start < end else { return }
        var index = start
        while index < end {
            let line = lines[index]
            let found = identityLabels(in: line)
            for (k, label) in found.enumerated() {
                let valueEnd = k + 1 < found.count ? found[k + 1].start : line.text.count
                var value = TextFolding.stripLeaders(line.text.slice(label.end, valueEnd))
                var source = index
                // A label alone in a table cell: the value is in the next cell.
                if value == nil, k == found.count - 1, index + 1 < end, line.cellID != nil,
                   lines[index + 1].cellID != line.cellID, identityLabels(in: lines[index + 1]).isEmpty {
                    value = TextFolding.stripLeaders(lines[index + 1].text)
                    source = index + 1
                }
                assign(label.kind, value, into: &form, index: source)
            }
            index += 1
        }
    }

    struct FoundLabel { let kind: Labels.Identity; let start: Int; let end: Int }

    /// Every identity label variant as Characters, made once rather than on every line.
    static let identityPatterns: [(Labels.Identity, [Character])] = Labels.Identity.allCases.flatMap { kind in
        kind.variants.map { (kind, Array($0)) }
    }

    /// Identity labels on a line, left to right, each with the offset where its value begins.
    func identityLabels(in line: Line) -> [FoundLabel] {
        let chars = line.foldedCharacters
        var found: [FoundLabel] = []
        for (kind, pattern) in ExtractionPass.identityPatterns {
            var from = 0
            while let at = chars.characterOffset(of: pattern, from: from) {
                from = at + 1
                if at > 0 && chars[at - 1].isLetter { continue }
                var end = at + pattern.count
                if end < chars.count && chars[end].isLetter { continue }
                while end < chars.count && (chars[end] == " " || chars[end] == "\t") { end += 1 }
                let hasColon = end < chars.count && chars[end] == ":"
                let atLineStart = chars[..<at].allSatisfy { $0 == " " || $0 == "\t" || $0 == "-" }
                guard hasColon || atLineStart else { continue }
                if hasColon { end += 1 }
                if found.contains(where: { at < $0.end && $0.start < at + pattern.count }) { continue }
                found.append(FoundLabel(kind: kind, start: at, end: end))
            }
        }
        return found.sorted { $0.start < $1.start }
    }

    mutating func assign(_ kind: Labels.Identity, _ value: String?, into form: inout ReviewForm, index: Int) {
        switch kind {
        case .fullName: if form.member.fullName == nil { form.member.fullName = value }
        case .dateOfBirth:
            if form.member.dateOfBirth == nil, let value {
                form.member.dateOfBirth = date(DateText.read(value), field: kind.field, index: index, raw: value)
            }
        case .partyPosition: if form.member.partyPosition == nil { form.member.partyPosition = value }
        case .governmentPosition: if form.member.governmentPosition == nil { form.member.governmentPosition = value }
        case .massOrganisationPosition:
            if form.member.massOrganisationPosition == nil { form.member.massOrganisationPosition = value }
        case .workUnit: if form.member.workUnit == nil { form.member.workUnit = value }
        case .partyCell:
            if form.partyCell == nil, let value { form.partyCell = organisationName(value, prefix: "Chi bộ") }
        }
        if value != nil { note(kind.field, index) }
    }

    // MARK: - Sections

    struct Heading { let section: Labels.Section; let index: Int }

    /// Section headings in order; each must come after the previous one, which is what tells
    /// "II. Hạn chế, khuyết điểm và nguyên nhân" from its own sub-item "1. Hạn chế, khuyết điểm".
    func sectionHeadings(after title: Int) -> [Heading] {
        var headings: [Heading] = []
        var index = title + 1
        while index < lines.count {
            let key = lines[index].key
            if key.hasPrefix(Labels.signature) { break }
            if key.count < 260 {
                let (roman, rest) = HeadingNumber.split(key)
                let last = headings.last?.section
                for section in Labels.Section.allCases where last == nil || section > last! {
                    if section.matches(rest, romanMatches: roman == section.roman) {
                        headings.append(Heading(section: section, index: index))
                        break
                    }
                }
            }
            if headings.last?.section == .selfRating { break }
            index += 1
        }
        return headings
    }

    /// Where the after-meeting assessment blocks begin, when there is no signature line.
    func assessmentStart(after index: Int) -> Int {
        lines.indices.first { $0 > index && ExtractionPass.isAssessmentLabel(lines[$0].key) } ?? lines.count
    }

    static func isAssessmentLabel(_ key: String) -> Bool {
        let bare = key.drop { $0 == "-" || $0 == " " || $0 == "+" }
        return bare.hasPrefix("danh gia, xep loai") || Labels.cellComment.contains { bare.hasPrefix($0) }
            || Labels.civilServantComment.contains { bare.hasPrefix($0) } || Labels.civilServantAssessedLevel.contains { bare.hasPrefix($0) }
            || bare.hasPrefix(Labels.headOfAgency)
            || Labels.cellProposal.contains { bare.hasPrefix($0) } || Labels.committeeDecision.contains { bare.hasPrefix($0) }
            || bare.hasPrefix(Labels.cellSigner) || bare.hasPrefix(Labels.committeeSigner)
    }

    mutating func readSections(into form: inout ReviewForm, headings: [Heading], end: Int) {
        for (k, heading) in headings.enumerated() {
            let stop = k + 1 < headings.count ? headings[k + 1].index : end
            let body = (heading.index + 1)..<max(heading.index + 1, stop)
            if heading.section == .selfRating {
                readSelfRating(into: &form, heading: heading.index, range: body)
                continue
            }
            if heading.section == .strengths || heading.section == .remediation {
                readCriteria(into: &form, section: heading.section, range: body)
            }
            let text = sectionText(body)
            switch heading.section {
            case .strengths: form.sections.strengths = text
            case .shortcomings: form.sections.shortcomings = text
            case .remediation: form.sections.remediation = text
            case .explanations: form.sections.explanations = text
            case .collectiveResponsibility: form.sections.collectiveResponsibility = text
            case .improvementPlan: form.sections.improvementPlan = text
            case .selfRating: break
            }
            note(heading.section.field, heading.index)
        }
    }

    /// The section's paragraphs, whitespace collapsed, rating rows and leader-only lines left out;
    /// `nil` when nothing but the template's own sub-item headings remains.
    func sectionText(_ range: Range<Int>) -> String? {
        var kept: [String] = []
        var hasContent = false
        var skipOptions = false
        for index in range {
            let line = lines[index]
            if line.key.containsLabel(Labels.ratingRow) {
                skipOptions = true
                continue
            }
            // Options of a rating row written one per line ("☐ Xuất sắc").
            if skipOptions, !line.checkboxes.isEmpty || CriterionRating.parse(stripBoxes(line.text)) != nil {
                continue
            }
            skipOptions = false
            let collapsed = TextFolding.collapseWhitespace(line.text)
            guard TextFolding.stripLeaders(collapsed) != nil else { continue }
            let text = collapsed
            kept.append(text)
            if !isTemplateSubItem(line.key) { hasContent = true }
        }
        return hasContent ? kept.joined(separator: "\n") : nil
    }

    func stripBoxes(_ text: String) -> String {
        // Only a Character holding one of the two scalars can equal them.
        guard text.unicodeScalars.contains(where: { $0 == "☒" || $0 == "☐" }) else { return text }
        return text.filter { $0 != "☒" && $0 != "☐" }
    }

    func isTemplateSubItem(_ key: String) -> Bool {
        guard HeadingNumber.arabic(key) != nil || HeadingNumber.split(key).rest != key else { return false }
        let rest = HeadingNumber.split(key).rest
        guard Labels.templateSubItems.contains(where: { rest.hasPrefix($0) }) else { return false }
        // A sub-item line that carries the member's own words after a colon is content.
        if let colon = rest.firstIndex(of: ":") {
            return TextFolding.stripLeaders(String(rest[rest.index(after: colon)...])) == nil
        }
        return true
    }

    // MARK: - Ratings

    mutating func readCriteria(into form: inout ReviewForm, section: Labels.Section, range: Range<Int>) {
        var subItem: Int?
        var rowsInSection = 0
        for index in range {
            let line = lines[index]
            if let number = HeadingNumber.arabic(line.key), !line.key.containsLabel(Labels.ratingRow) { subItem = number }
            guard let at = line.foldedCharacters.characterOffset(of: Array(Labels.ratingRow)) else { continue }
            rowsInSection += 1
            let item = section == .remediation ? "III" : "I.\(subItem ?? rowsInSection)"
            let labelEnd = afterColon(line, from: at + Labels.ratingRow.count)
            let group = groupLines(from: index, limit: range.upperBound, maxExtra: 4) { key in
                HeadingNumber.arabic(key) != nil || key.containsLabel(Labels.ratingRow)
            }
            let reading = ChoiceGroup(parse: CriterionRating.parse, options: CriterionRating.allCases).read(group, labelEnd: labelEnd)
            let field = "criteria.\(item)"
            switch reading {
            case .chosen(let rating, _):
                form.criteria.append(CriterionEntry(item: item, rating: rating))
                note(field, index)
            case .ambiguous(_, let evidence):
                findings.append(finding(.ambiguousChoice, field: field, evidence: evidence))
            case .unreadable(let text):
                findings.append(finding(.invalidValue, field: field, evidence: text))
            case .none:
                break
            }
        }
    }

    // MARK: - Section VII

    mutating func readSelfRating(into form: inout ReviewForm, heading: Int, range: Range<Int>) {
        let labelSets: [(labels: [String], field: String)] = [
            (Labels.civilServantLevel, "self_assessment.civil_servant_level"),
            (Labels.partyMemberLevel, "self_assessment.party_member_level"),
        ]
        var foundAny = false
        for (labels, field) in labelSets {
            guard let (index, at, label) = firstLabel(labels, in: range) else { continue }
            foundAny = true
            let labelEnd = afterColon(lines[index], from: at + label.count)
            let group = groupLines(from: index, limit: range.upperBound, maxExtra: 5) { key in
                labelSets.contains { set in set.labels.contains { key.containsLabel($0) } }
            }
            let level = levelChoice(group, labelEnd: labelEnd, field: field, index: index)
            if field.hasSuffix("civil_servant_level") { form.selfAssessment.civilServantLevel = level }
            else { form.selfAssessment.partyMemberLevel = level }
        }
        // Forms without the two sub-lines (2C) put the choice under the heading itself.
        if !foundAny {
            let headingLine = lines[heading]
            let labelEnd = headingLine.text.firstIndex(of: ":").map { headingLine.text.distance(from: headingLine.text.startIndex, to: $0) + 1 }
                ?? headingLine.text.count
            let group = [headingLine] + range.prefix(5).map { lines[$0] }
            form.selfAssessment.partyMemberLevel = levelChoice(group, labelEnd: labelEnd,
                                                               field: "self_assessment.party_member_level", index: heading)
        }
    }

    mutating func levelChoice(_ group: [Line], labelEnd: Int, field: String, index: Int) -> Level? {
        switch ChoiceGroup(parse: Level.parse, options: Level.allCases).read(group, labelEnd: labelEnd) {
        case .chosen(let level, _):
            note(field, index)
            return level
        case .ambiguous(_, let evidence):
            findings.append(finding(.ambiguousChoice, field: field, evidence: evidence))
        case .unreadable(let text):
            findings.append(finding(.invalidValue, field: field, evidence: text))
        case .none:
            break
        }
        return nil
    }

    // MARK: - Signature and the assessment blocks

    mutating func readSignature(into form: inout ReviewForm, at index: Int) {
        var k = index + 1
        while k < min(lines.count, index + 6) {
            let line = lines[k]
            let key = line.key
            k += 1
            if line.isBlank || key.hasPrefix("(") || key.containsLabel("ky, ghi ro") || key.containsLabel("ky ghi ro") { continue }
            if ExtractionPass.isAssessmentLabel(key) || key.hasPrefix("danh gia") { return }
            if let name = TextFolding.stripLeaders(line.text) {
                form.signature = name
                note("signature", k - 1)
            }
            return
        }
    }

    mutating func readAssessment(into form: inout ReviewForm, after start: Int) {
        guard start < lines.count else { return }
        let range = (start + 1)..<lines.count
        readCivilServantReview(into: &form, range: range)
        let comment = firstLabel(Labels.cellComment, in: range)
        let proposal = firstLabel(Labels.cellProposal, in: range)
        let decision = firstLabel(Labels.committeeDecision, in: range)
        let stops: (String) -> Bool = ExtractionPass.isAssessmentLabel

        if let found = comment {
            form.cellReview.comment = commentText(found)
            if form.cellReview.comment != nil { note("cell_review.comment", found.0) }
        }
        if let (index, at, label) = proposal {
            let labelEnd = afterColon(lines[index], from: at + label.count)
            let group = groupLines(from: index, limit: lines.count, maxExtra: 4, stop: stops)
            form.cellReview.proposedLevel = levelChoice(group, labelEnd: labelEnd, field: "cell_review.proposed_level", index: index)
            let dateEnd = decision?.0 ?? lines.count
            form.cellReview.date = signedDate(after: index, before: dateEnd, field: "cell_review.date")
        }
        if let (index, at, label) = decision {
            let labelEnd = afterColon(lines[index], from: at + label.count)
            let group = groupLines(from: index, limit: lines.count, maxExtra: 4, stop: stops)
            form.committeeDecision.level = levelChoice(group, labelEnd: labelEnd, field: "committee_decision.level", index: index)
            form.committeeDecision.date = signedDate(after: index, before: lines.count, field: "committee_decision.date")
        }
    }

    /// A comment: the rest of its label's line and the lines after it, up to the next label of the
    /// assessment blocks; `nil` when only leaders were there.
    func commentText(_ found: (Int, Int, String)) -> String? {
        let (index, at, label) = found
        let labelEnd = afterColon(lines[index], from: at + label.count)
        var parts: [String] = []
        if let first = TextFolding.stripLeaders(lines[index].text.slice(labelEnd, lines[index].text.count)) { parts.append(first) }
        var k = index + 1
        while k < lines.count, !ExtractionPass.isAssessmentLabel(lines[k].key) {
            if let text = TextFolding.stripLeaders(lines[k].text) { parts.append(text) }
            k += 1
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// The head of agency's block, for members who are civil servants; absent when blank.
    mutating func readCivilServantReview(into form: inout ReviewForm, range: Range<Int>) {
        var review = CivilServantReview()
        let stops: (String) -> Bool = ExtractionPass.isAssessmentLabel
        var end = range.upperBound
        if let found = firstLabel(Labels.civilServantComment, in: range) { review.comment = commentText(found) }
        // The Party block follows; the head of agency's date is the one before it.
        if let party = firstLabel(Labels.cellComment + Labels.cellProposal, in: range) { end = party.0 }
        if let (index, at, label) = firstLabel(Labels.civilServantAssessedLevel, in: range.lowerBound..<end) {
            let labelEnd = afterColon(lines[index], from: at + label.count)
            let group = groupLines(from: index, limit: end, maxExtra: 4, stop: stops)
            review.level = levelChoice(group, labelEnd: labelEnd, field: "civil_servant_review.level", index: index)
            review.date = signedDate(after: index, before: end, field: "civil_servant_review.date")
        }
        if !review.isEmpty { form.civilServantReview = review }
    }

    /// The date a signer wrote under "(Xác lập thời điểm, ký, ghi rõ họ tên)".
    mutating func signedDate(after index: Int, before end: Int, field: String) -> CivilDate? {
        var k = index + 1
        while k < end {
            let line = lines[k]
            if !line.key.containsLabel(Labels.signatureNote) {
                let reading = DateText.read(line.text)
                if reading != .none { return date(reading, field: field, index: k) }
            }
            k += 1
        }
        return nil
    }

    // MARK: - Collective report (Mẫu 01)

    /// The collective's level (read as section VII/VI), the review meeting's date and the signer.
    mutating func readCollective(into form: inout ReviewForm, title: Int, after start: Int) {
        var collective = CollectiveReview(level: form.selfAssessment.partyMemberLevel)
        form.selfAssessment = SelfAssessment()
        if let (index, at, label) = firstLabel(Labels.meetingDate, in: title..<lines.count) {
            let line = lines[index]
            let rest = line.text.slice(afterColon(line, from: at + label.count), line.text.count)
            collective.meetingDate = date(DateText.read(rest), field: "collective.meeting_date", index: index, raw: rest)
        }
        if let signer = lines.indices.first(where: { $0 > start && lines[$0].key.hasPrefix("t/m ") }) {
            collective.signerRole = TextFolding.collapseWhitespace(lines[signer].text)
            note("collective.signer_role", signer)
            var k = signer + 1
            while k < min(lines.count, signer + 6) {
                let key = lines[k].key
                k += 1
                if lines[k - 1].isBlank || key.hasPrefix("(") || Labels.signerTitles.contains(key) { continue }
                form.signature = TextFolding.stripLeaders(lines[k - 1].text)
                if form.signature != nil { note("signature", k - 1) }
                break
            }
        }
        form.collective = collective
    }

    // MARK: - Helpers

    /// The first line in `range` whose text (after a leading "-") starts with one of `labels`.
    func firstLabel(_ labels: [String], in range: Range<Int>) -> (Int, Int, String)? {
        // Once per call, not once per line and label: it was a tenth of the extraction.
        let patterns = labels.map { Array($0) }
        for index in range {
            let folded = lines[index].foldedCharacters
            var lead: Int?
            for (label, pattern) in zip(labels, patterns) {
                guard let at = folded.characterOffset(of: pattern) else { continue }
                let leading = lead
                    ?? folded.prefix { $0 == "-" || $0 == " " || $0 == "+" || $0 == "\t" || $0.isNumber || $0 == "." }.count
                lead = leading
                if at <= leading { return (index, at, label) }
            }
        }
        return nil
    }

    /// The label line plus the following lines that may still hold its options.
    func groupLines(from index: Int, limit: Int, maxExtra: Int, stop: (String) -> Bool) -> [Line] {
        var group = [lines[index]]
        var k = index + 1
        while k < min(limit, index + 1 + maxExtra) {
            let line = lines[k]
            if stop(line.key) || line.key.hasPrefix(Labels.signature) { break }
            if line.key.hasPrefix("t/m") || line.key.hasPrefix("(") { break }
            group.append(line)
            k += 1
        }
        return group
    }

    func afterColon(_ line: Line, from offset: Int) -> Int {
        let chars = line.text.characterArray
        var end = offset
        while end < chars.count, chars[end] == " " || chars[end] == "\t" { end += 1 }
        if end < chars.count, chars[end] == ":" { end += 1 }
        // Labels with a parenthesised remainder ("…mức chất lượng (đề xuất):").
        if let colon = chars[end...].firstIndex(of: ":"), colon - end < 40,
           !chars[end..<colon].contains(where: { $0 == "☒" || $0 == "☐" }) {
            let between = String(characters: chars[end..<colon])
            if Level.parse(between) == nil && CriterionRating.parse(between) == nil { end = colon + 1 }
        }
        return end
    }

    mutating func date(_ reading: DateReading, field: String, index: Int, raw: String? = nil) -> CivilDate? {
        switch reading {
        case .date(let date):
            note(field, index)
            return date
        case .invalid(let text):
            findings.append(finding(.invalidValue, field: field, evidence: raw ?? text))
            return nil
        case .none:
            if let raw { findings.append(finding(.invalidValue, field: field, evidence: raw)) }
            return nil
        case .blank:
            return nil
        }
    }

    mutating func note(_ field: String, _ index: Int) {
        guard index < lines.count else { return }
        provenance[field] = FieldProvenance(location: lines[index].location, text: lines[index].text)
    }

    func finding(_ code: FindingCode, field: String? = nil, evidence: String? = nil) -> Finding {
        Finding(code, field: field, evidence: evidence, language: language)
    }
}
