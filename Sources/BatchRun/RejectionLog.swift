import Foundation
import KiemdiemCore
import Ledger
import OOXMLPackage

/// `logs/rejections.jsonl` (contract §4): append-only, one line per finding of a rejected form,
/// written and fsync'd before the store marks the submission as logged, so a crash can only
/// repeat a line, never lose one. Each line carries `prev_sha256`, the SHA-256 of the line
/// before it (64 zeros for the first), so `kiemdiem verify-log` can prove no line was removed,
/// reordered or changed.
struct RejectionLog {
    static let genesis = String(repeating: "0", count: 64)

    let url: URL
    let workspace: Workspace

    func append(_ submission: SubmissionRecord, runID: Int64, time: String) throws(WorkspaceError) {
        try append([submission], runID: runID, time: time)
    }

    /// The lines of several rejected submissions, chained, in one `write(2)` and one fsync.
    func append(_ submissions: [SubmissionRecord], runID: Int64, time: String) throws(WorkspaceError) {
        guard !submissions.isEmpty else { return }
        var text = ""
        var previous = try lastLineHash()
        for submission in submissions {
            for finding in submission.findings {
                let line: JSONValue = .object([
                    ("time", .string(time)),
                    ("run_id", .int(Int(runID))),
                    ("file", .string(submission.originalName)),
                    ("stored_as", .string(submission.storedPath)),
                    ("sha256", .string(submission.sha256)),
                    ("code", .string(finding.code.rawValue)),
                    ("severity", .string(finding.severity.rawValue)),
                    ("field", .string(finding.field)),
                    ("message", .string(finding.message)),
                    ("evidence", .string(finding.evidence)),
                    ("full_name", .string(submission.fullName)),
                    ("party_cell", .string(submission.partyCell)),
                    ("prev_sha256", .string(previous)),
                ])
                let serialized = line.serialized()
                previous = ContentDigest.sha256Hex(Array(serialized.utf8))
                text += serialized + "\n"
            }
        }
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorkspaceError("không ghi được \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WorkspaceError("không ghi được \(url.path): \(String(cString: strerror(errno)))")
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw WorkspaceError("fsync \(url.path): \(String(cString: strerror(errno)))") }
    }
}

extension RejectionLog {
    /// The hash of the last line, reading only the file's tail.
    func lastLineHash() throws(WorkspaceError) -> String {
        guard let last = RejectionLog.tail(url, lines: 1).last else { return RejectionLog.genesis }
        return ContentDigest.sha256Hex(Array(last))
    }

    /// The last `count` lines of the log (fewer if the file is shorter), reading a window from its
    /// end that widens until it holds them whole.
    static func tail(_ url: URL, lines count: Int) -> [Data] {
        guard count > 0, let handle = FileHandle(forReadingAtPath: url.path) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        // Lines are under 1 KB: start small (the run reads the last line once per batch), widen as needed.
        var window = UInt64(max(1, count)) * 2048
        while true {
            let start = size > window ? size - window : 0
            try? handle.seek(toOffset: start)
            let data = (try? handle.readToEnd()) ?? Data()
            var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            // The first line of a window that does not start the file may be cut: drop it, and
            // widen the window when too few whole lines remain.
            if start > 0 {
                if !lines.isEmpty { lines.removeFirst() }
                if lines.count < count { window *= 4; continue }
            }
            return lines.suffix(count).map { Data($0) }
        }
    }

    /// Checks the chain line by line. Returns the number of lines, or the first broken line.
    static func verify(_ url: URL) -> Result<Int, LogVerificationError> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(LogVerificationError(line: 0, reason: "không đọc được \(url.path)"))
        }
        var previous = genesis
        var count = 0
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            if raw.isEmpty { continue }
            count += 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any] else {
                // A last line without its newline is an append a killed run never finished.
                let unfinished = index == lines.count - 1 && data.last != UInt8(ascii: "\n")
                return .failure(LogVerificationError(line: index + 1, reason: unfinished
                    ? "dòng cuối ghi dở do lượt chạy bị ngắt; lượt chạy sau sẽ cắt bỏ và ghi lại"
                    : "không phải JSON"))
            }
            guard let prev = object["prev_sha256"] as? String else {
                return .failure(LogVerificationError(line: index + 1, reason: "thiếu prev_sha256"))
            }
            guard prev == previous else {
                return .failure(LogVerificationError(line: index + 1, reason: "chuỗi băm bị đứt: dòng trước đã bị xóa, thêm hoặc sửa"))
            }
            previous = ContentDigest.sha256Hex(Array(raw))
        }
        return .success(count)
    }
}

/// Where and why the rejection log's chain breaks.
public struct LogVerificationError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "dòng \(line): \(reason)" }
}
