import KiemdiemTestSupport
import Foundation
import Testing
@testable import BatchRun
import Ledger

/// The nightly run over a temporary copy of the sample inbox, end to end: real files, the real
/// store, the real workbook read back with openpyxl.
@Suite(.serialized) struct NightlyRunTests {
    init() {}
    struct Sandbox {
        let root: URL
        let inbox: URL
        let workspace: URL
        let config: PipelineConfig

        init(settleSeconds: Double = 60) throws {
            root = try temporaryDirectory("run")
            inbox = root.appendingPathComponent("inbox")
            workspace = root.appendingPathComponent("workspace")
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            let sample = fixtures.appendingPathComponent("inbox-2020")
            let past = Date(timeIntervalSinceNow: -600)
            for name in try FileManager.default.contentsOfDirectory(atPath: sample.path) {
                let copy = inbox.appendingPathComponent(name)
                try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: copy)
                try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: copy.path)
            }
            var config = PipelineConfig(inbox: inbox.path, workspace: workspace.path, year: 2020,
                                        workbook: workspace.appendingPathComponent("reports/tong-hop.xlsx").path)
            config.settleSeconds = settleSeconds
            self.config = config
        }

        /// Regular files under a workspace folder, as paths relative to it.
        func files(under folder: String) -> [String] {
            let base = workspace.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
                return []
            }
            return walker.compactMap { $0 as? URL }
                .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
                .map { String($0.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)) }
        }
    }

    static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("inbox-2020").path)) ?? []).sorted()
    }

    /// Expected verdicts of the sample inbox's files, from the fixtures' expected JSON.
    static var expectedVerdicts: [String: String] {
        expected.mapValues { $0["verdict"] as! String }
    }

    /// Expected verdicts of the files that are members' forms or not forms at all: collective
    /// reports are not counted among members in the workbook.
    static var expectedMemberVerdicts: [String: String] {
        expected.filter { (($0.value["form"] as? [String: Any])?["kind"] as? String) != "collective" }
            .mapValues { $0["verdict"] as! String }
    }

    static var expected: [String: [String: Any]] {
        var objects: [String: [String: Any]] = [:]
        let dir = fixtures.appendingPathComponent("expected")
        let names = Set(sampleNames)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".json") {
            let data = try! Data(contentsOf: dir.appendingPathComponent(name))
            let object = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
            let file = object["file"] as! String
            if names.contains(file) { objects[file] = object }
        }
        return objects
    }

    @Test func everyInputEndsInExactlyOnePlace() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        let result = NightlyRun(config: box.config, logger: quiet).run()
        let verdicts = Self.expectedVerdicts
        let rejectedCount = verdicts.values.filter { $0 == "rejected" }.count
        #expect(result.status == (rejectedCount > 0 ? .someRejected : .allAccepted), "\(result.message ?? "")")
        #expect(result.counts.claimed == Self.sampleNames.count)
        #expect(result.counts.rejected == rejectedCount)
        #expect(result.counts.accepted == Self.sampleNames.count - rejectedCount)

        #expect(try FileManager.default.contentsOfDirectory(atPath: box.inbox.path).isEmpty)
        #expect(box.files(under: "processing").isEmpty)
        let archived = box.files(under: "archive").map { URL(fileURLWithPath: $0).lastPathComponent }
        let rejected = box.files(under: "rejected").map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect((archived + rejected).sorted() == Self.sampleNames)
        for name in rejected { #expect(verdicts[name] == "rejected", "\(name)") }
        for name in archived { #expect(verdicts[name] == "accepted", "\(name)") }

        // The rejection log: one line per finding of a rejected form, with the contract's keys.
        let log = try String(contentsOf: box.workspace.appendingPathComponent("logs/rejections.jsonl"), encoding: .utf8)
        let lines = log.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(Set(lines.map { $0["file"] as! String }) == Set(rejected))
        for line in lines {
            for key in ["time", "run_id", "file", "stored_as", "sha256", "code", "severity", "field", "message", "evidence"] {
                #expect(line.keys.contains(key), "rejections.jsonl lacks \(key)")
            }
            let stored = box.workspace.appendingPathComponent(line["stored_as"] as! String)
            #expect(FileManager.default.fileExists(atPath: stored.path))
        }
    }

    @Test func aSecondRunOverTheEmptiedInboxChangesNothing() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        _ = NightlyRun(config: box.config, logger: quiet).run()
        let before = try workbookRows(box.config.workbook)
        let again = NightlyRun(config: box.config, logger: quiet).run()
        #expect(again.status == .allAccepted)
        #expect(again.counts.claimed == 0)
        #expect(try workbookRows(box.config.workbook) == before)
    }

    @Test func unsettledAndForeignFilesStayInTheInbox() throws {
        let box = try Sandbox(settleSeconds: 60)
        defer { try? FileManager.default.removeItem(at: box.root) }
        let fresh = box.inbox.appendingPathComponent("dang-tai-len.docx")
        try Data("partial".utf8).write(to: fresh)
        let lockFile = box.inbox.appendingPathComponent("~$nguyen-van-an.docx")
        try Data("owner".utf8).write(to: lockFile)
        let pdf = box.inbox.appendingPathComponent("scan.pdf")
        try Data("%PDF".utf8).write(to: pdf)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: pdf.path)
        _ = NightlyRun(config: box.config, logger: quiet).run()
        let left = try FileManager.default.contentsOfDirectory(atPath: box.inbox.path).sorted()
        #expect(left == ["dang-tai-len.docx", "scan.pdf", "~$nguyen-van-an.docx"])
    }

    @Test func aSecondConcurrentRunIsRefused() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        try FileManager.default.createDirectory(at: box.workspace, withIntermediateDirectories: true)
        let held = try #require(try RunLock(path: box.workspace.path))
        let result = NightlyRun(config: box.config, logger: quiet).run()
        #expect(result.status == .locked)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.inbox.path).count == Self.sampleNames.count)
        withExtendedLifetime(held) {}
    }

    @Test func workbookHasTheContractSheetsHeadersAndCounts() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        _ = NightlyRun(config: box.config, logger: quiet).run()
        let book = try readWorkbook(box.config.workbook)
        let sheets = book["sheets"] as! [String]
        #expect(Array(sheets.prefix(3)) == ["Tổng hợp", "Đảng viên", "Bị từ chối"])
        let rows = book["rows"] as! [String: [[Any]]]

        let summary = table(rows["Tổng hợp"]!)
        let header = ["Chi bộ", "Đã nộp", "Hợp lệ", "Bị từ chối", "Không xếp loại", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Chưa xếp loại"]
        #expect(Array(summary.header.dropFirst().prefix(10)) == header)
        let total = try #require(summary.body.first { "\($0[1])" == "Tổng cộng" })
        let verdicts = Self.expectedMemberVerdicts
        let accepted = verdicts.values.filter { $0 == "accepted" }.count
        #expect(total[2] as? Int == verdicts.count)
        #expect(total[3] as? Int == accepted)
        #expect(total[4] as? Int == verdicts.count - accepted)
        let levels = (6...10).map { total[$0] as? Int ?? 0 }.reduce(0, +)
        #expect(levels == accepted)

        let members = table(rows["Đảng viên"]!)
        for name in ["Họ và tên", "Ngày sinh", "Chi bộ", "Tự xếp loại", "Chi bộ đề xuất", "Cấp ủy xếp loại", "Kết quả", "Trạng thái", "Tệp"] {
            #expect(members.header.contains(name), "Đảng viên lacks \(name)")
        }
        #expect(members.body.count == accepted)

        let refused = table(rows["Bị từ chối"]!)
        #expect(refused.header.prefix(7) == ["TT", "Tệp", "Mã", "Trường", "Lý do", "Họ và tên", "Chi bộ"])
        #expect(refused.body.count >= verdicts.count - accepted)
    }

    func readWorkbook(_ path: String) throws -> [String: Any] {
        let script = packageRoot.appendingPathComponent("Tests/BatchRunTests/read_workbook.py").path
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, path])
        try #require(result.status == 0, "openpyxl could not read \(path): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    func workbookRows(_ path: String) throws -> String {
        canonical(try readWorkbook(path)["rows"]!)
    }
}
