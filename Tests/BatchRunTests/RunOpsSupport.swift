import KiemdiemTestSupport
import Foundation
import Ledger
import OOXMLPackage
import Testing

/// A workspace driven through the built binary, as cron or systemd drives it: an inbox, a
/// workspace and a `pipeline.yml` in a temporary directory.
struct BinaryBox {
    let root: URL
    let inbox: URL
    let workspace: URL
    let config: URL
    let workbook: URL
    /// The store the box's runs write: `kiemdiem.sqlite`, or a board's schema in a shared store.
    let store: StoreLocation

    /// Files are given an old modification time so the default `settle_seconds` takes them.
    /// `shared`: the runs write into that board's schema of a shared PostgreSQL store.
    init(_ name: String, perCell: Bool = false, at folder: URL? = nil, shared: (url: String, board: String)? = nil,
         populate: (URL) throws -> Void = BinaryBox.sampleInbox) throws {
        root = try folder ?? temporaryDirectory(name)
        inbox = root.appendingPathComponent("inbox")
        workspace = root.appendingPathComponent("workspace")
        config = root.appendingPathComponent("pipeline.yml")
        workbook = workspace.appendingPathComponent("reports/tong-hop-2020.xlsx")
        store = shared.map { .postgres(url: $0.url, board: $0.board) }
            ?? .sqlite(path: workspace.appendingPathComponent("kiemdiem.sqlite").path)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try populate(inbox)
        let past = Date(timeIntervalSinceNow: -600)
        for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path) {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: inbox.appendingPathComponent(name).path)
        }
        try """
            inbox: inbox
            workspace: workspace
            year: 2020
            report:
              workbook: workspace/reports/tong-hop-2020.xlsx
              per_cell: \(perCell)
            """.appending(shared.map { "\nstore: \"\($0.url)\"\nstore_board: \($0.board)\n" } ?? "")
            .write(to: config, atomically: true, encoding: .utf8)
    }

    static func sampleInbox(_ inbox: URL) throws {
        let sample = fixtures.appendingPathComponent("inbox-2020")
        for name in try FileManager.default.contentsOfDirectory(atPath: sample.path) {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// `kiemdiem <command> --config pipeline.yml …`, to the end.
    func kiemdiem(_ command: [String], _ extra: [String] = []) throws -> ProcessResult {
        try runProcess(kiemdiemBinary, command + ["--config", config.path] + extra)
    }

    /// `kiemdiem <command> --config pipeline.yml` started and left running (to be killed), its
    /// output discarded unless `stderr` is given.
    func launch(_ command: [String], stderr: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = kiemdiemBinary
        process.arguments = command + ["--config", config.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Regular files under a folder, relative to `base` (default: the workspace), with their SHA-256.
    func files(under folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return result
        }
        let prefix = workspace.standardizedFileURL.path + "/"
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.standardizedFileURL.path
            result[path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path] = sha256(of: url)
        }
        return result
    }

    var inboxFiles: [String: String] { files(under: inbox) }
    /// What processing/ holds as inputs: the claimed files, and a cross-device copy whose upload
    /// is already unlinked (the one copy left, which the next run takes). A copy whose upload is
    /// still in the inbox, and the record of its source, are the claim's bookkeeping, not inputs.
    var processingFiles: [String: String] {
        let processing = workspace.appendingPathComponent("processing")
        var result = files(under: processing).filter {
            !$0.key.hasPrefix("processing/.src-") && !$0.key.hasPrefix("processing/.copy-")
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: processing.path)) ?? [] where name.hasPrefix(".copy-") {
            let sidecar = processing.appendingPathComponent(".src-" + name.dropFirst(".copy-".count))
            let source = FileManager.default.contents(atPath: sidecar.path).map { [UInt8]($0) } ?? []
            var info = stat()
            if source.isEmpty || lstat(source.map { CChar(bitPattern: $0) } + [0], &info) != 0 {
                result["processing/" + name] = sha256(of: processing.appendingPathComponent(name))
            }
        }
        return result
    }
    var archivedFiles: [String: String] { files(under: workspace.appendingPathComponent("archive")) }
    var rejectedFiles: [String: String] { files(under: workspace.appendingPathComponent("rejected")) }
    var rejectionLog: URL { workspace.appendingPathComponent("logs/rejections.jsonl") }

    /// Every input wherever it is now: inbox, processing/, archive/, rejected/.
    var everyInput: [String] {
        [inboxFiles, processingFiles, archivedFiles, rejectedFiles].flatMap(\.values)
    }

    func ledger() throws -> Ledger { try Ledger(store) }

    /// Whether a run has made the store yet (the file, or the board's schema).
    var storeExists: Bool { Ledger.exists(store) }
}

/// A stderr line without the date and time every line carries under cron and systemd
/// ("2026-12-03 01:30:05 kiemdiem: …" → "kiemdiem: …"); `nil` for a line without them.
func unstamped(_ line: Substring) -> Substring? {
    let stamp = #/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} /#
    guard let match = line.prefixMatch(of: stamp) else { return nil }
    return line[match.range.upperBound...]
}

/// stderr's lines, each without its date and time (a line without them is kept whole, so a
/// test that looks for it fails visibly).
func stderrLines(_ text: String) -> [Substring] {
    text.split(separator: "\n").map { unstamped($0) ?? $0 }
}

func sha256(of url: URL) -> String {
    ContentDigest.sha256Hex([UInt8]((try? Data(contentsOf: url)) ?? Data()))
}

/// The same values as a multiset, so a lost or duplicated file shows up even when names differ.
func multiset(_ values: [String]) -> [String: Int] {
    values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
}

/// Holds `flock(LOCK_EX)` on a file from the test process, as a running batch would.
final class HeldLock {
    private let fd: Int32

    init(_ path: String) throws {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        try #require(flock(fd, LOCK_EX | LOCK_NB) == 0)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// The workbook as openpyxl reads it: sheet name → rows.
func workbookSheets(_ path: String) throws -> [String: [[Any]]] {
    let script = packageRoot.appendingPathComponent("Tests/BatchRunTests/read_workbook.py").path
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, path])
    try #require(result.status == 0, "openpyxl could not read \(path): \(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    return object["rows"] as! [String: [[Any]]]
}

/// A framed sheet's table as openpyxl reads it (docs/contract.md §5): the header row — the row
/// that starts with `TT` or `STT` (Excel row 6) — and the body under it, up to the first empty
/// row (the note and the signature block follow).
func table(_ sheet: [[Any]]) -> (header: [String], body: [[Any]]) {
    func text(_ value: Any) -> String { value is NSNull ? "" : "\(value)" }
    guard let index = sheet.firstIndex(where: { ["TT", "STT"].contains(text($0.first ?? NSNull())) }) else { return ([], []) }
    var body: [[Any]] = []
    for row in sheet[(index + 1)...] {
        if row.allSatisfy({ $0 is NSNull }) { break }
        body.append(row)
    }
    return (sheet[index].map(text), body)
}
