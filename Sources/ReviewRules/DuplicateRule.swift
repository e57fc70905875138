import KiemdiemCore

/// One accepted, not superseded form of a member, as the duplicate rule compares them.
public struct DuplicateCandidate: Sendable, Equatable {
    public var id: Int64
    public var formDate: CivilDate?
    public var file: String
    public init(id: Int64, formDate: CivilDate?, file: String) {
        self.id = id
        self.formDate = formDate
        self.file = file
    }
}

extension YearRules {
    /// THE duplicate rule (docs/rules.md "Trùng"): of a member's accepted forms of one year, the
    /// one with the later form date wins, then the later arrival (higher id); a form without a
    /// date loses to one with. Returns the winner and the forms it supersedes, each with its
    /// `DUPLICATE_SUBMISSION` finding.
    public static func settleDuplicates(_ candidates: [DuplicateCandidate])
        -> (winner: DuplicateCandidate, superseded: [(DuplicateCandidate, Finding)])? {
        let sorted = candidates.sorted { a, b in
            if a.formDate != b.formDate {
                guard let da = a.formDate else { return false }
                guard let db = b.formDate else { return true }
                return da > db
            }
            return a.id > b.id
        }
        guard let winner = sorted.first else { return nil }
        let finding = Finding(.duplicateSubmission, field: "member.full_name", evidence: winner.file, rule: Citations.duplicate)
        return (winner, sorted.dropFirst().map { ($0, finding) })
    }
}
