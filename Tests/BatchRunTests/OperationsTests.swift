import KiemdiemTestSupport
import Foundation
import Ledger
import Testing
@testable import BatchRun

/// Issue 17's operator nights not covered by IntakeTests, KillTests and StoreRecoveryTests:
/// configuration mistakes, locks and order that depend on neither the lock file nor the clock,
/// a run in progress against a killed one, and the counts of killed runs. Each ends with every
/// input in exactly one place with its bytes and the next run finishing the night.
@Suite(.serialized) struct OperationsTests {
    static let sampleCount = OperatorCommandTests.sampleCount
    static let sampleRejected = OperatorCommandTests.sampleRejected
    static let sampleAccepted = OperatorCommandTests.sampleAccepted

    /// The night finished: nothing left in the inbox or processing/, every input filed once with
    /// its bytes, where the store says, and a second run with nothing to do.
    static func finishesTheNight(_ box: BinaryBox, originals: [String: Int]) throws {
        let run = try box.kiemdiem(["run"])
        #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
        #expect(box.inboxFiles.isEmpty, "\(box.inboxFiles)")
        #expect(box.processingFiles.isEmpty)
        let filed = box.archivedFiles.merging(box.rejectedFiles) { a, _ in a }
        #expect(multiset(Array(filed.values)) == originals)
        let arrivals = try box.ledger().arrivals()
        #expect(arrivals.count == originals.values.reduce(0, +))
        for arrival in arrivals { #expect(filed[arrival.storedPath] == arrival.sha256, "\(arrival.storedPath)") }
        let again = try box.kiemdiem(["run"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("nhận 0 · "), "\(again.stderr)")
        #expect(try box.kiemdiem(["verify-log"]).status == 0)
    }

    /// Writes pipeline.yml with these lines (paths relative to the box's root).
    static func configure(_ box: BinaryBox, _ text: String) throws {
        try text.write(to: box.config, atomically: true, encoding: .utf8)
    }

    static let goodConfig = "inbox: inbox\nworkspace: workspace\nyear: 2020\nreport:\n  workbook: workspace/reports/tong-hop-2020.xlsx\n"

    // MARK: - Configuration (78)

    @Test func aMisspeltKeyIsNamedAsUnknownBeforeAnyMissingKey() throws {
        let box = try BinaryBox("unknown-key")
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        // report.workbook is missing because it is misspelt: the misspelling is what to fix.
        try Self.configure(box, "inbox: inbox\nworkspace: workspace\nyear: 2020\nreport:\n  workbok: x.xlsx\n")
        for command in [["run"], ["run", "--dry-run"], ["status"], ["report"]] {
            let result = try box.kiemdiem(command)
            #expect(result.status == 78, "\(command)")
            #expect(result.stderr.contains("khóa không biết: report.workbok"), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("thiếu khóa"), "\(result.stderr)")
        }
        #expect(box.inboxFiles.count == Self.sampleCount)
        #expect(!FileManager.default.fileExists(atPath: box.workspace.path))
        try Self.configure(box, Self.goodConfig)
        try Self.finishesTheNight(box, originals: originals)
    }

    /// A missing inbox (an unmounted share, a typo) is the configuration's fault, not the
    /// workspace's: 78 with the path, for run, the dry run and status alike, and nothing made.
    @Test(arguments: [["run"], ["run", "--dry-run"], ["status"]])
    func aMissingInboxIsAConfigurationErrorNamingThePath(command: [String]) throws {
        let box = try BinaryBox("no-inbox")
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        let away = box.root.appendingPathComponent("share-not-mounted")
        try FileManager.default.moveItem(at: box.inbox, to: away)
        let result = try box.kiemdiem(command)
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("hộp thư đến \(box.inbox.path)"), "\(result.stderr)")
        #expect(result.stderr.contains("không có"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.workspace.path), "nothing made")
        try FileManager.default.moveItem(at: away, to: box.inbox)
        try Self.finishesTheNight(box, originals: originals)
    }

    /// Inbox and workspace that overlap would take the run's own files for uploads.
    @Test(arguments: [
        ("inbox: workspace/processing\nworkspace: workspace\n", "processing/"),
        ("inbox: workspace/archive/2020\nworkspace: workspace\n", "archive/"),
        ("inbox: workspace\nworkspace: workspace\n", "cùng một thư mục"),
        ("inbox: inbox\nworkspace: inbox/workspace\n", "nằm trong hộp thư đến"),
    ])
    func overlappingInboxAndWorkspaceAreAConfigurationError(paths: String, says: String) throws {
        let box = try BinaryBox("overlap")
        defer { box.remove() }
        // The uploads stand where the bad configuration points the inbox.
        let lines = paths.split(separator: "\n")
        let inbox = box.root.appendingPathComponent(String(lines[0].dropFirst("inbox: ".count)))
        if inbox.path != box.inbox.path {
            try FileManager.default.createDirectory(at: inbox.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: box.inbox, to: inbox)
        }
        try Self.configure(box, paths + "year: 2020\nreport:\n  workbook: reports/tong-hop-2020.xlsx\n")
        let before = box.files(under: box.root)
        for command in [["run"], ["run", "--dry-run"], ["status"]] {
            let result = try box.kiemdiem(command)
            #expect(result.status == 78, "\(command): \(result.stderr)")
            #expect(result.stderr.contains(says), "\(command): \(result.stderr)")
        }
        #expect(box.files(under: box.root) == before, "nothing moved, nothing made")
        // Fixed: the uploads back in their own inbox, and the night runs.
        if inbox.path != box.inbox.path {
            try FileManager.default.moveItem(at: inbox, to: box.inbox)
            try? FileManager.default.removeItem(at: box.workspace)
        }
        try Self.configure(box, Self.goodConfig)
        let originals = multiset(Array(box.inboxFiles.values))
        #expect(originals.values.reduce(0, +) == Self.sampleCount)
        try Self.finishesTheNight(box, originals: originals)
    }

    // MARK: - A run in progress

    /// Starts `kiemdiem run` over the box and stops it (SIGSTOP) once it holds the lock, has
    /// recorded its start, and holds no SQLite lock of the store (so a reader is not kept
    /// waiting by the stopped run).
    static func pausedRun(_ box: BinaryBox) throws -> Process {
        let process = Process()
        process.executableURL = kiemdiemBinary
        process.arguments = ["run", "--config", box.config.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let store = box.workspace.appendingPathComponent("kiemdiem.sqlite").path
        while process.isRunning && !FileManager.default.fileExists(atPath: store) { usleep(500) }
        for _ in 0..<400 where process.isRunning {
            kill(process.processIdentifier, SIGSTOP)
            let probe = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
                "python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=0.2); "
                    + "sys.exit(0 if c.execute('SELECT count(*) FROM runs').fetchone()[0] > 0 else 1)",
                store,
            ])
            if probe.status == 0 { return process }
            kill(process.processIdentifier, SIGCONT)
            usleep(3000)
        }
        try #require(process.isRunning, "the run ended before it could be paused")
        Issue.record("the store stayed locked")
        return process
    }

