import Foundation
import KiemdiemCore
import Ledger
import Logging
import OOXMLPackage

/// An append-only JSON Lines file under logs/ whose lines are chained and anchored in the store
/// (docs/contract.md §4). Each line carries `prev_sha256`, the SHA-256 of the line before it
/// (64 zeros for the first), and with an audit key `prev_hmac`, the HMAC-SHA-256 of that line
/// under the key. The store keeps every line's SHA-256 and, per append, the line count and the
/// head (with an HMAC of both when keyed): cutting, emptying, reordering, re-chaining or
/// splicing the file no longer matches the store, and without the key the store cannot be made
/// to match either.
struct ChainedLog {
    static let genesis = String(repeating: "0", count: 64)

    /// `rejections` or `audit`: the name the store files the anchors under.
    let name: String
    let url: URL
    let key: AuditKey?

    /// Appends one line per body (the chain fields are added at its end), in one `write(2)` and
    /// one fsync, and returns what the store must anchor. `anchored` is the store's line count
    /// before; the caller records the result in the same transaction that marks the lines'
    /// events logged.
    func append(_ bodies: [[(String, JSONValue)]], anchored: Int, runID: Int64, time: String) throws(WorkspaceError)
        -> (appended: LogAppend, lines: [String]) {
        var text: [UInt8] = []
        var lines: [String] = []
        var previous: [UInt8]? = RejectionLog.tail(url, lines: 1).last.map { Array($0) }
        // Each line's digest is its own entry in `hashes` and the next line's prev_sha256: made once.
        var previousSHA256 = previous.map(ContentDigest.sha256Hex) ?? Self.genesis
        var hashes: [String] = []
        for body in bodies {
            var members = body
            members.append(("prev_sha256", .string(previousSHA256)))
            if let key { members.append(("prev_hmac", .string(key.mac(previous ?? [])))) }
            let serialized = JSONValue.object(members).serialized()
            lines.append(serialized)
            let line = Array(serialized.utf8)
            previousSHA256 = ContentDigest.sha256Hex(line)
            hashes.append(previousSHA256)
            text += line
            text.append(UInt8(ascii: "\n"))
            previous = line
        }
        if !text.isEmpty { try Self.appendDurably(text, to: url) }
        return (anchor(hashes, anchored: anchored, runID: runID, time: time), lines)
    }

    /// The store's record of `hashes` appended after `anchored` lines.
    func anchor(_ hashes: [String], anchored: Int, runID: Int64, time: String) -> LogAppend {
        let lines = anchored + hashes.count
        var mac: String?
        if let key, let head = hashes.last { mac = key.mac(LogAnchor.message(log: name, lines: lines, headSHA256: head)) }
        return LogAppend(log: name, runID: runID, lineHashes: hashes, lines: lines, headMAC: mac, keyID: key?.id,
                         recordedAt: time)
    }

    static func appendDurably(_ bytes: [UInt8], to url: URL) throws(WorkspaceError) {
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorkspaceError("không ghi được \(url.path): \(SystemError.text(errno))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WorkspaceError("không ghi được \(url.path): \(SystemError.text(errno))")
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw WorkspaceError("fsync \(url.path): \(SystemError.text(errno))") }
    }
}

extension ChainedLog {
    /// The complete lines after the store's anchored head (at most `atMost` of them, the most a
    /// killed write can leave), and, for a log the store has never anchored (older than store
    /// v6), the SHA-256 of the lines before the trailing ones `isOwn` claims, to adopt as they are.
    /// `headMissing`: the head is not among the last lines, so something else was appended.
    static func unanchoredTail(_ url: URL, head: (lines: Int, sha256: String?), atMost: Int, isOwn: (Data) -> Bool)
        -> (adopted: [String], unanchored: [Data], headMissing: Bool) {
        let sha256 = { (line: Data) in ContentDigest.sha256Hex(Array(line)) }
        guard let headSHA = head.sha256 else {
            let all = (FileManager.default.contents(atPath: url.path) ?? Data())
                .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { Data($0) }
            let own = all.reversed().prefix(while: isOwn).count
            return (all.dropLast(own).map(sha256), Array(all.suffix(own)), false)
        }
        let window = RejectionLog.tail(url, lines: atMost + 1)
        guard let index = window.lastIndex(where: { sha256($0) == headSHA }) else { return ([], [], true) }
        return ([], Array(window[(index + 1)...]), false)
    }

