import CXlsxWriter
import KiemdiemCore

/// A workbook could not be written; `detail` is libxlsxwriter's own error text.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public var detail: String
    public init(_ detail: String) { self.detail = detail }
    public var description: String { detail }
}

/// Writes the consolidated workbook (contract §5) with libxlsxwriter.
public enum WorkbookWriter {
    public static func write(_ report: ConsolidatedReport, to path: String) throws(WorkbookError) {
        throw WorkbookError("not implemented")
    }
}
