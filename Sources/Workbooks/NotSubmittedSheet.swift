import KiemdiemCore

/// `Chưa nộp`: roster members with no form this year, written only when a roster is configured.
///
/// Layout (Excel rows, one-based): rows 1–5 the frame and title (`FramedTable`); row 6 the header
/// row — `STT` · `Họ và tên` · `Ngày sinh` · `Chi bộ` · `Đảng bộ cơ sở` · `Ghi chú`; rows 7… the
/// members (one whose roster row has no name shows its line); then the note and signatures.
/// `Ghi chú` says when the member is not required to review (miễn sinh hoạt, đình chỉ, mới kết nạp).
enum NotSubmittedSheet {
    static let name = "Chưa nộp"
    static let headerRow = FramedTable.headerRow
    static let widths: [Double] = [4.5, 22, 11, 18, 22, 22]
    static let headers = ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ cơ sở", "Ghi chú"]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers)

    static func title(year: Int) -> String { "DANH SÁCH ĐẢNG VIÊN CHƯA NỘP BẢN KIỂM ĐIỂM NĂM \(year)" }

    static func write(_ members: [NotSubmittedRow], year: Int, frame: DocumentFrame,
                      into workbook: Workbook) throws(WorkbookError) {
        let table = try FramedTable.begin(workbook, name: name, streaming: true, frame: frame, title: title(year: year),
                                          headers: headers, widths: widths)
        let sheet = table.sheet
        var row = table.firstRow
        for (index, member) in members.enumerated() {
            try sheet.integer(index + 1, row: row, column: 0)
            try sheet.text(member.fullName, row: row, column: 1)
            try sheet.date(member.dateOfBirth, row: row, column: 2)
            try sheet.text(member.partyCell, row: row, column: 3)
            try sheet.text(member.grassroots, row: row, column: 4)
            try sheet.text(member.note, row: row, column: 5)
            row += 1
        }
        try table.end(lastRow: row - 1, filteredThrough: row - 1, frozenColumns: 2)
    }
}
