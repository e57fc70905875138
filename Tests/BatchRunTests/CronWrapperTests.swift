import KiemdiemTestSupport
import Foundation
import Testing

/// deploy/kiemdiem-cron.sh, the README's cron line: cron mails what it prints, so a normal
/// night prints nothing, a failed one one line with the reason, and a night with refusals the
/// count when the operator asks for it (KIEMDIEM_REFUSALS=1); the log gets every dated line.
@Suite(.serialized) struct CronWrapperTests {
    static let script = packageRoot.appendingPathComponent("deploy/kiemdiem-cron.sh")

    static func cron(_ box: BinaryBox, refusals: Bool = false, binary: URL = kiemdiemBinary,
                     timeout: String? = nil) throws -> ProcessResult {
        var environment = ["KIEMDIEM": binary.path, "KIEMDIEM_LOG": box.root.appendingPathComponent("cron.log").path]
        if refusals { environment["KIEMDIEM_REFUSALS"] = "1" }
        if let timeout { environment["KIEMDIEM_TIMEOUT"] = timeout }
        return try runProcess(URL(fileURLWithPath: "/bin/sh"), [script.path, "--config", box.config.path], environment: environment)
    }

    @Test func aNormalNightMailsNothingAndTheLogIsDated() throws {
        let box = try BinaryBox("cron-quiet")
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        let night = try Self.cron(box)
        #expect(night.status == 3)
        #expect(night.stdout.isEmpty, "a night with refusals is a normal night: \(night.stdout)")
        let log = try String(contentsOf: box.root.appendingPathComponent("cron.log"), encoding: .utf8)
        #expect(log.split(separator: "\n").allSatisfy { unstamped($0)?.hasPrefix("kiemdiem: ") == true }, "\(log)")
        #expect(log.contains("kiemdiem: nhận \(OperatorCommandTests.sampleCount) · "))
        try OperationsTests.finishesTheNight(box, originals: originals)
    }

    @Test func refusalsAreCountedInOneLineWhenAskedFor() throws {
        let box = try BinaryBox("cron-refusals")
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        let night = try Self.cron(box, refusals: true)
        #expect(night.status == 3)
        let lines = night.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(night.stdout)")
        #expect(lines.first?.contains("đêm nay \(OperatorCommandTests.sampleRejected) tệp bị từ chối") == true, "\(night.stdout)")
        let quiet = try Self.cron(box, refusals: true)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty, "nothing refused, nothing mailed: \(quiet.stdout)")
        try OperationsTests.finishesTheNight(box, originals: originals)
    }

    @Test func aFailedNightMailsOneLineWithTheReason() throws {
        let box = try BinaryBox("cron-failed")
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        let away = box.root.appendingPathComponent("chua-gan")
        try FileManager.default.moveItem(at: box.inbox, to: away)
        let failed = try Self.cron(box, refusals: true)
        #expect(failed.status == 78)
        let lines = failed.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(failed.stdout)")
        #expect(lines.first?.hasPrefix("kiemdiem run thất bại (mã thoát 78): ") == true, "\(failed.stdout)")
        #expect(lines.first?.contains("hộp thư đến \(box.inbox.path)") == true, "the reason, with the path: \(failed.stdout)")

        // The disk cannot take the archive (a file where the folder goes): 74, with the path.
        try FileManager.default.moveItem(at: away, to: box.inbox)
        try FileManager.default.createDirectory(at: box.workspace, withIntermediateDirectories: true)
        let blocker = box.workspace.appendingPathComponent("archive")
        try Data("x".utf8).write(to: blocker)
        let blocked = try Self.cron(box)
        #expect(blocked.status == 74)
        #expect(blocked.stdout.split(separator: "\n").count == 1)
        #expect(blocked.stdout.contains("(mã thoát 74): ") && blocked.stdout.contains(blocker.path), "\(blocked.stdout)")
        try FileManager.default.removeItem(at: blocker)
        try OperationsTests.finishesTheNight(box, originals: originals)
    }

    /// A night that never ends (here a stand-in for the binary that only sleeps, as a run whose
    /// crash backtrace stalled did) is stopped at KIEMDIEM_TIMEOUT, with one line saying so,
    /// instead of holding the lock against every later night.
    @Test func aHungNightIsStoppedAtTheTimeoutWithOneLine() throws {
        let box = try BinaryBox("cron-hung")
        defer { box.remove() }
        let hung = box.root.appendingPathComponent("treo.sh")
        try "#!/bin/sh\nexec sleep 120\n".write(to: hung, atomically: true, encoding: .utf8)
        chmod(hung.path, 0o755)
        let started = Date()
        let stopped = try Self.cron(box, binary: hung, timeout: "1")
        #expect(Date().timeIntervalSince(started) < 60, "stopped by the timeout, not by sleep's end")
        #expect(stopped.status == 124)
        let lines = stopped.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(stopped.stdout)")
        #expect(lines.first?.hasPrefix("kiemdiem run bị dừng sau 1 (mã thoát 124): ") == true, "\(stopped.stdout)")
    }
}
