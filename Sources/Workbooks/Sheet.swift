import CXlsxWriter
import KiemdiemCore

/// One worksheet being filled. Rows and columns are zero-based here, as in libxlsxwriter;
/// doc comments elsewhere speak of Excel's one-based rows ("row 2" is index 1).
///
/// Every text cell goes through `ExcelText.cell`, and text is always written with
/// `worksheet_write_string`, so data that starts with `=` stays text and never becomes a formula.
final class Sheet {
    let name: String
    let formats: Formats
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    /// Widest content seen per column, in Excel character units, for `fitColumns`.
    private var widths: [Int: Double] = [:]
    /// The columns' widths when the sheet fixes them (`columns(_:)`): text then wraps within them
    /// and each row is made tall enough for its longest cell.
    private(set) var fixedWidths: [Double]?
    /// The lines of the tallest cell written so far in each row, and whether it is bold.
    private var rowLines: [Int: Double] = [:]
    /// Centred in every footer: the logs' heads (`Workbook.footerCentre`).
    var footerCentre: String?

    /// Points per line of Calibri 11, as Excel's default row.
    static let lineHeight = 15.0

    /// Widths are estimated, so keep a floor for narrow columns and a cap so one long answer
    /// does not push the rest of the table off screen.
    static let minimumWidth = 6.0
    static let maximumWidth = 60.0

    init(handle: UnsafeMutablePointer<lxw_worksheet>, name: String, formats: Formats) {
        self.handle = handle
        self.name = name
        self.formats = formats
    }

    /// Row 1: the title merged over the table's columns. Not counted in column widths, since
    /// it spans them.
    func title(_ text: String, lastColumn: Int) throws(WorkbookError) {
        try title(text, row: 0, lastColumn: lastColumn)
    }