    /// Cuts a last line without its "\n" (a write a kill or a full disk cut short) back to the
    /// last "\n": the only place a log is ever shortened. Appending after it would glue the next
    /// line onto it and break the chain for good; its events are still unlogged in the store and
    /// are written again in full.
    static func truncateUnfinishedLine(_ url: URL, logger: Logger) throws(WorkspaceError) {
        let fd = open(url.path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw WorkspaceError("không mở được \(url.path): \(SystemError.text(errno))") }
        defer { close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return }
        // Walk back from the end in blocks until the last "\n" (or the start of the file).
        var end = size
        var keep: off_t = 0
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        search: while end > 0 {
            let start = max(0, end - off_t(block.count))
            let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, Int(end - start), start) }
            guard n == Int(end - start) else { throw WorkspaceError("không đọc được \(url.path): \(SystemError.text(errno))") }
            if end == size && block[n - 1] == UInt8(ascii: "\n") { return }
            for index in stride(from: n - 1, through: 0, by: -1) where block[index] == UInt8(ascii: "\n") {
                keep = start + off_t(index) + 1
                break search
            }
            end = start
        }
        logger.warning("nhật ký: cắt bỏ dòng cuối chưa ghi xong của lượt chạy bị ngắt",
                       metadata: ["file": "\(url.lastPathComponent)", "bytes": "\(size - keep)"])
        guard ftruncate(fd, keep) == 0, fsync(fd) == 0 else {
            throw WorkspaceError("không sửa được \(url.path): \(SystemError.text(errno))")
        }
    }
}

/// The head of a log as an auditor notes it: the line count and the first 12 hex digits of the
/// last line's SHA-256 ("56 dòng · 1a2b3c4d5e6f"). `verify-log --anchor 56:1a2b3c4d5e6f` checks
/// it later.
public struct LogHead: Sendable, Equatable, CustomStringConvertible {
    public var log: String
    public var lines: Int
    /// 12 hex digits; empty for an empty log.
    public var short: String

    public init(log: String, lines: Int, sha256: String?) {
        self.log = log
        self.lines = lines
        self.short = String((sha256 ?? "").prefix(12))
    }

    public var description: String { lines == 0 ? "0 dòng" : "\(lines) dòng · \(short)" }
}

/// What `verify-log` found: the log is whole, as far as it could check.
public struct LogVerification: Sendable {
    public var head: LogHead
    /// The HMACs were checked (a key is configured and the log or the store carries them).
    public var keyed: Bool
    /// HMACs are present but no key was given: only the SHA-256 chain and the store were checked.
    public var unverifiedMACs: Bool
}

/// Where and why a log's chain or anchor breaks.
public struct LogVerificationError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { line > 0 ? "dòng \(line): \(reason)" : reason }
}

