import Foundation
import GRDB
import KiemdiemCore
import ReviewRules

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
        migrator.registerMigration("v2: dates and organisation keys for the batch-wide order rules") { db in
            try db.execute(sql: """
                ALTER TABLE submissions ADD COLUMN cell_key TEXT;
                ALTER TABLE submissions ADD COLUMN committee_key TEXT;
                ALTER TABLE submissions ADD COLUMN committee_date TEXT;
                ALTER TABLE submissions ADD COLUMN meeting_date TEXT;
                CREATE INDEX submissions_year_cell ON submissions(year, cell_key);
                """)
        }
        migrator.registerMigration("v3: find the rejections not yet logged without scanning the year") { db in
            // Checked after every recorded file: without it each check read the whole table.
            try db.execute(sql: "CREATE INDEX submissions_unlogged ON submissions(id) WHERE verdict = 'rejected' AND logged = 0")
        }
        migrator.registerMigration("v4: find a cell's collective report without reading its members") { db in
            // The order rules look up the collective report of the member's cell for every form:
            // through (year, cell_key) that read every member of the cell, O(N) per form.
            try db.execute(sql: """
                CREATE INDEX submissions_collectives ON submissions(year, cell_key, committee_key)
                WHERE kind = 'collective'
                """)
        }
        migrator.registerMigration("v5: where in the document each finding was seen") { db in
            try db.execute(sql: "ALTER TABLE findings ADD COLUMN location TEXT")
        }
        migrator.registerMigration("v6: the audit logs' anchors, line by line and per append") { db in
            // docs/contract.md §4: the store holds every line's SHA-256 and, per append, the
            // count and head (with its HMAC when keyed), so verify-log can check the file
            // against the store and the store against the file.
            try db.execute(sql: """
                CREATE TABLE log_lines (
                    log TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    run_id INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    PRIMARY KEY (log, line)
                ) WITHOUT ROWID;
                CREATE TABLE log_anchors (
                    id INTEGER PRIMARY KEY,
                    log TEXT NOT NULL,
                    run_id INTEGER NOT NULL,
                    lines INTEGER NOT NULL,
                    head_sha256 TEXT NOT NULL,
                    head_mac TEXT,
                    key_id TEXT,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX log_anchors_log ON log_anchors(log, lines);
                """)
        }
        migrator.registerMigration("v7: every decision in the audit log, once, and queryable across years") { db in
            // docs/contract.md §4.2: an arrival (accepted, refused, same bytes again) and a
            // supersession are logged once each; audit_events is what the lines said, for
            // `kiemdiem audit`. Arrivals and supersessions already in the store are logged by
            // the first run after the upgrade.
            try db.execute(sql: """
                ALTER TABLE arrivals ADD COLUMN audit_logged INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE submissions ADD COLUMN supersession_logged INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX arrivals_unaudited ON arrivals(id) WHERE audit_logged = 0;
                CREATE INDEX submissions_unaudited_supersessions ON submissions(id)
                    WHERE superseded_by IS NOT NULL AND supersession_logged = 0;
                CREATE TABLE audit_events (
                    id INTEGER PRIMARY KEY,
                    event_id TEXT NOT NULL UNIQUE,
                    event TEXT NOT NULL,
                    run_id INTEGER NOT NULL,
                    recorded_at TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    submission_id INTEGER REFERENCES submissions(id),
                    full_name TEXT,
                    folded_name TEXT,
                    date_of_birth TEXT,
                    member_key TEXT,
                    cell_key TEXT,
                    committee_key TEXT,
                    verdict TEXT,
                    level TEXT,
                    codes TEXT NOT NULL,
                    line TEXT NOT NULL
                );
                CREATE INDEX audit_events_member ON audit_events(folded_name, date_of_birth);
                CREATE INDEX audit_events_year ON audit_events(year, cell_key);
                """)
        }
        migrator.registerMigration("v8: findings as data (detail, rule); writers render the message") { db in
            // `message` stays for stores written before v8 and is written empty from now on:
            // a finding's words depend on the language each writer is asked for.
            try db.execute(sql: """
                ALTER TABLE findings ADD COLUMN detail TEXT;
                ALTER TABLE findings ADD COLUMN rule TEXT;
                """)
        }
        migrator.registerMigration("v9: the organisations of each year and their classification") { db in
            // Rebuilt from the forms, the organisations file and the rules on every workbook
            // rebuild (docs/rules.md "Tổ chức đảng"); `result` is the whole OrganisationResult,
            // the other columns are for queries and the sheets' subtotals.
            try db.execute(sql: """
                CREATE TABLE organisations (
                    year INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    kind TEXT,
                    parent_key TEXT,
                    type TEXT,
                    founded TEXT,
                    deciding_body TEXT,
                    self_level TEXT,
                    proposed_level TEXT,
                    decided_level TEXT,
                    total_score REAL,
                    level TEXT,
                    status TEXT NOT NULL,
                    result TEXT NOT NULL,
                    PRIMARY KEY (year, key)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v10: why a rule had a say on each level, shown beside it") { db in
            try db.execute(sql: "ALTER TABLE submissions ADD COLUMN level_reasons TEXT")
        }
        migrator.registerMigration("v11: when each file was taken from the inbox, apart from when it was recorded") { db in
            // The audit log's arrived_at (docs/contract.md §4.2); NULL for arrivals recorded before.
            try db.execute(sql: "ALTER TABLE arrivals ADD COLUMN claimed_at TEXT")
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

    /// Runs `body` in ONE write transaction: everything it records is in the store when this
    /// returns (one commit, one fsync of the WAL with `synchronous = FULL`), or nothing is.
    /// The body reads its own earlier writes, so a form recorded earlier in the same batch is
    /// seen by the duplicate and order checks of the next one.
    @discardableResult
    public func transaction<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        try queue.write { db in try body(LedgerTransaction(db: db)) }
    }

    /// Where a claimed file was recorded to go, if its record was committed: a file found in
    /// `processing/` with an arrival is one whose final move was interrupted.
    public func arrival(claimedAs: String) throws -> ArrivalRecord? {
        try queue.read { db in
            try Row.fetchOne(db, sql: """
                SELECT a.id, a.run_id, a.original_name, a.claimed_as, a.stored_path, a.duplicate, s.sha256, s.verdict
                FROM arrivals a JOIN submissions s ON s.id = a.submission_id WHERE a.claimed_as = ?
                """, arguments: [claimedAs]).map(ArrivalRecord.init(row:))
        }
    }

    /// Every claimed file and the content it carried, in arrival order: what an audit (or a test
    /// after a killed run) compares with the files on disk, one arrival per file.
    public func arrivals() throws -> [ArrivalRecord] {
        try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.run_id, a.original_name, a.claimed_as, a.stored_path, a.duplicate, s.sha256, s.verdict
                FROM arrivals a JOIN submissions s ON s.id = a.submission_id ORDER BY a.id
                """).map(ArrivalRecord.init(row:))
        }
    }

    /// Rejected submissions whose findings are not yet in the rejection log.
    public func unloggedRejections() throws -> [SubmissionRecord] {
        try queue.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM submissions WHERE verdict = 'rejected' AND logged = 0 ORDER BY id"))
                .map { try SubmissionRecord(row: $0, findings: Ledger.findings(db, $0["id"])) }
        }
    }

    /// Marks the submissions whose lines were just appended to the rejection log and anchors
    /// those lines, in one transaction: a submission is logged iff its lines are anchored.
    public func markLogged(_ submissionIDs: [Int64], appended: LogAppend) throws {
        try queue.write { db in
            for id in submissionIDs {
                try db.cachedStatement(sql: "UPDATE submissions SET logged = 1 WHERE id = ?").execute(arguments: [id])
            }
            try LedgerTransaction(db: db).anchor(appended)
        }
    }

    /// Every column of `submissions` but `form_json`.
    private static let columnsWithoutForm = """
        id, run_id, sha256, original_name, stored_path, received_at, verdict, kind, template, year, party_committee,
        party_cell, full_name, date_of_birth, member_key, form_date, self_level, cell_level, committee_level, level,
        status, basis, ruleset, logged, superseded_by, cell_key, committee_key, committee_date, meeting_date, level_reasons
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

    /// One read transaction for the report reads (ReportReads.swift), which stream their rows
    /// to the caller while it is open.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// One write transaction for the derived records (OrganisationRecords.swift).
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.write(body)
    }

    // MARK: - Shared with LedgerTransaction

    /// Applies the duplicate rule (`YearRules.settleDuplicates`) to a member's current forms.
    static func settleDuplicates(_ db: Database, memberKey: String, year: Int) throws {
        let candidates = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, form_date, original_name FROM submissions
            WHERE year = ? AND member_key = ? AND verdict = 'accepted' AND superseded_by IS NULL
            """), arguments: [year, memberKey]).map { row in
            DuplicateCandidate(id: row["id"], formDate: (row["form_date"] as String?).flatMap(CivilDate.init(iso:)),
                               file: row["original_name"])
        }
        guard let settled = YearRules.settleDuplicates(candidates) else { return }
        for (loser, finding) in settled.superseded {
            try db.execute(sql: "UPDATE submissions SET superseded_by = ? WHERE id = ?", arguments: [settled.winner.id, loser.id])
            try insert(finding, submissionID: loser.id, db: db)
        }
    }

    static func insert(_ finding: Finding, submissionID: Int64, db: Database) throws {
        // Cached statements: a batch runs these hundreds of times, and preparing one each time
        // went through GRDB's authorizer for every column (a tenth of the recording thread).
        try db.cachedStatement(sql: """
            INSERT INTO findings (submission_id, code, severity, field, message, evidence, location, detail, rule)
            VALUES (?, ?, ?, ?, '', ?, ?, ?, ?)
            """).execute(arguments: [submissionID, finding.code.rawValue, finding.severity.rawValue, finding.field,
                                     finding.evidence, finding.location, FindingJSON.encode(finding.detail),
                                     FindingJSON.encode(finding.rule)])
    }

    static func findings(_ db: Database, _ id: Int64) throws -> [Finding] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM findings WHERE submission_id = ? ORDER BY id"), arguments: [id])
            .map(finding)
    }

    static func finding(_ row: Row) -> Finding {
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
