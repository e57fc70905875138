import KiemdiemCore

/// `Đảng viên`: one row per accepted member, latest form (contract §5).
///
/// Layout (Excel rows, one-based): rows 1–5 the frame and title (`FramedTable`); row 6 the header row —
/// `STT` · `Họ và tên` · `Ngày sinh` · `Chi bộ` · [`Đảng bộ`] · `Tự xếp loại` · `Chi bộ đề xuất` ·
/// `Cấp ủy xếp loại` · `Kết quả` · `Trạng thái` · `Tệp` · `Lý do` (the rule that capped the result, or that a kept decision stands against) ·
/// `Nhiều năm` (the consecutive-year flags of
/// `MemberRow.history`); rows 7… the members in the report's order; then the note and the
/// signature block. Printed landscape, one page wide; long cells wrap.
/// `Đảng bộ` is present only when some member names a committee, so readers should find columns
/// by header text, not by letter. `STT` (row number) and `Họ và tên` stay visible when scrolling.
///
/// Levels are written as the full Vietnamese label, the status in Vietnamese, and the date of
/// birth as a real Excel date formatted `dd/mm/yyyy`.
enum MembersSheet {
    static let name = "Đảng viên"
    static let headerRow = FramedTable.headerRow
    static let contractHeaders = ["Họ và tên", "Ngày sinh", "Chi bộ", "Tự xếp loại", "Chi bộ đề xuất",
                                  "Cấp ủy xếp loại", "Kết quả", "Trạng thái", "Tệp"]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers(showCommittee: false))

    static func title(year: Int) -> String { "DANH SÁCH ĐẢNG VIÊN CÓ BẢN KIỂM ĐIỂM HỢP LỆ NĂM \(year)" }

    static func headers(showCommittee: Bool) -> [String] {
        ["STT", "Họ và tên", "Ngày sinh", "Chi bộ"] + (showCommittee ? ["Đảng bộ"] : [])
            + ["Tự xếp loại", "Chi bộ đề xuất", "Cấp ủy xếp loại", "Kết quả", "Trạng thái", "Tệp", "Lý do", "Nhiều năm"]
    }

    /// Widths in Excel character units, header by header: the level columns wrap the full label
    /// on two or three lines, so the sheet prints one page wide at a readable size.
    static func widths(showCommittee: Bool) -> [Double] {
        [4.5, 19, 10.5, 14] + (showCommittee ? [14] : []) + [11.5, 11.5, 11.5, 11.5, 10, 16, 24, 13]
    }

    static func write(year: Int, frame: DocumentFrame, rows: some ReportRows, into workbook: Workbook) throws(WorkbookError) {
        let showCommittee = rows.membersNameCommittee
        let headers = headers(showCommittee: showCommittee)
        let table = try FramedTable.begin(workbook, name: name, streaming: true, frame: frame, title: title(year: year),
                                          headers: headers, widths: widths(showCommittee: showCommittee))
        let sheet = table.sheet

        var row = headerRow + 1
        func line(_ member: MemberRow) throws {
            var column = 0
            func next() -> Int { defer { column += 1 }; return column }
            try sheet.integer(row - headerRow, row: row, column: next())
            try sheet.text(member.fullName, row: row, column: next())
            try sheet.date(member.dateOfBirth, row: row, column: next())
            try sheet.text(member.partyCell, row: row, column: next())
            if showCommittee { try sheet.text(member.partyCommittee, row: row, column: next()) }
            for level in [member.selfLevel, member.cellProposal, member.committeeLevel, member.result] {
                try sheet.text(level?.vietnamese, row: row, column: next())
            }
            try sheet.text(member.status.vietnamese, row: row, column: next())
            try sheet.text(member.file, row: row, column: next())
            try sheet.text(member.reason, row: row, column: next())
            try sheet.text(member.history, row: row, column: next())
            row += 1
        }
        try streamRows(of: name) { try rows.forEachMember(line) }
        try table.end(lastRow: row - 1, filteredThrough: row - 1, frozenColumns: 2)
    }
}
