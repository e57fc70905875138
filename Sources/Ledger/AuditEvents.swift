import KiemdiemCore

/// Something the store decided that the audit log has not recorded yet (docs/contract.md §4.2):
/// a claimed file (accepted, refused, or the same bytes again) or a form superseded by a newer
/// one. BatchRun turns each into its log lines.
public struct PendingDecision: Sendable {
    public enum Source: Sendable, Equatable {
        /// A claimed file. `firstCopy` is the first file of the same bytes, for a duplicate.
        /// `claimedAt`: when it was taken from the inbox (`nil` if the store does not know).
        case arrival(id: Int64, claimedAs: String, originalName: String, storedPath: String, recordedAt: String,
                     claimedAt: String?, duplicateOf: String?)
        /// `submission` was superseded by the form in `byFile`.
        case supersession(byFile: String)
    }

    public var source: Source
    public var runID: Int64
    /// Without form JSON.
    public var submission: SubmissionRecord
    /// For an accepted collective report: an earlier accepted report of the same organisation and
    /// year exists (the organisation is re-classified).
    public var organisationClassifiedBefore: Bool
}

/// One line of the audit log as the store indexes it, for `kiemdiem audit`.
public struct AuditEventRecord: Sendable, Equatable {
    public var eventID: String
    public var event: String
    public var runID: Int64
    public var recordedAt: String
    public var year: Int
    public var submissionID: Int64?
    public var fullName: String?
    public var dateOfBirth: String?
    public var memberKey: String?
    public var cellKey: String?
    public var committeeKey: String?
    public var verdict: String?
    public var level: String?
    /// The finding codes of the line.
    public var codes: [String]
    /// The line exactly as written to the log.
    public var line: String

    public init(eventID: String, event: String, runID: Int64, recordedAt: String, year: Int, submissionID: Int64?,
                fullName: String?, dateOfBirth: String?, memberKey: String?, cellKey: String?, committeeKey: String?,
                verdict: String?, level: String?, codes: [String], line: String) {
        self.eventID = eventID
        self.event = event
        self.runID = runID
        self.recordedAt = recordedAt
        self.year = year
        self.submissionID = submissionID
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.memberKey = memberKey
        self.cellKey = cellKey
        self.committeeKey = committeeKey
        self.verdict = verdict
        self.level = level
        self.codes = codes
        self.line = line
    }
}

/// What `kiemdiem audit` asks of the store; `nil` = any. Names compare folded (accents, case
/// and spaces ignored, `TextFolding.fold`), organisations by their keys (`OrganisationKey`).
public struct AuditQuery: Sendable {
    public var fullName: String?
    public var dateOfBirth: String?
    public var cellKey: String?
    public var committeeKey: String?
    public var years: ClosedRange<Int>?
    public var code: String?
    public var verdict: String?
    public var events: Set<String>?
    /// ISO dates (`YYYY-MM-DD`), inclusive, on the time of recording.
    public var from: String?
    public var to: String?

    public init() {}
}

extension Ledger {
    /// At most `limit` decisions not yet in the audit log: arrivals first, in arrival order, then
    /// supersessions in submission order.
    public func pendingDecisions(limit: Int = 2000) throws -> [PendingDecision] {
        try reading { db in
            var pending: [PendingDecision] = []
            let arrivals = try db.rows("""
                SELECT a.id AS arrival_id, a.run_id AS arrival_run, a.claimed_as, a.original_name AS arrival_name,
                       a.stored_path AS arrival_path, a.arrived_at, a.claimed_at, a.duplicate,
                       \(SubmissionRecord.sColumns)
                FROM arrivals a JOIN submissions s ON s.id = a.submission_id
                WHERE a.audit_logged = 0 ORDER BY a.id LIMIT ?
                """, [limit])
            for row in arrivals {
                let submission = try SubmissionRecord(row: row, findings: Ledger.findings(db, row["id"]))
                let duplicate: Bool = row["duplicate"]
                pending.append(PendingDecision(
                    source: .arrival(id: row["arrival_id"], claimedAs: row["claimed_as"], originalName: row["arrival_name"],
                                     storedPath: row["arrival_path"], recordedAt: row["arrived_at"], claimedAt: row["claimed_at"],
                                     duplicateOf: duplicate ? submission.originalName : nil),
                    runID: row["arrival_run"], submission: submission,
                    organisationClassifiedBefore: try Ledger.classifiedBefore(db, submission, cellKey: row["cell_key"],
                                                                              committeeKey: row["committee_key"])))
            }
            guard pending.count < limit else { return pending }
            let superseded = try db.rows("""
                SELECT \(SubmissionRecord.sColumns), w.original_name AS winner_name, w.run_id AS winner_run FROM submissions s
                JOIN submissions w ON w.id = s.superseded_by
                WHERE s.superseded_by IS NOT NULL AND s.supersession_logged = 0 ORDER BY s.id LIMIT ?
                """, [limit - pending.count])
            for row in superseded {
                let submission = try SubmissionRecord(row: row, findings: Ledger.findings(db, row["id"]))
                pending.append(PendingDecision(source: .supersession(byFile: row["winner_name"]), runID: row["winner_run"],
                                               submission: submission, organisationClassifiedBefore: false))
            }
            return pending
        }
    }

    private static func classifiedBefore(_ db: any SQLConnection, _ submission: SubmissionRecord, cellKey: String?,
                                         committeeKey: String?) throws -> Bool {
        guard submission.kind == .collective, submission.verdict == .accepted, let id = submission.id else { return false }
        return try db.column("""
            SELECT EXISTS (SELECT 1 FROM submissions WHERE year = ? AND kind = 'collective' AND verdict = 'accepted'
                AND cell_key IS NOT DISTINCT FROM ? AND committee_key IS NOT DISTINCT FROM ? AND id < ?)
            """, [submission.year, cellKey, committeeKey, id], as: Bool.self).first ?? false
    }

