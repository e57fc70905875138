import KiemdiemCore

/// `Đảng viên`: one row per accepted member, latest form (contract §5).
///
/// Layout (Excel rows, one-based): row 1 title; row 2 the header row —
/// `STT` · `Họ và tên` · `Ngày sinh` · `Chi bộ` · [`Đảng bộ`] · `Tự xếp loại` · `Chi bộ đề xuất` ·
/// `Cấp ủy xếp loại` · `Kết quả` · `Trạng thái` · `Tệp` · `Lý do` (the rule that capped the result, or that a kept decision stands against) ·
/// `Nhiều năm` (the consecutive-year flags of
/// `MemberRow.history`); rows 3… the members in the report's order.
/// `Đảng bộ` is present only when some member names a committee, so readers should find columns
/// by header text, not by letter. `STT` (row number) and `Họ và tên` stay visible when scrolling.
///
/// Levels are written as the full Vietnamese label, the status in Vietnamese, and the date of
/// birth as a real Excel date formatted `dd/mm/yyyy`.
enum MembersSheet {
    static let name = "Đảng viên"
    static let headerRow = 1  // zero-based: Excel row 2
    static let contractHeaders = ["Họ và tên", "Ngày sinh", "Chi bộ", "Tự xếp loại", "Chi bộ đề xuất",
                                  "Cấp ủy xếp loại", "Kết quả", "Trạng thái", "Tệp"]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers(showCommittee: false))

    static func title(year: Int) -> String { "DANH SÁCH ĐẢNG VIÊN CÓ BẢN KIỂM ĐIỂM HỢP LỆ NĂM \(year)" }

    static func headers(showCommittee: Bool) -> [String] {
        ["STT", "Họ và tên", "Ngày sinh", "Chi bộ"] + (showCommittee ? ["Đảng bộ"] : [])
            + ["Tự xếp loại", "Chi bộ đề xuất", "Cấp ủy xếp loại", "Kết quả", "Trạng thái", "Tệp", "Lý do", "Nhiều năm"]
    }

    static func write(year: Int, rows: some ReportRows, into workbook: Workbook) throws(WorkbookError) {
        let sheet = try workbook.addSheet(name, streaming: true)
        let showCommittee = rows.membersNameCommittee
        let headers = headers(showCommittee: showCommittee)
        let lastColumn = headers.count - 1
        try sheet.title(title(year: year), lastColumn: lastColumn)
        try sheet.header(headers, row: headerRow)

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
        try sheet.finishTable(headerRow: headerRow, lastFilteredRow: row - 1, lastColumn: lastColumn, frozenColumns: 2)
    }
}

extension ClassificationStatus {
    /// How the board reads the status of a level.
    var vietnamese: String {
        switch self {
        case .final: return "Chính thức"
        case .provisional: return "Tạm thời"
        case .exempt: return "Không xếp loại"
        case .unclassified: return "Chưa xếp loại"
        }
    }
}
