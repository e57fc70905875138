import CXlsxWriter
import Foundation

/// One libxlsxwriter workbook being built. The C handles live only here and in `Sheet`, and
/// never leave the module; every `lxw_error` becomes a `WorkbookError` at the call that
/// produced it (the Swift counterpart of libxlsxwriter's `RETURN_ON_ERROR`).
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    let formats: Formats
    private var sheetNames: [String] = []
    /// Printed in the centre of every sheet's footer added from now on (the logs' heads,
    /// `ConsolidatedReport.logAnchor`).
    var footerCentre: String?

    /// A run killed between libxlsxwriter's creating one of its temporary files and unlinking it
    /// leaves a `tmp.XXXXXXXXXX` beside the workbook (KillTests saw it in a chi bộ's folder);
    /// the next writer of the folder, which holds the run lock, removes them. Only that exact
    /// shape of name, and only regular files: nothing a board put there.
    static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.utf8.count == 14 && name.hasPrefix("tmp.")
            && name.utf8.dropFirst(4).allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) {
            var info = stat()
            let path = folder + "/" + name
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            unlink(path)
        }
    }

    /// Opens a workbook that `close()` will write to `path`. Sheets are built in memory unless
    /// added with `streaming: true` (see `addSheet`). Temporary files go next to `path`: they
    /// can be as large as the workbook's sheets, which a `/tmp` kept in memory would charge to
    /// the machine's RAM; libxlsxwriter unlinks each one as it creates it (a kill in between: see
    /// `removeStaleTemporaries`).
    init(path: String) throws(WorkbookError) {
        let folder = (path as NSString).deletingLastPathComponent
        Self.removeStaleTemporaries(in: folder.isEmpty ? "." : folder)
        let opened = (folder.isEmpty ? "." : folder).withCString { cFolder in
            var options = lxw_workbook_options()
            options.constant_memory = 0
            // Copied by the library, so the pointer need only live for this call.
            options.tmpdir = UnsafeMutablePointer(mutating: cFolder)
            options.use_zip64 = 0
            return workbook_new_opt(path, &options)
        }
        guard let opened else {
            throw WorkbookError("workbook_new_opt(): could not create the workbook at \(path)", function: "workbook_new_opt")
        }
        let formats: Formats
        do throws(WorkbookError) {
            formats = try Formats(workbook: opened)
        } catch {
            lxw_workbook_free(opened)
            throw error
        }
        self.handle = opened
        self.formats = formats
    }

    deinit {
        // Reached without `close()` only on an error path: free the C memory, write nothing.
        if let handle { lxw_workbook_free(handle) }
    }

    /// Title, author and a fixed creation time, so the same report gives the same bytes
    /// (libxlsxwriter already stamps zip entries with a fixed 1980-01-01 date).
    func setProperties(title: String, author: String?, created: Int64) throws(WorkbookError) {
        let handle = try live()
        // `created == 0` means "now" to libxlsxwriter; one second past the epoch keeps an
        // epoch-valued SOURCE_DATE_EPOCH deterministic.
        let stamp = time_t(max(created, 1))
        let error: lxw_error = ExcelText.cell(title).withCString { cTitle in
            withOptionalCString(author.map(ExcelText.cell)) { cAuthor in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: cTitle)
                properties.author = cAuthor.map { UnsafeMutablePointer(mutating: $0) }
                properties.company = cAuthor.map { UnsafeMutablePointer(mutating: $0) }
                properties.created = stamp
                // Copies every string, so the pointers need only live for this call.
                return workbook_set_properties(handle, &properties)
            }
        }
        try check(error, "workbook_set_properties")
    }

    /// Adds a sheet with an exact, already valid name; a name clash or an invalid name is a
    /// programming error surfaced as `WorkbookError`.
    ///
    /// A `streaming` sheet is libxlsxwriter's constant-memory mode for that sheet alone: each row
    /// goes to a temporary file once a later row is started, so rows must be written in order
    /// (a row before the current one is refused), and strings are stored inline instead of in the
    /// shared-string table. The sheets whose rows grow with the forms (members, findings) stream;
    /// the small ones do not, so `Tổng hợp` keeps shared strings and its chart keeps the cached
    /// values it can only take from cells still in memory. libxlsxwriter reads the workbook's
    /// `constant_memory` option when a sheet is added, which is what lets the mode differ per sheet.
    func addSheet(_ name: String, streaming: Bool = false) throws(WorkbookError) -> Sheet {
        let handle = try live()
        let error = name.withCString { workbook_validate_sheet_name(handle, $0) }
        try check(error, "workbook_validate_sheet_name(\(name))")
        handle.pointee.options.constant_memory = streaming ? 1 : 0
        guard let sheet = name.withCString({ workbook_add_worksheet(handle, $0) }) else {
            throw WorkbookError("workbook_add_worksheet(): could not add sheet \(name)", function: "workbook_add_worksheet")
        }
        sheetNames.append(name)
        if let footerCentre {
            // "&" starts a footer code in Excel: doubled to print as itself; 255 characters at most.
            let footer = "&C" + String(footerCentre.replacingOccurrences(of: "&", with: "&&").prefix(200))
            try check(worksheet_set_footer(sheet, footer), "worksheet_set_footer")
        }
        let made = Sheet(handle: sheet, name: name, formats: formats)
        made.footerCentre = footerCentre
        return made
    }

    /// A new column chart, owned by the workbook and written when it closes.
    func addColumnChart() throws(WorkbookError) -> Chart {
        let handle = try live()
        guard let chart = workbook_add_chart(handle, UInt8(LXW_CHART_COLUMN.rawValue)) else {
            throw WorkbookError("workbook_add_chart(): could not add a chart", function: "workbook_add_chart")
        }
        return Chart(handle: chart)
    }

    /// Writes the file and frees the workbook; the workbook cannot be used afterwards.
    func close() throws(WorkbookError) {
        let handle = try live()
        self.handle = nil
        let error = Self.packagerLock.withLock { workbook_close(handle) }
        try check(error, "workbook_close")
    }

    /// Serialises `workbook_close` across the process. The packager formats the creation time
    /// with `gmtime()` (the library imports no `gmtime_r`), whose result lives in one static
    /// buffer per process, so two workbooks closing at once on different threads can swap
    /// dates. Parallel tests twice produced a non-identical first write whose size matched a
    /// "now" date from a concurrently closed workbook; the race has not been reproduced on
    /// demand, so this lock is the cheap, certain guard rather than a proven fix.
    private static let packagerLock = NSLock()

    private func live() throws(WorkbookError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw WorkbookError("workbook already closed", function: nil) }
        return handle
    }
}

/// Turns a libxlsxwriter result into a Swift error carrying the library's own message.
func check(_ error: lxw_error, _ function: String) throws(WorkbookError) {
    guard error != LXW_NO_ERROR else { return }
    // lxw_strerror speaks English; the operator reads Vietnamese (README, "When a run fails").
    let message: String
    switch error {
    case LXW_ERROR_MEMORY_MALLOC_FAILED: message = "hết bộ nhớ"
    case LXW_ERROR_CREATING_XLSX_FILE: message = "không tạo được tệp .xlsx (quyền ghi, ổ đĩa đầy?)"
    case LXW_ERROR_CREATING_TMPFILE: message = "không tạo được tệp tạm (thư mục tạm, ổ đĩa đầy?)"
    case LXW_ERROR_READING_TMPFILE: message = "không đọc lại được tệp tạm"
    case LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE: message = "không ghi được gói .xlsx (ổ đĩa đầy?)"
    default: message = "libxlsxwriter báo lỗi số \(error.rawValue)"
    }
    throw WorkbookError("\(function): \(message)", function: function, libraryCode: Int32(error.rawValue))
}

func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
