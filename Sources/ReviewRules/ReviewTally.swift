import KiemdiemCore

/// Biểu 6F-BTCTW's member column (docs/rules.md "Across forms"): who had to review (the roster),
/// who did (an accepted form), and why the others did not.
public struct ReviewTally: Sendable, Equatable {
    public var required = 0
    public var reviewed = 0
    public var newlyAdmitted = 0
    public var exempted = 0
    public var suspended = 0
    public var missing = 0
    public init() {}
}

extension YearRules {
    /// The Biểu 6F counts of a roster, given the roster lines of the members with an accepted
    /// form: the others are counted by `exemption`'s reason, else as missing.
    public func reviewTally(_ roster: Roster, reviewedLines: Set<Int>, year: Int) -> ReviewTally {
        var tally = ReviewTally()
        tally.required = roster.entries.count
        tally.reviewed = reviewedLines.count
        for entry in roster.entries where !reviewedLines.contains(entry.line) {
            switch exemption(entry, year: year) {
            case .exempted?: tally.exempted += 1
            case .suspended?: tally.suspended += 1
            case .newlyAdmitted?: tally.newlyAdmitted += 1
            case .newlyFounded?, nil: tally.missing += 1
            }
        }
        return tally
    }
}
