import Foundation
import KiemdiemCore
import Testing
@testable import Workbooks

/// Writes the fixture report once and reads it back with openpyxl.
@Suite struct WorkbookContentTests {
    /// Written and read once for the whole suite (Swift Testing makes one instance per test).
    static let written: Result<WorkbookDump, any Error> = Result {
        let scratch = try ScratchDirectory("content")
        defer { scratch.remove() }
        let path = scratch.file("tong-hop.xlsx")
        try WorkbookWriter.write(Fixtures.report, to: path)
        return try WorkbookReader.read(path)
    }

    let dump: WorkbookDump

    init() throws {
        dump = try Self.written.get()
    }

    @Test func sheetsAreNamedAndOrdered() {
        // Contract §5 fixes the first three; `Chưa nộp` is written only when a roster is configured.
        #expect(dump.sheets == ["Tổng hợp", "Đảng viên", "Bị từ chối", "Thống kê", "Cảnh báo"])
        #expect(WorkbookWriter.sheets.map(\.name) == dump.sheets + ["Tổ chức đảng", "Chưa nộp"])
        #expect(WorkbookWriter.sheets.allSatisfy { $0.headerRow == 2 })
    }

    @Test func summaryHasTitleExactHeadersCountsAndTotal() throws {
        let sheet = dump["Tổng hợp"]
        #expect(sheet.cell(1, 1)?.value == .text(Fixtures.report.title))
        #expect(sheet.merged == ["A1:K1"])
        #expect(sheet.texts(row: 2) == ["Chi bộ", "Đã nộp", "Hợp lệ", "Bị từ chối", "Không xếp loại", "HTXSNV", "HTTNV",
                                        "HTNV", "KHTNV", "Chưa xếp loại", "Tỷ lệ HTXS/HTT"])
        #expect(sheet.cell(3, 1)?.value == .text("Chi bộ Văn phòng"))
        // Chi bộ Văn phòng: 12 · 10 · 2 · 1 · 1 · 6 · 2 · 0 · 0
        let firstRow = (2...10).map { sheet.cell(3, $0)?.value.number }
        #expect(firstRow == [12, 10, 2, 1, 1, 6, 2, 0, 0])
        #expect(sheet.cell(3, 2)?.type == "n")
        #expect(sheet.cell(3, 2)?.format == "#,##0")

        #expect(sheet.rows.count == 6)
        #expect(sheet.cell(6, 1)?.value == .text("Tổng cộng"))
        let totals = (2...10).map { sheet.cell(6, $0)?.value.number }
        #expect(totals == [25, 22, 3, 1, 3, 13, 3, 1, 1])
        // HTXSNV ÷ HTTNV = 3 ÷ 13, a real number in percent format.
        let ratio = try #require(sheet.cell(6, 11))
        #expect(abs((ratio.value.number ?? 0) - 3.0 / 13.0) < 1e-12)
        #expect(ratio.format == "0.0%")

        #expect(sheet.freeze == "B3")
        #expect(sheet.autofilter == "A2:K5")
        #expect(sheet.charts == 1)
        #expect((sheet.widths["A"] ?? 0) >= Double("Chi bộ Tài chính – Kế hoạch".count))
    }

    @Test func membersHaveLabelsStatusesAndRealDates() throws {
        let sheet = dump["Đảng viên"]
        #expect(sheet.texts(row: 2) == ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Tự xếp loại", "Chi bộ đề xuất",
                                        "Cấp ủy xếp loại", "Kết quả", "Trạng thái", "Tệp", "Lý do", "Nhiều năm"])
        #expect(sheet.rows.count == 2 + 4)
        #expect(sheet.cell(3, 1)?.value == .number(1))
        #expect(sheet.cell(3, 2)?.value == .text("Nguyễn Thị Ánh Tuyết"))
        let birth = try #require(sheet.cell(3, 3))
        #expect(birth.type == "d")
        #expect(birth.value == .text("1985-03-07T00:00:00"))
        #expect(birth.format == "dd/mm/yyyy")
        #expect(sheet.cell(3, 5)?.value == .text("Hoàn thành xuất sắc nhiệm vụ"))
        #expect(sheet.cell(3, 8)?.value == .text("Hoàn thành tốt nhiệm vụ"))
        #expect(sheet.cell(3, 9)?.value == .text("Chính thức"))
        #expect(sheet.cell(4, 9)?.value == .text("Tạm thời"))
        #expect(sheet.cell(5, 9)?.value == .text("Không xếp loại"))
        #expect(sheet.cell(6, 9)?.value == .text("Chưa xếp loại"))
        // BEL dropped, nothing else touched.
        #expect(sheet.cell(4, 2)?.value == .text("TrầnVăn Bình"))
        // Text that looks like a formula stays text.
        let formulaLike = try #require(sheet.cell(5, 10))
        #expect(formulaLike.value == .text(Fixtures.formulaLike))
        #expect(formulaLike.type == "s")
        #expect(sheet.cell(5, 3) == nil)  // no date of birth
        #expect(sheet.freeze == "C3")
        #expect(sheet.autofilter == "A2:L6")
        #expect(sheet.charts == 0)
    }

    @Test func rejectionsAreSanitisedAndCut() throws {
        let sheet = dump["Bị từ chối"]
        #expect(sheet.texts(row: 2) == ["Tệp", "Mã", "Trường", "Lý do", "Họ và tên", "Chi bộ"])
        #expect(sheet.rows.count == 2 + 3)
        #expect(sheet.cell(3, 2)?.value == .text("CORRUPT_ARCHIVE"))
        #expect(sheet.cell(3, 4)?.value == .text("Tệp hỏng\nkhông mở được"))
        #expect(sheet.cell(4, 3)?.value == .text("Ngày sinh (member.date_of_birth)"))
        let long = try #require(sheet.cell(4, 4)?.value.text)
        #expect(long.utf16.count == 32_767)
        #expect(long.hasSuffix("… [đã cắt]"))
        #expect(long.hasPrefix("Ưu điểm Ưu điểm"))
        #expect(sheet.cell(5, 1)?.value == .text("=1+2"))
        #expect(sheet.cell(5, 1)?.type == "s")
        // The sheet streams, so its strings are inline, where openpyxl does not decode Excel's
        // `_x005F_` escape as it does in shared strings; Excel and LibreOffice show "_x0041_"
        // (LibreOfficeTests checks it on this same cell).
        #expect(sheet.cell(5, 4)?.value == .text("Mã _x005F_x0041_ giữ nguyên"))
        #expect(sheet.freeze == "A3")
        #expect(sheet.autofilter == "A2:F5")
        // Capped, not 32,767 characters wide (libxlsxwriter stores the width plus its 0.71 padding).
        #expect(abs((sheet.widths["D"] ?? 0) - Sheet.maximumWidth) < 1)
    }

    @Test func statisticsGiveSharesOfAssessedAndFlagTheQuota() throws {
        let sheet = dump["Thống kê"]
        #expect(sheet.texts(row: 2) == ["Kết quả xếp loại", "Viết tắt", "Số lượng", "Tỷ lệ", "Ghi chú"])
        let labels = (3...6).map { sheet.cell($0, 1)?.value.text }
        #expect(labels == Level.allCases.map(\.vietnamese))
        let counts = (3...6).map { sheet.cell($0, 3)?.value.number }
        #expect(counts == [3, 13, 3, 1])
        let shares = (3...6).compactMap { sheet.cell($0, 4)?.value.number }
        #expect(shares.count == 4)
        for (share, count) in zip(shares, [3.0, 13, 3, 1]) {
            #expect(abs(share - count / 20) < 1e-12)
        }
        #expect(sheet.cell(3, 4)?.format == "0.0%")
        #expect(sheet.cell(7, 1)?.value == .text("Tổng số được xếp loại"))
        #expect(sheet.cell(7, 3)?.value == .number(20))
        #expect(sheet.cell(8, 3)?.value == .number(1))  // Không xếp loại
        #expect(sheet.cell(9, 3)?.value == .number(1))  // Chưa xếp loại
        // 3 HTXSNV ÷ 13 HTTNV ≈ 23 %: above the 20 % quota.
        #expect(abs((sheet.cell(11, 4)?.value.number ?? 0) - 3.0 / 13.0) < 1e-12)
        #expect(sheet.cell(11, 5)?.value == .text("Vượt quá 20 %"))
    }
}