    /// The title merged over the table's columns in `row`; with fixed widths, as many lines tall
    /// as it wraps to, so that no title is cut on a sheet narrower than it.
    func title(_ text: String, row: Int, lastColumn: Int) throws(WorkbookError) {
        var height = 24.0
        if let fixedWidths {
            let width = fixedWidths.prefix(lastColumn + 1).reduce(0, +)
            height = max(height, Double(TextWidth.lines(text, columnWidth: width, bold: true, scale: 14 / 11)) * 19 + 5)
        }
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "worksheet_set_row")
        try merged(text, row: row, from: 0, to: lastColumn, format: formats.title)
    }

    /// A header row in the header format; headers count a little wider because they are bold.
    func header(_ labels: [String], row: Int) throws(WorkbookError) {
        for (column, label) in labels.enumerated() {
            try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), ExcelText.cell(label), formats.header),
                      "worksheet_write_string")
            note(column, ExcelText.displayWidth(label) * 1.1)
            try fit(label, row: row, column: column, bold: true)
        }
    }

    /// Fixes the columns' widths, in Excel character units, before anything is written: a sheet
    /// that streams must know its widths to set each row's height as the row is written.
    func columns(_ widths: [Double]) throws(WorkbookError) {
        fixedWidths = widths
        for (column, width) in widths.enumerated() {
            try check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil), "worksheet_set_column")
        }
    }

    /// `text` in one cell merged over `first…last` of `row` (one cell when they are the same).
    func merged(_ text: String, row: Int, from first: Int, to last: Int, format: Formats.Handle) throws(WorkbookError) {
        if first == last {
            try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(first), ExcelText.cell(text), format),
                      "worksheet_write_string")
        } else {
            try check(worksheet_merge_range(handle, lxw_row_t(row), lxw_col_t(first), lxw_row_t(row), lxw_col_t(last),
                                            ExcelText.cell(text), format), "worksheet_merge_range")
        }
    }

    /// Raises `row` to the height that shows `text` wrapped in `column` (or over `span` columns).
    private func fit(_ text: String, row: Int, column: Int, span: Int = 1, bold: Bool = false) throws(WorkbookError) {
        guard let fixedWidths, column < fixedWidths.count else { return }
        let width = fixedWidths[column..<min(fixedWidths.count, column + span)].reduce(0, +)
        let lines = Double(TextWidth.lines(text, columnWidth: width, bold: bold))
        guard lines > 1, lines > rowLines[row] ?? 1 else { return }
        rowLines[row] = lines
        // Excel's tallest row; a longer cell prints cut, as it would on screen.
        let height = min(lines * Self.lineHeight + 2, 409)
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "worksheet_set_row")
    }

    /// Text, or an empty bordered cell for `nil`.
    func text(_ value: String?, row: Int, column: Int, format: Formats.Handle? = nil) throws(WorkbookError) {
        let format = format ?? formats.text
        guard let value, !value.isEmpty else {
            try check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), format), "worksheet_write_blank")
            return
        }
        let safe = ExcelText.cell(value)
        try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), safe, format), "worksheet_write_string")
        note(column, ExcelText.displayWidth(safe))
        try fit(safe, row: row, column: column, bold: format == formats.totalText || format == formats.subtotalText)
    }

    /// A count, stored as a number so sums and filters work in Excel.
    func integer(_ value: Int, row: Int, column: Int, format: Formats.Handle? = nil) throws(WorkbookError) {
        try number(Double(value), row: row, column: column, format: format ?? formats.integer)
        // Digits plus thousands separators.
        let digits = String(value).count
        note(column, Double(digits + digits / 3))
    }

    /// A real number in the given format (e.g. a fraction shown as a percentage).
    func number(_ value: Double, row: Int, column: Int, format: Formats.Handle) throws(WorkbookError) {
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), value, format), "worksheet_write_number")
        note(column, 8)
    }

    /// A civil date as a real Excel date (serial number) shown as dd/mm/yyyy, or an empty cell.
    func date(_ value: CivilDate?, row: Int, column: Int) throws(WorkbookError) {
        guard let value else {
            try check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), formats.date), "worksheet_write_blank")
            return
        }
        var datetime = lxw_datetime(year: Int32(value.year), month: Int32(value.month), day: Int32(value.day),
                                    hour: 0, min: 0, sec: 0)
        try check(worksheet_write_datetime(handle, lxw_row_t(row), lxw_col_t(column), &datetime, formats.date),
                  "worksheet_write_datetime")
        note(column, 10)
    }

    /// The table affordances every sheet shares: panes frozen below the header row (and right
    /// of `frozenColumns`), an autofilter from the header over `lastFilteredRow`, and fitted
    /// column widths.
    func finishTable(headerRow: Int, lastFilteredRow: Int, lastColumn: Int, frozenColumns: Int = 0) throws(WorkbookError) {
        worksheet_freeze_panes(handle, lxw_row_t(headerRow + 1), lxw_col_t(frozenColumns))
        try check(worksheet_autofilter(handle, lxw_row_t(headerRow), 0, lxw_row_t(max(headerRow, lastFilteredRow)),
                                       lxw_col_t(lastColumn)), "worksheet_autofilter")
        try check(worksheet_repeat_rows(handle, lxw_row_t(headerRow), lxw_row_t(headerRow)), "worksheet_repeat_rows")
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, Self.paperA4)
        worksheet_fit_to_pages(handle, 1, 0)
        if fixedWidths == nil { try fitColumns(through: lastColumn) }
    }

    /// libxlsxwriter's number for A4 paper.
    static let paperA4: UInt8 = 9

    /// How the sheet prints: on A4 in `landscape` or portrait, exactly one page wide (as many
    /// tall as it takes), the header row repeated on every page, and the footer "title · the
    /// logs' heads · Trang P/N" (Excel's codes; a literal "&" is doubled).
    func printLayout(title: String, headerRow: Int, landscape: Bool) throws(WorkbookError) {
        worksheet_set_paper(handle, Self.paperA4)
        if landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_set_margins(handle, 0.4, 0.4, 0.6, 0.9)
        worksheet_fit_to_pages(handle, 1, 0)
        worksheet_center_horizontally(handle)
        worksheet_set_start_page(handle, 1)
        try check(worksheet_repeat_rows(handle, lxw_row_t(headerRow), lxw_row_t(headerRow)), "worksheet_repeat_rows")
        func escaped(_ text: String, _ limit: Int) -> String {
            String(ExcelText.cell(text).replacingOccurrences(of: "\n", with: " ").prefix(limit))
                .replacingOccurrences(of: "&", with: "&&")
        }
        // The three parts share the page's width and a renderer does not wrap them: the title
        // starts on the second line, under the logs' heads, broken into lines that fit beside them.
        let perLine = landscape ? 42 : 27
        var footer = "&L\n" + Self.footerLines(escaped(title, 90), perLine: perLine)
        if let footerCentre { footer += "&C" + escaped(footerCentre, 110) }
        footer += "&RTrang &P/&N"
        try check(worksheet_set_footer(handle, String(footer.prefix(255))), "worksheet_set_footer")
    }

    /// `text` broken at spaces into lines of at most `perLine` characters.
    static func footerLines(_ text: String, perLine: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > perLine {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// Rows 1–4 of a framed sheet: the organisation on the left (superior, unit, "*"), the
    /// Party's name and place and date on the right, a blank row; then the title in row 5.
    /// Returns the zero-based row of the header, which follows the title.
    func frame(_ frame: DocumentFrame, title: String, lastColumn: Int) throws(WorkbookError) -> Int {
        let (leftEnd, rightStart) = halves(lastColumn: lastColumn)
        let left = frame.leftLines
        let right = [DocumentFrame.partyName, frame.placeAndDate]
        for line in 0..<3 {
            if line < left.count {
                let bold = line == left.count - 2 || left.count == 1
                try merged(left[line], row: line, from: 0, to: leftEnd, format: bold ? formats.frameBold : formats.frameLine)
                try fit(left[line], row: line, column: 0, span: leftEnd + 1, bold: true)
            }
            if line < right.count {
                try merged(right[line], row: line, from: rightStart, to: lastColumn,
                           format: line == 0 ? formats.frameBold : formats.frameItalic)
                try fit(right[line], row: line, column: rightStart, span: lastColumn - rightStart + 1, bold: true)
            }
        }
        try self.title(title, row: Self.titleRow, lastColumn: lastColumn)
        return Self.titleRow + 1
    }

    /// The zero-based row of the title on a framed sheet (Excel row 5); the header row follows.
    static let titleRow = 4

    /// Below the table: the note naming the rules (merged over the table), then place and date
    /// and the signature block — "NGƯỜI LẬP BIỂU" on the left, "T/M <body>" and the signer's post on
    /// the right, room to sign, the names. Returns the last zero-based row written.
    @discardableResult
    func closing(_ frame: DocumentFrame, note: String?, after lastTableRow: Int, lastColumn: Int) throws(WorkbookError) -> Int {
        var row = lastTableRow + 2
        if let note, !note.isEmpty {
            try merged(note, row: row, from: 0, to: lastColumn, format: formats.frameNote)
            try fit(note, row: row, column: 0, span: lastColumn + 1)
            row += 2
        }
        let (leftEnd, rightStart) = halves(lastColumn: lastColumn)
        func pair(_ left: String?, _ leftFormat: Formats.Handle, _ right: String?, _ rightFormat: Formats.Handle)
            throws(WorkbookError)
        {
            if let left {
                try merged(left, row: row, from: 0, to: leftEnd, format: leftFormat)
                try fit(left, row: row, column: 0, span: leftEnd + 1, bold: true)
            }
            if let right {
                try merged(right, row: row, from: rightStart, to: lastColumn, format: rightFormat)
                try fit(right, row: row, column: rightStart, span: lastColumn - rightStart + 1, bold: true)
            }
            row += 1
        }
        try pair(nil, formats.frameLine, frame.placeAndDate, formats.frameItalic)
        try pair(DocumentFrame.preparerHeading, formats.frameBold, frame.onBehalfHeading, formats.frameBold)
        try pair(DocumentFrame.signatureHint, formats.frameItalic,
                 frame.signerTitle.map(DocumentFrame.capitals) ?? DocumentFrame.signatureHint,
                 frame.signerTitle == nil ? formats.frameItalic : formats.frameBold)
        row += 3  // room to sign
        try pair(frame.preparedBy ?? "", formats.frameBold, frame.signedBy ?? "", formats.frameBold)
        return row - 1
    }

    /// The last column of the left half and the first of the right, splitting the width about
    /// evenly (the left block a little narrower, as printed headers are).
    func halves(lastColumn: Int) -> (leftEnd: Int, rightStart: Int) {
        guard lastColumn > 0 else { return (0, 0) }
        let widths = (fixedWidths ?? []).prefix(lastColumn + 1)
        let total = widths.reduce(0, +)
        var sum = 0.0
        var leftEnd = lastColumn / 2
        if total > 0 {
            for (column, width) in widths.enumerated() {
                sum += width
                if sum >= total * 0.45 {
                    leftEnd = column
                    break
                }
            }
        }
        leftEnd = min(max(0, leftEnd), lastColumn - 1)
        return (leftEnd, leftEnd + 1)
    }

    /// Starts a new printed page at `row`.
    func pageBreak(before row: Int) throws(WorkbookError) {
        var breaks: [lxw_row_t] = [lxw_row_t(row), 0]
        try check(worksheet_set_h_pagebreaks(handle, &breaks), "worksheet_set_h_pagebreaks")
    }

    /// Prints only the cells `0…lastRow` × `0…lastColumn` (a chart below the table is inside).
    func printArea(lastRow: Int, lastColumn: Int) throws(WorkbookError) {
        try check(worksheet_print_area(handle, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), "worksheet_print_area")
    }

    func freeze(row: Int, column: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    func autofilter(headerRow: Int, lastRow: Int, lastColumn: Int) throws(WorkbookError) {
        try check(worksheet_autofilter(handle, lxw_row_t(headerRow), 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)),
                  "worksheet_autofilter")
    }

    /// Sets each column to its widest content plus padding, within the floor and cap.
    func fitColumns(through lastColumn: Int) throws(WorkbookError) {
        for column in 0...lastColumn {
            let width = min(max((widths[column] ?? 0) + 2, Self.minimumWidth), Self.maximumWidth)
            try check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil), "worksheet_set_column")
        }
    }

    /// Places `chart` with its top-left corner in the given cell, `scale` times its default size.
    func insert(_ chart: Chart, row: Int, column: Int, xScale: Double = 1.5, yScale: Double = 1.5) throws(WorkbookError) {
        try check(chart.insert(into: handle, row: row, column: column, xScale: xScale, yScale: yScale),
                  "worksheet_insert_chart")
    }

    private func note(_ column: Int, _ width: Double) {
        widths[column] = max(widths[column] ?? 0, width)
    }
}

