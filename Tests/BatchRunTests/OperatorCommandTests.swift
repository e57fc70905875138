import KiemdiemTestSupport
import Foundation
import Ledger
import Testing

/// The operator's surface, through the built binary: what cron, systemd and a person at a
/// terminal see (exit statuses, stderr, stdout), and what each failure leaves behind.
@Suite(.serialized) struct OperatorCommandTests {
    // From the fixtures, so a sample file added to Fixtures/inbox-2020 does not break these tests.
    static let sampleCount = NightlyRunTests.sampleNames.count
    static let sampleRejected = NightlyRunTests.expectedVerdicts.values.filter { $0 == "rejected" }.count
    static let sampleAccepted = sampleCount - sampleRejected
    static let sampleCollective = NightlyRunTests.expectedVerdicts.count - NightlyRunTests.expectedMemberVerdicts.count
    /// The accepted files, members' forms and collective reports said apart.
    static let acceptedWords = "hợp lệ \(sampleAccepted) (\(sampleAccepted - sampleCollective) bản kiểm điểm đảng viên, "
        + "\(sampleCollective) báo cáo tập thể)"
    static let summaryPrefix = "kiemdiem: nhận \(sampleCount) · \(acceptedWords) · từ chối \(sampleRejected) · trùng 0 · "

    /// Lines in the rejection log, counted from the file (a rejected form may carry several findings).
    static func logLineCount(_ box: BinaryBox) throws -> Int {
        try String(contentsOf: box.rejectionLog, encoding: .utf8).split(separator: "\n").count
    }

    // MARK: - run: stderr

    @Test func runPrintsExactlyOneSummaryLineWhenStderrIsNotATerminal() throws {
        let box = try BinaryBox("summary")
        defer { box.remove() }
        let result = try box.kiemdiem(["run"])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        let lines = stderrLines(result.stderr)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").allSatisfy { unstamped($0) != nil }, "cron.log lines carry the date and time")
        #expect(lines.first?.hasPrefix(Self.summaryPrefix) == true, "\(result.stderr)")
        #expect(lines.first?.contains("sổ tổng hợp: \(box.workbook.path)") == true)
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"), "no bar in a file or pipe")
    }

