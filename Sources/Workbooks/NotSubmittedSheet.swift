import KiemdiemCore

/// `Chưa nộp`: roster members with no form this year, written only when a roster is configured.
///
/// Layout (Excel rows, one-based): row 1 title; row 2 the header row —
/// `STT` · `Họ và tên` · `Ngày sinh` · `Chi bộ` · `Đảng bộ cơ sở` · `Ghi chú`; rows 3… the members.
/// `Ghi chú` says when the member is not required to review (miễn sinh hoạt, đình chỉ, mới kết nạp).
enum NotSubmittedSheet {
    static let name = "Chưa nộp"
    static let headerRow = 1  // zero-based: Excel row 2
    static let headers = ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ cơ sở", "Ghi chú"]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers)

    static func title(year: Int) -> String { "DANH SÁCH ĐẢNG VIÊN CHƯA NỘP BẢN KIỂM ĐIỂM NĂM \(year)" }

    static func write(_ members: [NotSubmittedRow], year: Int, into workbook: Workbook) throws(WorkbookError) {
        let sheet = try workbook.addSheet(name, streaming: true)
        let lastColumn = headers.count - 1
        try sheet.title(title(year: year), lastColumn: lastColumn)
        try sheet.header(headers, row: headerRow)
        var row = headerRow + 1
        for (index, member) in members.enumerated() {
            try sheet.integer(index + 1, row: row, column: 0)
            try sheet.text(member.fullName, row: row, column: 1)
            try sheet.date(member.dateOfBirth, row: row, column: 2)
            try sheet.text(member.partyCell, row: row, column: 3)
            try sheet.text(member.grassroots, row: row, column: 4)
            try sheet.text(member.note, row: row, column: 5)
            row += 1
        }
        try sheet.finishTable(headerRow: headerRow, lastFilteredRow: row - 1, lastColumn: lastColumn, frozenColumns: 2)
    }
}
