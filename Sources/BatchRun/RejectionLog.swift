import Foundation
import KiemdiemCore
import Ledger
import Logging
import OOXMLPackage

/// `logs/rejections.jsonl` (docs/contract.md §4): append-only, one line per finding of a rejected
/// form, chained and anchored in the store (`ChainedLog`). The lines are written and fsync'd
/// before the store marks the submission as logged and anchors them, in one transaction, so a
/// crash can only leave lines the store has not anchored yet, which the next run recognises.
struct RejectionLog {
    static let name = AuditedLog.rejections.rawValue

    let chain: ChainedLog
    let ledger: Ledger
    /// The language of the `message` of each line (contract §4: `report.language`, Vietnamese by default).
    let language: MessageLanguage

    init(workspace: Workspace, key: AuditKey?, ledger: Ledger, language: MessageLanguage = .vi) {
        chain = ChainedLog(name: Self.name, url: workspace.rejectionLog, key: key)
        self.ledger = ledger
        self.language = language
    }

    var url: URL { chain.url }

    /// One line per finding, without the chain fields.
    static func bodies(_ submissions: [SubmissionRecord], runID: Int64, time: String,
                       language: MessageLanguage) -> [[(String, JSONValue)]] {
        submissions.flatMap { submission in
            submission.findings.map { finding in
                [
                    ("time", .string(time)),
                    ("run_id", .int(Int(runID))),
                    ("file", .string(submission.originalName)),
                    ("stored_as", .string(submission.storedPath)),
                    ("sha256", .string(submission.sha256)),
                    ("code", .string(finding.code.rawValue)),
                    ("severity", .string(finding.severity.rawValue)),
                    ("field", .string(finding.field)),
                    ("message", .string(finding.message(language))),
                    ("evidence", .string(finding.evidence)),
                    ("full_name", .string(submission.fullName)),
                    ("party_cell", .string(submission.partyCell)),
                    ("location", .string(finding.location)),
                ]
            }
        }
    }

    /// Writes the lines of every rejected submission not yet logged, in one write and one fsync,
    /// then one transaction marks them logged and anchors the lines.
    func logPending(runID: Int64, time: String) throws(WorkspaceError) {
        let pending = try wrap { try ledger.unloggedRejections() }
        guard !pending.isEmpty else { return }
        let anchored = try wrap { try ledger.logHead(Self.name).lines }
        let appended = try chain.append(Self.bodies(pending, runID: runID, time: time, language: language), anchored: anchored, runID: runID,
                                        time: time).appended
        try wrap { try ledger.markLogged(pending.compactMap(\.id), appended: appended) }
    }

    /// The head of the log as the store anchors it, for the summary line and the workbook.
    func head() throws(WorkspaceError) -> LogHead {
        let head = try wrap { try ledger.logHead(Self.name) }
        return LogHead(log: Self.name, lines: head.lines, sha256: head.sha256)
    }
}

extension RejectionLog {
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
}