    @Test func verboseAddsOnePlainLinePerFile() throws {
        let box = try BinaryBox("verbose")
        defer { box.remove() }
        let result = try box.kiemdiem(["run"], ["--verbose"])
        #expect(result.status == 3)
        let lines = stderrLines(result.stderr)
        #expect(lines.count >= Self.sampleCount + 1)
        #expect(lines.last?.hasPrefix(Self.summaryPrefix) == true)
        #expect(lines.filter { $0.hasPrefix("kiemdiem: nhận") }.count == 1)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("inbox-2020").path) {
            #expect(lines.contains { $0.contains("tệp=\(name)") }, "\(name)")
        }
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"))
    }

    @Test func aTerminalGetsAProgressBarThenTheSummaryLine() throws {
        let box = try BinaryBox("tty")
        defer { box.remove() }
        let (status, output) = try runWithTerminalStderr(kiemdiemBinary, ["run", "--config", box.config.path])
        #expect(status == 3)
        #expect(output.contains("\r\u{1B}[K["), "the bar is redrawn in place")
        #expect(output.contains("] \(Self.sampleCount)/\(Self.sampleCount)"), "the last state is always drawn")
        let summary = try #require(output.components(separatedBy: "\r\u{1B}[K").last)
        #expect(summary.hasPrefix(Self.summaryPrefix), "the bar is cleared before the summary: \(summary)")
    }

    // MARK: - run: refusals and failures

    /// A run that finds the lock held (by a hung or still running batch, here by the test
    /// process) leaves at once with 75 and creates or moves nothing.
    @Test func aSecondRunWhileTheLockIsHeldExits75AtOnceAndTouchesNothing() throws {
        let box = try BinaryBox("locked")
        defer { box.remove() }
        try FileManager.default.createDirectory(at: box.workspace, withIntermediateDirectories: true)
        let held = try HeldLock(box.workspace.path)
        let inbox = box.inboxFiles
        let started = Date()
        let result = try box.kiemdiem(["run"])
        #expect(result.status == 75)
        #expect(Date().timeIntervalSince(started) < 5, "75 must come at once, not after waiting for the lock")
        #expect(result.stderr.contains("giữ khóa thư mục làm việc \(box.workspace.path)"))
        #expect(box.inboxFiles == inbox)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.workspace.path).isEmpty)
        // `report` writes the workbook, so it is refused the same way; `status` only reads.
        #expect(try box.kiemdiem(["report"]).status == 75)
        #expect(!FileManager.default.fileExists(atPath: box.workbook.path))
        #expect(try box.kiemdiem(["status"]).status == 0)
        withExtendedLifetime(held) {}
    }

    /// archive/ (or the year's folder in it) cannot take files. Root ignores permission bits, so
    /// a regular file stands where the folder should be: mkdir and rename into it fail for
    /// anyone. The run exits 74 and loses nothing; once the folder is back, the next run files
    /// everything.
    @Test(arguments: ["archive", "archive/2020"])
    func anUnwritableArchiveExits74AndTheNextRunFinishes(blocker: String) throws {
        let box = try BinaryBox("unwritable")
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        let blocking = box.workspace.appendingPathComponent(blocker)
        try FileManager.default.createDirectory(at: blocking.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: blocking)

        let failed = try box.kiemdiem(["run"])
        #expect(failed.status == 74, "\(failed.stderr)")
        #expect(failed.stderr.split(separator: "\n").count == 1)
        #expect(failed.stderr.contains(blocking.path))
        let blockerSHA = sha256(of: blocking)
        #expect(multiset(box.everyInput.filter { $0 != blockerSHA }) == originals, "nothing lost, nothing duplicated")
        #expect(!FileManager.default.fileExists(atPath: box.workbook.path))

        if blocker == "archive/2020" {
            // The first accepted form's folder could not be made, inside the batch's
            // transaction: nothing was recorded, the claimed files wait in processing/ to be
            // read again, and `status` shows them. (A record committed before its rename failed
            // is RecoveryTests' case.)
            #expect(box.processingFiles.count == Self.sampleCount)
            #expect(try box.ledger().arrivals().isEmpty)
            let status = try box.kiemdiem(["status"])
            #expect(status.stdout.contains("Đang xử lý dở (processing/): \(box.processingFiles.count)"))
            #expect(status.stdout.contains("mã thoát 74"), "the failed run is shown with its status: \(status.stdout)")
        } else {
            // The workspace could not even be prepared: nothing was claimed.
            #expect(box.inboxFiles.count == Self.sampleCount)
        }

        try FileManager.default.removeItem(at: blocking)
        let resumed = try box.kiemdiem(["run"])
        #expect(resumed.status == 3, "\(resumed.stderr)")
        #expect(box.inboxFiles.isEmpty)
        #expect(box.processingFiles.isEmpty)
        let filed = box.archivedFiles.merging(box.rejectedFiles) { a, _ in a }
        #expect(multiset(Array(filed.values)) == originals)
        let arrivals = try box.ledger().arrivals()
        #expect(arrivals.count == Self.sampleCount)
        for arrival in arrivals { #expect(filed[arrival.storedPath] == arrival.sha256, "\(arrival.storedPath)") }
        #expect(box.rejectedFiles.count == Self.sampleRejected)
        #expect(try box.kiemdiem(["verify-log"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: box.workbook.path))
    }

    // MARK: - status

    @Test func statusShowsWhatWaitsAndWhatTheLastRunDid() throws {
        let box = try BinaryBox("status")
        defer { box.remove() }
        try Data("%PDF".utf8).write(to: box.inbox.appendingPathComponent("scan.pdf"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)],
                                              ofItemAtPath: box.inbox.appendingPathComponent("scan.pdf").path)
        try Data("PK".utf8).write(to: box.inbox.appendingPathComponent("dang-tai.docx"))

        let before = try box.kiemdiem(["status"])
        #expect(before.status == 0)
        #expect(before.stdout.contains("Hộp thư đến: \(Self.sampleCount) tệp sẵn sàng, 1 đang tải lên, 1 tệp không phải .docx"))
        #expect(before.stdout.contains("Chưa có lượt chạy nào."))
        #expect(!FileManager.default.fileExists(atPath: box.workspace.path), "status creates nothing")

        _ = try box.kiemdiem(["run"])
        let after = try box.kiemdiem(["status"])
        #expect(after.status == 0)
        #expect(after.stdout.contains("Hộp thư đến: 0 tệp sẵn sàng, 1 đang tải lên, 1 tệp không phải .docx"))
        #expect(after.stdout.contains("Đang xử lý dở (processing/): 0"))
        #expect(after.stdout.contains("Tổng số tệp đã nhận: \(Self.sampleCount)"))
        #expect(after.stdout.contains("Lượt chạy gần nhất #1"))
        #expect(after.stdout.contains(
            "mã thoát 3; nhận \(Self.sampleCount), \(Self.acceptedWords), từ chối \(Self.sampleRejected), trùng 0"))
    }

    @Test(arguments: ["status", "report", "verify-log", "run"])
    func aBadConfigurationExits78NamingTheKey(command: String) throws {
        let box = try BinaryBox("badconfig")
        defer { box.remove() }
        try "inbox: inbox\nworkspace: workspace\nyear: 2020\nreport:\n  workbook: x.xlsx\nintake:\n  workers: 0\n"
            .write(to: box.config, atomically: true, encoding: .utf8)
        let result = try box.kiemdiem([command])
        #expect(result.status == 78)
        #expect(result.stderr.contains("intake.workers"))
        #expect(box.inboxFiles.count == Self.sampleCount)
    }

    // MARK: - report

    @Test func reportRebuildsTheWorkbookFromTheStore() throws {
        let box = try BinaryBox("report")
        defer { box.remove() }
        _ = try box.kiemdiem(["run"])
        let published = try workbookSheets(box.workbook.path)
        try FileManager.default.removeItem(at: box.workbook)

        let result = try box.kiemdiem(["report"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == box.workbook.path + "\n")
        #expect(canonical(try workbookSheets(box.workbook.path)) == canonical(published))
        #expect(box.processingFiles.isEmpty && box.inboxFiles.isEmpty)
    }

    // MARK: - verify-log

    @Test func verifyLogPassesThenNamesTheFirstBrokenLine() throws {
        let box = try BinaryBox("verify")
        defer { box.remove() }
        let empty = try box.kiemdiem(["verify-log"])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("0 dòng"))

        _ = try box.kiemdiem(["run"])
        let intact = try box.kiemdiem(["verify-log"])
        #expect(intact.status == 0)
        let count = try Self.logLineCount(box)
        #expect(count >= Self.sampleRejected)
        #expect(intact.stdout.hasPrefix("Nhật ký toàn vẹn: \(count) dòng · "))

        // Someone edits the first line: it no longer matches the store's hash of it.
        let text = try String(contentsOf: box.rejectionLog, encoding: .utf8)
        let edited = try #require(text.range(of: "\"severity\":\"error\""))
        try text.replacingCharacters(in: edited, with: "\"severity\":\"warning\"")
            .write(to: box.rejectionLog, atomically: true, encoding: .utf8)
        let broken = try box.kiemdiem(["verify-log"])
        #expect(broken.status == 65)
        #expect(broken.stdout.contains("dòng 1:"))
    }

    /// A kill inside a log write leaves an unfinished last line: verify-log reports it until the
    /// next run cuts it (it was never complete; its form is written again in full).
    @Test func anUnfinishedLastLogLineIsReportedThenRepairedByTheNextRun() throws {
        let box = try BinaryBox("partial")
        defer { box.remove() }
        _ = try box.kiemdiem(["run"])
        let count = try Self.logLineCount(box)
        let handle = try FileHandle(forWritingTo: box.rejectionLog)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"time\":\"2020-12-".utf8))
        try handle.close()
        let reported = try box.kiemdiem(["verify-log"])
        #expect(reported.status == 65)
        #expect(reported.stdout.contains("dòng \(count + 1)"))

        #expect(try box.kiemdiem(["run"]).status == 0)
        let repaired = try box.kiemdiem(["verify-log"])
        #expect(repaired.status == 0)
        #expect(repaired.stdout.contains("\(count) dòng"))
    }

    // MARK: - run --dry-run

    @Test func dryRunSaysWhatTonightWouldDoAndTouchesNothing() throws {
        let box = try BinaryBox("dryrun")
        defer { box.remove() }
        let inbox = box.inboxFiles
        let result = try box.kiemdiem(["run"], ["--dry-run"])
        #expect(result.status == 3)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == Self.sampleCount)
        #expect(lines.filter { $0.contains(": sẽ bị từ chối") }.count == Self.sampleRejected)
        #expect(lines.filter { $0.contains(": hợp lệ") }.count == Self.sampleAccepted)
        #expect(lines.contains("tep-rong.docx: sẽ bị từ chối — EMPTY_FILE"))
        #expect(box.inboxFiles == inbox)
        #expect(!FileManager.default.fileExists(atPath: box.workspace.path), "a dry run creates no workspace")
    }
}

