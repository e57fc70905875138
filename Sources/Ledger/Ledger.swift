import Foundation
import KiemdiemCore
import ReviewRules

/// The store of every run, submission, verdict, finding and level: the workspace's embedded
/// SQLite file, or the board's schema in a shared PostgreSQL database (`StoreLocation`). The
/// workbook is rebuilt from here for the whole year, never from tonight's files alone.
///
/// One submission is one distinct content (sha256); one arrival is one file claimed from the
/// inbox. The same bytes sent twice make two arrivals and one submission, so nothing is counted
/// twice and every file can still be traced to where it went.
public final class Ledger: Sendable {
    let store: any SQLStore

    /// Opens (creating if needed) the SQLite store at `path` and runs the migrations.
    public convenience init(path: String) throws {
        try self.init(store: SQLiteStore(path: path))
    }

    init(store: any SQLStore) throws {
        self.store = store
        try Ledger.migrate(store)
    }

    // MARK: - Runs

    public func startRun(year: Int, at time: String) throws -> Int64 {
        try store.write { db in
            try db.insert("INSERT INTO runs (started_at, year) VALUES (?, ?)", [time, year])
        }
    }

    /// Finishes a run; `absorbing` are the killed runs whose files its counts include
    /// (`interruptedRuns`), marked in the same transaction: a run killed before this point
    /// leaves them for the next one to count.
    public func finishRun(_ id: Int64, counts: RunCounts, exitCode: Int32, at time: String, absorbing: [Int64] = []) throws {
        try store.write { db in
            try db.execute("""
                UPDATE runs SET finished_at = ?, claimed = ?, accepted = ?, rejected = ?, duplicates = ?, exit_code = ?
                WHERE id = ?
                """, [time, counts.claimed, counts.accepted, counts.rejected, counts.duplicates, exitCode, id])
            for killed in absorbing {
                try db.execute("UPDATE runs SET counted_in = ? WHERE id = ? AND finished_at IS NULL", [id, killed])
            }
        }
    }

    /// Runs before `id` that never finished (killed, or the machine stopped) and whose files no
    /// summary counted yet, and what they recorded: every arrival they filed, or recorded and
    /// left in processing/ for the next run to move on, whatever moment they died at (also
    /// while publishing the workbook, after every file was filed).
    public func interruptedRuns(before id: Int64) throws -> (ids: [Int64], counts: RunCounts) {
        try store.read { db in
            let ids = try db.column("SELECT id FROM runs WHERE id < ? AND finished_at IS NULL AND counted_in IS NULL ORDER BY id",
                                    [id], as: Int64.self)
            var counts = RunCounts()
            for killed in ids {
                for row in try db.rows("""
                    SELECT a.duplicate, s.verdict FROM arrivals a JOIN submissions s ON s.id = a.submission_id WHERE a.run_id = ?
                    """, [killed]) {
                    counts.claimed += 1
                    if (row["duplicate"] as Bool?) == true { counts.duplicates += 1 }
                    if (row["verdict"] as String?) == "rejected" { counts.rejected += 1 } else { counts.accepted += 1 }
                }
            }
            return (ids, counts)
        }
    }

    public func lastRun() throws -> RunRecord? {
        try store.read { db in
            try db.row("SELECT * FROM runs ORDER BY id DESC LIMIT 1").map(RunRecord.init(row:))
        }
    }

    // MARK: - Submissions