/// Recovery of `logs/rejections.jsonl` after a kill. The pending submissions' lines are written
/// in one `write(2)` and fsync'd, then the store marks them logged and anchors them, so a kill
/// can leave two states:
/// - a last line without its "\n": the write was cut short (a kill or a full disk), the line was
///   never complete and the store still says `logged = 0`. Appending after it would glue the
///   next line onto it and break the hash chain for good, so it is cut back to the last "\n"
///   (the only place the log is ever shortened) and written again in full below;
/// - complete lines after the store's anchored head, of submissions still `logged = 0`: the kill
///   fell between the fsync (or in the middle of the write) and the store update. Writing them
///   again would repeat findings, so they are counted and anchored, and only the missing ones
///   are appended. A line after the head that belongs to no pending submission was not written
///   by kiemdiem: it is left where it is, unanchored, for `verify-log` to report.
/// A write covers the pending submissions in id order, so the lines found at the end of the log
/// belong to the first pending submissions, all complete but the last, which may lack some lines.
///
/// A log written before the store anchored lines (a workspace older than store v6) is adopted
/// once: its lines up to the pending ones are anchored as they are.
extension RejectionLog {
    func recover(runID: Int64, time: String, logger: Logger) throws(WorkspaceError) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        try ChainedLog.truncateUnfinishedLine(url, logger: logger)
        let pending = try wrap { try ledger.unloggedRejections() }
        let head = try wrap { try ledger.logHead(Self.name) }
        let shas = Set(pending.map(\.sha256))
        let sha256 = { (line: Data) in ContentDigest.sha256Hex(Array(line)) }
        let ownLine = { (line: Data) in
            ((try? JSONSerialization.jsonObject(with: line)) as? [String: Any])?["sha256"].map { shas.contains("\($0)") } ?? false
        }
        // The complete lines the store has not anchored, and (once) the older lines to adopt.
        let split = ChainedLog.unanchoredTail(url, head: head, atMost: pending.reduce(0) { $0 + $1.findings.count },
                                              isOwn: ownLine)
        if split.headMissing {
            logger.warning("nhật ký từ chối: không thấy dòng cuối kho dữ liệu đã neo ở cuối tệp; kiemdiem verify-log sẽ báo chỗ khác")
        }
        let adopted = split.adopted
        if !adopted.isEmpty {
            logger.info("nhật ký từ chối: neo các dòng có từ trước vào kho dữ liệu", metadata: ["lines": "\(adopted.count)"])
        }

        var written: [String: Int] = [:]
        var caughtUp: [String] = []
        for line in split.unanchored {
            let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any]
            guard let sha = object?["sha256"] as? String, shas.contains(sha) else {
                logger.warning("nhật ký từ chối: có dòng không do kiemdiem ghi sau dòng cuối đã neo; kiemdiem verify-log sẽ báo")
                break
            }
            written[sha, default: 0] += 1
            caughtUp.append(sha256(line))
        }
        var finished: [Int64] = []
        var rest: [SubmissionRecord] = []
        for submission in pending {
            guard let count = written[submission.sha256], let id = submission.id else { break }
            if count < submission.findings.count {
                var remaining = submission
                remaining.findings = Array(submission.findings.dropFirst(count))
                rest.append(remaining)
            }
            logger.info("nhật ký từ chối: hoàn tất dòng của lượt chạy bị ngắt",
                        metadata: ["file": "\(submission.originalName)", "already": "\(count)"])
            finished.append(id)
        }
        let before = adopted + caughtUp
        guard !before.isEmpty || !rest.isEmpty else { return }
        let new = try chain.append(Self.bodies(rest, runID: runID, time: time, language: language), anchored: head.lines + before.count,
                                   runID: runID, time: time).appended
        let appended = chain.anchor(before + new.lineHashes, anchored: head.lines, runID: runID, time: time)
        try wrap { try ledger.markLogged(finished, appended: appended) }
    }
}

extension RunSession {
    var rejectionLog: RejectionLog {
        RejectionLog(workspace: workspace, key: auditKey, ledger: ledger, language: config.language)
    }
    var auditLog: AuditLog { AuditLog(workspace: workspace, key: auditKey, ledger: ledger) }

    /// What a killed run left in the logs, repaired before anything new is written.
    func recoverLogs() throws(WorkspaceError) {
        let time = timestamp(now())
        try rejectionLog.recover(runID: runID, time: time, logger: logger)
        try auditLog.recover(time: time, runID: runID, logger: logger)
    }

    /// Both logs' heads as the workbook's footer carries them (`ConsolidatedReport.logAnchor`).
    func logAnchor() throws(WorkspaceError) -> String {
        "Nhật ký: \(try rejectionLog.head()) · quyết định: \(try auditLog.head())"
    }

    /// The lines of every rejected submission and every decision not yet logged (once per batch).
    func logPending() throws(WorkspaceError) {
        let time = timestamp(now())
        try rejectionLog.logPending(runID: runID, time: time)
        try auditLog.logPending(time: time, runID: runID)
    }
}