    /// Records the events just written to the audit log, marks their decisions logged and anchors
    /// the lines, in one transaction: a decision is logged iff its lines are anchored.
    public func recordAudit(_ events: [AuditEventRecord], decisions: [PendingDecision], appended: LogAppend) throws {
        try transaction { store in
            for event in events { try Ledger.insert(event, db: store.db) }
            for decision in decisions {
                switch decision.source {
                case .arrival(let id, _, _, _, _, _, _):
                    try store.db.execute("UPDATE arrivals SET audit_logged = 1 WHERE id = ?", [id])
                case .supersession:
                    try store.db.execute("UPDATE submissions SET supersession_logged = 1 WHERE id = ?",
                                         [decision.submission.id])
                }
            }
            try store.anchor(appended)
        }
    }

    private static func insert(_ event: AuditEventRecord, db: any SQLConnection, orIgnore: Bool = false) throws {
        // `ON CONFLICT DO NOTHING` is how both SQLite (3.24+) and PostgreSQL skip a line
        // already indexed (event_id is UNIQUE).
        try db.execute("""
            INSERT INTO audit_events (event_id, event, run_id, recorded_at, year, submission_id,
                full_name, folded_name, date_of_birth, member_key, cell_key, committee_key, verdict, level, codes, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\(orIgnore ? " ON CONFLICT (event_id) DO NOTHING" : "")
            """, [
                event.eventID, event.event, event.runID, event.recordedAt, event.year, event.submissionID,
                event.fullName, event.fullName.map(TextFolding.fold), event.dateOfBirth, event.memberKey,
                event.cellKey, event.committeeKey, event.verdict, event.level,
                "," + event.codes.joined(separator: ",") + ",", event.line,
            ])
    }

    /// A store rebuilt by `recover` has lost its index of the audit log: the log's lines are the
    /// record, so `kiemdiem audit` answers from them again. The submissions they name are not
    /// linked (the rebuilt store numbers them anew); a line already indexed is left as it is.
    public func restoreAuditEvents(_ events: [AuditEventRecord]) throws {
        try transaction { store in
            for event in events { try Ledger.insert(event, db: store.db, orIgnore: true) }
        }
    }

    /// The audit events matching `query`, in the order they were logged, across every year.
    public func auditEvents(_ query: AuditQuery) throws -> [AuditEventRecord] {
        var conditions: [String] = []
        var arguments: SQLArguments = []
        func add(_ condition: String, _ value: (any SQLArgument)?) {
            conditions.append(condition)
            arguments.append(value)
        }
        if let name = query.fullName { add("folded_name = ?", TextFolding.fold(name)) }
        if let date = query.dateOfBirth { add("date_of_birth = ?", date) }
        if let cell = query.cellKey { add("cell_key = ?", cell) }
        if let committee = query.committeeKey { add("committee_key = ?", committee) }
        if let years = query.years {
            add("year >= ?", years.lowerBound)
            add("year <= ?", years.upperBound)
        }
        // upper() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
        if let code = query.code { add("upper(codes) LIKE upper(?)", "%," + code + ",%") }
        if let verdict = query.verdict { add("verdict = ?", verdict) }
        if let from = query.from { add("substr(recorded_at, 1, 10) >= ?", from) }
        if let to = query.to { add("substr(recorded_at, 1, 10) <= ?", to) }
        var sql = "SELECT * FROM audit_events"
        if let events = query.events {
            conditions.append("event IN (" + events.sorted().map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }
                .joined(separator: ", ") + ")")
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY id"
        return try reading { db in
            try db.rows(sql, arguments).map { row in
                let codes: String = row["codes"]
                return AuditEventRecord(
                    eventID: row["event_id"], event: row["event"], runID: row["run_id"], recordedAt: row["recorded_at"],
                    year: row["year"], submissionID: row["submission_id"], fullName: row["full_name"],
                    dateOfBirth: row["date_of_birth"], memberKey: row["member_key"], cellKey: row["cell_key"],
                    committeeKey: row["committee_key"], verdict: row["verdict"], level: row["level"],
                    codes: codes.split(separator: ",").map(String.init), line: row["line"])
            }
        }
    }

    /// A member across years: the folded name and date of birth of `MemberKey`, without the
    /// cell (a member may move to another cell between reviews).
    public static func person(memberKey: String) -> String {
        memberKey.split(separator: "|", omittingEmptySubsequences: false).prefix(2).joined(separator: "|")
    }

    /// The final level of every member's current form, every year, by `person(memberKey:)`: the history
    /// the consecutive-year flags read (docs/contract.md §4.3).
    /// `only` keeps the levels the flags read, so the workbook's rebuild holds a fraction of the
    /// members of every year, not all of them.
    public func levelsByYear(only: Set<Level>? = nil) throws -> [String: [Int: Level]] {
        try reading { db in
            var result: [String: [Int: Level]] = [:]
            let filter = only.map { levels in
                " AND level IN (" + levels.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ") + ")"
            } ?? ""
            try db.forEachRow("""
                SELECT member_key, year, level FROM submissions
                WHERE verdict = 'accepted' AND superseded_by IS NULL AND member_key IS NOT NULL AND level IS NOT NULL
                  AND (kind IS NULL OR kind <> 'collective')\(filter)
                ORDER BY id
                """) { row in
                guard let level = Level(rawValue: row["level"]) else { return }
                result[Ledger.person(memberKey: row["member_key"]), default: [:]][row["year"]] = level
            }
            return result
        }
    }
}
