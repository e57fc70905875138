import Foundation
import KiemdiemCore
import Testing
@testable import Workbooks

@Suite struct WorkbookEdgeCaseTests {
    /// Early in the season nothing has arrived yet: the workbook must still be valid, with
    /// headers, a zero `Tổng cộng` row, and no chart (a chart over an empty range makes Excel repair).
    @Test func emptyReportGivesValidWorkbookWithoutChart() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("rong.xlsx")
        try WorkbookWriter.write(ConsolidatedReport(year: 2025, createdAt: 1_767_225_600), to: path)
        let dump = try WorkbookReader.read(path)
        #expect(dump.sheets == WorkbookWriter.sheets.map(\.name).filter { $0 != "Chưa nộp" && $0 != "Tổ chức đảng" })
        let summary = dump["Tổng hợp"]
        #expect(summary.texts(row: 2).prefix(10) == ArraySlice(WorkbookWriter.sheets[0].headers))
        #expect(summary.cell(3, 1)?.value == .text("Tổng cộng"))
        #expect(summary.cell(3, 2)?.value == .number(0))
        #expect(summary.cell(3, 11) == nil)  // no HTTNV, no ratio
        #expect(summary.charts == 0)
        #expect(summary.autofilter == "A2:K2")
        #expect(dump["Đảng viên"].rows.count == 2)
        #expect(dump["Bị từ chối"].rows.count == 2)
        let statistics = dump["Thống kê"]
        #expect(statistics.cell(3, 3)?.value == .number(0))
        #expect(statistics.cell(3, 4) == nil)  // nobody assessed: no share
        #expect(statistics.cell(11, 5)?.value == .text("Trong giới hạn"))
    }

    /// `Đảng bộ` is optional and always comes after the contract's columns on `Tổng hợp`.
    @Test func committeeColumnsAppearOnlyWhenNamed() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var report = Fixtures.report
        report.cells[0].partyCommittee = "Đảng bộ Sở Tài chính"
        report.members[0].partyCommittee = "Đảng bộ Sở Tài chính"
        let path = scratch.file("dang-bo.xlsx")
        try WorkbookWriter.write(report, to: path)
        let dump = try WorkbookReader.read(path)

        let summary = dump["Tổng hợp"]
        #expect(summary.texts(row: 2) == WorkbookWriter.sheets[0].headers + ["Tỷ lệ HTXS/HTT", "Đảng bộ"])
        #expect(summary.cell(3, 12)?.value == .text("Đảng bộ Sở Tài chính"))
        #expect(summary.merged == ["A1:L1"])
        #expect(summary.autofilter == "A2:L5")

        let members = dump["Đảng viên"]
        #expect(members.texts(row: 2) == ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ", "Tự xếp loại",
                                          "Chi bộ đề xuất", "Cấp ủy xếp loại", "Kết quả", "Trạng thái", "Tệp", "Lý do", "Nhiều năm"])
        #expect(members.cell(3, 5)?.value == .text("Đảng bộ Sở Tài chính"))
        #expect(members.cell(3, 6)?.value == .text(Level.excellent.vietnamese))
    }

    /// Exactly 20 % is within the quota; HTXSNV with no HTTNV at all is over it.
    @Test func excellentQuotaBoundaries() {
        var counts = Counts()
        counts.levels = [.excellent: 2, .good: 10]
        #expect(!counts.exceedsExcellentQuota)
        counts.levels = [.excellent: 3, .good: 10]
        #expect(counts.exceedsExcellentQuota)
        counts.levels = [.excellent: 1]
        #expect(counts.excellentToGood == nil)
        #expect(counts.exceedsExcellentQuota)
        counts.levels = [:]
        #expect(!counts.exceedsExcellentQuota)
    }
}

@Suite struct RosterSheetTests {
    @Test func notSubmittedSheetOnlyWithARoster() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("chua-nop.xlsx")
        let missing = [NotSubmittedRow(fullName: "Lê Văn Tám", dateOfBirth: CivilDate(year: 1970, month: 1, day: 2),
                                       partyCell: "Chi bộ Thôn 1", grassroots: "Đảng bộ xã", note: "Miễn công tác và sinh hoạt đảng")]
        try WorkbookWriter.write(ConsolidatedReport(year: 2020, notSubmitted: missing, createdAt: 1_767_225_600), to: path)
        let dump = try WorkbookReader.read(path)
        #expect(dump.sheets.last == "Chưa nộp")
        let sheet = dump["Chưa nộp"]
        #expect(sheet.texts(row: 2) == ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ cơ sở", "Ghi chú"])
        #expect(sheet.cell(3, 2)?.value == .text("Lê Văn Tám"))
    }
}