extension ChainedLog {
    /// Checks the file against the store and the store against the file; returns the earliest
    /// line that differs. `expected` is an auditor's note of an earlier head (`LogHead`).
    static func verify(_ url: URL, log: String, storeHashes: [String], anchors: [LogAnchor], key: AuditKey?,
                       expected: (lines: Int, prefix: String)? = nil) -> Result<LogVerification, LogVerificationError> {
        let data = FileManager.default.contents(atPath: url.path) ?? Data()
        var failures: [LogVerificationError] = []
        func fail(_ line: Int, _ reason: String) { failures.append(LogVerificationError(line: line, reason: reason)) }

        var raws = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let unfinished = data.last.map { $0 != UInt8(ascii: "\n") } ?? false
        if !unfinished, raws.last?.isEmpty == true { raws.removeLast() }
        var previous: [UInt8]? = nil
        var keyedLines = Set<Int>()
        var sawMAC = false
        var hashes: [String] = []
        lines: for (index, slice) in raws.enumerated() {
            let number = index + 1
            let raw = Array(slice)
            let sha = ContentDigest.sha256Hex(raw)
            hashes.append(sha)
            if unfinished, index == raws.count - 1 {
                fail(number, "dòng cuối ghi dở do lượt chạy bị ngắt; lượt chạy sau sẽ cắt bỏ và ghi lại")
                break lines
            }
            if number <= storeHashes.count, storeHashes[index] != sha {
                fail(number, "khác với dòng kho dữ liệu đã ghi (dòng bị sửa, xóa, đảo thứ tự hoặc chèn vào)")
                break lines
            }
            if number > storeHashes.count {
                fail(number, "không có trong kho dữ liệu: dòng thêm vào sau lần ghi cuối của kiemdiem (hoặc lượt chạy bị ngắt, lượt sau sẽ neo)")
                break lines
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any] else {
                fail(number, "không phải JSON")
                break lines
            }
            guard let prev = object["prev_sha256"] as? String else { fail(number, "thiếu prev_sha256"); break lines }
            guard prev == (previous.map(ContentDigest.sha256Hex) ?? genesis) else {
                fail(number, "chuỗi băm bị đứt: dòng trước đã bị xóa, thêm hoặc sửa")
                break lines
            }
            if let mac = object["prev_hmac"] as? String {
                sawMAC = true
                keyedLines.insert(number)
                if let key, mac != key.mac(previous ?? []) {
                    fail(number, "HMAC không khớp: dòng trước đã bị sửa hoặc chuỗi bị tính lại không có khóa")
                    break lines
                }
            } else if key != nil, sawMAC {
                fail(number, "thiếu prev_hmac sau các dòng có khóa")
                break lines
            }
            previous = raw
        }
        if failures.isEmpty, raws.count < storeHashes.count {
            fail(raws.count + 1, raws.isEmpty
                ? "nhật ký trống hoặc mất, kho dữ liệu ghi \(storeHashes.count) dòng"
                : "thiếu: kho dữ liệu ghi \(storeHashes.count) dòng, tệp chỉ còn \(raws.count)")
        }
        // The store against itself: every anchor's head is its line, the last anchor is the end.
        for anchor in anchors {
            guard anchor.lines >= 1, anchor.lines <= storeHashes.count, storeHashes[anchor.lines - 1] == anchor.headSHA256 else {
                fail(max(1, anchor.lines), "mốc của lượt chạy #\(anchor.runID) trong kho không khớp với các dòng kho ghi")
                continue
            }
            if anchor.headMAC != nil { sawMAC = true }
            guard let key else { continue }
            if let id = anchor.keyID, id != key.id {
                fail(0, "khóa audit.key_file (mã \(key.id)) không phải khóa đã ký nhật ký (mã \(id))")
            } else if let mac = anchor.headMAC {
                if mac != key.mac(LogAnchor.message(log: log, lines: anchor.lines, headSHA256: anchor.headSHA256)) {
                    fail(anchor.lines, "HMAC của mốc lượt chạy #\(anchor.runID) không khớp: kho dữ liệu đã bị sửa")
                }
            } else if keyedLines.contains(anchor.lines) {
                fail(anchor.lines, "mốc của lượt chạy #\(anchor.runID) thiếu HMAC dù dòng có khóa")
            }
        }
        if let last = anchors.last, last.lines != storeHashes.count {
            fail(min(last.lines, storeHashes.count) + 1, "kho dữ liệu ghi \(storeHashes.count) dòng nhưng mốc cuối ở dòng \(last.lines)")
        } else if anchors.isEmpty, !storeHashes.isEmpty {
            fail(1, "kho dữ liệu có dòng nhưng không có mốc nào")
        }
        if let expected {
            if expected.lines < 1 || expected.lines > hashes.count || !hashes[expected.lines - 1].hasPrefix(expected.prefix.lowercased()) {
                fail(expected.lines, "khác với mốc đã ghi lại \(expected.lines):\(expected.prefix)")
            }
        }
        if let first = failures.min(by: { $0.line < $1.line }) { return .failure(first) }
        return .success(LogVerification(head: LogHead(log: log, lines: hashes.count, sha256: hashes.last),
                                        keyed: key != nil && sawMAC, unverifiedMACs: key == nil && sawMAC))
    }
}
