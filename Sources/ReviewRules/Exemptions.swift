import KiemdiemCore

extension YearRules {
    /// THE admission and exemption rule (docs/rules.md "Miễn"): why a roster member is not
    /// classified in `year`, or `nil`. Exempted from Party work, suspended, or admitted less than
    /// `admissionMonths` before the reference date, 31 December of the review year [I: the
    /// sources give no cut-off day; one date for the form, the not-submitted list and Biểu 6F].
    public func exemption(_ member: RosterEntry, year: Int) -> Exemption? {
        if member.exempted { return .exempted(rosterLine: member.line) }
        if member.suspended { return .suspended(rosterLine: member.line) }
        let book = book(year: year)
        if let admitted = member.admitted, admitted.months(until: Self.referenceDate(year)) < book.admissionMonths {
            return .newlyAdmitted(admitted: admitted, months: book.admissionMonths)
        }
        return nil
    }

    /// An organisation founded less than `admissionMonths` before the reference date is not
    /// classified, where the year's book has the founding rule.
    public func exemption(founded: CivilDate?, year: Int) -> Exemption? {
        let book = book(year: year)
        guard book.foundingRule, let founded, founded.months(until: Self.referenceDate(year)) < book.admissionMonths else {
            return nil
        }
        return .newlyFounded(founded: founded, months: book.admissionMonths)
    }

    /// The day membership and founding are counted to: 31 December of the review year.
    public static func referenceDate(_ year: Int) -> CivilDate { CivilDate(year: year, month: 12, day: 31)! }
}