    /// The lock is `flock` on the workspace folder: with no lock file, deleting one changes
    /// nothing, and a second run while the first is alive is refused with 75.
    @Test func deletingTheLockFileMidRunLetsNoSecondRunIn() throws {
        let box = try BinaryBox("lockfile", populate: { try KillTests.makeInputs($0, count: 120) })
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        let first = try Self.pausedRun(box)
        defer { kill(first.processIdentifier, SIGKILL) }
        // What an operator would delete by hand: any lock file in the workspace. There is none
        // to delete; whatever is called so goes.
        let top = try FileManager.default.contentsOfDirectory(atPath: box.workspace.path)
        #expect(!top.contains { $0.lowercased().contains("lock") }, "\(top)")
        for name in [".lock", "kiemdiem.lock", "run.lock", ".kiemdiem.lock"] {
            try? FileManager.default.removeItem(at: box.workspace.appendingPathComponent(name))
        }
        let inbox = box.inboxFiles, filed = box.archivedFiles.merging(box.rejectedFiles) { a, _ in a }
        let second = try box.kiemdiem(["run"])
        #expect(second.status == 75, "\(second.stderr)")
        #expect(box.inboxFiles == inbox)
        #expect(box.archivedFiles.merging(box.rejectedFiles) { a, _ in a } == filed)
        kill(first.processIdentifier, SIGCONT)
        first.waitUntilExit()
        #expect(first.terminationStatus == 3)
        #expect(multiset(box.everyInput) == originals)
        let lines = try String(contentsOf: box.rejectionLog, encoding: .utf8).split(separator: "\n")
        #expect(Set(lines).count == lines.count, "no line written twice")
        try Self.finishesTheNight(box, originals: originals)
    }

    /// `status` tells a run that holds the lock (here stopped mid-run) from one that was
    /// killed, and the next run's summary counts what the killed run filed: each input once
    /// over all summaries.
    @Test func statusTellsARunInProgressFromAKilledOne() throws {
        let box = try BinaryBox("active", populate: { try KillTests.makeInputs($0, count: 120) })
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        let run = try Self.pausedRun(box)
        let during = try box.kiemdiem(["status"])
        #expect(during.status == 0, "\(during.stderr)")
        #expect(during.stdout.contains("đang chạy (tiến trình \(run.processIdentifier) giữ khóa"), "\(during.stdout)")
        #expect(!during.stdout.contains("bị ngắt"))

        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        let after = try box.kiemdiem(["status"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("bị ngắt giữa chừng"), "\(after.stdout)")
        #expect(!after.stdout.contains("đang chạy"))
        #expect(multiset(box.everyInput) == originals)

        let next = try box.kiemdiem(["run"])
        #expect(next.status == 3, "\(next.stderr)")
        let arrivals = try box.ledger().arrivals()
        #expect(arrivals.count == originals.values.reduce(0, +))
        let rejected = arrivals.filter { $0.verdict == .rejected }.count
        let duplicates = arrivals.filter(\.duplicate).count
        #expect(next.stderr.contains("nhận \(arrivals.count) · hợp lệ \(arrivals.count - rejected) ("), "the killed run's files are in this summary: \(next.stderr)")
        #expect(next.stderr.contains(" · từ chối \(rejected) · trùng \(duplicates) · "), "\(next.stderr)")
        try Self.finishesTheNight(box, originals: originals)
    }

    /// A kill while publishing the workbook (every file filed and logged, the run not yet
    /// finished), built on purpose as RecoveryTests does: its night is counted by the next run's
    /// summary and exit status, once.
    @Test func aRunKilledWhilePublishingIsCountedByTheNextSummary() throws {
        let box = try BinaryBox("publish-kill")
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        #expect(try box.kiemdiem(["run"]).status == 3)
        let store = box.workspace.appendingPathComponent("kiemdiem.sqlite").path
        let sql = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", store,
            "UPDATE runs SET finished_at = NULL, exit_code = NULL, claimed = 0, accepted = 0, rejected = 0, duplicates = 0, counted_in = NULL",
        ])
        try #require(sql.status == 0, "\(sql.stderr)")
        // The writer's temporary, as a kill inside the publish leaves it.
        try Data("PK".utf8).write(to: box.workspace.appendingPathComponent("reports/.tong-hop-2020.xlsx.tmp-1-abc"))
        #expect(try box.kiemdiem(["status"]).stdout.contains("bị ngắt giữa chừng"))

