import CXlsxWriter

/// A sheet laid out as a Party document (docs/contract.md §5): the organisation header in rows
/// 1–3, the title in row 5, the header row in row 6 (`headerRow`), the table, then the note with
/// the rules applied and the signature block; printed on A4, one page wide.
struct FramedTable {
    let sheet: Sheet
    let frame: DocumentFrame
    let title: String
    /// Zero-based: Excel row 6.
    let headerRow: Int
    let lastColumn: Int
    let landscape: Bool

    /// The widest table, in Excel character units, that prints one page wide on A4 at no less than
    /// about 8.5 pt in landscape and in portrait (Calibri 11 and its metric twin Carlito, which
    /// LibreOffice prints with): wider tables have their columns narrowed to it, their text
    /// wrapping on more lines, rather than their text shrunk below a readable size.
    static let landscapeBudget = 168.0
    static let portraitBudget = 114.0
    /// No column is narrowed below this.
    static let narrowest = 5.0

    /// Zero-based row of the header on every framed sheet (Excel row 6).
    static let headerRow = Sheet.titleRow + 1

    /// Adds the sheet, fixes its columns' widths and writes the frame, the title and the header.
    /// `landscape` nil: portrait when the table fits portrait's budget, else landscape.
    static func begin(_ workbook: Workbook, name: String, streaming: Bool = false, frame: DocumentFrame, title: String,
                      headers: [String], widths: [Double], landscape: Bool? = nil) throws(WorkbookError) -> FramedTable {
        precondition(headers.count == widths.count, "one width per column")
        let sheet = try workbook.addSheet(name, streaming: streaming)
        let wide = landscape ?? (widths.reduce(0, +) > portraitBudget)
        try sheet.columns(fitted(widths, budget: wide ? landscapeBudget : portraitBudget))
        let lastColumn = headers.count - 1
        let headerRow = try sheet.frame(frame, title: title, lastColumn: lastColumn)
        try sheet.header(headers, row: headerRow)
        return FramedTable(sheet: sheet, frame: frame, title: title, headerRow: headerRow, lastColumn: lastColumn,
                           landscape: wide)
    }

    /// `widths` narrowed in proportion (none below `narrowest`) until they add up to `budget`.
    static func fitted(_ widths: [Double], budget: Double) -> [Double] {
        var widths = widths
        for _ in 0..<8 {
            let total = widths.reduce(0, +)
            guard total > budget + 0.01 else { break }
            let flexible = widths.filter { $0 > narrowest }.reduce(0, +)
            guard flexible > 0 else { break }
            let factor = max(0, (flexible - (total - budget)) / flexible)
            widths = widths.map { $0 > narrowest ? max(narrowest, ($0 * factor * 2).rounded(.down) / 2) : $0 }
        }
        return widths
    }

    /// The first row of the table's body.
    var firstRow: Int { headerRow + 1 }

    /// Freezes the panes below the header (and right of `frozenColumns`), filters the header over
    /// `filteredThrough` (the body; totals below it stay put when sorting), sets the page up and
    /// writes the note and the signature block below `lastRow`. Returns the last row written.
    @discardableResult
    func end(lastRow: Int, filteredThrough: Int? = nil, frozenColumns: Int = 0, note: String? = nil) throws(WorkbookError) -> Int {
        let handle = sheet
        handle.freeze(row: headerRow + 1, column: frozenColumns)
        if let filteredThrough {
            try handle.autofilter(headerRow: headerRow, lastRow: max(headerRow, filteredThrough), lastColumn: lastColumn)
        }
        try handle.printLayout(title: title, headerRow: headerRow, landscape: self.landscape)
        let notes = [note, frame.rulesNote].compactMap { $0 }.filter { !$0.isEmpty }
        return try handle.closing(frame, note: notes.isEmpty ? nil : "Ghi chú: " + notes.joined(separator: " "),
                                  after: max(lastRow, headerRow), lastColumn: lastColumn)
    }
}

extension Sheet {
    /// The sum of the fixed widths of `0…lastColumn`, in pixels as Excel draws them.
    func pixelWidth(through lastColumn: Int) -> Double {
        (fixedWidths ?? []).prefix(lastColumn + 1).reduce(0) { $0 + ($1 * 7 + 5).rounded(.down) }
    }
}