/// A chart owned by the workbook; series refer to cells by sheet name and zero-based indices.
struct Chart {
    let handle: UnsafeMutablePointer<lxw_chart>

    /// The chart's text at sizes that print legibly once the sheet is fitted to the page: a chart
    /// left to the renderer's defaults prints its labels at 2–4 pt.
    private func font(_ size: Double, bold: Bool = false, _ body: (inout lxw_chart_font) -> Void) {
        var font = lxw_chart_font()
        font.size = size
        font.bold = bold ? 1 : 0
        body(&font)
    }

    func setTitle(_ title: String) {
        chart_title_set_name(handle, ExcelText.cell(title))
        font(13, bold: true) { chart_title_set_name_font(handle, &$0) }
    }

    func setAxisNames(category: String, value: String) {
        chart_axis_set_name(handle.pointee.x_axis, ExcelText.cell(category))
        chart_axis_set_name(handle.pointee.y_axis, ExcelText.cell(value))
        for axis in [handle.pointee.x_axis, handle.pointee.y_axis] {
            font(11) { chart_axis_set_num_font(axis, &$0) }
            font(11, bold: true) { chart_axis_set_name_font(axis, &$0) }
        }
        // Counts of members: whole numbers only on the value axis.
        chart_axis_set_min(handle.pointee.y_axis, 0)
    }

