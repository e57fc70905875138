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
        try check(worksheet_set_row(handle, 0, 24, nil), "worksheet_set_row")
        if lastColumn == 0 {
            try check(worksheet_write_string(handle, 0, 0, ExcelText.cell(text), formats.title), "worksheet_write_string")
        } else {
            try check(worksheet_merge_range(handle, 0, 0, 0, lxw_col_t(lastColumn), ExcelText.cell(text), formats.title),
                      "worksheet_merge_range")
        }
    }

    /// A header row in the header format; headers count a little wider because they are bold.
    func header(_ labels: [String], row: Int) throws(WorkbookError) {
        for (column, label) in labels.enumerated() {
            try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), ExcelText.cell(label), formats.header),
                      "worksheet_write_string")
            note(column, ExcelText.displayWidth(label) * 1.1)
        }
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
        worksheet_fit_to_pages(handle, 1, 0)
        try fitColumns(through: lastColumn)
    }

    /// Sets each column to its widest content plus padding, within the floor and cap.
    func fitColumns(through lastColumn: Int) throws(WorkbookError) {
        for column in 0...lastColumn {
            let width = min(max((widths[column] ?? 0) + 2, Self.minimumWidth), Self.maximumWidth)
            try check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil), "worksheet_set_column")
        }
    }

    /// Places `chart` with its top-left corner in the given cell.
    func insert(_ chart: Chart, row: Int, column: Int) throws(WorkbookError) {
        try check(chart.insert(into: handle, row: row, column: column), "worksheet_insert_chart")
    }

    private func note(_ column: Int, _ width: Double) {
        widths[column] = max(widths[column] ?? 0, width)
    }
}

/// A chart owned by the workbook; series refer to cells by sheet name and zero-based indices.
struct Chart {
    let handle: UnsafeMutablePointer<lxw_chart>

    func setTitle(_ title: String) {
        chart_title_set_name(handle, ExcelText.cell(title))
    }

    func setAxisNames(category: String, value: String) {
        chart_axis_set_name(handle.pointee.x_axis, ExcelText.cell(category))
        chart_axis_set_name(handle.pointee.y_axis, ExcelText.cell(value))
        // Counts of members: whole numbers only on the value axis.
        chart_axis_set_min(handle.pointee.y_axis, 0)
    }

    func setLegendBottom() {
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
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

    fileprivate func insert(into sheet: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int) -> lxw_error {
        var options = lxw_chart_options()
        options.x_scale = 1.5
        options.y_scale = 1.5
        return worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), handle, &options)
    }
}
