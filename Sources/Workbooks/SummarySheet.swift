import KiemdiemCore

/// `Tổng hợp`: one row per party cell (contract §5).
///
/// Layout (Excel rows, one-based):
/// - row 1: `report.title`, merged over the table, bold;
/// - row 2: the header row — `Chi bộ` · `Đã nộp` · `Hợp lệ` · `Bị từ chối` · `Không xếp loại` ·
///   `HTXSNV` · `HTTNV` · `HTNV` · `KHTNV` · `Chưa xếp loại` (columns A–J, the contract's exact
///   text), then `Tỷ lệ HTXS/HTT` (K), then `Đảng bộ` (L) only when some cell names its committee;
/// - rows 3…: one per `CellSummary`, in the report's order;
/// - last row: `Tổng cộng` with the column sums.
///
/// Counts are numbers. `Tỷ lệ HTXS/HTT` is HTXSNV ÷ HTTNV as a fraction shown in percent, empty
/// when HTTNV is 0. The 20 % quota applies per tổ chức cơ sở đảng, not per chi bộ, so only the
/// `Tổng cộng` ratio is highlighted when above it. A column chart of HTXSNV…KHTNV per cell sits to
/// the right of the table (no chart when there are no cells: an empty range makes Excel repair).
enum SummarySheet {
    static let name = "Tổng hợp"
    static let headerRow = 1  // zero-based: Excel row 2
    static let contractHeaders = ["Chi bộ", "Đã nộp", "Hợp lệ", "Bị từ chối", "Không xếp loại"]
        + Level.allCases.map(\.abbreviation) + ["Chưa xếp loại"]
    static let ratioHeader = "Tỷ lệ HTXS/HTT"
    static let committeeHeader = "Đảng bộ"
    static let totalLabel = "Tổng cộng"
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: contractHeaders)

    /// The HTXSNV quota: at most this share of the HTTNV count.
    static let excellentQuota = 0.2

    /// Column of the first level (`HTXSNV`); the four levels follow in `Level.allCases` order.
    static let firstLevelColumn = 5

    static func write(_ report: ConsolidatedReport, into workbook: Workbook) throws(WorkbookError) {
        let sheet = try workbook.addSheet(name)
        let showCommittee = report.cells.contains { $0.partyCommittee?.isEmpty == false }
        var headers = contractHeaders + [ratioHeader]
        if showCommittee { headers.append(committeeHeader) }
        let lastColumn = headers.count - 1

        try sheet.title(report.title, lastColumn: lastColumn)
        try sheet.header(headers, row: headerRow)

        var row = headerRow + 1
        for cell in report.cells {
            try writeCounts(Counts(cell), label: cell.partyCell, row: row, sheet: sheet, total: false)
            if showCommittee {
                try sheet.text(cell.partyCommittee, row: row, column: contractHeaders.count + 1)
            }
            row += 1
        }
        let lastCellRow = row - 1
        let total = report.cells.reduce(into: Counts()) { $0.add(Counts($1)) }
        try writeCounts(total, label: totalLabel, row: row, sheet: sheet, total: true)
        if showCommittee {
            try sheet.text(nil, row: row, column: contractHeaders.count + 1, format: sheet.formats.totalText)
        }

        // The filter stops above `Tổng cộng` so sorting never moves the total into the table.
        try sheet.finishTable(headerRow: headerRow, lastFilteredRow: lastCellRow, lastColumn: lastColumn, frozenColumns: 1)

        if !report.cells.isEmpty {
            let chart = try workbook.addColumnChart()
            chart.setTitle("Kết quả xếp loại theo chi bộ")
            chart.setAxisNames(category: "Chi bộ", value: "Số đảng viên")
            chart.setLegendBottom()
            for offset in Level.allCases.indices {
                try chart.addSeries(sheet: name, nameRow: headerRow, categoryColumn: 0,
                                    valueColumn: firstLevelColumn + offset, firstRow: headerRow + 1, lastRow: lastCellRow)
            }
            try sheet.insert(chart, row: headerRow, column: lastColumn + 2)
        }
    }

    private static func writeCounts(_ counts: Counts, label: String, row: Int, sheet: Sheet, total: Bool) throws(WorkbookError) {
        let formats = sheet.formats
        let integer = total ? formats.totalInteger : formats.integer
        try sheet.text(label, row: row, column: 0, format: total ? formats.totalText : formats.text)
        let values = [counts.submitted, counts.accepted, counts.rejected, counts.exempt]
            + Level.allCases.map { counts.levels[$0, default: 0] } + [counts.unclassified]
        for (offset, value) in values.enumerated() {
            try sheet.integer(value, row: row, column: offset + 1, format: integer)
        }
        let ratioColumn = contractHeaders.count
        if let ratio = counts.excellentToGood {
            let format = total ? (ratio > excellentQuota ? formats.percentWarning : formats.totalPercent) : formats.percent
            try sheet.number(ratio, row: row, column: ratioColumn, format: format)
        } else {
            try sheet.text(nil, row: row, column: ratioColumn, format: total ? formats.totalPercent : formats.percent)
        }
    }
}

/// The counts of one `Tổng hợp` row, summable into `Tổng cộng`.
struct Counts: Equatable {
    var submitted = 0, accepted = 0, rejected = 0, exempt = 0, unclassified = 0
    var levels: [Level: Int] = [:]

    init() {}

    init(_ cell: CellSummary) {
        submitted = cell.submitted
        accepted = cell.accepted
        rejected = cell.rejected
        exempt = cell.exempt
        unclassified = cell.unclassified
        levels = cell.levels
    }

    mutating func add(_ other: Counts) {
        submitted += other.submitted
        accepted += other.accepted
        rejected += other.rejected
        exempt += other.exempt
        unclassified += other.unclassified
        levels.merge(other.levels, uniquingKeysWith: +)
    }

    /// Members given one of the four levels: the base for the shares in `Thống kê`.
    var assessed: Int { Level.allCases.reduce(0) { $0 + levels[$1, default: 0] } }

    /// HTXSNV ÷ HTTNV, or `nil` when there is no HTTNV to divide by.
    var excellentToGood: Double? {
        let good = levels[.good, default: 0]
        guard good > 0 else { return nil }
        return Double(levels[.excellent, default: 0]) / Double(good)
    }

    /// Whether HTXSNV exceeds 20 % of HTTNV (any HTXSNV with no HTTNV exceeds it).
    var exceedsExcellentQuota: Bool {
        let excellent = levels[.excellent, default: 0]
        guard let ratio = excellentToGood else { return excellent > 0 }
        return ratio > SummarySheet.excellentQuota
    }
}
