import KiemdiemCore

/// `Bị từ chối`: one row per finding of a rejected form (contract §5).
///
/// Layout (Excel rows, one-based): row 1 title; row 2 the header row —
/// `Tệp` · `Mã` · `Trường` · `Lý do` · `Họ và tên` · `Chi bộ` (exactly these, columns A–F);
/// rows 3… the findings in the report's order. `Mã` is the stable finding code auditors filter
/// on; `Trường` shows the field's Vietnamese name with its path when the path is known.
enum RejectionsSheet {
    static let name = "Bị từ chối"
    static let headerRow = 1  // zero-based: Excel row 2
    static let headers = ["Tệp", "Mã", "Trường", "Lý do", "Họ và tên", "Chi bộ"]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers)

    static func title(year: Int) -> String { "DANH SÁCH BẢN KIỂM ĐIỂM BỊ TỪ CHỐI NĂM \(year)" }

    static func write(_ report: ConsolidatedReport, into workbook: Workbook) throws(WorkbookError) {
        let sheet = try workbook.addSheet(name)
        let lastColumn = headers.count - 1
        try sheet.title(title(year: report.year), lastColumn: lastColumn)
        try sheet.header(headers, row: headerRow)

        var row = headerRow + 1
        for rejection in report.rejections {
            try sheet.text(rejection.file, row: row, column: 0)
            try sheet.text(rejection.code.rawValue, row: row, column: 1)
            try sheet.text(rejection.field.map(FieldNames.vietnamese), row: row, column: 2)
            try sheet.text(rejection.reason, row: row, column: 3)
            try sheet.text(rejection.fullName, row: row, column: 4)
            try sheet.text(rejection.partyCell, row: row, column: 5)
            row += 1
        }
        try sheet.finishTable(headerRow: headerRow, lastFilteredRow: row - 1, lastColumn: lastColumn)
    }
}
