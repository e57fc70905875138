import Foundation
import Testing
@testable import BatchRun
import KiemdiemCore
import ReviewRules

@Suite struct RosterFileTests {
    static let csv = fixtures.appendingPathComponent("roster/danh-sach-dang-vien-2020.csv").path
    static let xlsx = fixtures.appendingPathComponent("roster/danh-sach-dang-vien-2020.xlsx").path

    @Test func csvAndXlsxGiveTheSameRoster() throws {
        let fromCSV = try RosterFile.load(path: Self.csv)
        let fromXLSX = try RosterFile.load(path: Self.xlsx)
        #expect(fromCSV.entries.count == 23)
        #expect(fromCSV.entries == fromXLSX.entries)
    }

    @Test func everyColumnIsRead() throws {
        let roster = try RosterFile.load(path: Self.csv)
        let byName = Dictionary(uniqueKeysWithValues: roster.entries.map { ($0.fullName, $0) })
        let an = try #require(byName["Nguyễn Văn An"])
        #expect(an.dateOfBirth == CivilDate(year: 1980, month: 5, day: 12))
        #expect(an.partyCell == "Chi bộ Văn phòng")
        #expect(an.grassroots == "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh")
        #expect(an.admitted == CivilDate(year: 2005, month: 2, day: 3))
        #expect(byName["Hồ Thị Thanh Tâm"]?.exempted == true)
        #expect(byName["Lý Văn Bình"]?.suspended == true)
        #expect(byName["Hoàng Minh Tuấn"]?.disciplined == true)
        #expect(byName["Hoàng Minh Tuấn"]?.selfDetected == true)
        #expect(byName["Ngô Đức Thắng"]?.sickLeaveMonths == 3.5)
        #expect(byName["Bùi Thị Mai Anh"]?.admitted == CivilDate(year: 2014, month: 8, day: 19))
    }

    /// A row with a cell that cannot be read is kept and counted, its cell empty, with a warning
    /// and a ROSTER_ROW_UNREADABLE finding naming its line and what was written there.
    @Test func aBadRowIsKeptWithAWarningAndAFinding() throws {
        let roster = try RosterFile.load(path: Self.csv)
        #expect(roster.warnings.count == 1)
        #expect(roster.warnings.first?.hasPrefix("dòng 24:") == true)
        let sau = try #require(roster.entries.first { $0.fullName == "Cao Văn Sáu" })
        #expect(sau.dateOfBirth == nil && sau.line == 24 && sau.partyCell == "Chi bộ Thôn 1")
        #expect(roster.findings.count == 1)
        let finding = try #require(roster.findings.first)
        #expect(finding.code == .rosterRowUnreadable && finding.severity == .warning)
        #expect(finding.field == "roster.date_of_birth" && finding.evidence == "31/11/1980")
        #expect(finding.location == "danh sách đảng viên, dòng 24")
        #expect(roster.source == "danh-sach-dang-vien-2020.csv")
    }

    @Test func aRowWithoutANameIsStillCounted() {
        let roster = RosterFile.parse([["Họ và tên", "Ngày sinh"], ["", "01/01/1980"], ["Lê Văn A", ""]])
        #expect(roster.entries.count == 2)
        #expect(roster.findings.map(\.field) == ["roster.full_name"])
        #expect(ReportDocument.rosterName(roster.entries[0]).contains("dòng 2"))
    }

    @Test func csvQuotingAndSemicolons() {
        let rows = CSVRows.parse("Họ và tên;Chi bộ\r\n\"Lê, Văn \"\"Tư\"\"\";Thôn 1\r\n")
        #expect(rows == [["Họ và tên", "Chi bộ"], ["Lê, Văn \"Tư\"", "Thôn 1"]])
    }

    @Test func aRosterWithoutNamesIsUseless() {
        let roster = RosterFile.parse([["Ngày sinh"], ["01/01/1980"]])
        #expect(roster.entries.isEmpty)
        #expect(roster.warnings.contains { $0.contains("Họ và tên") })
    }
}
