import Foundation
import KiemdiemCore
import KiemdiemTestSupport
import Ledger
import ReviewRules
import Testing
import Workbooks
@testable import BatchRun

/// Issue 16: the store keeps every year, and the members sheet and `audit` flag the consecutive
/// years the regulations look at (ReviewRules `HistoryFlag`).
@Suite struct HistoryTests {
    @Test func theMembersSheetAndAuditFlagConsecutiveYears() throws {
        let root = try temporaryDirectory("history")
        defer { try? FileManager.default.removeItem(at: root) }
        let ledger = try Ledger(path: root.appendingPathComponent("kiemdiem.sqlite").path)
        let run = try ledger.startRun(year: 2020, at: "2021-01-01T00:00:00Z")
        var serial = 0
        func record(_ name: String, cell: String, year: Int, level: Level) throws {
            serial += 1
            var s = SubmissionRecord(sha256: "sha\(serial)", originalName: "tep-\(serial).docx", storedPath: "archive/\(serial).docx",
                                     verdict: .accepted, year: year, status: .final, findings: [])
            s.kind = .individual
            s.fullName = name
            s.partyCell = cell
            s.dateOfBirth = CivilDate(year: 1980, month: 1, day: 1)
            s.memberKey = MemberKey.make(fullName: name, dateOfBirth: s.dateOfBirth, partyCell: cell)
            s.level = level
            try ledger.transaction { store in
                try store.record(s, runID: run, claimedAs: "20210101T000000-000001-\(serial)--tep.docx",
                                 arrivedAt: "\(year + 1)-01-01T00:00:00Z")
            }
        }
        for year in 2018...2020 { try record("Nguyễn Văn An", cell: "Chi bộ Văn phòng", year: year, level: .excellent) }
        // Another cell the year before: the same person (name and date of birth).
        try record("Trần Thị Bình", cell: "Chi bộ Kế toán", year: 2019, level: .unsatisfactory)
        try record("Trần Thị Bình", cell: "Chi bộ Văn phòng", year: 2020, level: .unsatisfactory)
        try record("Lê Văn Cường", cell: "Chi bộ Văn phòng", year: 2019, level: .excellent)
        try record("Lê Văn Cường", cell: "Chi bộ Văn phòng", year: 2020, level: .good)

        let report = try StoredReport.read(ledger: ledger, year: 2020, roster: nil, rules: YearRules(), createdAt: 0)
        var history: [String: String] = [:]
        var names: [String] = []
        try report.rows.forEachMember { names.append($0.fullName); history[$0.fullName] = $0.history }
        #expect(names.count == 3)
        #expect(history == ["Nguyễn Văn An": "3 năm liền hoàn thành xuất sắc nhiệm vụ",
                            "Trần Thị Bình": "Hai năm liền không hoàn thành nhiệm vụ"], "Lê Văn Cường has no flag")

        // The sheet shows it under its own header.
        let path = root.appendingPathComponent("tong-hop.xlsx").path
        try WorkbookWriter.write(report.summary, rows: report.rows, to: path)
        let members = try #require(try workbookSheets(path)["Đảng viên"])
        let header = try #require(members.first { $0.contains { "\($0)" == "Nhiều năm" } })
        let column = try #require(header.firstIndex { "\($0)" == "Nhiều năm" })
        let name = try #require(header.firstIndex { "\($0)" == "Họ và tên" })
        let row = try #require(members.first { "\($0[name])" == "Trần Thị Bình" })
        #expect("\(row[column])" == "Hai năm liền không hoàn thành nhiệm vụ")

        // audit: the same flags on each event, at the event's year.
        let workspace = Workspace(path: root.path)
        try workspace.prepare()
        try AuditLog(workspace: workspace, key: nil, ledger: ledger).logPending(time: "2021-01-02T00:00:00Z", runID: run)
        let config = PipelineConfig(inbox: root.path, workspace: root.path, year: 2020, workbook: path)
        var query = AuditQuery()
        query.fullName = "nguyen van an"
        let rows = try AuditReport.rows(config, query: query)
        #expect(rows.map(\.year) == [2018, 2019, 2020])
        #expect(rows.map { $0.history.map(\.vietnamese) } == [[], ["2 năm liền hoàn thành xuất sắc nhiệm vụ"],
                                                             ["3 năm liền hoàn thành xuất sắc nhiệm vụ"]])
        #expect(AuditReport.csv(rows, explain: false).contains(",3 năm liền hoàn thành xuất sắc nhiệm vụ\r\n"))
    }
}
