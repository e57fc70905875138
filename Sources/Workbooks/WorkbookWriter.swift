import CXlsxWriter
import KiemdiemCore

/// A workbook could not be written.
///
/// `detail` is a one-line message for the run log; for libxlsxwriter failures it names the C
/// function and carries libxlsxwriter's own text (`lxw_strerror`), for file-system failures the
/// system call and `strerror`.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public var detail: String
    /// The C function or system call that failed, when known.
    public var function: String?
    /// The `lxw_error` value, when libxlsxwriter reported the failure.
    public var libraryCode: Int32?
    /// The `errno` value, when a system call failed.
    public var systemErrno: Int32?

    public init(_ detail: String, function: String? = nil, libraryCode: Int32? = nil, systemErrno: Int32? = nil) {
        self.detail = detail
        self.function = function
        self.libraryCode = libraryCode
        self.systemErrno = systemErrno
    }

    public var description: String { detail }
}

/// Where a sheet's table starts, for readers and tests of the workbook.
public struct SheetLayout: Sendable, Equatable {
    /// The exact sheet name.
    public var name: String
    /// Excel's one-based number of the header row (row 6: the organisation header in rows 1–3,
    /// the title in row 5, on every sheet).
    public var headerRow: Int
    /// The headings every workbook has, in order from column A (optional columns may follow
    /// or, on `Đảng viên`, sit between them: see the sheet's documentation).
    public var headers: [String]
}

/// Writes the consolidated workbook (contract §5) with libxlsxwriter.
///
/// Sheets, in this order, each framed as a Party document (`FramedTable`: organisation header,
/// title in row 5, header row in row 6, note and signature block below, A4 one page wide):
/// `Tổng hợp` (per party cell, a subtotal per đảng bộ, `Tổng cộng`, shares, column chart below),
/// `Đảng viên`, `Bị từ chối`, `Thống kê`, `Cảnh báo`, `Tổ chức đảng` when organisations are known,
/// `Chưa nộp` when a roster is configured, `Cần nộp lại`, `Biểu 6F`, and `Kết quả theo loại hình`
/// when organisations or members have results. See `SummarySheet`, `MembersSheet`,
/// `FindingsSheet`, `StatisticsSheet`, `OrganisationsSheet`, `NotSubmittedSheet`, `ResubmitSheet`,
/// `ReviewFormSheet` and `ResultsByTypeSheet`.
public enum WorkbookWriter {
    /// The sheets in workbook order.
    public static let sheets: [SheetLayout] = [
        SummarySheet.layout, MembersSheet.layout, FindingsSheet.rejections.layout, StatisticsSheet.layout,
        FindingsSheet.warnings.layout, OrganisationsSheet.layout, NotSubmittedSheet.layout, ResubmitSheet.layout,
        ReviewFormSheet.layout, ResultsByTypeSheet.layout,
    ]

    /// Writes `report` to `path`, replacing any previous file atomically: on failure the old
    /// file is untouched and no temporary file is left behind. The same report always gives
    /// byte-identical output (the creation time comes from `report.createdAt`).
    public static func write(_ report: ConsolidatedReport, to path: String) throws(WorkbookError) {
        try write(report, rows: report, to: path)
    }

    /// As `write(_:to:)`, with the members, rejections and warnings taken from `rows` one at a
    /// time (the lists of `summary` itself are not read): memory stays flat in their number.
    public static func write(_ summary: ConsolidatedReport, rows: some ReportRows, to path: String) throws(WorkbookError) {
        try AtomicFile.publish(to: path) { (temporary: String) throws(WorkbookError) in
            try build(summary, rows: rows, at: temporary)
        }
    }

    /// Lays the report out into a new file at `path` (not atomic; `write` wraps this).
    static func build(_ report: ConsolidatedReport, at path: String) throws(WorkbookError) {
        try build(report, rows: report, at: path)
    }

    /// `more` adds sheets after the board's own, before the file is written (the roll-up's).
    static func build(_ report: ConsolidatedReport, rows: some ReportRows, at path: String,
                      more: (Workbook) throws(WorkbookError) -> Void = { _ in }) throws(WorkbookError) {
        let workbook = try Workbook(path: path)
        workbook.footerCentre = report.logAnchor
        try workbook.setProperties(title: report.title, author: report.organisation, created: report.createdAt)
        let frame = report.frame
        try SummarySheet.write(report, into: workbook)
        try MembersSheet.write(year: report.year, frame: frame, rows: rows, into: workbook)
        try FindingsSheet.rejections.write(year: report.year, frame: frame, rows: rows, into: workbook)
        try StatisticsSheet.write(report, into: workbook)
        try FindingsSheet.warnings.write(year: report.year, frame: frame, rows: rows, into: workbook)
        if !report.organisations.isEmpty {
            try OrganisationsSheet.write(report.organisations, year: report.year, language: report.language, frame: frame,
                                         into: workbook)
        }
        if let notSubmitted = report.notSubmitted {
            try NotSubmittedSheet.write(notSubmitted, year: report.year, frame: frame, into: workbook)
        }
        try ResubmitSheet.write(report.resubmissions, year: report.year, frame: frame, into: workbook)
        try ReviewFormSheet.write(report, into: workbook)
        if let byType = report.resultsByType {
            try ResultsByTypeSheet.write(byType, year: report.year, frame: frame, into: workbook)
        }
        try more(workbook)
        try workbook.close()
    }
}