/// Runs a program with stderr on a pseudo-terminal (stdout discarded) and returns what the
/// terminal received, as a person at the console would see it.
func runWithTerminalStderr(_ executable: URL, _ arguments: [String]) throws -> (Int32, String) {
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    try #require(master >= 0, "no pseudo-terminals here")
    defer { close(master) }
    // glibc declares unlockpt/ptsname only under _XOPEN_SOURCE, which Swift's Glibc module does
    // not set: look them up at run time instead.
    typealias UnlockPT = @convention(c) (Int32) -> Int32
    typealias PTSName = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
    let unlockpt = unsafeBitCast(try #require(dlsym(nil, "unlockpt")), to: UnlockPT.self)
    let ptsname = unsafeBitCast(try #require(dlsym(nil, "ptsname_r")), to: PTSName.self)
    var name = [CChar](repeating: 0, count: 128)
    let named = unlockpt(master) == 0 && ptsname(master, &name, name.count) == 0
    try #require(named)
    let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let slave = open(path, O_RDWR | O_NOCTTY)
    try #require(slave >= 0)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    try process.run()
    close(slave)
    // Read while the child writes (a full terminal buffer would block it), until it is gone
    // and nothing is left.
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, 200)
        if ready > 0 {
            let n = read(master, &buffer, buffer.count)
            if n > 0 { output.append(contentsOf: buffer[..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        if !process.isRunning { break }
    }
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}
