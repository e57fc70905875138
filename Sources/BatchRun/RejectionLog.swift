import Foundation
import KiemdiemCore
import Ledger

/// `logs/rejections.jsonl` (contract §4): append-only, one line per finding of a rejected form,
/// written and fsync'd before the store marks the submission as logged, so a crash can only
/// repeat a line, never lose one.
struct RejectionLog {
    let url: URL
    let workspace: Workspace

    func append(_ submission: SubmissionRecord, runID: Int64, time: String) throws(WorkspaceError) {
        var text = ""
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
            ])
            text += line.serialized() + "\n"
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