    /// Runs `body` in ONE write transaction: everything it records is in the store when this
    /// returns (one commit, durable with `synchronous = FULL`), or nothing is.
    /// The body reads its own earlier writes, so a form recorded earlier in the same batch is
    /// seen by the duplicate and order checks of the next one.
    @discardableResult
    public func transaction<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        try store.write { db in try body(LedgerTransaction(db: db)) }
    }

    /// Where a claimed file was recorded to go, if its record was committed: a file found in
    /// `processing/` with an arrival is one whose final move was interrupted.
    public func arrival(claimedAs: String) throws -> ArrivalRecord? {
        try store.read { db in
            try db.row("""
                SELECT a.id, a.run_id, a.original_name, a.claimed_as, a.stored_path, a.duplicate, s.sha256, s.verdict
                FROM arrivals a JOIN submissions s ON s.id = a.submission_id WHERE a.claimed_as = ?
                """, [claimedAs]).map(ArrivalRecord.init(row:))
        }
    }

    /// Every claimed file and the content it carried, in arrival order: what an audit (or a test
    /// after a killed run) compares with the files on disk, one arrival per file.
    public func arrivals() throws -> [ArrivalRecord] {
        try store.read { db in
            try db.rows("""
                SELECT a.id, a.run_id, a.original_name, a.claimed_as, a.stored_path, a.duplicate, s.sha256, s.verdict
                FROM arrivals a JOIN submissions s ON s.id = a.submission_id ORDER BY a.id
                """).map(ArrivalRecord.init(row:))
        }
    }

    /// Rejected submissions whose findings are not yet in the rejection log.
    public func unloggedRejections() throws -> [SubmissionRecord] {
        try store.read { db in
            try db.rows("SELECT \(SubmissionRecord.sColumns) FROM submissions s WHERE s.verdict = 'rejected' AND s.logged = 0 ORDER BY s.id")
                .map { try SubmissionRecord(row: $0, findings: Ledger.findings(db, $0["id"])) }
        }
    }

    /// Marks the submissions whose lines were just appended to the rejection log and anchors
    /// those lines, in one transaction: a submission is logged iff its lines are anchored.
    public func markLogged(_ submissionIDs: [Int64], appended: LogAppend) throws {
        try store.write { db in
            for id in submissionIDs {
                try db.execute("UPDATE submissions SET logged = 1 WHERE id = ?", [id])
            }
            try LedgerTransaction(db: db).anchor(appended)
        }
    }

    /// Every submission of a year, with findings, in arrival order. With `includingForms: false`
    /// `formJSON` is left nil: the workbook does not need the forms, and at 10,000 submissions
    /// they were half of the run's peak memory.
    public func submissions(year: Int, includingForms: Bool = true) throws -> [SubmissionRecord] {
        try store.read { db in
            // Row by row: the rows are turned into records one at a time instead of all the rows
            // and all the records being held at once.
            var findingsBySubmission: [Int64: [Finding]] = [:]
            try db.forEachRow("""
                SELECT f.* FROM findings f JOIN submissions s ON s.id = f.submission_id WHERE s.year = ? ORDER BY f.id
                """, [year]) { row in
                findingsBySubmission[row["submission_id"], default: []].append(Ledger.finding(row))
            }
            let sql = includingForms
                ? "SELECT \(SubmissionRecord.columnsWithForm) FROM submissions s \(SubmissionRecord.joinForm) WHERE s.year = ? ORDER BY s.id"
                : "SELECT \(SubmissionRecord.sColumns) FROM submissions s WHERE s.year = ? ORDER BY s.id"
            var records: [SubmissionRecord] = []
            try db.forEachRow(sql, [year]) { row in
                let id: Int64 = row["id"]
                records.append(try SubmissionRecord(row: row, findings: findingsBySubmission.removeValue(forKey: id) ?? []))
            }
            return records
        }
    }

    /// Counts for `kiemdiem status`.
    public func arrivalCount() throws -> Int {
        try store.read { db in try db.column("SELECT COUNT(*) FROM arrivals", as: Int.self).first ?? 0 }
    }

    /// One read transaction for the report reads (ReportReads.swift), which stream their rows
    /// to the caller while it is open.
    func reading<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try store.read(body)
    }

    /// One write transaction for the derived records (OrganisationRecords.swift).
    func writing<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try store.write(body)
    }

    // MARK: - Shared with LedgerTransaction

    /// Applies the duplicate rule (`YearRules.settleDuplicates`) to a member's current forms.
    static func settleDuplicates(_ db: any SQLConnection, memberKey: String, year: Int) throws {
        let candidates = try db.rows("""
            SELECT id, form_date, original_name FROM submissions
            WHERE year = ? AND member_key = ? AND verdict = 'accepted' AND superseded_by IS NULL
            """, [year, memberKey]).map { row in
            DuplicateCandidate(id: row["id"], formDate: (row["form_date"] as String?).flatMap(CivilDate.init(iso:)),
                               file: row["original_name"])
        }
        guard let settled = YearRules.settleDuplicates(candidates) else { return }
        for (loser, finding) in settled.superseded {
            try db.execute("UPDATE submissions SET superseded_by = ? WHERE id = ?", [settled.winner.id, loser.id])
            try insert(finding, submissionID: loser.id, db: db)
        }
    }

    static func insert(_ finding: Finding, submissionID: Int64, db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO findings (submission_id, code, severity, field, message, evidence, location, detail, rule)
            VALUES (?, ?, ?, ?, '', ?, ?, ?, ?)
            """, [submissionID, finding.code.rawValue, finding.severity.rawValue, finding.field,
                                     finding.evidence, finding.location, FindingJSON.encode(finding.detail),
                                     FindingJSON.encode(finding.rule)])
    }

    static func findings(_ db: any SQLConnection, _ id: Int64) throws -> [Finding] {
        try db.rows("SELECT * FROM findings WHERE submission_id = ? ORDER BY id", [id]).map(finding)
    }

    static func finding(_ row: SQLRow) -> Finding {
        let code = FindingCode(rawValue: row["code"]) ?? .invalidValue
        return Finding(code, field: row["field"], evidence: row["evidence"], location: row["location"],
                       severity: Severity(rawValue: row["severity"]) ?? code.severity,
                       detail: FindingJSON.decode(row["detail"]), rule: FindingJSON.decode(row["rule"]))
    }
}

/// A finding's detail and rule as the store keeps them: JSON text, `NULL` for none.
enum FindingJSON {
    static func encode<T: Encodable>(_ value: T?) -> String? {
        guard let value, let data = try? JSONEncoder().encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
