import Foundation
import GRDB
import KiemdiemCore

/// The embedded store of every run, submission, verdict, finding and level (SQLite through GRDB,
/// WAL). The workbook is rebuilt from here for the whole year, never from tonight's files alone.
///
/// One submission is one distinct content (sha256); one arrival is one file claimed from the
/// inbox. The same bytes sent twice make two arrivals and one submission, so nothing is counted
/// twice and every file can still be traced to where it went.
public final class Ledger: Sendable {
    private let queue: DatabaseQueue

    /// Opens (creating if needed) the store at `path` and runs the migrations.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try Ledger.migrator.migrate(queue)
    }

    // Migrations are append-only: a shipped migration is never edited.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, submissions, arrivals, findings") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    year INTEGER NOT NULL,
                    claimed INTEGER NOT NULL DEFAULT 0,
                    accepted INTEGER NOT NULL DEFAULT 0,
                    rejected INTEGER NOT NULL DEFAULT 0,
                    duplicates INTEGER NOT NULL DEFAULT 0,
                    exit_code INTEGER
                );
                CREATE TABLE submissions (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    sha256 TEXT NOT NULL UNIQUE,
                    original_name TEXT NOT NULL,
                    stored_path TEXT NOT NULL,
                    received_at TEXT NOT NULL,
                    verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
                    kind TEXT,
                    template TEXT,
                    year INTEGER NOT NULL,
                    party_committee TEXT,
                    party_cell TEXT,
                    full_name TEXT,
                    date_of_birth TEXT,
                    member_key TEXT,
                    form_date TEXT,
                    self_level TEXT,
                    cell_level TEXT,
                    committee_level TEXT,
                    level TEXT,
                    status TEXT NOT NULL,
                    basis TEXT,
                    ruleset TEXT,
                    form_json TEXT,
                    logged INTEGER NOT NULL DEFAULT 0,
                    superseded_by INTEGER REFERENCES submissions(id)
                );
                CREATE INDEX submissions_year_member ON submissions(year, member_key);
                CREATE TABLE arrivals (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    submission_id INTEGER NOT NULL REFERENCES submissions(id),
                    original_name TEXT NOT NULL,
                    claimed_as TEXT NOT NULL UNIQUE,
                    stored_path TEXT NOT NULL,
                    arrived_at TEXT NOT NULL,
                    duplicate INTEGER NOT NULL
                );
                CREATE TABLE findings (
                    id INTEGER PRIMARY KEY,
                    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    field TEXT,
                    message TEXT NOT NULL,
                    evidence TEXT
                );
                CREATE INDEX findings_submission ON findings(submission_id);
                """)
        }
        return migrator
    }

    // MARK: - Runs

    public func startRun(year: Int, at time: String) throws -> Int64 {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO runs (started_at, year) VALUES (?, ?)", arguments: [time, year])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, counts: RunCounts, exitCode: Int32, at time: String) throws {
        try queue.write { db in
            try db.execute(sql: """
                UPDATE runs SET finished_at = ?, claimed = ?, accepted = ?, rejected = ?, duplicates = ?, exit_code = ?
                WHERE id = ?
                """, arguments: [time, counts.claimed, counts.accepted, counts.rejected, counts.duplicates, exitCode, id])
        }
    }

    public func lastRun() throws -> RunRecord? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM runs ORDER BY id DESC LIMIT 1").map(RunRecord.init(row:))
        }
    }

    // MARK: - Submissions

    /// The submission with these bytes, if they were ever recorded.
    public func submission(sha256: String) throws -> SubmissionRecord? {
        try queue.read { db in try Ledger.submission(db, sha256: sha256) }
    }

    private static func submission(_ db: Database, sha256: String) throws -> SubmissionRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM submissions WHERE sha256 = ?", arguments: [sha256])
            .map { try SubmissionRecord(row: $0, findings: Ledger.findings(db, $0["id"])) }
    }

    /// Records a new submission, its findings and its arrival in one transaction, and settles
    /// duplicates of the same member: the later form date wins, then the later arrival. Returns
    /// the ids of submissions that this one superseded or that superseded it (for reporting).
    @discardableResult
    public func record(_ submission: SubmissionRecord, runID: Int64, claimedAs: String, arrivedAt: String,
                       duplicateFinding: @Sendable (String) -> Finding) throws -> Int64 {
        try queue.write { db in
            try Ledger.record(db, submission, runID: runID, claimedAs: claimedAs, arrivedAt: arrivedAt,
                              duplicateFinding: duplicateFinding)
        }
    }

    private static func record(_ db: Database, _ submission: SubmissionRecord, runID: Int64, claimedAs: String,
                               arrivedAt: String, duplicateFinding: (String) -> Finding) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO submissions (run_id, sha256, original_name, stored_path, received_at, verdict, kind, template,
                year, party_committee, party_cell, full_name, date_of_birth, member_key, form_date, self_level,
                cell_level, committee_level, level, status, basis, ruleset, form_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                runID, submission.sha256, submission.originalName, submission.storedPath, arrivedAt,
                submission.verdict.rawValue, submission.kind?.rawValue, submission.template?.rawValue,
                submission.year, submission.partyCommittee, submission.partyCell, submission.fullName,
                submission.dateOfBirth?.iso, submission.memberKey, submission.formDate?.iso,
                submission.selfLevel?.rawValue, submission.cellLevel?.rawValue, submission.committeeLevel?.rawValue,
                submission.level?.rawValue, submission.status.rawValue, submission.basis?.rawValue,
                submission.ruleset?.rawValue, submission.formJSON,
            ])
        let id = db.lastInsertedRowID
        for finding in submission.findings { try Ledger.insert(finding, submissionID: id, db: db) }
        try db.execute(sql: """
            INSERT INTO arrivals (run_id, submission_id, original_name, claimed_as, stored_path, arrived_at, duplicate)
            VALUES (?, ?, ?, ?, ?, ?, 0)
            """, arguments: [runID, id, submission.originalName, claimedAs, submission.storedPath, arrivedAt])
        if submission.verdict == .accepted, let key = submission.memberKey {
            try Ledger.settleDuplicates(db, newID: id, memberKey: key, year: submission.year, finding: duplicateFinding)
        }
        return id
    }

    /// Another copy of bytes already recorded: an arrival, never a second submission.
    public func recordDuplicateArrival(of submissionID: Int64, runID: Int64, originalName: String, claimedAs: String,
                                       storedPath: String, arrivedAt: String) throws {
        try queue.write { db in
            try Ledger.recordDuplicateArrival(db, of: submissionID, runID: runID, originalName: originalName,
                                              claimedAs: claimedAs, storedPath: storedPath, arrivedAt: arrivedAt)
        }
    }

    private static func recordDuplicateArrival(_ db: Database, of submissionID: Int64, runID: Int64, originalName: String,
                                               claimedAs: String, storedPath: String, arrivedAt: String) throws {
        try db.execute(sql: """
            INSERT INTO arrivals (run_id, submission_id, original_name, claimed_as, stored_path, arrived_at, duplicate)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            """, arguments: [runID, submissionID, originalName, claimedAs, storedPath, arrivedAt])
    }

    /// Several records in ONE transaction (one commit, one fsync of the WAL with
    /// `synchronous = FULL`): all of them are in the store after it returns, or none is.
    /// The body sees its own earlier writes (a second copy of bytes recorded earlier in the
    /// same batch is found by `submission(sha256:)`).
    public func batch<T>(_ body: (Batch) throws -> T) throws -> T {
        try queue.write { db in try body(Batch(db: db)) }
    }

    /// The writes of `record`, `recordDuplicateArrival` and the read of `submission(sha256:)`,
    /// inside a `batch` transaction. Only valid inside the `batch` body.
    public struct Batch {
        fileprivate let db: Database

        public func submission(sha256: String) throws -> SubmissionRecord? {
            try Ledger.submission(db, sha256: sha256)
        }

        @discardableResult
        public func record(_ submission: SubmissionRecord, runID: Int64, claimedAs: String, arrivedAt: String,
                           duplicateFinding: (String) -> Finding) throws -> Int64 {
            try Ledger.record(db, submission, runID: runID, claimedAs: claimedAs, arrivedAt: arrivedAt,
                              duplicateFinding: duplicateFinding)
        }

        public func recordDuplicateArrival(of submissionID: Int64, runID: Int64, originalName: String, claimedAs: String,
                                           storedPath: String, arrivedAt: String) throws {
            try Ledger.recordDuplicateArrival(db, of: submissionID, runID: runID, originalName: originalName,
                                              claimedAs: claimedAs, storedPath: storedPath, arrivedAt: arrivedAt)
        }
    }

    /// Where a claimed file was recorded to go, if its record was committed: a file found in
    /// `processing/` with an arrival is one whose final move was interrupted.
    public func arrival(claimedAs: String) throws -> String? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT stored_path FROM arrivals WHERE claimed_as = ?", arguments: [claimedAs])
        }
    }

    /// Rejected submissions whose findings are not yet in the rejection log.
    public func unloggedRejections() throws -> [SubmissionRecord] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM submissions WHERE verdict = 'rejected' AND logged = 0 ORDER BY id")
                .map { try SubmissionRecord(row: $0, findings: Ledger.findings(db, $0["id"])) }
        }
    }

    /// The rejected submissions not yet logged among those with an id above `afterID`, and the
    /// highest id in the store when they were read (the next call's `afterID`). Ids only grow and
    /// a submission's verdict never changes, so a caller that logs everything it is given can
    /// pass the returned id next time and read only the new rows, not the whole table again
    /// (at 100,000 submissions the full scan took 67 ms, once per batch).
    public func unloggedRejections(after afterID: Int64) throws -> (submissions: [SubmissionRecord], highestID: Int64) {
        try queue.read { db in
            let highest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM submissions") ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM submissions WHERE id > ? AND id <= ? AND verdict = 'rejected' AND logged = 0 ORDER BY id
                """, arguments: [afterID, highest])
            return (try rows.map { try SubmissionRecord(row: $0, findings: Ledger.findings(db, $0["id"])) }, highest)
        }
    }

    public func markLogged(_ submissionID: Int64) throws {
        try markLogged([submissionID])
    }

    /// Marks several submissions as logged in one transaction.
    public func markLogged(_ submissionIDs: [Int64]) throws {
        guard !submissionIDs.isEmpty else { return }
        try queue.write { db in
            for id in submissionIDs {
                try db.execute(sql: "UPDATE submissions SET logged = 1 WHERE id = ?", arguments: [id])
            }
        }
    }

    /// Every column of `submissions` but `form_json`.
    private static let columnsWithoutForm = """
        id, run_id, sha256, original_name, stored_path, received_at, verdict, kind, template, year, party_committee,
        party_cell, full_name, date_of_birth, member_key, form_date, self_level, cell_level, committee_level, level,
        status, basis, ruleset, logged, superseded_by
        """

    /// Every submission of a year, with findings, in arrival order. With `includingForms: false`
    /// `formJSON` is left nil: the workbook does not need the forms, and at 10,000 submissions
    /// they were half of the run's peak memory.
    public func submissions(year: Int, includingForms: Bool = true) throws -> [SubmissionRecord] {
        try queue.read { db in
            // Cursors, not fetchAll: the rows are turned into records one at a time instead of
            // all the rows and all the records being held at once.
            var findingsBySubmission: [Int64: [Finding]] = [:]
            let findingRows = try Row.fetchCursor(db, sql: """
                SELECT f.* FROM findings f JOIN submissions s ON s.id = f.submission_id WHERE s.year = ? ORDER BY f.id
                """, arguments: [year])
            while let row = try findingRows.next() {
                findingsBySubmission[row["submission_id"], default: []].append(Ledger.finding(row))
            }
            let columns = includingForms ? "*" : Ledger.columnsWithoutForm
            let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM submissions WHERE year = ? ORDER BY id",
                                           arguments: [year])
            var records: [SubmissionRecord] = []
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                records.append(try SubmissionRecord(row: row, findings: findingsBySubmission.removeValue(forKey: id) ?? []))
            }
            return records
        }
    }

    /// Counts for `kiemdiem status`.
    public func arrivalCount() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM arrivals") ?? 0 }
    }

    // MARK: - Private

    private static func settleDuplicates(_ db: Database, newID: Int64, memberKey: String, year: Int,
                                         finding: (String) -> Finding) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, form_date, original_name FROM submissions
            WHERE year = ? AND member_key = ? AND verdict = 'accepted' AND superseded_by IS NULL
            ORDER BY (form_date IS NULL), form_date DESC, id DESC
            """, arguments: [year, memberKey])
        // The later form date wins, then the later arrival (higher id); a missing date loses.
        let sorted = rows.sorted { a, b in
            let da: String? = a["form_date"], dbb: String? = b["form_date"]
            if da != dbb { return (da ?? "") > (dbb ?? "") }
            return (a["id"] as Int64) > (b["id"] as Int64)
        }
        guard let winner = sorted.first else { return }
        let winnerID: Int64 = winner["id"]
        let winnerName: String = winner["original_name"]
        for loser in sorted.dropFirst() {
            let loserID: Int64 = loser["id"]
            try db.execute(sql: "UPDATE submissions SET superseded_by = ? WHERE id = ?", arguments: [winnerID, loserID])
            try insert(finding(winnerName), submissionID: loserID, db: db)
        }
    }

    private static func insert(_ finding: Finding, submissionID: Int64, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO findings (submission_id, code, severity, field, message, evidence) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [submissionID, finding.code.rawValue, finding.severity.rawValue, finding.field,
                             finding.message, finding.evidence])
    }

    private static func findings(_ db: Database, _ id: Int64) throws -> [Finding] {
        try Row.fetchAll(db, sql: "SELECT * FROM findings WHERE submission_id = ? ORDER BY id", arguments: [id]).map(finding)
    }

    private static func finding(_ row: Row) -> Finding {
        let code = FindingCode(rawValue: row["code"]) ?? .invalidValue
        var finding = Finding(code, field: row["field"], evidence: row["evidence"],
                              severity: Severity(rawValue: row["severity"]) ?? code.severity)
        finding.message = row["message"]
        return finding
    }
}
