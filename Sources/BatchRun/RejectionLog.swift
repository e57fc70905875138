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

    /// The lines of several rejected submissions, chained, in one write and one fsync.
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
    /// The hash of the last complete line, reading only the file's tail.
    func lastLineHash() throws(WorkspaceError) -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return RejectionLog.genesis }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        var window: UInt64 = 64 * 1024
        while true {
            let start = size > window ? size - window : 0
            try? handle.seek(toOffset: start)
            let data = (try? handle.readToEnd()) ?? Data()
            var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            // A line cut by the window's start is not whole: widen the window.
            if start > 0 && lines.count < 2 { window *= 4; continue }
            guard let last = lines.popLast() else { return RejectionLog.genesis }
            return ContentDigest.sha256Hex(Array(last))
        }
    }

    /// Checks the chain line by line. Returns the number of lines, or the first broken line.
    static func verify(_ url: URL) -> Result<Int, LogVerificationError> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(LogVerificationError(line: 0, reason: "không đọc được \(url.path)"))
        }
        var previous = genesis
        var count = 0
        for (index, raw) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if raw.isEmpty { continue }
            count += 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any] else {
                return .failure(LogVerificationError(line: index + 1, reason: "không phải JSON"))
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