    func setLegendBottom() {
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        font(11) { chart_legend_set_font(handle, &$0) }
    }

    /// Adds one series whose name is the header cell and whose values are a column range.
    /// Ranges are set by indices so libxlsxwriter quotes the Vietnamese sheet name itself.
    func addSeries(sheet: String, nameRow: Int, categoryColumn: Int, valueColumn: Int, firstRow: Int, lastRow: Int)
        throws(WorkbookError)
    {
        guard let series = chart_add_series(handle, nil, nil) else {
            throw WorkbookError("chart_add_series(): could not add a series", function: "chart_add_series")
        }
        chart_series_set_categories(series, sheet, lxw_row_t(firstRow), lxw_col_t(categoryColumn),
                                    lxw_row_t(lastRow), lxw_col_t(categoryColumn))
        chart_series_set_values(series, sheet, lxw_row_t(firstRow), lxw_col_t(valueColumn),
                                lxw_row_t(lastRow), lxw_col_t(valueColumn))
        chart_series_set_name_range(series, sheet, lxw_row_t(nameRow), lxw_col_t(valueColumn))
    }

    /// A chart's default size in pixels (libxlsxwriter's, as Excel's).
    static let defaultWidth = 480.0, defaultHeight = 288.0

    fileprivate func insert(into sheet: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int,
                            xScale: Double, yScale: Double) -> lxw_error {
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        return worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), handle, &options)
    }
}
