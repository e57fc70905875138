import KiemdiemCore

/// `Tổng hợp`: one row per party cell (contract §5), framed as a Party document (`FramedTable`).
///
/// Layout (Excel rows, one-based): rows 1–3 the organisation header, row 5 `report.title`, row 6
/// the header row — `TT` · `Chi bộ` · `Đã nộp` · `Hợp lệ` · `Bị từ chối` · `Không xếp loại` ·
/// `HTXSNV` · `HTTNV` · `HTNV` · `KHTNV` · `Chưa xếp loại` (the contract's exact text, in its
/// order) · `Tỷ lệ HTXS/HTT`, then `Đảng bộ` only when some cell names its committee, then the
/// shares `Tỷ lệ HTXSNV` … `Tỷ lệ KHTNV`; rows 7… one per `CellSummary`, in the report's order (by
/// committee, then cell); then, when cells name their committee, one `Cộng <đảng bộ>` row per
/// committee (the subtotal of its cells), and one per organisation above the committees when the
/// organisations of the year place them (`CellSummary.superiorCommittee`); the last row
/// `Tổng cộng` with the column sums. Below:
/// the note with the rules applied, the signature block, and a column chart of HTXSNV…KHTNV per
/// cell as wide as the table (no chart when there are no cells: an empty range makes Excel repair).
///
/// Counts are numbers. `Tỷ lệ HTXS/HTT` is HTXSNV ÷ HTTNV, empty when HTTNV is 0; each level's
/// share is over those classified (the four levels), empty when none was. The 20 % quota applies
/// per tổ chức cơ sở đảng, not per chi bộ, so the subtotal and `Tổng cộng` ratios are highlighted
/// when above it. The cells' rows stay together so the filter and the chart cover exactly them.
enum SummarySheet {
    static let name = "Tổng hợp"
    static let headerRow = FramedTable.headerRow
    static let contractHeaders = ["Chi bộ", "Đã nộp", "Hợp lệ", "Bị từ chối", "Không xếp loại"]
        + Level.allCases.map(\.abbreviation) + ["Chưa xếp loại"]
    static let ratioHeader = "Tỷ lệ HTXS/HTT"
    static let committeeHeader = "Đảng bộ"
    static let shareHeaders = Level.allCases.map { "Tỷ lệ \($0.abbreviation)" }
    static let totalLabel = "Tổng cộng"
    static let subtotalPrefix = "Cộng "
    static let unknownCommittee = "(không rõ đảng bộ)"
    static let layout = SheetLayout(name: name, headerRow: headerRow + 1, headers: ["TT"] + contractHeaders)
    static let shareNote = "Tỷ lệ từng mức tính trên số đảng viên được xếp loại (không kể Không xếp loại, Chưa xếp loại)."

    /// The HTXSNV quota: at most this share of the HTTNV count.
    static let excellentQuota = 0.2

    /// Column of the first level (`HTXSNV`); the four levels follow in `Level.allCases` order.
    static let firstLevelColumn = 6

