import KiemdiemCore

/// `Thống kê`: results by level over the whole report.
///
/// Layout (Excel rows, one-based): rows 1–5 the frame and title (`FramedTable`); row 6 the header
/// row — `TT` · `Kết quả xếp loại` · `Viết tắt` · `Số lượng` · `Tỷ lệ` · `Ghi chú`;
/// rows 7–10 the four levels (TT 1–4, full label, abbreviation, count, share of those assessed);
/// row 11 `Tổng số được xếp loại` (the base of the shares); row 12 `Không xếp loại`;
/// row 13 `Chưa xếp loại` (neither is assessed, so they have no share);
/// row 15 the HTXSNV ÷ HTTNV ratio in `Tỷ lệ`, highlighted with a note in `Ghi chú` when it
/// exceeds the 20 % quota; with a roster, the Biểu 6F block below it (the `Biểu 6F` sheet has it
/// in the form's own layout); then the note and the signature block. Printed portrait.
///
/// Counts come from the `Tổng hợp` rows, so the two sheets always agree. Shares are fractions in
/// a percent format (0.25 shows as 25.0 %), empty when nobody was assessed.
enum StatisticsSheet {
    static let name = "Thống kê"
    static let headerRow = FramedTable.headerRow
    static let headers = ["TT", "Kết quả xếp loại", "Viết tắt", "Số lượng", "Tỷ lệ", "Ghi chú"]
    static let widths: [Double] = [4.5, 38, 14, 10, 10, 16]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers)
    static let assessedLabel = "Tổng số được xếp loại"
    static let exemptLabel = "Không xếp loại"
    static let unclassifiedLabel = "Chưa xếp loại"
    static let ratioLabel = "Tỷ lệ HTXSNV so với HTTNV (tối đa 20 %)"
    static let overQuotaNote = "Vượt quá 20 %"
    static let withinQuotaNote = "Trong giới hạn"

    static func title(year: Int) -> String { "THỐNG KÊ KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM \(year)" }

    static func write(_ report: ConsolidatedReport, into workbook: Workbook) throws(WorkbookError) {
        let table = try FramedTable.begin(workbook, name: name, frame: report.frame, title: title(year: report.year),
                                          headers: headers, widths: widths)
        let sheet = table.sheet
        let formats = sheet.formats

        let total = report.cells.reduce(into: Counts()) { $0.add(Counts($1)) }
        let assessed = total.assessed
        var row = table.firstRow

        func line(_ number: String?, _ label: String, abbreviation: String?, count: Int, share: Double?, bold: Bool = false)
            throws(WorkbookError)
        {
            let text = bold ? formats.totalText : formats.text
            try sheet.text(number, row: row, column: 0, format: text)
            try sheet.text(label, row: row, column: 1, format: text)
            try sheet.text(abbreviation, row: row, column: 2, format: text)
            try sheet.integer(count, row: row, column: 3, format: bold ? formats.totalInteger : formats.integer)
            let percent = bold ? formats.totalPercent : formats.percent
            if let share {
                try sheet.number(share, row: row, column: 4, format: percent)
            } else {
                try sheet.text(nil, row: row, column: 4, format: percent)
            }
            try sheet.text(nil, row: row, column: 5, format: text)
            row += 1
        }

        for (index, level) in Level.allCases.enumerated() {
            try line("\(index + 1)", level.vietnamese, abbreviation: level.abbreviation, count: total.levels[level, default: 0],
                     share: total.share(level))
        }
        try line(nil, assessedLabel, abbreviation: nil, count: assessed, share: assessed > 0 ? 1 : nil, bold: true)
        try line(nil, exemptLabel, abbreviation: nil, count: total.exempt, share: nil)
        try line(nil, unclassifiedLabel, abbreviation: nil, count: total.unclassified, share: nil)
        let lastTableRow = row - 1

        row += 1
        let over = total.exceedsExcellentQuota
        try sheet.text(nil, row: row, column: 0)
        try sheet.text(ratioLabel, row: row, column: 1)
        try sheet.text("HTXSNV/HTTNV", row: row, column: 2)
        try sheet.text(nil, row: row, column: 3)
        if let ratio = total.excellentToGood {
            try sheet.number(ratio, row: row, column: 4, format: over ? formats.percentWarning : formats.percent)
        } else {
            try sheet.text(nil, row: row, column: 4, format: over ? formats.percentWarning : formats.percent)
        }
        try sheet.text(over ? overQuotaNote : withinQuotaNote, row: row, column: 5,
                       format: over ? formats.warningText : formats.text)

        if let counts = report.reviewCounts, counts.fromRoster {
            row += 2
            row = try writeReviewCounts(counts, into: sheet, from: row)
        }
        try table.end(lastRow: row, filteredThrough: lastTableRow,
                      note: "Tỷ lệ tính trên số đảng viên được xếp loại.")
    }

    static let reviewTitle = "KẾT QUẢ KIỂM ĐIỂM (theo Biểu số 6F-BTCTW)"

    /// The Biểu 6F block: who had to review, who did, and why the others did not.
    /// Returns the last row written.
    static func writeReviewCounts(_ counts: ReviewCounts, into sheet: Sheet, from first: Int) throws(WorkbookError) -> Int {
        let formats = sheet.formats
        var row = first
        try sheet.text(reviewTitle, row: row, column: 1, format: formats.totalText)
        row += 1
        let lines: [(String, Int, Bool)] = [
            ("1. Số đảng viên phải kiểm điểm", counts.required, true),
            ("2. Số đảng viên đã kiểm điểm", counts.reviewed, true),
            ("3. Số đảng viên chưa kiểm điểm", counts.notReviewed, true),
            ("   3.1. Mới kết nạp chưa đủ 6 tháng", counts.newlyAdmitted, false),
            ("   3.2. Miễn công tác và sinh hoạt đảng", counts.exempted, false),
            ("   3.3. Đình chỉ sinh hoạt đảng", counts.suspended, false),
            ("   3.4. Chưa nộp bản kiểm điểm hợp lệ", counts.missing, false),
        ]
        for (label, count, bold) in lines {
            try sheet.text(label, row: row, column: 1, format: bold ? formats.totalText : formats.text)
            try sheet.integer(count, row: row, column: 3, format: bold ? formats.totalInteger : formats.integer)
            row += 1
        }
        return row - 1
    }
}
