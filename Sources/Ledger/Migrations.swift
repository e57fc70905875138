/// One step of the store's schema. The same steps, in the same order, make both stores
/// (docs/contract.md "The store"); each is written in SQLite's DDL and `PostgresStore` translates
/// the few words the two spell differently (`PostgresDialect.translate`).
struct Migration: Sendable {
    let id: String
    let sql: String

    init(_ id: String, _ sql: String) {
        self.id = id
        self.sql = sql
    }
}

extension Ledger {
    // Migrations are append-only: a shipped migration is never edited. The applied ones are
    // listed in `grdb_migrations`, the table GRDB's migrator kept them in before the store had
    // two backends, so an existing workspace store goes on where it was.
    static let migrations: [Migration] = [
        Migration("v1: runs, submissions, arrivals, findings",
            """
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
                """),
        Migration("v2: dates and organisation keys for the batch-wide order rules",
            """
                ALTER TABLE submissions ADD COLUMN cell_key TEXT;
                ALTER TABLE submissions ADD COLUMN committee_key TEXT;
                ALTER TABLE submissions ADD COLUMN committee_date TEXT;
                ALTER TABLE submissions ADD COLUMN meeting_date TEXT;
                CREATE INDEX submissions_year_cell ON submissions(year, cell_key);
                """),
        Migration("v3: find the rejections not yet logged without scanning the year",
            // Checked after every recorded file: without it each check read the whole table.
            "CREATE INDEX submissions_unlogged ON submissions(id) WHERE verdict = 'rejected' AND logged = 0"),
        Migration("v4: find a cell's collective report without reading its members",
            // The order rules look up the collective report of the member's cell for every form:
            // through (year, cell_key) that read every member of the cell, O(N) per form.
            """
                CREATE INDEX submissions_collectives ON submissions(year, cell_key, committee_key)
                WHERE kind = 'collective'
                """),
        Migration("v5: where in the document each finding was seen",
            "ALTER TABLE findings ADD COLUMN location TEXT"),
        Migration("v6: the audit logs' anchors, line by line and per append",
            // docs/contract.md §4: the store holds every line's SHA-256 and, per append, the
            // count and head (with its HMAC when keyed), so verify-log can check the file
            // against the store and the store against the file.
            """
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
                """),
        Migration("v7: every decision in the audit log, once, and queryable across years",
            // docs/contract.md §4.2: an arrival (accepted, refused, same bytes again) and a
            // supersession are logged once each; audit_events is what the lines said, for
            // `kiemdiem audit`. Arrivals and supersessions already in the store are logged by
            // the first run after the upgrade.
            """
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
                """),
        Migration("v8: findings as data (detail, rule); writers render the message",
            // `message` stays for stores written before v8 and is written empty from now on:
            // a finding's words depend on the language each writer is asked for.
            """
                ALTER TABLE findings ADD COLUMN detail TEXT;
                ALTER TABLE findings ADD COLUMN rule TEXT;
                """),
        Migration("v9: the organisations of each year and their classification",
            // Rebuilt from the forms, the organisations file and the rules on every workbook
            // rebuild (docs/rules.md "Tổ chức đảng"); `result` is the whole OrganisationResult,
            // the other columns are for queries and the sheets' subtotals.
            """
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
                """),
        Migration("v10: why a rule had a say on each level, shown beside it",
            "ALTER TABLE submissions ADD COLUMN level_reasons TEXT"),
        Migration("v11: when each file was taken from the inbox, apart from when it was recorded",
            // The audit log's arrived_at (docs/contract.md §4.2); NULL for arrivals recorded before.
            "ALTER TABLE arrivals ADD COLUMN claimed_at TEXT"),
        Migration("v12: which run's summary counted a killed run's files",
            // A killed run prints no summary: the next run that finishes counts what it filed
            // (README, "Nothing is lost"). Runs before this step are taken as counted.
            """
                ALTER TABLE runs ADD COLUMN counted_in INTEGER;
                UPDATE runs SET counted_in = id WHERE finished_at IS NULL;
                """),
        Migration("v13: the forms apart from the decisions",
            // A form's JSON is kilobytes; stored inside the submission's row, every read of a
            // column added after it (the keys, the reasons) walked through it. submissions.form_json
            // stays, always NULL from now on.
            """
                CREATE TABLE submission_forms (
                    submission_id INTEGER PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
                    form_json TEXT NOT NULL
                );
                INSERT INTO submission_forms (submission_id, form_json)
                    SELECT id, form_json FROM submissions WHERE form_json IS NOT NULL;
                UPDATE submissions SET form_json = NULL WHERE form_json IS NOT NULL;
                """),
        Migration("v14: the result packages exported, for the level above to take from a shared store",
            // The package's exact bytes (UTF-8 JSON lines, signed): a roll-up reading the store
            // checks them as it checks a file, so the database carries packages without being
            // trusted with them.
            """
                CREATE TABLE result_packages (
                    sha256 TEXT PRIMARY KEY,
                    year INTEGER NOT NULL,
                    board TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    exported_at TEXT NOT NULL,
                    package TEXT NOT NULL
                );
                CREATE INDEX result_packages_year ON result_packages(year, exported_at);
                """),
    ]

    /// Applies the migrations not yet applied, in order, each in its own transaction.
    static func migrate(_ store: any SQLStore) throws {
        let applied = try store.write { db in
            try db.execute("CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            return Set(try db.column("SELECT identifier FROM grdb_migrations", as: String.self))
        }
        // An up-to-date store (every night's case) costs this one transaction.
        for migration in migrations where !applied.contains(migration.id) {
            try store.write { db in
                if db.dialect == .postgres {
                    // Two runs of one board opening a new schema at once: the second waits, then
                    // finds the step applied.
                    try db.execute("SELECT pg_advisory_xact_lock(hashtextextended(current_schema(), 0))")
                }
                guard try db.column("SELECT identifier FROM grdb_migrations WHERE identifier = ?", [migration.id],
                                    as: String.self).isEmpty else { return }
                try db.executeScript(db.dialect == .postgres ? PostgresDialect.translate(migration.sql) : migration.sql)
                try db.execute("INSERT INTO grdb_migrations (identifier) VALUES (?)", [migration.id])
            }
        }
    }

    /// The migrations applied to this store, in the order of `migrations`: equal on every
    /// backend once each has been opened by the same program.
    public func schemaVersion() throws -> [String] {
        let applied = Set(try store.read { db in try db.column("SELECT identifier FROM grdb_migrations", as: String.self) })
        return Ledger.migrations.map(\.id).filter(applied.contains)
    }
}
