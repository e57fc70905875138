import KiemdiemCore

public enum Verdict: String, Sendable, Codable {
    case accepted, rejected
}

/// Counts of one run, for the store and the operator's summary line.
public struct RunCounts: Sendable, Equatable {
    public var claimed = 0
    public var accepted = 0
    public var rejected = 0
    public var duplicates = 0
    public init() {}
}

public struct RunRecord: Sendable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var year: Int
    public var counts: RunCounts
    public var exitCode: Int32?

    init(row: SQLRow) {
        id = row["id"]
        startedAt = row["started_at"]
        finishedAt = row["finished_at"]
        year = row["year"]
        counts = RunCounts()
        counts.claimed = row["claimed"]
        counts.accepted = row["accepted"]
        counts.rejected = row["rejected"]
        counts.duplicates = row["duplicates"]
        exitCode = row["exit_code"]
    }
}

/// One file claimed from the inbox: where it was filed and which content it carried.
public struct ArrivalRecord: Sendable, Equatable {
    public var id: Int64
    public var runID: Int64
    public var originalName: String
    /// The name it had in `processing/`, unique across runs.
    public var claimedAs: String
    /// Path relative to the workspace where the file was (or is being) filed.
    public var storedPath: String
    /// True when the same bytes had arrived before (filed next to the first copy, counted once).
    public var duplicate: Bool
    public var sha256: String
    public var verdict: Verdict

    init(row: SQLRow) {
        id = row["id"]
        runID = row["run_id"]
        originalName = row["original_name"]
        claimedAs = row["claimed_as"]
        storedPath = row["stored_path"]
        duplicate = row["duplicate"]
        sha256 = row["sha256"]
        verdict = Verdict(rawValue: row["verdict"]) ?? .rejected
    }
}

/// One distinct submitted content and what the pipeline made of it.
public struct SubmissionRecord: Sendable, Equatable {
    public var id: Int64?
    public var sha256: String
    public var originalName: String
    /// Path relative to the workspace where the file was (or is being) archived.
    public var storedPath: String
    public var verdict: Verdict
    public var kind: FormKind?
    public var template: FormTemplate?
    public var year: Int
    public var partyCommittee: String?
    public var partyCell: String?
    public var fullName: String?
    public var dateOfBirth: CivilDate?
    /// One member = normalised name + date of birth + cell (see `MemberKey`).
    public var memberKey: String?
    public var formDate: CivilDate?
    /// The committee's decision date (individual) and the review meeting date (collective), for
    /// the order rules that span forms.
    public var committeeDate: CivilDate?
    public var meetingDate: CivilDate?
    public var selfLevel: Level?
    public var cellLevel: Level?
    public var committeeLevel: Level?
    public var level: Level?
    public var status: ClassificationStatus
    public var basis: ClassificationBasis?
    public var ruleset: Ruleset?
    /// The form as `inspect --json` prints it, for audits and later rebuilds.
    public var formJSON: String?
    public var findings: [Finding]
    public var supersededBy: Int64?
    /// The rules that capped the level or conflict with the decision kept (`Classification.reasons`).
    public var levelReasons: [LevelReason] = []
    /// When the store recorded it (ISO 8601, read back; set by the store, not by the caller).
    public var receivedAt: String?

    public init(sha256: String, originalName: String, storedPath: String, verdict: Verdict, year: Int,
                status: ClassificationStatus, findings: [Finding]) {
        self.sha256 = sha256
        self.originalName = originalName
        self.storedPath = storedPath
        self.verdict = verdict
        self.year = year
        self.status = status
        self.findings = findings
    }

    init(row: SQLRow, findings: [Finding]) throws {
        id = row["id"]
        sha256 = row["sha256"]
        originalName = row["original_name"]
        storedPath = row["stored_path"]
        receivedAt = row["received_at"]
        verdict = Verdict(rawValue: row["verdict"]) ?? .rejected
        kind = (row["kind"] as String?).flatMap(FormKind.init(rawValue:))
        template = (row["template"] as String?).flatMap(FormTemplate.init(rawValue:))
        year = row["year"]
        partyCommittee = row["party_committee"]
        partyCell = row["party_cell"]
        fullName = row["full_name"]
        dateOfBirth = (row["date_of_birth"] as String?).flatMap(CivilDate.init(iso:))
        memberKey = row["member_key"]
        formDate = (row["form_date"] as String?).flatMap(CivilDate.init(iso:))
        committeeDate = (row["committee_date"] as String?).flatMap(CivilDate.init(iso:))
        meetingDate = (row["meeting_date"] as String?).flatMap(CivilDate.init(iso:))
        selfLevel = (row["self_level"] as String?).flatMap(Level.init(rawValue:))
        cellLevel = (row["cell_level"] as String?).flatMap(Level.init(rawValue:))
        committeeLevel = (row["committee_level"] as String?).flatMap(Level.init(rawValue:))
        level = (row["level"] as String?).flatMap(Level.init(rawValue:))
        status = ClassificationStatus(rawValue: row["status"]) ?? .unclassified
        basis = (row["basis"] as String?).flatMap(ClassificationBasis.init(rawValue:))
        ruleset = (row["ruleset"] as String?).flatMap(Ruleset.init(rawValue:))
        formJSON = row["form_json"]
        supersededBy = row["superseded_by"]
        levelReasons = FindingJSON.decode(row["level_reasons"]) ?? []
        self.findings = findings
    }
}

extension SubmissionRecord {
    /// The columns of `submissions` that `init(row:)` reads, prefixed by `table`. The form's JSON
    /// is kept apart, in `submission_forms` (store v12): kilobytes per form that SQLite would walk
    /// through on every read of the decision, and that only `inspect`-like reads want.
    static func columns(_ table: String) -> String {
        ["id", "run_id", "sha256", "original_name", "stored_path", "received_at", "verdict", "kind", "template", "year",
         "party_committee", "party_cell", "full_name", "date_of_birth", "member_key", "form_date", "self_level",
         "cell_level", "committee_level", "level", "status", "basis", "ruleset", "logged", "superseded_by", "cell_key",
         "committee_key", "committee_date", "meeting_date", "level_reasons"].map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// `columns("s")`, made once: the per-file duplicate check and the audit log's reads after
    /// every batch use it.
    static let sColumns = columns("s")

    /// The same with the form's JSON, for `submissions` aliased `s`.
    static let columnsWithForm = sColumns + ", f.form_json AS form_json"
    static let joinForm = "LEFT JOIN submission_forms f ON f.submission_id = s.id"
}

/// The identity of a member across submissions: normalised name + date of birth + cell.
public enum MemberKey {
    public static func make(fullName: String?, dateOfBirth: CivilDate?, partyCell: String?) -> String? {
        guard let fullName else { return nil }
        let cell = partyCell.map(OrganisationKey.cell) ?? ""
        return [TextFolding.fold(fullName), dateOfBirth?.iso ?? "", cell].joined(separator: "|")
    }
}

