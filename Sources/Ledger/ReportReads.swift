import Foundation
import KiemdiemCore

/// One member of a year as the consolidated workbook counts them.
///
/// A member is their `memberKey`; a submission without one (nobody could be named from it) is a
/// member of its own, `"sha:<sha256>"`. Only individual submissions (kind not `collective`) count.
public struct MemberStanding: Sendable {
    public var memberID: String
    /// The cell and verdict of the member's latest individual submission (the highest id).
    public var latestPartyCell: String?
    public var latestVerdict: Verdict
    /// The member's accepted form that no other form superseded (the highest id if several),
    /// without findings or form JSON; `nil` when there is none, whatever the latest verdict.
    public var current: SubmissionRecord?
}

/// One finding with the submission it belongs to, for the finding lists of the workbook.
public struct FindingEntry: Sendable {
    public var originalName: String
    public var fullName: String?
    public var partyCell: String?
    public var finding: Finding
}

/// Which findings `forEachFinding` reads.
public enum FindingSource: Sendable {
    /// Every finding of every rejected submission, collective ones included.
    case rejected
    /// The findings of each member's current form (see `MemberStanding.current`).
    case currentForms
    /// The findings of individual forms another form superseded.
    case supersededForms
}

/// Reads for the workbook rebuild. They stream: each row goes to the caller as it is read, and
/// ordering is left to SQLite, whose sorter spills to temporary files, so the memory they need
/// does not grow with the number of submissions of the year. (On PostgreSQL a result is read
/// whole before its first row is handed over, and the member order is Swift's.)
extension Ledger {
    /// Individual forms only; a missing kind counts as individual, as it always has.
    private static let individual = "(kind IS NULL OR kind <> 'collective')"

    /// The condition on `s` that it is its member's current form.
    private static func isCurrent(_ s: String) -> String {
        """
        \(s).verdict = 'accepted' AND \(s).superseded_by IS NULL AND (\(s).kind IS NULL OR \(s).kind <> 'collective')
        AND (\(s).member_key IS NULL OR \(s).id = (
            SELECT MAX(t.id) FROM submissions t
            WHERE t.year = \(s).year AND t.member_key = \(s).member_key AND (t.kind IS NULL OR t.kind <> 'collective')
              AND t.verdict = 'accepted' AND t.superseded_by IS NULL))
        """
    }

    /// The condition on `s` that it is an individual submission and its member's latest (the
    /// highest id of the member key; one without a key is a member of its own).
    static func isLatestIndividual(_ s: String) -> String {
        """
        (\(s).kind IS NULL OR \(s).kind <> 'collective')
        AND (\(s).member_key IS NULL OR \(s).id = (
            SELECT MAX(t.id) FROM submissions t
            WHERE t.year = \(s).year AND t.member_key = \(s).member_key AND (t.kind IS NULL OR t.kind <> 'collective')))
        """
    }

    /// Every submission of a year in arrival order, without findings or form JSON.
    public func forEachSubmission(year: Int, individualOnly: Bool,
                                  _ body: (SubmissionRecord) throws -> Void) throws {
        try reading { db in
            let filter = individualOnly ? " AND \(Ledger.individual)" : ""
            try db.forEachRow("""
                SELECT \(SubmissionRecord.columns("submissions")) FROM submissions WHERE year = ?\(filter) ORDER BY id
                """, [year]) { row in try body(try SubmissionRecord(row: row, findings: [])) }
        }
    }

    /// Each cell's spelling on its first individual form of the year, by `OrganisationKey.cell`
    /// (the `cell_key` column): the name the workbook and the notices' folders give the cell.
    public func firstCellSpellings(year: Int) throws -> [String: String] {
        try reading { db in
            var spelling: [String: String] = [:]
            try db.forEachRow("""
                SELECT cell_key, party_cell FROM submissions WHERE id IN (
                    SELECT MIN(id) FROM submissions WHERE year = ? AND \(Ledger.individual) AND cell_key IS NOT NULL
                    GROUP BY cell_key)
                """, [year]) { row in spelling[row["cell_key"]] = row["party_cell"] }
            return spelling
        }
    }

    /// The order of `forEachMember`: by the rank of the cell of the member's latest form (keyed
    /// by `OrganisationKey.cell`, "" for no cell; equal ranks tie), then by the folded full name
    /// and the file name of the current form, then by member id, comparing text as Swift's `<`
    /// does. The same order as sorting in Swift, without holding the members.
    public struct MemberOrder: Sendable {
        public var cellRank: [String: Int]
        public init(cellRank: [String: Int]) { self.cellRank = cellRank }