        let next = try box.kiemdiem(["run"])
        #expect(next.status == 3, "the killed night's refusals reach an exit status: \(next.stderr)")
        #expect(next.stderr.contains("nhận \(Self.sampleCount) · hợp lệ \(Self.sampleAccepted) (\(Self.sampleAccepted - 1) bản kiểm điểm đảng viên, "
                                     + "1 báo cáo tập thể) · từ chối \(Self.sampleRejected) · trùng 0"), "\(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.workspace.appendingPathComponent("reports/.tong-hop-2020.xlsx.tmp-1-abc").path))
        let status = try box.kiemdiem(["status"])
        #expect(status.stdout.contains("mã thoát 3; nhận \(Self.sampleCount)"), "\(status.stdout)")
        try Self.finishesTheNight(box, originals: originals)
    }

    // MARK: - Order without the clock

    /// Two runs killed after claiming, the clock set back three days between them: the form
    /// uploaded later still wins (arrival order is the store's sequence: the run id and the
    /// claim's number, never a time).
    @Test func theClockSetBackBetweenTwoKilledRunsDoesNotReorderWhichFormWins() throws {
        let box = try NightlyRunTests.Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        for name in try FileManager.default.contentsOfDirectory(atPath: box.inbox.path) where name != "nguyen-van-an.docx" {
            try FileManager.default.removeItem(at: box.inbox.appendingPathComponent(name))
        }
        let first = box.inbox.appendingPathComponent("nguyen-van-an.docx")
        let firstSHA = sha256(of: first)
        let workspace = Workspace(path: box.workspace.path)
        let real = Date()

        /// A run that claims the inbox at `clock` and dies there.
        func killedAfterClaiming(at clock: Date) throws {
            try workspace.prepare()
            let ledger = try Ledger(path: workspace.store.path)
            let runID = try ledger.startRun(year: 2020, at: timestamp(clock))
            var session = RunSession(config: box.config, workspace: workspace, ledger: ledger, runID: runID, logger: quiet,
                                     now: { clock })
            #expect(try session.claimInbox { _ in }.count == 1)
        }
        try killedAfterClaiming(at: real)
        // The same member's form sent again, same form date, other bytes (a part nothing reads).
        let second = box.inbox.appendingPathComponent("an-gui-lai.docx")
        let zip = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c", "import shutil, sys, zipfile; shutil.copy(sys.argv[1], sys.argv[2]); "
                + "zipfile.ZipFile(sys.argv[2], 'a').writestr('customXml/kd.xml', '<kd/>')",
            fixtures.appendingPathComponent("inbox-2020/nguyen-van-an.docx").path, second.path,
        ])
        try #require(zip.status == 0, "\(zip.stderr)")
        IntakeTests.old(second.path)
        let secondSHA = sha256(of: second)
        // "an-gui-lai" sorts before "nguyen-van-an" and every time stamp now runs backwards.
        try killedAfterClaiming(at: real.addingTimeInterval(-3 * 86_400))

        let result = NightlyRun(config: box.config, logger: quiet, now: { real.addingTimeInterval(-2 * 86_400) }).run()
        #expect(result.status == .allAccepted, "\(result.message ?? "")")
        #expect(result.counts.claimed == 2 && result.counts.accepted == 2)
        let forms = try Ledger(path: workspace.store.path).submissions(year: 2020)
        let older = try #require(forms.first { $0.sha256 == firstSHA })
        let newer = try #require(forms.first { $0.sha256 == secondSHA })
        #expect(older.supersededBy == newer.id, "the later upload wins")
        #expect(newer.supersededBy == nil)
        #expect(box.files(under: "archive").count == 2)
        #expect(box.files(under: "processing").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.inbox.path).isEmpty)
        let again = NightlyRun(config: box.config, logger: quiet).run()
        #expect(again.status == .allAccepted && again.counts.claimed == 0)
    }
}
