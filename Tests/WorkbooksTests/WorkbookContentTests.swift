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
        // Contract §5 fixes the first three; `Chưa nộp` is written only when a roster is configured,
        // `Tổ chức đảng` and `Kết quả theo loại hình` only when organisations or results are known.
        #expect(dump.sheets == ["Tổng hợp", "Đảng viên", "Bị từ chối", "Thống kê", "Cảnh báo", "Cần nộp lại", "Biểu 6F"])
        #expect(WorkbookWriter.sheets.map(\.name) == ["Tổng hợp", "Đảng viên", "Bị từ chối", "Thống kê", "Cảnh báo",
                                                      "Tổ chức đảng", "Chưa nộp", "Cần nộp lại", "Biểu 6F",
                                                      "Kết quả theo loại hình"])
        #expect(WorkbookWriter.sheets.allSatisfy { $0.headerRow == 6 })
        for layout in WorkbookWriter.sheets where dump.sheets.contains(layout.name) {
            #expect(Array(dump[layout.name].texts(row: layout.headerRow).prefix(layout.headers.count)) == layout.headers,
                    "\(layout.name)")
        }
    }

    /// Every sheet is a Party document: the organisation on the left, the Party's name with place
    /// and date on the right, the title in row 5, the rules under the table, the signature block.
    @Test func everySheetIsFramedAsAPartyDocument() throws {
        for name in dump.sheets {
            let sheet = dump[name]
            #expect(sheet.cell(1, 1)?.value == .text("ĐẢNG BỘ TỈNH QUẢNG TRỊ"), "\(name)")
            #expect(sheet.cell(2, 1)?.value == .text("ĐẢNG ỦY KHỐI CƠ QUAN TỈNH"), "\(name)")
            #expect(sheet.cell(3, 1)?.value == .text("*"), "\(name)")
            #expect(sheet.texts(row: 1).last == DocumentFrame.partyName, "\(name)")
            #expect(sheet.texts(row: 2).last == "Quảng Trị, ngày 01 tháng 01 năm 2026", "\(name)")
            #expect(sheet.cell(5, 1)?.value.text?.contains("NĂM 2025") == true, "\(name)")
            #expect(sheet.cell(6, 1)?.value.text?.hasSuffix("TT") == true, "\(name)")
            let texts = sheet.allTexts
            #expect(texts.contains { $0.hasPrefix("Ghi chú:") && $0.contains(Fixtures.rulesNote) }, "\(name)")
            #expect(texts.contains(DocumentFrame.preparerHeading) && texts.contains("T/M BAN THƯỜNG VỤ"), "\(name)")
            #expect(texts.contains("BÍ THƯ") && texts.contains("Trần Văn Ký") && texts.contains("Lê Thị Lập"), "\(name)")
        }
    }

    @Test func summaryHasTitleExactHeadersCountsSharesAndTotal() throws {
        let sheet = dump["Tổng hợp"]
        #expect(sheet.cell(5, 1)?.value == .text(Fixtures.report.title))
        #expect(sheet.merged.contains("A5:P5"))
        #expect(sheet.texts(row: 6) == ["TT", "Chi bộ", "Đã nộp", "Hợp lệ", "Bị từ chối", "Không xếp loại", "HTXSNV", "HTTNV",
                                        "HTNV", "KHTNV", "Chưa xếp loại", "Tỷ lệ HTXS/HTT",
                                        "Tỷ lệ HTXSNV", "Tỷ lệ HTTNV", "Tỷ lệ HTNV", "Tỷ lệ KHTNV"])
        #expect(sheet.cell(7, 1)?.value == .number(1))
        #expect(sheet.cell(7, 2)?.value == .text("Chi bộ Văn phòng"))
        // Chi bộ Văn phòng: 12 · 10 · 2 · 1 · 1 · 6 · 2 · 0 · 0
        let firstRow = (3...11).map { sheet.cell(7, $0)?.value.number }
        #expect(firstRow == [12, 10, 2, 1, 1, 6, 2, 0, 0])
        #expect(sheet.cell(7, 3)?.type == "n")
        #expect(sheet.cell(7, 3)?.format == "#,##0")
        // Shares over the classified (9): 1/9 HTXSNV.
        #expect(abs((sheet.cell(7, 13)?.value.number ?? 0) - 1.0 / 9.0) < 1e-12)

        #expect(sheet.body().count == 4)
        #expect(sheet.cell(10, 2)?.value == .text("Tổng cộng"))
        let totals = (3...11).map { sheet.cell(10, $0)?.value.number }
        #expect(totals == [25, 22, 3, 1, 3, 13, 3, 1, 1])
        // HTXSNV ÷ HTTNV = 3 ÷ 13, a real number in percent format.
        let ratio = try #require(sheet.cell(10, 12))
        #expect(abs((ratio.value.number ?? 0) - 3.0 / 13.0) < 1e-12)
        #expect(ratio.format == "0.0%")
        let shares = (13...16).compactMap { sheet.cell(10, $0)?.value.number }
        for (share, count) in zip(shares, [3.0, 13, 3, 1]) { #expect(abs(share - count / 20) < 1e-12) }

        #expect(sheet.freeze == "C7")
        #expect(sheet.autofilter == "A6:P9")
        #expect(sheet.charts == 1)
        // The cell's name wraps in its column instead of widening it.
        #expect((sheet.widths["B"] ?? 0) < Double("Chi bộ Tài chính – Kế hoạch".count))
    }

    @Test func membersHaveLabelsStatusesAndRealDates() throws {
        let sheet = dump["Đảng viên"]
        #expect(sheet.texts(row: 6) == ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Tự xếp loại", "Chi bộ đề xuất",
                                        "Cấp ủy xếp loại", "Kết quả", "Trạng thái", "Tệp", "Lý do", "Nhiều năm"])
        #expect(sheet.body().count == 4)
        #expect(sheet.cell(7, 1)?.value == .number(1))
        #expect(sheet.cell(7, 2)?.value == .text("Nguyễn Thị Ánh Tuyết"))
        let birth = try #require(sheet.cell(7, 3))
        #expect(birth.type == "d")
        #expect(birth.value == .text("1985-03-07T00:00:00"))
        #expect(birth.format == "dd/mm/yyyy")
        #expect(sheet.cell(7, 5)?.value == .text("Hoàn thành xuất sắc nhiệm vụ"))
        #expect(sheet.cell(7, 8)?.value == .text("Hoàn thành tốt nhiệm vụ"))
        #expect(sheet.cell(7, 9)?.value == .text("Chính thức"))
        #expect(sheet.cell(8, 9)?.value == .text("Tạm thời"))
        #expect(sheet.cell(9, 9)?.value == .text("Không xếp loại"))
        #expect(sheet.cell(10, 9)?.value == .text("Chưa xếp loại"))
        // BEL dropped, nothing else touched.
        #expect(sheet.cell(8, 2)?.value == .text("TrầnVăn Bình"))
        // Text that looks like a formula stays text.
        let formulaLike = try #require(sheet.cell(9, 10))
        #expect(formulaLike.value == .text(Fixtures.formulaLike))
        #expect(formulaLike.type == "s")
        #expect(sheet.cell(9, 3) == nil)  // no date of birth
        #expect(sheet.freeze == "C7")
        #expect(sheet.autofilter == "A6:L10")
        #expect(sheet.charts == 0)
    }

    @Test func rejectionsAreSanitisedAndCut() throws {
        let sheet = dump["Bị từ chối"]
        #expect(sheet.texts(row: 6) == ["TT", "Tệp", "Mã", "Trường", "Lý do", "Họ và tên", "Chi bộ"])
        #expect(sheet.body().count == 3)
        #expect(sheet.cell(7, 3)?.value == .text("CORRUPT_ARCHIVE"))
        #expect(sheet.cell(7, 5)?.value == .text("Tệp hỏng\nkhông mở được"))
        #expect(sheet.cell(8, 4)?.value == .text("Ngày sinh (member.date_of_birth)"))
        let long = try #require(sheet.cell(8, 5)?.value.text)
        #expect(long.utf16.count == 32_767)
        #expect(long.hasSuffix("… [đã cắt]"))
        #expect(long.hasPrefix("Ưu điểm Ưu điểm"))
        #expect(sheet.cell(9, 2)?.value == .text("=1+2"))
        #expect(sheet.cell(9, 2)?.type == "s")
        // The sheet streams, so its strings are inline, where openpyxl does not decode Excel's
        // `_x005F_` escape as it does in shared strings; Excel and LibreOffice show "_x0041_"
        // (LibreOfficeTests checks it on this same cell).
        #expect(sheet.cell(9, 5)?.value == .text("Mã _x005F_x0041_ giữ nguyên"))
        #expect(sheet.freeze == "A7")
        #expect(sheet.autofilter == "A6:G9")
        // A fixed width, not 32,767 characters wide (libxlsxwriter stores the width plus its padding).
        #expect((sheet.widths["E"] ?? 0) < Sheet.maximumWidth)
    }

    @Test func statisticsGiveSharesOfAssessedAndFlagTheQuota() throws {
        let sheet = dump["Thống kê"]
        #expect(sheet.texts(row: 6) == ["TT", "Kết quả xếp loại", "Viết tắt", "Số lượng", "Tỷ lệ", "Ghi chú"])
        let labels = (7...10).map { sheet.cell($0, 2)?.value.text }
        #expect(labels == Level.allCases.map(\.vietnamese))
        let counts = (7...10).map { sheet.cell($0, 4)?.value.number }
        #expect(counts == [3, 13, 3, 1])
        let shares = (7...10).compactMap { sheet.cell($0, 5)?.value.number }
        #expect(shares.count == 4)
        for (share, count) in zip(shares, [3.0, 13, 3, 1]) {
            #expect(abs(share - count / 20) < 1e-12)
        }
        #expect(sheet.cell(7, 5)?.format == "0.0%")
        #expect(sheet.cell(11, 2)?.value == .text("Tổng số được xếp loại"))
        #expect(sheet.cell(11, 4)?.value == .number(20))
        #expect(sheet.cell(12, 4)?.value == .number(1))  // Không xếp loại
        #expect(sheet.cell(13, 4)?.value == .number(1))  // Chưa xếp loại
        // 3 HTXSNV ÷ 13 HTTNV ≈ 23 %: above the 20 % quota.
        #expect(abs((sheet.cell(15, 5)?.value.number ?? 0) - 3.0 / 13.0) < 1e-12)
        #expect(sheet.cell(15, 6)?.value == .text("Vượt quá 20 %"))
    }
}
