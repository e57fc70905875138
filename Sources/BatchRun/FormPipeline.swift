import Foundation
import KiemdiemCore
import OOXMLPackage
import ReviewForms
import ReviewRules
import WordDocument

/// A file that could not be read at all (gone, unreadable, not a regular file). `inspect` exits
/// 66 on it; `run` makes it the file's `FILE_UNREADABLE` finding and goes on.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Gone between the claim and the read.
        case vanished
        /// A symbolic link (refused by O_NOFOLLOW), a FIFO, a device, a folder.
        case notRegular(String)
        /// The system's reason (no read permission, an I/O error).
        case failed(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// Where and why, for the finding's evidence and the operator.
    public var explanation: String {
        switch reason {
        case .vanished: return "tệp đã biến mất"
        case .notRegular(let kind): return "không phải tệp thường: \(kind)"
        case .failed(let text): return text
        }
    }

    public var description: String { "không đọc được \(DisplayName.escaped(path)): \(explanation)" }

    static func current(_ path: String) -> FileReadError {
        switch errno {
        case ENOENT: return FileReadError(path: path, reason: .vanished)
        case ELOOP: return FileReadError(path: path, reason: .notRegular("liên kết tượng trưng"))
        default: return FileReadError(path: path, reason: .failed(SystemError.text(errno)))
        }
    }
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
    ///
    /// Opened with O_NOFOLLOW | O_NONBLOCK and checked with fstat on the open descriptor, so a
    /// link, FIFO or device swapped in for the file at any moment is refused, never followed or
    /// waited on; the read is bounded by the size fstat gave (README, "No file can stall the night").
    public func process(fileAt url: URL) throws(FileReadError) -> FormOutcome {
        try process(filePath: url.path)
    }

    public func process(filePath path: String) throws(FileReadError) -> FormOutcome {
        try process(rawPath: Array(path.utf8CString), shown: path)
    }

    /// A path held as bytes, NUL-terminated (an inbox name need not be UTF-8); `shown` names it
    /// in the error.
    func process(rawPath: [CChar], shown path: String) throws(FileReadError) -> FormOutcome {
        let fd = open(rawPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { throw .current(path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .current(path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw FileReadError(path: path, reason: .notRegular(Self.kind(info))) }
        let size = Int(info.st_size)
        if size > limits.maxFileBytes {
            guard let sha = ContentDigest.sha256Hex(descriptor: fd, limit: size) else { throw .current(path) }
            let finding = Finding(.fileTooLarge, field: "file", evidence: "\(size) byte",
                                  detail: .technical("> \(limits.maxFileBytes)"))
            return FormOutcome(sha256: sha, form: nil, findings: [finding], classification: .unclassified(nil),
                               provenance: [:], unknownElements: [:])
        }
        guard let bytes = Self.read(fd, size: size) else { throw .current(path) }
        return process(bytes)
    }

    /// The refusal of a claimed file that could not be read: its bytes are unknown, so its
    /// identity is the claim's (contract §3, `FILE_UNREADABLE`).
    public func unreadable(_ error: FileReadError, claimedAs name: String) -> FormOutcome {
        let finding = Finding(.fileUnreadable, field: "file", evidence: error.explanation)
        return FormOutcome(sha256: ContentDigest.sha256Hex(Array("unreadable:\(name)".utf8)), form: nil,
                           findings: [finding], classification: .unclassified(nil), provenance: [:], unknownElements: [:])
    }

    static func kind(_ info: stat) -> String {
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return "liên kết tượng trưng"
        case S_IFIFO: return "FIFO"
        case S_IFCHR, S_IFBLK: return "thiết bị"
        case S_IFDIR: return "thư mục"
        case S_IFSOCK: return "socket"
        default: return "loại khác"
        }
    }

    /// At most `size` bytes, the size fstat gave: a file that grows meanwhile (or a device that
    /// never ends) is not read past it.
    static func read(_ fd: Int32, size: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
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
