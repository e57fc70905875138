import Foundation
import KiemdiemCore
import OOXMLPackage
import ReviewForms
import ReviewRules
import WordDocument

/// A file that could not be read at all (gone, unreadable): an I/O fault, not a finding.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var description: String { "không đọc được \(path)" }
}

/// What the pipeline made of one file's bytes: read → extract → validate → classify.
public struct FormOutcome: Sendable {
    public var sha256: String
    public var form: ReviewForm?
    public var findings: [Finding]
    public var classification: Classification
    public var provenance: [String: FieldProvenance]
    /// A collective report's organisation and its classification as an organisation, from this
    /// form alone (the checks that need its members or units are `not_evaluated`).
    public var organisation: OrganisationResult?
    public var unknownElements: [String: [String: Int]]

    public var rejected: Bool { findings.rejects }
}

/// The stages 1–4 for one file, shared by `inspect` and `run`. Pure: no workspace, no store.
public struct FormPipeline: Sendable {
    public var limits: PackageLimits
    /// The run's rules, resolved once from the rule books and pipeline.yml.
    public var rules: YearRules
    public var roster: Roster?
    /// The organisations file, for the kind, parent and decisions of a Mẫu 01's organisation.
    public var organisations: OrganisationTree?
    /// Styles and numbering parsed once per template rather than once per form; shared by every
    /// copy of this pipeline, hence by the run's workers.
    public var partCache: PartCache?

    public init(limits: PackageLimits = PackageLimits(), rules: YearRules = YearRules(), roster: Roster? = nil,
                partCache: PartCache? = PartCache()) {
        self.limits = limits
        self.rules = rules
        self.roster = roster
        self.partCache = partCache
    }

    /// Reads the file only when it is within `maxFileBytes`: a larger upload is `FILE_TOO_LARGE`
    /// at the cost of one streaming hash, never a whole-file allocation. Plain open/fstat/read:
    /// FileManager's attributes also look up the owner's name (nsswitch) and extended attributes,
    /// several system calls per file for a size.
    public func process(fileAt url: URL) throws(FileReadError) -> FormOutcome {
        try process(filePath: url.path)
    }

    public func process(filePath path: String) throws(FileReadError) -> FormOutcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileReadError(path: path) }
        let size = Int(info.st_size)
        if size > limits.maxFileBytes {
            guard let sha = ContentDigest.sha256Hex(fileAt: path) else { throw FileReadError(path: path) }
            let finding = Finding(.fileTooLarge, field: "file", evidence: "\(size) byte",
                                  detail: .technical("> \(limits.maxFileBytes)"))
            return FormOutcome(sha256: sha, form: nil, findings: [finding], classification: .unclassified(nil),
                               provenance: [:], unknownElements: [:])
        }
        guard let bytes = Self.readAll(fd, expected: size) else { throw FileReadError(path: path) }
        return process(bytes)
    }

    /// The file's bytes up to its end, whatever `fstat` said (a settled upload does not change,
    /// but the bytes read are what gets hashed and parsed, so they are what counts).
    static func readAll(_ fd: Int32, expected: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 64 << 10))) }
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    public func process(_ bytes: [UInt8]) -> FormOutcome {
        let sha = ContentDigest.sha256Hex(bytes)
        let document: WordDocument
        do {
            document = try WordReader(limits: limits, cache: partCache).read(bytes)
        } catch {
            return FormOutcome(sha256: sha, form: nil, findings: [error.finding], classification: .unclassified(nil),
                               provenance: [:], unknownElements: [:])
        }
        let extraction = FormExtractor().extract(document)
        var findings = document.findings + extraction.findings
        var classification = Classification.unclassified(extraction.form?.ruleset)
        if let form = extraction.form {
            let verdict = FormRules.evaluate(form, prior: findings, rules: rules, member: roster?.entry(for: form))
            // A field the rules miss is one the reader looked for: say where and what it saw.
            findings += extraction.locating(verdict.findings)
            classification = verdict.classification
        }
        var outcome = FormOutcome(sha256: sha, form: extraction.form, findings: findings, classification: classification,
                                  provenance: extraction.provenance, unknownElements: document.unknownElements)
        if let form = extraction.form, form.kind == .collective, !outcome.rejected, let year = form.year {
            outcome.organisation = rules.classify(OrganisationFacts(organisation: organisation(of: form),
                                                                    year: year, report: form))
        }
        return outcome
    }
}

extension FormPipeline {
    /// The organisation a Mẫu 01 is the report of: its chi bộ, else its đảng bộ, as the
    /// organisations file knows it when it does.
    func organisation(of form: ReviewForm) -> Organisation {
        var tree = OrganisationTree()
        tree.add(partyCell: form.partyCell, partyCommittee: form.partyCommittee)
        let key = form.partyCell.map(OrganisationKey.ofCell) ?? form.partyCommittee.map(OrganisationKey.ofCommittee) ?? ""
        return organisations?[key] ?? tree[key] ?? Organisation(key: key, name: form.partyCell ?? form.partyCommittee ?? "")
    }
}

extension FormOutcome {
    /// The contract's `inspect --json` object (§2), its messages in `language`; `explain` adds
    /// where each field was read.
    public func json(file: String, explain: Bool = false, language: MessageLanguage = .vi) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("schema", .string("kiemdiem.inspect/1")),
            ("file", .string(file)),
            ("sha256", .string(sha256)),
            ("verdict", .string(rejected ? "rejected" : "accepted")),
            ("findings", .array(findings.map { $0.json(language) })),
            ("form", form?.json ?? .null),
            ("classification", classification.json(language)),
        ]
        var unknown: [(String, JSONValue)] = []
        for part in unknownElements.keys.sorted() {
            let counts = unknownElements[part]!
            unknown.append((part, .object(counts.keys.sorted().map { ($0, .int(counts[$0]!)) })))
        }
        if let organisation { members.append(("organisation", organisation.json(language))) }
        members.append(("reader", .object([("unknown_elements", .object(unknown))])))
        if explain {
            members.append(("provenance", .object(provenance.keys.sorted().map { key in
                (key, .object([("location", .string(provenance[key]!.location)), ("text", .string(provenance[key]!.text))]))
            })))
        }
        return .object(members)
    }
}
