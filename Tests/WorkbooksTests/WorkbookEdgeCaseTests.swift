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
        #expect(dump.sheets == WorkbookWriter.sheets.map(\.name).filter {
            !["Chưa nộp", "Tổ chức đảng", "Kết quả theo loại hình"].contains($0)
        })
        let summary = dump["Tổng hợp"]
        #expect(summary.texts(row: 6).prefix(11) == ArraySlice(WorkbookWriter.sheets[0].headers))
        #expect(summary.cell(7, 2)?.value == .text("Tổng cộng"))
        #expect(summary.cell(7, 3)?.value == .number(0))
        #expect(summary.cell(7, 12) == nil)  // no HTTNV, no ratio
        #expect(summary.charts == 0)
        #expect(summary.autofilter == "A6:P6")
        #expect(dump["Đảng viên"].body().isEmpty)
        #expect(dump["Bị từ chối"].body().isEmpty)
        #expect(dump["Cần nộp lại"].body().isEmpty)
        // An empty sheet still carries its whole title, merged over its table, frame and signature block.
        for name in dump.sheets {
            #expect(dump[name].merged.contains { $0.hasPrefix("A5:") && $0.hasSuffix("5") && $0 != "A5:A5" }, "\(name)")
            #expect(dump[name].allTexts.contains(DocumentFrame.partyName), "\(name)")
            #expect(dump[name].allTexts.contains(DocumentFrame.preparerHeading), "\(name)")
        }
        let statistics = dump["Thống kê"]
        #expect(statistics.cell(7, 4)?.value == .number(0))
        #expect(statistics.cell(7, 5) == nil)  // nobody assessed: no share
        #expect(statistics.cell(15, 6)?.value == .text("Trong giới hạn"))
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
        #expect(summary.texts(row: 6) == WorkbookWriter.sheets[0].headers + ["Tỷ lệ HTXS/HTT", "Đảng bộ"]
            + ["Tỷ lệ HTXSNV", "Tỷ lệ HTTNV", "Tỷ lệ HTNV", "Tỷ lệ KHTNV"])
        #expect(summary.cell(7, 13)?.value == .text("Đảng bộ Sở Tài chính"))
        #expect(summary.merged.contains("A5:Q5"))
        #expect(summary.autofilter == "A6:Q9")
        // A subtotal per đảng bộ (the named one, and the cells that name none), then Tổng cộng.
        let subtotal = try #require(summary.row(where: 2, is: "Cộng Đảng bộ Sở Tài chính"))
        #expect(summary.cell(subtotal, 3)?.value == .number(12))
        let total = try #require(summary.row(where: 2, is: "Tổng cộng"))
        #expect(total == subtotal + 2)
        #expect(summary.cell(total, 3)?.value == .number(25))

        let members = dump["Đảng viên"]
        #expect(members.texts(row: 6) == ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ", "Tự xếp loại",
                                          "Chi bộ đề xuất", "Cấp ủy xếp loại", "Kết quả", "Trạng thái", "Tệp", "Lý do", "Nhiều năm"])
        #expect(members.cell(7, 5)?.value == .text("Đảng bộ Sở Tài chính"))
        #expect(members.cell(7, 6)?.value == .text(Level.excellent.vietnamese))
    }

    /// Committees placed under an organisation above them are summed per level of the tree too.
    @Test func subtotalsPerCommitteeAndPerOrganisationAbove() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var report = Fixtures.report
        report.cells[0].partyCommittee = "Đảng bộ Sở Tài chính"
        report.cells[1].partyCommittee = "Đảng bộ Sở Xây dựng"
        report.cells[2].partyCommittee = "Đảng bộ Sở Xây dựng"
        for index in report.cells.indices { report.cells[index].superiorCommittee = "Đảng bộ Khối Cơ quan tỉnh" }
        let path = scratch.file("cap-tren.xlsx")
        try WorkbookWriter.write(report, to: path)
        let summary = try WorkbookReader.read(path)["Tổng hợp"]
        let xayDung = try #require(summary.row(where: 2, is: "Cộng Đảng bộ Sở Xây dựng"))
        #expect(summary.cell(xayDung, 3)?.value == .number(13))
        let khoi = try #require(summary.row(where: 2, is: "Cộng Đảng bộ Khối Cơ quan tỉnh"))
        #expect(khoi == xayDung + 1)
        #expect(summary.cell(khoi, 3)?.value == .number(25))
        #expect(summary.row(where: 2, is: "Tổng cộng") == khoi + 1)
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
        #expect(dump.sheets.suffix(3) == ["Chưa nộp", "Cần nộp lại", "Biểu 6F"])
        let sheet = dump["Chưa nộp"]
        #expect(sheet.texts(row: 6) == ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ cơ sở", "Ghi chú"])
        #expect(sheet.cell(7, 2)?.value == .text("Lê Văn Tám"))
    }
}