        static func rank(_ ranks: [String: Int], cell: String?) -> Int {
            ranks[cell.map(OrganisationKey.cell) ?? ""] ?? Int.max
        }

        static func fold(_ name: String?) -> String { TextFolding.fold(name ?? "") }

        /// The same order as the SQL `ORDER BY` of `forEachMember`, for a store that cannot run
        /// Swift in its sorter. SQLite sorts NULL first; so does this.
        func sorted(_ members: [MemberStanding]) -> [MemberStanding] {
            func less(_ a: String?, _ b: String?) -> Bool? {
                switch (a, b) {
                case (nil, nil): nil
                case (nil, _): true
                case (_, nil): false
                case let (a?, b?): a == b ? nil : a < b
                }
            }
            let keyed = members.map { m in
                (m, MemberOrder.rank(cellRank, cell: m.latestPartyCell), MemberOrder.fold(m.current?.fullName))
            }
            return keyed.sorted { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                if a.2 != b.2 { return a.2 < b.2 }
                if let order = less(a.0.current?.originalName, b.0.current?.originalName) { return order }
                return a.0.memberID < b.0.memberID
            }.map(\.0)
        }
    }

    /// Every member of a year, optionally only those of one cell (`cellKey`: `OrganisationKey.cell`
    /// of the latest form's cell), only those whose latest form is accepted and who have a
    /// current form, and in `order` (otherwise in no particular order).
    public func forEachMember(year: Int, cellKey: String? = nil, acceptedOnly: Bool = false, order: MemberOrder? = nil,
                              _ body: (MemberStanding) throws -> Void) throws {
        try reading { db in
            var sql = """
                SELECT COALESCE(l.member_key, 'sha:' || l.sha256) AS report_member_id,
                       l.party_cell AS report_latest_cell, l.verdict AS report_latest_verdict,
                       \(SubmissionRecord.columns("c"))
                FROM submissions l
                LEFT JOIN submissions c ON c.id = CASE
                    WHEN l.member_key IS NULL THEN
                        CASE WHEN l.verdict = 'accepted' AND l.superseded_by IS NULL THEN l.id END
                    ELSE (SELECT MAX(t.id) FROM submissions t
                          WHERE t.year = l.year AND t.member_key = l.member_key AND (t.kind IS NULL OR t.kind <> 'collective')
                            AND t.verdict = 'accepted' AND t.superseded_by IS NULL)
                    END
                WHERE l.year = ? AND \(Ledger.isLatestIndividual("l"))
                """
            var arguments: SQLArguments = [year]
            if let cellKey {
                sql += " AND l.cell_key = ?"
                arguments.append(cellKey)
            }
            if acceptedOnly { sql += " AND l.verdict = 'accepted' AND c.id IS NOT NULL" }
            func standing(_ row: SQLRow) throws -> MemberStanding {
                let current = try (row["id"] as Int64?).map { _ in try SubmissionRecord(row: row, findings: []) }
                return MemberStanding(memberID: row["report_member_id"], latestPartyCell: row["report_latest_cell"],
                                      latestVerdict: Verdict(rawValue: row["report_latest_verdict"]) ?? .rejected,
                                      current: current)
            }
            guard let order else {
                return try db.forEachRow(sql, arguments) { row in try body(try standing(row)) }
            }
            if let sqlite = db as? SQLiteConnection {
                sql += """

                    ORDER BY kiemdiem_cell_rank(l.party_cell), kiemdiem_fold(c.full_name) COLLATE kiemdiem_swift,
                             c.original_name COLLATE kiemdiem_swift, report_member_id COLLATE kiemdiem_swift
                    """
                return try sqlite.withMemberOrder(order) {
                    try db.forEachRow(sql, arguments) { row in try body(try standing(row)) }
                }
            }
            var members: [MemberStanding] = []
            try db.forEachRow(sql, arguments) { row in members.append(try standing(row)) }
            for member in order.sorted(members) { try body(member) }
        }
    }

    /// The findings of `source`, by submission id then finding id, optionally only those of
    /// submissions of one cell (`cellKey`).
    public func forEachFinding(year: Int, of source: FindingSource, cellKey: String? = nil,
                               _ body: (FindingEntry) throws -> Void) throws {
        try reading { db in
            var sql = """
                SELECT s.original_name AS report_file, s.full_name AS report_name, s.party_cell AS report_cell, f.*
                FROM submissions s JOIN findings f ON f.submission_id = s.id
                WHERE s.year = ? AND
                """
            switch source {
            case .rejected: sql += " s.verdict = 'rejected'"
            case .currentForms: sql += " " + Ledger.isCurrent("s")
            case .supersededForms: sql += " s.superseded_by IS NOT NULL AND (s.kind IS NULL OR s.kind <> 'collective')"
            }
            var arguments: SQLArguments = [year]
            if let cellKey {
                sql += " AND s.cell_key = ?"
                arguments.append(cellKey)
            }
            try db.forEachRow(sql + " ORDER BY s.id, f.id", arguments) { row in
                try body(FindingEntry(originalName: row["report_file"], fullName: row["report_name"],
                                      partyCell: row["report_cell"], finding: Ledger.decodeFinding(row)))
            }
        }
    }

