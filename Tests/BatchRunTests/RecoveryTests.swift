import KiemdiemTestSupport
import Foundation
import Ledger
import Testing
@testable import BatchRun

/// The narrow moments a random kill rarely hits, built on purpose: the workspace is put in the
/// exact state a kill at that moment leaves, then the next run must finish the work.
@Suite(.serialized) struct RecoveryTests {
    typealias Sandbox = NightlyRunTests.Sandbox

    /// Runs one SQL statement on the store from outside, as a kill leaves it.
    func sql(_ box: Sandbox, _ statement: String) throws {
        let store = box.workspace.appendingPathComponent("kiemdiem.sqlite").path
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()",
            store, statement,
        ])
        try #require(result.status == 0, "\(result.stderr)")
    }

    func logLines(_ box: Sandbox) throws -> [Substring] {
        try String(contentsOf: box.workspace.appendingPathComponent("logs/rejections.jsonl"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    func writeLog(_ box: Sandbox, _ text: String) throws {
        try Data(text.utf8).write(to: box.workspace.appendingPathComponent("logs/rejections.jsonl"))
    }

    func verifies(_ box: Sandbox) -> Bool {
        (try? Operator.verifyLog(box.config).get()) != nil
    }

    /// The store as a kill between the log write and the store update leaves it: the forms of
    /// `shas` not logged, and their lines (the log's last ones, from the first of them on) not
    /// anchored.
    func unlog(_ box: Sandbox, _ shas: Set<String>, lines: [Substring]) throws {
        let parsed = lines.filter { !$0.isEmpty }.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let first = try #require(parsed.firstIndex { shas.contains($0["sha256"] as! String) })
        for sha in shas { try sql(box, "UPDATE submissions SET logged = 0 WHERE sha256 = '\(sha)'") }
        try sql(box, "DELETE FROM log_lines WHERE log = 'rejections' AND line > \(first)")
        try sql(box, "DELETE FROM log_anchors WHERE log = 'rejections' AND lines > \(first)")
    }

    /// (sha256, code) of every line: what the log says, without times and run ids.
    func logged(_ box: Sandbox) throws -> [String] {
        try logLines(box).filter { !$0.isEmpty }.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return "\(object["sha256"]!) \(object["code"]!)"
        }.sorted()
    }

    /// Killed between the store commit and the rename, with an unrecorded file of the same
    /// original name also left in processing/ and sorting first. The recorded file must go where
    /// the store says; reading the other one first would take that name and strand it (74).
    @Test func aRecordedFileLeftInProcessingGoesWhereTheStoreSays() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        #expect(NightlyRun(config: box.config, logger: quiet).run().status == .someRejected)
        let ledger = try Ledger(path: box.workspace.appendingPathComponent("kiemdiem.sqlite").path)
        let arrival = try #require(try ledger.arrivals().first { $0.originalName == "nguyen-van-an.docx" })
        let processing = box.workspace.appendingPathComponent("processing")
        let stored = box.workspace.appendingPathComponent(arrival.storedPath)
        try FileManager.default.moveItem(at: stored, to: processing.appendingPathComponent(arrival.claimedAs))

        // Another form of the same member under the same name, claimed but never read.
        let other = processing.appendingPathComponent("00000000T000000-000000-00001--nguyen-van-an.docx")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("inbox-2020/nguyen-van-an.docx"), to: other)
        let append = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], 'a'); z.writestr(zipfile.ZipInfo('customXml/kd.xml', (2020, 1, 1, 0, 0, 0)), '<kd/>'); z.close()",
            other.path,
        ])
        try #require(append.status == 0, "\(append.stderr)")
        let otherSHA = sha256(of: other)
        // The run was killed there: it never finished, and no summary counted its files.
        try sql(box, "UPDATE runs SET finished_at = NULL, exit_code = NULL")

        let again = NightlyRun(config: box.config, logger: quiet).run()
        #expect(again.status == .someRejected, "\(again.message ?? "")")
        #expect(again.counts.claimed == NightlyRunTests.sampleNames.count + 1,
                "what the killed run filed, the file moved on and the file read, all counted tonight")
        #expect(try FileManager.default.contentsOfDirectory(atPath: processing.path).isEmpty)
        #expect(sha256(of: stored) == arrival.sha256)
        let arrivals = try ledger.arrivals()
        let second = try #require(arrivals.first { $0.sha256 == otherSHA })
        #expect(second.storedPath != arrival.storedPath)
        #expect(sha256(of: box.workspace.appendingPathComponent(second.storedPath)) == otherSHA)
    }

    /// Killed inside the write of a rejected form's lines: the last line has no "\n" and the
    /// store still says the form is not logged. The next run cuts the unfinished line and writes
    /// it again; the chain verifies and nothing is repeated.
    @Test func aHalfWrittenLogLineIsCutAndWrittenAgain() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        _ = NightlyRun(config: box.config, logger: quiet).run()
        let before = try logged(box)
        var lines = try logLines(box)
        let end = lines.removeLast()
        #expect(end.isEmpty, "the log ends with a newline")
        let popped = lines.popLast()
        let last = try #require(popped)
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as! [String: Any]
        try unlog(box, [object["sha256"] as! String], lines: lines + [last])
        try writeLog(box, lines.map { $0 + "\n" }.joined() + last.prefix(last.count / 2))
        #expect(!verifies(box), "an unfinished last line is reported until the next run repairs it")

        #expect(NightlyRun(config: box.config, logger: quiet).run().status == .allAccepted)
        #expect(try logged(box) == before)
        #expect(verifies(box))
    }

    /// Killed after the lines were fsync'd but before the store marked the form logged.
    @Test func linesAlreadyWrittenAreNotRepeated() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        _ = NightlyRun(config: box.config, logger: quiet).run()
        let before = try logged(box)
        let last = try #require(try logLines(box).dropLast().last)
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as! [String: Any]
        try unlog(box, [object["sha256"] as! String], lines: try logLines(box))

        #expect(NightlyRun(config: box.config, logger: quiet).run().status == .allAccepted)
        #expect(try logged(box) == before)
        #expect(verifies(box))
        let ledger = try Ledger(path: box.workspace.appendingPathComponent("kiemdiem.sqlite").path)
        #expect(try ledger.unloggedRejections().isEmpty)
    }

    /// A form with two findings, killed after its first line: only the second is written, then
    /// the forms after it (also not yet logged) follow in order.
    @Test func aFormCutBetweenItsLinesGetsOnlyTheMissingOnes() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        // In a 2021 batch every 2020 form is YEAR_MISMATCH, so an incomplete one carries two findings.
        var config = PipelineConfig(inbox: box.config.inbox, workspace: box.config.workspace, year: 2021,
                                    workbook: box.config.workbook)
        config.settleSeconds = box.config.settleSeconds
        _ = NightlyRun(config: config, logger: quiet).run()
        let before = try logged(box)
        var lines = try logLines(box).dropLast().map(String.init)
        let parsed = lines.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let shas = parsed.map { $0["sha256"] as! String }
        // The first form with two lines; keep its first line and nothing after it.
        let cut = try #require(shas.indices.first { $0 + 1 < shas.count && shas[$0] == shas[$0 + 1] })
        try unlog(box, Set(shas[cut...]), lines: lines.map { Substring($0) })
        lines = Array(lines[...cut])
        try writeLog(box, lines.map { $0 + "\n" }.joined())

        #expect(NightlyRun(config: config, logger: quiet).run().status == .allAccepted)
        #expect(try logged(box) == before)
        #expect(verifies(box))
    }

    /// The rejections of a batch are logged in one write: killed after it (or inside it, the
    /// last line cut) but before the store marked them, several forms have complete lines and
    /// are still unlogged. Their lines are recognised, none is repeated, none is lost.
    @Test(arguments: [false, true])
    func aBatchOfLinesWrittenButNotMarkedIsNotRepeated(cutInsideTheLastLine: Bool) throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        _ = NightlyRun(config: box.config, logger: quiet).run()
        let before = try logged(box)
        var lines = try logLines(box).dropLast().map(String.init)
        let shas = lines.map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["sha256"] as! String }
        let distinct = shas.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        try #require(distinct.count >= 3)
        // The last three forms' lines were one write; none of them is marked logged.
        try unlog(box, Set(distinct.suffix(3)), lines: lines.map { Substring($0) })
        if cutInsideTheLastLine {
            let last = lines.removeLast()
            try writeLog(box, lines.map { $0 + "\n" }.joined() + last.prefix(last.count / 3))
        }

        #expect(NightlyRun(config: box.config, logger: quiet).run().status == .allAccepted)
        #expect(try logged(box) == before)
        #expect(verifies(box))
        let ledger = try Ledger(path: box.workspace.appendingPathComponent("kiemdiem.sqlite").path)
        #expect(try ledger.unloggedRejections().isEmpty)
    }

    /// Killed after the audit log's lines were fsync'd but before the store recorded them (and,
    /// with the cut, inside the write): the lines there are recognised by their event_id, the
    /// missing ones appended, none repeated, and both logs verify.
    @Test(arguments: [false, true])
    func auditLinesWrittenButNotRecordedAreNotRepeated(cutInsideTheLastLine: Bool) throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        _ = NightlyRun(config: box.config, logger: quiet).run()
        let url = box.workspace.appendingPathComponent("logs/audit.jsonl")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let ids = lines.map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["event_id"] as! String }
        // The decisions of the arrivals after the tenth: their lines are the log's last ones.
        let first = try #require(ids.firstIndex(of: "a11"))
        try sql(box, "UPDATE arrivals SET audit_logged = 0 WHERE id >= 11")
        try sql(box, "DELETE FROM audit_events WHERE id > \(first)")
        try sql(box, "DELETE FROM log_lines WHERE log = 'audit' AND line > \(first)")
        try sql(box, "DELETE FROM log_anchors WHERE log = 'audit' AND lines > \(first)")
        if cutInsideTheLastLine {
            let last = lines.removeLast()
            try Data((lines.map { $0 + "\n" }.joined() + last.prefix(last.count / 2)).utf8).write(to: url)
        }

        #expect(NightlyRun(config: box.config, logger: quiet).run().status == .allAccepted)
        let after = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["event_id"] as! String }
        #expect(after.sorted() == ids.sorted())
        #expect((try? Operator.verifyLog(box.config, log: .audit).get()) != nil)
        let ledger = try Ledger(path: box.workspace.appendingPathComponent("kiemdiem.sqlite").path)
        #expect(try ledger.pendingDecisions().isEmpty)
        #expect(try ledger.auditEvents(AuditQuery()).map(\.eventID) .sorted() == ids.sorted())
    }
}
