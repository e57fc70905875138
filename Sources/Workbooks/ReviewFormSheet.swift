import KiemdiemCore

/// `Biểu 6F`: Biểu số 6F-BTCTW, "THỐNG KÊ KẾT QUẢ KIỂM ĐIỂM TỰ PHÊ BÌNH VÀ PHÊ BÌNH", in the form's
/// own layout (docs/rules.md "Biểu 6F"): columns `TT` · `Nội dung` · `Tập thể` · `Đảng viên` ·
/// `Ghi chú`; rows 1 who had to review, 2 who did, 3 who did not with its sub-rows 3.1 collectives
/// founded too recently, 3.2 members admitted less than 6 months before, 3.3 exempted, 3.4
/// suspended, 3.5 no valid form, and 4 those given review hints (not kept by kiemdiem: left to
/// fill in). The counts are `YearRules.reviewTally` and `collectiveTally`; a column whose source
/// is missing (no roster, no organisations) is left empty with the reason in `Ghi chú`.
///
/// Layout (Excel rows, one-based): rows 1–5 the frame and title; row 6 the header row; rows 7… the
/// form's rows; then the note and signatures. Printed portrait.
enum ReviewFormSheet {
    static let name = "Biểu 6F"
    static let headerRow = FramedTable.headerRow
    static let headers = ["TT", "Nội dung", "Tập thể", "Đảng viên", "Ghi chú"]
    static let widths: [Double] = [6, 52, 10, 10, 26]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers)

    static func title(year: Int) -> String {
        "THỐNG KÊ KẾT QUẢ KIỂM ĐIỂM TỰ PHÊ BÌNH VÀ PHÊ BÌNH NĂM \(year) (Biểu số 6F-BTCTW)"
    }

    /// The form's rows: number, label, the collective and member counts (nil: not applicable or
    /// not known), bold for the numbered rows.
    static func rows(_ counts: ReviewCounts?) -> [(number: String, label: String, collective: Int?, member: Int?, bold: Bool)] {
        let c = counts?.collectives
        let m = counts.flatMap { $0.fromRoster ? $0 : nil }
        return [
            ("1", "Số phải kiểm điểm", c?.required, m?.required, true),
            ("2", "Số đã kiểm điểm", c?.reviewed, counts?.reviewed, true),
            ("3", "Số chưa kiểm điểm", c?.notReviewed, m?.notReviewed, true),
            ("3.1", "Tập thể mới thành lập (chưa đủ 6 tháng)", c?.newlyFounded, nil, false),
            ("3.2", "Đảng viên mới kết nạp chưa đủ 6 tháng", nil, m?.newlyAdmitted, false),
            ("3.3", "Đảng viên được miễn công tác và sinh hoạt đảng", nil, m?.exempted, false),
            ("3.4", "Đảng viên bị đình chỉ sinh hoạt đảng", nil, m?.suspended, false),
            ("3.5", "Chưa có bản kiểm điểm (báo cáo) hợp lệ", c?.missing, m?.missing, false),
            ("4", "Số được gợi ý kiểm điểm", nil, nil, true),
        ]
    }

    static let hintsNote = "kiemdiem không theo dõi; điền tay nếu có"
    static let noRosterNote = "Đảng viên: cần danh sách đảng viên (roster) để tính số phải kiểm điểm"
    static let noOrganisationsNote = "Tập thể: chưa biết tổ chức đảng nào của năm"
    static let cellReportNote = "Sổ của một chi bộ: Biểu 6F của cả đảng bộ ở sổ tổng hợp"

    static func write(_ report: ConsolidatedReport, into workbook: Workbook) throws(WorkbookError) {
        let table = try FramedTable.begin(workbook, name: name, frame: report.frame, title: title(year: report.year),
                                          headers: headers, widths: widths)
        let sheet = table.sheet
        let formats = sheet.formats
        var row = table.firstRow
        let counts = report.reviewCounts
        for line in rows(counts) {
            let text = line.bold ? formats.totalText : formats.text
            let integer = line.bold ? formats.totalInteger : formats.integer
            try sheet.text(line.number, row: row, column: 0, format: text)
            try sheet.text(line.label, row: row, column: 1, format: text)
            for (column, value) in [(2, line.collective), (3, line.member)] {
                if let value {
                    try sheet.integer(value, row: row, column: column, format: integer)
                } else {
                    try sheet.text(nil, row: row, column: column, format: text)
                }
            }
            var notes: [String] = []
            if line.number == "4" { notes.append(hintsNote) }
            if line.number == "1" {
                if report.restrictedToCell != nil {
                    notes.append(cellReportNote)
                } else {
                    if counts?.fromRoster != true { notes.append(noRosterNote) }
                    if counts?.collectives == nil { notes.append(noOrganisationsNote) }
                }
            }
            try sheet.text(notes.joined(separator: "; "), row: row, column: 4, format: text)
            row += 1
        }
        try table.end(lastRow: row - 1,
                      note: "Dòng 2 cộng dòng 3 bằng dòng 1. Đảng viên thuộc diện không xếp loại được tính ở dòng 3 theo lý do, "
                          + "kể cả khi đã nộp bản kiểm điểm.")
    }
}
