import KiemdiemTestSupport
import Foundation
import Testing

/// Issue 16: `verify-log` checks the rejection log against the anchors in the store and the store
/// against the log (docs/contract.md §4). One test per way of tampering with it, driven through
/// the built binary on a workspace the sample inbox made.
@Suite(.serialized) struct LogTamperTests {
    /// A workspace after one run over the sample inbox; with `keyed` the chain is under a key
    /// made by `kiemdiem init-key` next to (outside) the workspace.
    static func box(_ name: String, keyed: Bool) throws -> BinaryBox {
        let box = try BinaryBox(name)
        if keyed {
            let key = box.root.appendingPathComponent("audit.key")
            let made = try runProcess(kiemdiemBinary, ["init-key", key.path])
            try #require(made.status == 0, "\(made.stderr)")
            let config = try String(contentsOf: box.config, encoding: .utf8) + "\naudit:\n  key_file: audit.key\n"
            try config.write(to: box.config, atomically: true, encoding: .utf8)
        }
        let run = try box.kiemdiem(["run"])
        try #require(run.status == 3, "\(run.stderr)")
        return box
    }

    static func lines(_ box: BinaryBox) throws -> [String] {
        try String(contentsOf: box.rejectionLog, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static func write(_ box: BinaryBox, _ lines: [String]) throws {
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: box.rejectionLog)
    }

    /// Recomputes every `prev_sha256` from the first line on, as someone without the key can:
    /// the unkeyed chain then holds, whatever was edited.
    static func rechain(_ box: BinaryBox) throws {
        let script = """
            import hashlib, json, sys
            path = sys.argv[1]
            lines = open(path, 'rb').read().split(b'\\n')[:-1]
            out, prev = [], '0' * 64
            for raw in lines:
                obj = json.loads(raw)
                obj['prev_sha256'] = prev
                line = json.dumps(obj, ensure_ascii=False, separators=(',', ':')).encode()
                out.append(line)
                prev = hashlib.sha256(line).hexdigest()
            open(path, 'wb').write(b''.join(l + b'\\n' for l in out))
            """
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, box.rejectionLog.path])
        try #require(result.status == 0, "\(result.stderr)")
    }

    /// Runs SQL on the store from outside, as someone editing it by hand would.
    static func sql(_ box: BinaryBox, _ statements: String) throws {
        let store = box.workspace.appendingPathComponent("kiemdiem.sqlite").path
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()",
            store, statements,
        ])
        try #require(result.status == 0, "\(result.stderr)")
    }

    static func sha256Hex(_ line: String) -> String {
        let result = try? runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c", "import hashlib, sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest())", line,
        ])
        return (result?.stdout ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func expectBroken(_ box: BinaryBox, atLine line: Int, _ comment: Comment? = nil) throws {
        let result = try box.kiemdiem(["verify-log"])
        #expect(result.status == 65, comment)
        #expect(result.stdout.hasPrefix("Nhật ký bị thay đổi: dòng \(line):"), "\(result.stdout)")
    }

    @Test(arguments: [false, true]) func anUntouchedLogVerifiesAndItsHeadIsTheSummaryLinesOne(keyed: Bool) throws {
        let box = try Self.box("tamper-none", keyed: keyed)
        defer { box.remove() }
        let lines = try Self.lines(box)
        let short = String(Self.sha256Hex(lines.last!).prefix(12))
        let result = try box.kiemdiem(["verify-log"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("Nhật ký toàn vẹn: \(lines.count) dòng · \(short); quyết định: "), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(keyed ? ". Chuỗi HMAC khớp khóa audit.key_file.\n" : ".\n"))
        #expect(lines.allSatisfy { $0.contains("\"prev_hmac\":") } == keyed)
        // The next run (nothing new) prints the same head on its summary line.
        let again = try box.kiemdiem(["run"])
        #expect(again.stderr.contains("· nhật ký: \(lines.count) dòng · \(short)"), "\(again.stderr)")
        // Every sheet of the workbook carries the same heads in its footer.
        let footers = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c", "import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); print('\\n'.join(ws.oddFooter.center.text or '' for ws in wb.worksheets))",
            box.workbook.path,
        ])
        try #require(footers.status == 0, "\(footers.stderr)")
        let sheets = footers.stdout.split(separator: "\n")
        #expect(!sheets.isEmpty)
        #expect(sheets.allSatisfy { $0.hasPrefix("Nhật ký: \(lines.count) dòng · \(short) · quyết định: ") }, "\(footers.stdout)")
        // An auditor's note of the head checks later; a wrong one does not.
        #expect(try box.kiemdiem(["verify-log"], ["--anchor", "\(lines.count):\(short)"]).status == 0)
        let wrong = try box.kiemdiem(["verify-log"], ["--anchor", "\(lines.count - 1):\(short)"])
        #expect(wrong.status == 65)
        #expect(wrong.stdout.contains("dòng \(lines.count - 1): khác với mốc đã ghi lại"))
    }

    @Test func aTruncatedLogIsReportedAtItsFirstMissingLine() throws {
        let box = try Self.box("tamper-truncated", keyed: false)
        defer { box.remove() }
        let lines = try Self.lines(box)
        try Self.write(box, Array(lines.dropLast()))
        try expectBroken(box, atLine: lines.count)
    }

    @Test func anEmptiedLogIsReportedAtLineOne() throws {
        let box = try Self.box("tamper-emptied", keyed: false)
        defer { box.remove() }
        try Data().write(to: box.rejectionLog)
        try expectBroken(box, atLine: 1)
        try FileManager.default.removeItem(at: box.rejectionLog)
        try expectBroken(box, atLine: 1, "a deleted log is an emptied one")
    }

    @Test func aReorderedLogIsReportedAtTheFirstLineOutOfPlace() throws {
        let box = try Self.box("tamper-reordered", keyed: false)
        defer { box.remove() }
        var lines = try Self.lines(box)
        try #require(lines.count >= 4)
        lines.swapAt(1, 3)
        try Self.write(box, lines)
        try expectBroken(box, atLine: 2)
    }

    /// A line edited and the unkeyed chain recomputed: the chain holds, the store does not.
    @Test func aRechainedLogIsReportedAtTheEditedLine() throws {
        let box = try Self.box("tamper-rechained", keyed: false)
        defer { box.remove() }
        var lines = try Self.lines(box)
        lines[2] = lines[2].replacingOccurrences(of: "\"severity\":\"error\"", with: "\"severity\":\"warning\"")
        try Self.write(box, lines)
        try Self.rechain(box)
        try expectBroken(box, atLine: 3)
    }

    /// A line of another workspace's log spliced in, the chain recomputed around it.
    @Test func aSplicedLogIsReportedAtTheInsertedLine() throws {
        let box = try Self.box("tamper-spliced", keyed: false)
        defer { box.remove() }
        let other = try Self.box("tamper-spliced-other", keyed: false)
        defer { other.remove() }
        var lines = try Self.lines(box)
        let foreign = try Self.lines(other)[0].replacingOccurrences(of: "\"run_id\":1", with: "\"run_id\":7")
        lines.insert(foreign, at: 4)
        try Self.write(box, lines)
        try Self.rechain(box)
        try expectBroken(box, atLine: 5)
    }

    /// The log cut by its last line and the store edited to match: without a key nothing can
    /// tell (the README says so); with one, the anchor's HMAC no longer matches.
    @Test(arguments: [false, true]) func aStoreEditedToMatchAShortenedLogIsCaughtWhenKeyed(keyed: Bool) throws {
        let box = try Self.box("tamper-store", keyed: keyed)
        defer { box.remove() }
        let lines = try Self.lines(box)
        let n = lines.count
        try Self.write(box, Array(lines.dropLast()))
        try Self.sql(box, """
            DELETE FROM log_lines WHERE log = 'rejections' AND line = \(n);
            UPDATE log_anchors SET lines = \(n - 1), head_sha256 = '\(Self.sha256Hex(lines[n - 2]))'
                WHERE id = (SELECT MAX(id) FROM log_anchors WHERE log = 'rejections');
            """)
        let result = try box.kiemdiem(["verify-log"])
        if keyed {
            #expect(result.status == 65)
            #expect(result.stdout.hasPrefix("Nhật ký bị thay đổi: dòng \(n - 1): HMAC của mốc"), "\(result.stdout)")
        } else {
            #expect(result.status == 0, "the unkeyed limit the README states")
        }
    }

    /// A line edited, the unkeyed chain recomputed and the store's line hashes rewritten to
    /// match: only the key tells.
    @Test func aRechainedLogWithAMatchingStoreIsCaughtByTheKey() throws {
        let box = try Self.box("tamper-rechain-store", keyed: true)
        defer { box.remove() }
        var lines = try Self.lines(box)
        lines[1] = lines[1].replacingOccurrences(of: "\"severity\":\"error\"", with: "\"severity\":\"warning\"")
        try Self.write(box, lines)
        try Self.rechain(box)
        let rechained = try Self.lines(box)
        var statements = ""
        for (index, line) in rechained.enumerated() {
            statements += "UPDATE log_lines SET sha256 = '\(Self.sha256Hex(line))' WHERE log = 'rejections' AND line = \(index + 1);\n"
        }
        statements += "UPDATE log_anchors SET head_sha256 = '\(Self.sha256Hex(rechained.last!))' WHERE log = 'rejections';"
        try Self.sql(box, statements)
        let result = try box.kiemdiem(["verify-log"])
        #expect(result.status == 65)
        #expect(result.stdout.hasPrefix("Nhật ký bị thay đổi: dòng 3: HMAC không khớp"), "\(result.stdout)")
    }

    /// A log written before the store anchored lines (store v5 and older) is reported until the
    /// next run adopts it, once, as it is.
    @Test func aLogOlderThanTheAnchorsIsAdoptedByTheNextRun() throws {
        let box = try Self.box("tamper-adopt", keyed: false)
        defer { box.remove() }
        let lines = try Self.lines(box)
        try Self.sql(box, "DELETE FROM log_lines; DELETE FROM log_anchors;")
        try expectBroken(box, atLine: 1)
        #expect(try box.kiemdiem(["run"]).status == 0)
        let result = try box.kiemdiem(["verify-log"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("Nhật ký toàn vẹn: \(lines.count) dòng · "))
        #expect(try Self.lines(box) == lines, "adopting writes nothing to the log")
    }

    @Test func initKeyNeverOverwritesAndTheKeyMustStayOutsideTheWorkspace() throws {
        let box = try BinaryBox("init-key")
        defer { box.remove() }
        let key = box.root.appendingPathComponent("k")
        let made = try runProcess(kiemdiemBinary, ["init-key", key.path])
        #expect(made.status == 0)
        #expect(made.stdout.hasPrefix("Đã tạo khóa audit-hmac tại \(key.path) (mã khóa "))
        let attributes = try FileManager.default.attributesOfItem(atPath: key.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOf: key, encoding: .utf8)
        #expect(text.count == 65 && text.hasSuffix("\n"))
        #expect(try runProcess(kiemdiemBinary, ["init-key", key.path]).status == 73)
        #expect(try String(contentsOf: key, encoding: .utf8) == text, "an existing key is never overwritten")

        try FileManager.default.createDirectory(at: box.workspace, withIntermediateDirectories: true)
        let inside = box.workspace.appendingPathComponent("audit.key")
        #expect(try runProcess(kiemdiemBinary, ["init-key", inside.path]).status == 0)
        let config = try String(contentsOf: box.config, encoding: .utf8) + "\naudit:\n  key_file: workspace/audit.key\n"
        try config.write(to: box.config, atomically: true, encoding: .utf8)
        let run = try box.kiemdiem(["run"])
        #expect(run.status == 78)
        #expect(run.stderr.contains("audit.key_file phải nằm ngoài thư mục làm việc"), "\(run.stderr)")
    }
}