    /// Every member's current form (see `MemberStanding.current`) with this status and level, by
    /// id, optionally only those of one cell; without findings or form JSON.
    public func forEachCurrentForm(year: Int, status: ClassificationStatus, level: Level, cellKey: String? = nil,
                                   _ body: (SubmissionRecord) throws -> Void) throws {
        try reading { db in
            var sql = """
                SELECT \(SubmissionRecord.sColumns) FROM submissions s
                WHERE s.year = ? AND s.status = ? AND s.level = ? AND \(Ledger.isCurrent("s"))
                """
            var arguments: SQLArguments = [year, status.rawValue, level.rawValue]
            if let cellKey {
                sql += " AND s.cell_key = ?"
                arguments.append(cellKey)
            }
            try db.forEachRow(sql + " ORDER BY s.id", arguments) { row in try body(try SubmissionRecord(row: row, findings: [])) }
        }
    }

    /// A finding row as `submissions(year:)` decodes it.
    private static func decodeFinding(_ row: SQLRow) -> Finding { finding(row) }
}

extension Ledger {
    /// Each member whose latest individual submission of the year is rejected (a submission
    /// nobody could be named from is a member of its own), with that submission's findings, by
    /// id; optionally only those of one cell. For `Cần nộp lại`: they add up to `Bị từ chối`.
    public func forEachRefusedMember(year: Int, cellKey: String? = nil,
                                     _ body: (SubmissionRecord) throws -> Void) throws {
        try reading { db in
            var sql = """
                SELECT \(SubmissionRecord.columns("l")) FROM submissions l
                WHERE l.year = ? AND l.verdict = 'rejected' AND \(Ledger.isLatestIndividual("l"))
                """
            var arguments: SQLArguments = [year]
            if let cellKey {
                sql += " AND l.cell_key = ?"
                arguments.append(cellKey)
            }
            // The refused are few beside the year's forms: read them, then each one's findings.
            var refused: [SubmissionRecord] = []
            try db.forEachRow(sql + " ORDER BY l.id", arguments) { row in
                refused.append(try SubmissionRecord(row: row, findings: []))
            }
            for var record in refused {
                record.findings = try db.rows("SELECT * FROM findings WHERE submission_id = ? ORDER BY id",
                                              [record.id ?? 0]).map(Ledger.finding)
                try body(record)
            }
        }
    }

    /// The collective reports (Mẫu 01) of the year by the latest verdict of each organisation's
    /// (keyed by its cell, else its committee; an unnamed one counts alone).
    public func collectiveVerdicts(year: Int) throws -> (accepted: Int, rejected: Int) {
        try reading { db in
            var latest: [String: String] = [:]
            try db.forEachRow("""
                SELECT sha256, cell_key, committee_key, verdict FROM submissions
                WHERE year = ? AND kind = 'collective' ORDER BY id
                """, [year]) { row in
                let cell: String? = row["cell_key"]
                let committee: String? = row["committee_key"]
                let sha: String = row["sha256"]
                let key = cell.map { "cell:\($0)" } ?? committee.map { "committee:\($0)" } ?? "sha:\(sha)"
                latest[key] = row["verdict"]
            }
            let accepted = latest.values.filter { $0 == Verdict.accepted.rawValue }.count
            return (accepted, latest.count - accepted)
        }
    }

    /// The accepted collective reports among the files a run filed (duplicates included, as the
    /// run counts them): the run's `hợp lệ` said apart, members and collective reports.
    /// Those of the killed runs it counted (`counted_in`) too: its summary counts their files.
    public func acceptedCollectiveArrivals(runID: Int64) throws -> Int {
        try reading { db in
            try db.column("""
                SELECT COUNT(*) FROM arrivals a JOIN submissions s ON s.id = a.submission_id
                WHERE (a.run_id = ? OR a.run_id IN (SELECT id FROM runs WHERE counted_in = ?))
                  AND s.verdict = 'accepted' AND s.kind = 'collective'
                """, [runID, runID], as: Int.self).first ?? 0
        }
    }
}
