import KiemdiemCore

/// A list of findings, one row each: `Bị từ chối` (every finding of a rejected form, contract §5)
/// and `Cảnh báo` (warnings on accepted forms and of the batch, such as `QUOTA_EXCEEDED`).
///
/// Layout (Excel rows, one-based): row 1 title; row 2 the header row —
/// `Tệp` · `Mã` · `Trường` · `Lý do` · `Họ và tên` · `Chi bộ` (exactly these, columns A–F);
/// rows 3… the findings in the report's order. `Mã` is the stable finding code auditors filter
/// on; `Trường` shows the field's Vietnamese name with its path when the path is known.
struct FindingsSheet: Sendable {
    let name: String
    let titlePrefix: String
    let list: List

    enum List: Sendable { case rejections, warnings }

    static let headerRow = 1  // zero-based: Excel row 2
    static let headers = ["Tệp", "Mã", "Trường", "Lý do", "Họ và tên", "Chi bộ"]

    static let rejections = FindingsSheet(name: "Bị từ chối", titlePrefix: "DANH SÁCH BẢN KIỂM ĐIỂM BỊ TỪ CHỐI",
                                          list: .rejections)
    static let warnings = FindingsSheet(name: "Cảnh báo", titlePrefix: "CẢNH BÁO VỀ BẢN KIỂM ĐIỂM VÀ XẾP LOẠI",
                                        list: .warnings)

    var layout: SheetLayout { SheetLayout(name: name, headerRow: FindingsSheet.headerRow + 1, headers: FindingsSheet.headers) }

    func title(year: Int) -> String { "\(titlePrefix) NĂM \(year)" }

    func write(year: Int, rows: some ReportRows, into workbook: Workbook) throws(WorkbookError) {
        let headers = FindingsSheet.headers
        let headerRow = FindingsSheet.headerRow
        let sheet = try workbook.addSheet(name, streaming: true)
        let lastColumn = headers.count - 1
        try sheet.title(title(year: year), lastColumn: lastColumn)
        try sheet.header(headers, row: headerRow)

        var row = headerRow + 1
        func line(_ rejection: RejectionRow) throws {
            try sheet.text(rejection.file, row: row, column: 0)
            try sheet.text(rejection.code.rawValue, row: row, column: 1)
            try sheet.text(rejection.field.map(FieldNames.vietnamese), row: row, column: 2)
            try sheet.text(rejection.reason, row: row, column: 3)
            try sheet.text(rejection.fullName, row: row, column: 4)
            try sheet.text(rejection.partyCell, row: row, column: 5)
            row += 1
        }
        try streamRows(of: name) {
            switch list {
            case .rejections: try rows.forEachRejection(line)
            case .warnings: try rows.forEachWarning(line)
            }
        }
        try sheet.finishTable(headerRow: headerRow, lastFilteredRow: row - 1, lastColumn: lastColumn)
    }
}
