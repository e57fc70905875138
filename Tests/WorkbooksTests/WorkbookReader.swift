import Foundation
import Testing

/// Reads a workbook back with openpyxl (an independent implementation of the format) in a
/// `python3` subprocess and decodes its JSON dump.
///
/// The Python helper is embedded here rather than shipped as a `.py` file so the test target
/// has no unhandled resources (SwiftPM would warn about them).
struct WorkbookDump: Decodable {
    var sheets: [String]
    var data: [String: SheetDump]

    subscript(sheet: String) -> SheetDump {
        guard let dump = data[sheet] else {
            Issue.record("no sheet named \(sheet)")
            return SheetDump(rows: [], freeze: nil, autofilter: nil, merged: [], charts: 0, widths: [:])
        }
        return dump
    }
}

struct SheetDump: Decodable {
    /// Rows as openpyxl sees them, from row 1; `nil` for an empty cell.
    var rows: [[CellDump?]]
    var freeze: String?
    var autofilter: String?
    var merged: [String]
    var charts: Int
    var widths: [String: Double]

    /// The cell at Excel's one-based row and column.
    func cell(_ row: Int, _ column: Int) -> CellDump? {
        guard row >= 1, row <= rows.count, column >= 1, column <= rows[row - 1].count else { return nil }
        return rows[row - 1][column - 1]
    }

    /// The rows of the table under the header row `header` (one-based), up to the first empty row:
    /// the body, totals included, without the note and the signature block below it.
    func body(under header: Int = 6) -> [[CellDump?]] {
        guard header < rows.count else { return [] }
        var body: [[CellDump?]] = []
        for row in rows[header...] {
            if row.allSatisfy({ $0 == nil }) { break }
            body.append(row)
        }
        return body
    }

    /// The one-based row whose column `column` holds `text`.
    func row(where column: Int = 1, is text: String) -> Int? {
        rows.firstIndex { $0.count >= column && $0[column - 1]?.value.text == text }.map { $0 + 1 }
    }

    /// Every text on the sheet, for the frame's and signature block's lines.
    var allTexts: [String] { rows.flatMap { $0.compactMap { $0?.value.text } } }

    /// The non-empty texts of a row (for header checks).
    func texts(row: Int) -> [String] {
        guard row >= 1, row <= rows.count else { return [] }
        return rows[row - 1].compactMap { $0?.value.text }
    }
}

struct CellDump: Decodable {
    var value: Value
    /// openpyxl's data type: `s` string, `n` number, `d` date, `f` formula.
    var type: String
    var format: String
}

enum Value: Decodable, Equatable {
    case text(String)
    case number(Double)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var text: String? { if case .text(let text) = self { return text } else { return nil } }
    var number: Double? { if case .number(let number) = self { return number } else { return nil } }
}

enum WorkbookReader {
    static let script = #"""
import json, sys, datetime
import openpyxl
from openpyxl.utils import get_column_letter

wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "data": {}}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        cells = []
        for c in row:
            v = c.value
            if v is None:
                cells.append(None)
                continue
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            elif isinstance(v, bool):
                v = str(v)
            cells.append({"value": v, "type": c.data_type, "format": c.number_format})
        rows.append(cells)
    widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
    out["data"][ws.title] = {
        "rows": rows,
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "merged": [str(r) for r in ws.merged_cells.ranges],
        "charts": len(ws._charts),
        "widths": widths,
    }
json.dump(out, sys.stdout, ensure_ascii=False)
"""#

    static func read(_ path: String) throws -> WorkbookDump {
        let result = try run(["/usr/bin/env", "python3", "-c", script, path])
        guard result.status == 0 else {
            throw ReaderError("openpyxl failed (\(result.status)): \(result.stderr)")
        }
        return try JSONDecoder().decode(WorkbookDump.self, from: result.stdout)
    }

    /// Runs a command to completion, collecting stdout and stderr without risking a full pipe.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("wb-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, data, stderr)
    }
}

struct ReaderError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init(_ label: String = #function) throws {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("wb-\(safe)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func contents() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
