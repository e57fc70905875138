import KiemdiemCore

/// One member of the organisation's roster (pipeline.yml `roster:`), as the board keeps it.
public struct RosterEntry: Sendable, Equatable {
    /// The line of the roster file, for warnings a secretary can find.
    public var line: Int
    public var fullName: String
    public var dateOfBirth: CivilDate?
    public var partyCell: String?
    /// The grassroots organisation (tổ chức cơ sở đảng) the quota is counted in.
    public var grassroots: String?
    public var admitted: CivilDate?
    /// Miễn công tác và sinh hoạt đảng.
    public var exempted: Bool
    /// Đình chỉ sinh hoạt đảng.
    public var suspended: Bool
    /// Disciplined in the review year.
    public var disciplined: Bool
    /// The member found the fault and fully remedied it (QĐ 124 Điều 12 khoản 4.3).
    public var selfDetected: Bool
    public var sickLeaveMonths: Double

    public init(line: Int, fullName: String, dateOfBirth: CivilDate? = nil, partyCell: String? = nil,
                grassroots: String? = nil, admitted: CivilDate? = nil, exempted: Bool = false, suspended: Bool = false,
                disciplined: Bool = false, selfDetected: Bool = false, sickLeaveMonths: Double = 0) {
        self.line = line
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.partyCell = partyCell
        self.grassroots = grassroots
        self.admitted = admitted
        self.exempted = exempted
        self.suspended = suspended
        self.disciplined = disciplined
        self.selfDetected = selfDetected
        self.sickLeaveMonths = sickLeaveMonths
    }
}

/// The roster, indexed the way forms are matched to it: name and date of birth, else name and cell.
public struct Roster: Sendable, Equatable {
    public var entries: [RosterEntry]
    /// Rows that could not be read, with their line numbers (never fatal).
    public var warnings: [String]
    /// The cells that could not be read, one `ROSTER_ROW_UNREADABLE` each (location: the line);
    /// their rows are kept and counted, the unreadable cell left empty.
    public var findings: [Finding] = []
    /// The roster's file name, where the findings were seen.
    public var source: String?

    private var byBirth: [String: Int] = [:]
    private var byCell: [String: Int] = [:]

    public init(entries: [RosterEntry], warnings: [String] = []) {
        self.entries = entries
        self.warnings = warnings
        for (index, entry) in entries.enumerated() {
            let name = TextFolding.fold(entry.fullName)
            if let birth = entry.dateOfBirth { byBirth["\(name)|\(birth.iso)"] = index }
            if let cell = entry.partyCell { byCell["\(name)|\(OrganisationKey.cell(cell))"] = index }
        }
    }

    /// The roster entry of the member who wrote `form`, if any.
    public func entry(for form: ReviewForm) -> RosterEntry? {
        entry(fullName: form.member.fullName, dateOfBirth: form.member.dateOfBirth, partyCell: form.partyCell)
    }

    public func entry(fullName: String?, dateOfBirth: CivilDate?, partyCell: String?) -> RosterEntry? {
        guard let fullName else { return nil }
        let name = TextFolding.fold(fullName)
        if let birth = dateOfBirth, let index = byBirth["\(name)|\(birth.iso)"] { return entries[index] }
        if let cell = partyCell, let index = byCell["\(name)|\(OrganisationKey.cell(cell))"] { return entries[index] }
        return nil
    }

}
