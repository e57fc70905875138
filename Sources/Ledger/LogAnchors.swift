
/// Lines just appended to an audit log, as the store anchors them (docs/contract.md §4).
public struct LogAppend: Sendable, Equatable {
    /// `rejections` or `audit`: which file under logs/.
    public var log: String
    public var runID: Int64
    /// The SHA-256 of each appended line, in order.
    public var lineHashes: [String]
    /// The log's line count after the append.
    public var lines: Int
    /// HMAC of the anchor message (`LogAnchor.message`) under the audit key; `nil` unkeyed.
    public var headMAC: String?
    public var keyID: String?
    public var recordedAt: String

    public init(log: String, runID: Int64, lineHashes: [String], lines: Int, headMAC: String?, keyID: String?,
                recordedAt: String) {
        self.log = log
        self.runID = runID
        self.lineHashes = lineHashes
        self.lines = lines
        self.headMAC = headMAC
        self.keyID = keyID
        self.recordedAt = recordedAt
    }
}

/// What the store says the log held after one append: its line count and last line.
public struct LogAnchor: Sendable, Equatable {
    public var runID: Int64
    public var lines: Int
    public var headSHA256: String
    public var headMAC: String?
    public var keyID: String?
    public var recordedAt: String

    /// What the anchor's HMAC covers. Not a line of the log: a line's `prev_hmac` is the HMAC of
    /// the line before it, and must never serve as an anchor's (cutting the last line would
    /// otherwise hand out the MAC that anchors the new last one).
    public static func message(log: String, lines: Int, headSHA256: String) -> [UInt8] {
        Array("kiemdiem.anchor/1\n\(log)\n\(lines)\n\(headSHA256)".utf8)
    }
}

extension Ledger {
    /// Every anchored line's SHA-256, in line order (index 0 = line 1).
    public func logLineHashes(_ log: String) throws -> [String] {
        try reading { db in
            try db.column("SELECT sha256 FROM log_lines WHERE log = ? ORDER BY line", [log], as: String.self)
        }
    }

    /// Every anchor of a log, in append order.
    public func logAnchors(_ log: String) throws -> [LogAnchor] {
        try reading { db in
            try db.rows("SELECT * FROM log_anchors WHERE log = ? ORDER BY lines, id", [log]).map { row in
                LogAnchor(runID: row["run_id"], lines: row["lines"], headSHA256: row["head_sha256"], headMAC: row["head_mac"],
                          keyID: row["key_id"], recordedAt: row["recorded_at"])
            }
        }
    }

    /// The anchored length of a log and the SHA-256 of its last anchored line.
    public func logHead(_ log: String) throws -> (lines: Int, sha256: String?) {
        try reading { db in
            let row = try db.row("SELECT line, sha256 FROM log_lines WHERE log = ? ORDER BY line DESC LIMIT 1", [log])
            return (row?["line"] ?? 0, row?["sha256"])
        }
    }

    /// Anchors lines already in the file without marking anything logged: the lines of a log
    /// that existed before the store anchored it, adopted once.
    public func anchor(_ appended: LogAppend) throws {
        try transaction { try $0.anchor(appended) }
    }
}

extension LedgerTransaction {
    /// Records appended lines and the anchor after them.
    public func anchor(_ appended: LogAppend) throws {
        guard let head = appended.lineHashes.last else { return }
        let first = appended.lines - appended.lineHashes.count + 1
        for (offset, sha) in appended.lineHashes.enumerated() {
            try db.execute("INSERT INTO log_lines (log, line, run_id, sha256) VALUES (?, ?, ?, ?)",
                           [appended.log, first + offset, appended.runID, sha])
        }
        try db.execute("""
            INSERT INTO log_anchors (log, run_id, lines, head_sha256, head_mac, key_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [appended.log, appended.runID, appended.lines, head, appended.headMAC, appended.keyID,
                                     appended.recordedAt])
    }
}
