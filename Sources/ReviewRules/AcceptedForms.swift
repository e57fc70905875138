import KiemdiemCore

/// What the cross-form rules read of the forms already accepted for the year: the store
/// implements it (Ledger), a table test implements it with an array. Keys are `OrganisationKey`s.
public protocol AcceptedForms {
    /// Accepted collective reports with their meeting dates, by `scope`, earliest first.
    func collectiveMeetings(year: Int, _ scope: CollectiveScope) throws -> [DatedForm]
    /// Accepted current members of a cell whose committee decision is dated before `date`.
    func decisionsBefore(_ date: CivilDate, year: Int, cellKey: String) throws -> [DatedForm]
}

/// Which collective reports `collectiveMeetings` returns.
public enum CollectiveScope: Sendable, Equatable {
    /// The report of one party cell.
    case cell(String)
    /// The reports of every cell under a grassroots organisation.
    case cellsOf(committee: String)
    /// The grassroots organisation's own report (no cell named).
    case organisation(committee: String)
}

/// One accepted form as the order rules see it: its file and the date that matters.
public struct DatedForm: Sendable, Equatable {
    public var file: String
    public var date: CivilDate
    public init(file: String, date: CivilDate) {
        self.file = file
        self.date = date
    }
}
