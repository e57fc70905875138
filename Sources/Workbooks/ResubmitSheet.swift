import KiemdiemCore

/// `Cần nộp lại`: the members whose latest form was refused, one row each, with every reason in
/// one line, so that the board knows whom to chase (beside `Chưa nộp`, who sent nothing).
///
/// Layout (Excel rows, one-based): rows 1–5 the frame and title (`FramedTable`); row 6 the header
/// row — `TT` · `Họ và tên` · `Ngày sinh` · `Chi bộ` · `Đảng bộ` · `Tệp` · `Ngày nhận` · `Mã` ·
/// `Lý do`; rows 7… the members (a file nobody could be named from is a row of its own, its name
/// empty), by cell then name; then the note and signatures. The rows add up to `Tổng hợp`'s
/// `Bị từ chối`.
enum ResubmitSheet {
    static let name = "Cần nộp lại"
    static let headerRow = FramedTable.headerRow
    static let headers = ["TT", "Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ", "Tệp", "Ngày nhận", "Mã", "Lý do"]
    static let widths: [Double] = [4.5, 20, 11, 16, 16, 20, 11, 17, 44]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers)

    static func title(year: Int) -> String { "DANH SÁCH ĐẢNG VIÊN CẦN NỘP LẠI BẢN KIỂM ĐIỂM NĂM \(year)" }

    static func write(_ rows: [ResubmitRow], year: Int, frame: DocumentFrame, into workbook: Workbook) throws(WorkbookError) {
        let table = try FramedTable.begin(workbook, name: name, frame: frame, title: title(year: year),
                                          headers: headers, widths: widths)
        let sheet = table.sheet
        var row = table.firstRow
        for (index, member) in rows.enumerated() {
            try sheet.integer(index + 1, row: row, column: 0)
            try sheet.text(member.fullName, row: row, column: 1)
            try sheet.date(member.dateOfBirth, row: row, column: 2)
            try sheet.text(member.partyCell, row: row, column: 3)
            try sheet.text(member.partyCommittee, row: row, column: 4)
            try sheet.text(member.file, row: row, column: 5)
            try sheet.text(member.received, row: row, column: 6)
            try sheet.text(member.codes, row: row, column: 7)
            try sheet.text(member.reason, row: row, column: 8)
            row += 1
        }
        try table.end(lastRow: row - 1, filteredThrough: row - 1, frozenColumns: 2,
                      note: "Mỗi đảng viên sửa theo lý do và nộp lại bản kiểm điểm; bản nộp lại hợp lệ thay bản bị từ chối.")
    }
}
