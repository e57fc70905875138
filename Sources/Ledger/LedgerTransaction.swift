import KiemdiemCore
import ReviewRules

/// The reads and writes of one store transaction (`Ledger.transaction`). The nightly run records
/// a whole batch of files in one of these, so the batch costs one commit instead of one per file.
/// Valid only inside the body that received it.
public struct LedgerTransaction {
    let db: any SQLConnection

    /// The submission with these bytes, if they were ever recorded (earlier in this transaction too).
    public func submission(sha256: String) throws -> SubmissionRecord? {
        try db.row("SELECT \(SubmissionRecord.sColumns) FROM submissions s WHERE s.sha256 = ?", [sha256])
            .map { try SubmissionRecord(row: $0, findings: Ledger.findings(db, $0["id"])) }
    }

    /// Records a new submission, its findings and its arrival, and settles duplicates of the same
    /// member: the later form date wins, then the later arrival. Returns the new submission's id.
    @discardableResult
    /// `claimedAt` is when the file was taken from the inbox (local time, no offset), `nil` when
    /// no one knows (a store rebuilt by `recover`).
    public func record(_ submission: SubmissionRecord, runID: Int64, claimedAs: String, arrivedAt: String,
                       claimedAt: String? = nil) throws -> Int64 {
        let id = try db.insert("""
            INSERT INTO submissions (run_id, sha256, original_name, stored_path, received_at, verdict, kind, template,
                year, party_committee, party_cell, full_name, date_of_birth, member_key, form_date, self_level,
                cell_level, committee_level, level, status, basis, ruleset,
                cell_key, committee_key, committee_date, meeting_date, level_reasons)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                runID, submission.sha256, submission.originalName, submission.storedPath, arrivedAt,
                submission.verdict.rawValue, submission.kind?.rawValue, submission.template?.rawValue,
                submission.year, submission.partyCommittee, submission.partyCell, submission.fullName,
                submission.dateOfBirth?.iso, submission.memberKey, submission.formDate?.iso,
                submission.selfLevel?.rawValue, submission.cellLevel?.rawValue, submission.committeeLevel?.rawValue,
                submission.level?.rawValue, submission.status.rawValue, submission.basis?.rawValue,
                submission.ruleset?.rawValue,
                submission.partyCell.map(OrganisationKey.cell), submission.partyCommittee.map(OrganisationKey.committee),
                submission.committeeDate?.iso, submission.meetingDate?.iso,
                submission.levelReasons.isEmpty ? nil : FindingJSON.encode(submission.levelReasons),
            ])
        if let form = submission.formJSON {
            try db.execute("INSERT INTO submission_forms (submission_id, form_json) VALUES (?, ?)", [id, form])
        }
        for finding in submission.findings { try Ledger.insert(finding, submissionID: id, db: db) }
        try db.execute("""
            INSERT INTO arrivals (run_id, submission_id, original_name, claimed_as, stored_path, arrived_at, duplicate, claimed_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?)
            """, [runID, id, submission.originalName, claimedAs, submission.storedPath, arrivedAt, claimedAt])
        if submission.verdict == .accepted, let key = submission.memberKey {
            try Ledger.settleDuplicates(db, memberKey: key, year: submission.year)
        }
        return id
    }

    /// Another copy of bytes already recorded: an arrival, never a second submission.
    public func recordDuplicateArrival(of submissionID: Int64, runID: Int64, originalName: String, claimedAs: String,
                                       storedPath: String, arrivedAt: String, claimedAt: String? = nil) throws {
        try db.execute("""
            INSERT INTO arrivals (run_id, submission_id, original_name, claimed_as, stored_path, arrived_at, duplicate, claimed_at)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?)
            """, [runID, submissionID, originalName, claimedAs, storedPath, arrivedAt, claimedAt])
    }

}

/// The order rules of ReviewRules read the year's accepted forms from the store.
extension LedgerTransaction: AcceptedForms {
    public func collectiveMeetings(year: Int, _ scope: CollectiveScope) throws -> [DatedForm] {
        var sql = """
            SELECT original_name, meeting_date FROM submissions
            WHERE year = ? AND kind = 'collective' AND verdict = 'accepted' AND meeting_date IS NOT NULL
            """
        var arguments: SQLArguments = [year]
        switch scope {
        case .cell(let key):
            sql += " AND cell_key = ?"
            arguments.append(key)
        case .cellsOf(let committee):
            sql += " AND cell_key IS NOT NULL AND committee_key = ?"
            arguments.append(committee)
        case .organisation(let committee):
            sql += " AND cell_key IS NULL AND committee_key = ?"
            arguments.append(committee)
        }
        return try db.rows(sql + " ORDER BY meeting_date", arguments).compactMap { row in
            (row["meeting_date"] as String?).flatMap(CivilDate.init(iso:)).map { DatedForm(file: row["original_name"], date: $0) }
        }
    }

    public func decisionsBefore(_ date: CivilDate, year: Int, cellKey: String) throws -> [DatedForm] {
        try db.rows("""
            SELECT original_name, committee_date FROM submissions
            WHERE year = ? AND kind = 'individual' AND verdict = 'accepted' AND superseded_by IS NULL
              AND cell_key = ? AND committee_date IS NOT NULL AND committee_date < ?
            ORDER BY committee_date
            """, [year, cellKey, date.iso]).compactMap { row in
            (row["committee_date"] as String?).flatMap(CivilDate.init(iso:)).map { DatedForm(file: row["original_name"], date: $0) }
        }
    }
}
