import KiemdiemCore

/// `Kết quả theo loại hình`: the results of organisations (Biểu 7A's layout) and of members
/// (Biểu 7B's) by level and by type of organisation (loại hình), with the totals and each level's
/// share of those classified (docs/rules.md "Biểu 7A/7B").
///
/// Layout (Excel rows, one-based): rows 1–5 the frame and title; row 6 the header row — `TT` ·
/// `Nội dung` · `Tổng số` · `Tỷ lệ (%)` · then one column per type that has results, in
/// `OrganisationType` order (`Chưa rõ loại hình` last); rows 7… block A (tổ chức đảng): `A` with
/// the total, `1`–`4` the four levels, `5` not classified by rule, `6` not classified yet; then,
/// when the organisations are of more than one level of the tree, the same rows per level (`A.1`
/// the đảng bộ above the grassroots, `A.2` the grassroots, `A.3` the units under them, as 7A
/// keeps them apart); block B (đảng viên) the same rows; then the note and signatures. Printed
/// landscape, one page wide.
enum ResultsByTypeSheet {
    static let name = "Kết quả theo loại hình"
    static let headerRow = FramedTable.headerRow
    static let fixedHeaders = ["TT", "Nội dung", "Tổng số", "Tỷ lệ (%)"]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: fixedHeaders)
    static let exemptLabel = "Không xếp loại (theo quy định)"
    static let unclassifiedLabel = "Chưa xếp loại"

    static func title(year: Int) -> String {
        "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN THEO LOẠI HÌNH NĂM \(year)"
    }

    static func write(_ results: ResultsByType, year: Int, frame: DocumentFrame, into workbook: Workbook) throws(WorkbookError) {
        let headers = fixedHeaders + results.types
        let widths: [Double] = [4.5, 36, 9, 9] + results.types.map { _ in 11 }
        let table = try FramedTable.begin(workbook, name: name, frame: frame, title: title(year: year),
                                          headers: headers, widths: widths)
        let sheet = table.sheet
        let formats = sheet.formats
        var row = table.firstRow

        func block(_ letter: String, _ label: String, total: LevelCounts, byType: [String: LevelCounts]) throws(WorkbookError) {
            func line(_ number: String, _ text: String, bold: Bool, value: (LevelCounts) -> Int, share: Double?)
                throws(WorkbookError)
            {
                let textFormat = bold ? formats.subtotalText : formats.text
                let integer = bold ? formats.subtotalInteger : formats.integer
                try sheet.text(number, row: row, column: 0, format: textFormat)
                try sheet.text(text, row: row, column: 1, format: textFormat)
                try sheet.integer(value(total), row: row, column: 2, format: integer)
                let percent = bold ? formats.subtotalPercent : formats.percent
                if let share {
                    try sheet.number(share, row: row, column: 3, format: percent)
                } else {
                    try sheet.text(nil, row: row, column: 3, format: percent)
                }
                for (offset, type) in results.types.enumerated() {
                    try sheet.integer(value(byType[type] ?? LevelCounts()), row: row, column: 4 + offset, format: integer)
                }
                row += 1
            }
            try line(letter, label, bold: true, value: \.total, share: nil)
            for (index, level) in Level.allCases.enumerated() {
                try line("\(index + 1)", level.vietnamese, bold: false, value: { $0.levels[level, default: 0] },
                         share: total.share(level))
            }
            try line("5", exemptLabel, bold: false, value: \.exempt, share: nil)
            try line("6", unclassifiedLabel, bold: false, value: \.unclassified, share: nil)
        }
        try block("A", "TỔ CHỨC ĐẢNG (theo Biểu 7A)", total: results.organisationsTotal, byType: results.organisations)
        if results.organisationLevels.count > 1 {
            for (index, level) in results.organisationLevels.enumerated() {
                try block("A.\(index + 1)", level.name, total: level.total, byType: level.byType)
            }
        }
        try block("B", "ĐẢNG VIÊN (theo Biểu 7B)", total: results.membersTotal, byType: results.members)
        try table.end(lastRow: row - 1, frozenColumns: 2,
                      note: "Tỷ lệ (%) của mỗi mức tính trên số được xếp loại (dòng 1–4). Loại hình của đảng viên là loại hình "
                          + "tổ chức đảng của chi bộ (hoặc đảng bộ) của đảng viên.")
    }
}
