import KiemdiemCore

/// `Tổ chức đảng`: one row per organisation of the year (docs/rules.md "Tổ chức đảng"), its levels
/// kept apart — self-assessed (Mẫu 01), proposed, decided — the result with the rule that had a
/// say beside it, Mẫu 01's score, and each check of the year's rules with its outcome.
///
/// Layout (Excel rows, one-based): rows 1–5 the frame and title (`FramedTable`); row 6 the header
/// row — `STT` · `Tổ chức đảng` ·
/// `Loại tổ chức` · `Trực thuộc` · `Loại hình` · `Cấp quyết định` · `Tự xếp loại` · `Đề xuất` ·
/// `Cấp có thẩm quyền xếp loại` · `Kết quả` · `Trạng thái` · `Lý do` · `Nhóm tiêu chí chung (/30)` ·
/// `Kết quả thực hiện nhiệm vụ (/70)` · `Tổng điểm (/100)`, then one column per check of the
/// year (its rule's title), then `Cảnh báo`; rows 7… the organisations, each under its parent;
/// then the note and signatures. Printed landscape, one page wide.
enum OrganisationsSheet {
    static let name = "Tổ chức đảng"
    static let headerRow = FramedTable.headerRow
    static let widths: [Double] = [4.5, 18, 10, 14, 10, 11, 9.5, 9.5, 9.5, 9.5, 9, 14, 6.5, 6.5, 6.5]
    static let headers = ["STT", "Tổ chức đảng", "Loại tổ chức", "Trực thuộc", "Loại hình", "Cấp quyết định", "Tự xếp loại",
                          "Đề xuất", "Cấp có thẩm quyền xếp loại", "Kết quả", "Trạng thái", "Lý do",
                          "Nhóm tiêu chí chung (/30)", "Kết quả thực hiện nhiệm vụ (/70)", "Tổng điểm (/100)"]
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: headers)

    static func title(year: Int) -> String { "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG NĂM \(year)" }

    static func status(_ status: ClassificationStatus) -> String {
        switch status {
        case .final: return "Chính thức"
        case .provisional: return "Tạm thời"
        case .exempt: return "Không xếp loại"
        case .unclassified: return "Chưa xếp loại"
        }
    }

    static func write(_ results: [OrganisationResult], year: Int, language: MessageLanguage, frame: DocumentFrame,
                      into workbook: Workbook) throws(WorkbookError) {
        // One column per check the year's rules made, in the order they were made.
        var checkIDs: [String] = []
        var checkTitles: [String] = []
        for result in results {
            for check in result.checks where !checkIDs.contains(check.rule.id) {
                checkIDs.append(check.rule.id)
                checkTitles.append("Kiểm tra: " + (language == .vi ? check.rule.vietnamese : check.rule.english))
            }
        }
        let allHeaders = headers + checkTitles + ["Cảnh báo"]
        let table = try FramedTable.begin(workbook, name: name, streaming: true, frame: frame, title: title(year: year),
                                          headers: allHeaders, widths: widths + checkTitles.map { _ in 11 } + [16])
        let sheet = table.sheet
        let lastColumn = table.lastColumn
        func score(_ value: Double?, row: Int, column: Int) throws(WorkbookError) {
            guard let value else { return try sheet.text(nil, row: row, column: column) }
            if value == value.rounded() { return try sheet.integer(Int(value), row: row, column: column) }
            try sheet.text(String(value).replacingOccurrences(of: ".", with: ","), row: row, column: column)
        }
        var row = table.firstRow
        for (index, result) in results.enumerated() {
            let o = result.organisation
            try sheet.integer(index + 1, row: row, column: 0)
            try sheet.text(o.name, row: row, column: 1)
            try sheet.text(o.kind?.vietnamese, row: row, column: 2)
            try sheet.text(o.parentName, row: row, column: 3)
            try sheet.text(o.type?.vietnamese, row: row, column: 4)
            try sheet.text(o.decidingBody, row: row, column: 5)
            try sheet.text(result.selfLevel?.vietnamese, row: row, column: 6)
            try sheet.text(result.proposedLevel?.vietnamese, row: row, column: 7)
            try sheet.text(result.decidedLevel?.vietnamese, row: row, column: 8)
            try sheet.text(result.classification.level?.vietnamese, row: row, column: 9)
            try sheet.text(status(result.classification.status), row: row, column: 10)
            try sheet.text(LevelReason.text(result.classification.reasons, language), row: row, column: 11)
            try score(result.generalScore, row: row, column: 12)
            try score(result.taskScore, row: row, column: 13)
            try score(result.totalScore, row: row, column: 14)
            for (offset, id) in checkIDs.enumerated() {
                try sheet.text(result.checks.first { $0.rule.id == id }?.text(language), row: row, column: headers.count + offset)
            }
            let warnings = result.findings.map { "[\($0.code.rawValue)] \($0.message(language))" }.joined(separator: "\n")
            try sheet.text(warnings, row: row, column: lastColumn)
            row += 1
        }
        try table.end(lastRow: row - 1, filteredThrough: row - 1, frozenColumns: 2)
    }
}
