import KiemdiemCore

/// A list of findings, one row each: `Bị từ chối` (every finding of a rejected form, contract §5)
/// and `Cảnh báo` (warnings on accepted forms and of the batch, such as `QUOTA_EXCEEDED`).
///
/// Layout (Excel rows, one-based): rows 1–5 the frame and title (`FramedTable`); row 6 the header
/// row — `TT` · `Tệp` · `Mã` · `Trường` · `Lý do` · `Họ và tên` · `Chi bộ` (exactly these, columns
/// A–G); rows 7… the findings in the report's order; then the note and signatures. `Mã` is the stable finding code auditors filter
/// on; `Trường` shows the field's Vietnamese name with its path when the path is known.
struct FindingsSheet: Sendable {
    let name: String
    let titlePrefix: String
    let list: List

    enum List: Sendable { case rejections, warnings }

    static let headerRow = FramedTable.headerRow
    static let headers = ["TT", "Tệp", "Mã", "Trường", "Lý do", "Họ và tên", "Chi bộ"]
    static let widths: [Double] = [4.5, 20, 16, 22, 48, 18, 18]

    static let rejections = FindingsSheet(name: "Bị từ chối", titlePrefix: "DANH SÁCH BẢN KIỂM ĐIỂM BỊ TỪ CHỐI",
                                          list: .rejections)
    static let warnings = FindingsSheet(name: "Cảnh báo", titlePrefix: "CẢNH BÁO VỀ BẢN KIỂM ĐIỂM VÀ XẾP LOẠI",
                                        list: .warnings)

    var layout: SheetLayout { SheetLayout(name: name, headerRow: FindingsSheet.headerRow + 1, headers: FindingsSheet.headers) }

    func title(year: Int) -> String { "\(titlePrefix) NĂM \(year)" }

    func write(year: Int, frame: DocumentFrame, rows: some ReportRows, into workbook: Workbook) throws(WorkbookError) {
        let table = try FramedTable.begin(workbook, name: name, streaming: true, frame: frame, title: title(year: year),
                                          headers: FindingsSheet.headers, widths: FindingsSheet.widths)
        let sheet = table.sheet
        var row = table.firstRow
        func line(_ rejection: RejectionRow) throws {
            try sheet.integer(row - table.headerRow, row: row, column: 0)
            try sheet.text(rejection.file, row: row, column: 1)
            try sheet.text(rejection.code.rawValue, row: row, column: 2)
            try sheet.text(rejection.field.map(FieldNames.vietnamese), row: row, column: 3)
            try sheet.text(rejection.reason, row: row, column: 4)
            try sheet.text(rejection.fullName, row: row, column: 5)
            try sheet.text(rejection.partyCell, row: row, column: 6)
            row += 1
        }
        try streamRows(of: name) {
            switch list {
            case .rejections: try rows.forEachRejection(line)
            case .warnings: try rows.forEachWarning(line)
            }
        }
        try table.end(lastRow: row - 1, filteredThrough: row - 1)
    }
}