    static func write(_ report: ConsolidatedReport, into workbook: Workbook) throws(WorkbookError) {
        let showCommittee = report.cells.contains { $0.partyCommittee?.isEmpty == false }
        var headers = ["TT"] + contractHeaders + [ratioHeader]
        var widths: [Double] = [4.5, 22, 7.5, 7.5, 8, 9, 9, 9, 9, 9, 9, 10]
        if showCommittee {
            headers.append(committeeHeader)
            widths.append(22)
        }
        headers += shareHeaders
        widths += shareHeaders.map { _ in 9 }
        let table = try FramedTable.begin(workbook, name: name, frame: report.frame, title: report.title,
                                          headers: headers, widths: widths)
        let sheet = table.sheet
        let shareColumn = headers.count - shareHeaders.count

        var row = table.firstRow
        for (index, cell) in report.cells.enumerated() {
            try writeCounts(Counts(cell), number: index + 1, label: cell.partyCell, row: row, sheet: sheet, style: .body,
                            shareColumn: shareColumn)
            if showCommittee {
                try sheet.text(cell.partyCommittee, row: row, column: contractHeaders.count + 2)
            }
            row += 1
        }
        let lastCellRow = row - 1
        // A chi bộ's own workbook has one cell: its subtotals would only repeat it.
        if showCommittee, report.restrictedToCell == nil {
            // One subtotal per đảng bộ, in the order the cells list them; then one per organisation
            // above them, when the organisations of the year place the committees under one.
            func subtotals(_ name: (CellSummary) -> String?, unnamed: String?) throws(WorkbookError) {
                var order: [String] = []
                var sums: [String: (name: String, counts: Counts)] = [:]
                for cell in report.cells {
                    guard let group = name(cell) ?? unnamed else { continue }
                    let key = TextFolding.fold(group)
                    if sums[key] == nil {
                        order.append(key)
                        sums[key] = (group, Counts())
                    }
                    sums[key]!.counts.add(Counts(cell))
                }
                for key in order {
                    let (group, counts) = sums[key]!
                    try writeCounts(counts, number: nil, label: subtotalPrefix + (group.isEmpty ? unknownCommittee : group), row: row,
                                    sheet: sheet, style: .subtotal, shareColumn: shareColumn)
                    try sheet.text(group, row: row, column: contractHeaders.count + 2, format: sheet.formats.subtotalText)
                    row += 1
                }
            }
            try subtotals({ $0.partyCommittee }, unnamed: "")
            if report.cells.contains(where: { $0.superiorCommittee != nil }) {
                try subtotals({ $0.superiorCommittee }, unnamed: nil)
            }
        }
        let total = report.cells.reduce(into: Counts()) { $0.add(Counts($1)) }
        try writeCounts(total, number: nil, label: totalLabel, row: row, sheet: sheet, style: .total, shareColumn: shareColumn)
        if showCommittee {
            try sheet.text(nil, row: row, column: contractHeaders.count + 2, format: sheet.formats.totalText)
        }

        var notes = [shareNote]
        let collective = report.collectiveReports
        if collective.accepted + collective.rejected > 0 {
            notes.append("Báo cáo kiểm điểm tập thể (Mẫu 01), không tính ở các cột trên: \(collective.accepted) hợp lệ, "
                         + "\(collective.rejected) bị từ chối (xem Tổ chức đảng, Biểu 6F cột Tập thể).")
        }
        // The filter stops above the subtotals so sorting never moves a total into the table.
        let last = try table.end(lastRow: row, filteredThrough: lastCellRow, frozenColumns: 2,
                                 note: notes.joined(separator: " "))

        guard !report.cells.isEmpty else { return }
        let chart = try workbook.addColumnChart()
        chart.setTitle("Kết quả xếp loại theo chi bộ")
        chart.setAxisNames(category: "Chi bộ", value: "Số đảng viên")
        chart.setLegendBottom()
        for offset in Level.allCases.indices {
            try chart.addSeries(sheet: name, nameRow: headerRow, categoryColumn: 1,
                                valueColumn: firstLevelColumn + offset, firstRow: headerRow + 1, lastRow: lastCellRow)
        }
        // Below the signature block and as wide as the table, so fitting the page to the table's
        // width never shrinks the table to make room for the chart.
        let chartRow = last + 2
        let xScale = sheet.pixelWidth(through: table.lastColumn) / Chart.defaultWidth * 0.98
        try sheet.insert(chart, row: chartRow, column: 0, xScale: xScale, yScale: 1.4)
        // On a page of its own, after the signatures, rather than cut across two.
        try sheet.pageBreak(before: chartRow)
        let chartRows = Int((Chart.defaultHeight * 1.4 / 20).rounded(.up)) + 1
        try sheet.printArea(lastRow: chartRow + chartRows, lastColumn: table.lastColumn)
    }

    enum Style { case body, subtotal, total }

    private static func writeCounts(_ counts: Counts, number: Int?, label: String, row: Int, sheet: Sheet, style: Style,
                                    shareColumn: Int) throws(WorkbookError) {
        let formats = sheet.formats
        let text: Formats.Handle, integer: Formats.Handle, percent: Formats.Handle
        switch style {
        case .body: (text, integer, percent) = (formats.text, formats.integer, formats.percent)
        case .subtotal: (text, integer, percent) = (formats.subtotalText, formats.subtotalInteger, formats.subtotalPercent)
        case .total: (text, integer, percent) = (formats.totalText, formats.totalInteger, formats.totalPercent)
        }
        if let number {
            try sheet.integer(number, row: row, column: 0, format: integer)
        } else {
            try sheet.text(nil, row: row, column: 0, format: text)
        }
        try sheet.text(label, row: row, column: 1, format: text)
        let values = [counts.submitted, counts.accepted, counts.rejected, counts.exempt]
            + Level.allCases.map { counts.levels[$0, default: 0] } + [counts.unclassified]
        for (offset, value) in values.enumerated() {
            try sheet.integer(value, row: row, column: offset + 2, format: integer)
        }
        let ratioColumn = contractHeaders.count + 1
        let flagged = style != .body && counts.exceedsExcellentQuota
        if let ratio = counts.excellentToGood {
            try sheet.number(ratio, row: row, column: ratioColumn, format: flagged ? formats.percentWarning : percent)
        } else {
            try sheet.text(nil, row: row, column: ratioColumn, format: flagged ? formats.percentWarning : percent)
        }
        for (offset, level) in Level.allCases.enumerated() {
            if let share = counts.share(level) {
                try sheet.number(share, row: row, column: shareColumn + offset, format: percent)
            } else {
                try sheet.text(nil, row: row, column: shareColumn + offset, format: percent)
            }
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

    /// The level's share of those classified (`LevelCounts.share`), `nil` when none was.
    func share(_ level: Level) -> Double? {
        LevelCounts(levels: levels, exempt: exempt, unclassified: unclassified).share(level)
    }

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
