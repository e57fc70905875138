import KiemdiemCore

/// The read behind the return notices (README "Phiếu trả lại"): the refused forms that still
/// stand, each with its findings.
extension Ledger {
    /// Every refused submission of `year` that is the last word of its sender, in arrival order:
    /// a member's latest individual form (a later form, accepted or refused, replaces it; a
    /// member whose latest form is refused is refused in the workbook too), a refused collective
    /// report no later accepted report of the same organisation replaced, and every refused file
    /// nobody could be named from. Without form JSON, with findings.
    public func forEachStandingRefusal(year: Int, _ body: (SubmissionRecord) throws -> Void) throws {
        try reading { db in
            try db.forEachRow("""
                SELECT \(SubmissionRecord.sColumns) FROM submissions s
                WHERE s.year = ? AND s.verdict = 'rejected' AND (
                    (s.kind IS NOT NULL AND s.kind = 'collective' AND NOT EXISTS (
                        SELECT 1 FROM submissions t
                        WHERE t.year = s.year AND t.kind = 'collective' AND t.verdict = 'accepted' AND t.id > s.id
                          AND COALESCE(t.cell_key, '') = COALESCE(s.cell_key, '')
                          AND COALESCE(t.committee_key, '') = COALESCE(s.committee_key, '')))
                    OR (\(Ledger.isLatestIndividual("s"))))
                ORDER BY s.id
                """, [year]) { row in
                let id: Int64 = row["id"]
                try body(try SubmissionRecord(row: row, findings: try Ledger.findings(db, id)))
            }
        }
    }
}
