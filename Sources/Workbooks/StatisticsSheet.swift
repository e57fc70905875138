import KiemdiemCore

/// `Thống kê`: results by level over the whole report.
///
/// Layout (Excel rows, one-based): row 1 title; row 2 the header row —
/// `Kết quả xếp loại` · `Viết tắt` · `Số lượng` · `Tỷ lệ` · `Ghi chú`;
/// rows 3–6 the four levels (full label, abbreviation, count, share of those assessed);
/// row 7 `Tổng số được xếp loại` (the base of the shares); row 8 `Không xếp loại`;
/// row 9 `Chưa xếp loại` (neither is assessed, so they have no share);
/// row 11 the HTXSNV ÷ HTTNV ratio in `Tỷ lệ`, highlighted with a note in `Ghi chú` when it
/// exceeds the 20 % quota.
///
/// Counts come from the `Tổng hợp` rows, so the two sheets always agree. Shares are fractions in
/// a percent format (0.25 shows as 25.0 %), empty when nobody was assessed.
enum StatisticsSheet {
    static let name = "Thống kê"
    static let headerRow = 1  // zero-based: Excel row 2
    static let headers = ["Kết quả xếp loại", "Viết tắt", "Số lượng", "Tỷ lệ", "Ghi chú"]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers)
    static let assessedLabel = "Tổng số được xếp loại"
    static let exemptLabel = "Không xếp loại"
    static let unclassifiedLabel = "Chưa xếp loại"
    static let ratioLabel = "Tỷ lệ HTXSNV so với HTTNV (tối đa 20 %)"
    static let overQuotaNote = "Vượt quá 20 %"
    static let withinQuotaNote = "Trong giới hạn"

    static func title(year: Int) -> String { "THỐNG KÊ KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM \(year)" }

    static func write(_ report: ConsolidatedReport, into workbook: Workbook) throws(WorkbookError) {
        let sheet = try workbook.addSheet(name)
        let formats = sheet.formats
        let lastColumn = headers.count - 1
        try sheet.title(title(year: report.year), lastColumn: lastColumn)
        try sheet.header(headers, row: headerRow)

        let total = report.cells.reduce(into: Counts()) { $0.add(Counts($1)) }
        let assessed = total.assessed
        var row = headerRow + 1

        func line(_ label: String, abbreviation: String?, count: Int, share: Double?, bold: Bool = false)
            throws(WorkbookError)
        {
            try sheet.text(label, row: row, column: 0, format: bold ? formats.totalText : formats.text)
            try sheet.text(abbreviation, row: row, column: 1, format: bold ? formats.totalText : formats.text)
            try sheet.integer(count, row: row, column: 2, format: bold ? formats.totalInteger : formats.integer)
            let percent = bold ? formats.totalPercent : formats.percent
            if let share {
                try sheet.number(share, row: row, column: 3, format: percent)
            } else {
                try sheet.text(nil, row: row, column: 3, format: percent)
            }
            try sheet.text(nil, row: row, column: 4, format: bold ? formats.totalText : formats.text)
            row += 1
        }

        for level in Level.allCases {
            let count = total.levels[level, default: 0]
            try line(level.vietnamese, abbreviation: level.abbreviation, count: count,
                     share: assessed > 0 ? Double(count) / Double(assessed) : nil)
        }
        try line(assessedLabel, abbreviation: nil, count: assessed, share: assessed > 0 ? 1 : nil, bold: true)
        try line(exemptLabel, abbreviation: nil, count: total.exempt, share: nil)
        try line(unclassifiedLabel, abbreviation: nil, count: total.unclassified, share: nil)
        let lastTableRow = row - 1

        row += 1
        let over = total.exceedsExcellentQuota
        try sheet.text(ratioLabel, row: row, column: 0)
        try sheet.text("HTXSNV/HTTNV", row: row, column: 1)
        try sheet.text(nil, row: row, column: 2)
        if let ratio = total.excellentToGood {
            try sheet.number(ratio, row: row, column: 3, format: over ? formats.percentWarning : formats.percent)
        } else {
            try sheet.text(nil, row: row, column: 3, format: over ? formats.percentWarning : formats.percent)
        }
        try sheet.text(over ? overQuotaNote : withinQuotaNote, row: row, column: 4,
                       format: over ? formats.warningText : formats.text)

        if let counts = report.reviewCounts {
            row += 2
            try writeReviewCounts(counts, into: sheet, from: row)
        }
        try sheet.finishTable(headerRow: headerRow, lastFilteredRow: lastTableRow, lastColumn: lastColumn)
    }

    static let reviewTitle = "KẾT QUẢ KIỂM ĐIỂM (theo Biểu số 6F-BTCTW)"

    /// The Biểu 6F block: who had to review, who did, and why the others did not.
    static func writeReviewCounts(_ counts: ReviewCounts, into sheet: Sheet, from first: Int) throws(WorkbookError) {
        let formats = sheet.formats
        var row = first
        try sheet.text(reviewTitle, row: row, column: 0, format: formats.totalText)
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
            try sheet.text(label, row: row, column: 0, format: bold ? formats.totalText : formats.text)
            try sheet.integer(count, row: row, column: 2, format: bold ? formats.totalInteger : formats.integer)
            row += 1
        }
    }
}
