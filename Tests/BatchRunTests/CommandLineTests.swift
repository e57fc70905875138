import KiemdiemTestSupport
import Foundation
import Testing

/// The built binary, as cron and a secretary run it.
@Suite struct CommandLineTests {
    @Test func inspectPrintsOneJSONObjectPerFileInOrder() throws {
        let files = ["nguyen-van-an.docx", "tep-rong.docx", "khong-phai-docx.docx"]
        let paths = files.map { fixtures.appendingPathComponent("inbox-2020").appendingPathComponent($0).path }
        let result = try runProcess(kiemdiemBinary, ["inspect", "--json"] + paths)
        #expect(result.status == 3, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = lines.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.map { $0["file"] as! String } == files)
        #expect(objects.allSatisfy { $0["schema"] as? String == "kiemdiem.inspect/1" })
        let codes = objects.map { (($0["findings"] as! [[String: Any]]).first?["code"] as? String) }
        #expect(codes[1] == "EMPTY_FILE")
        #expect(codes[2] == "NOT_A_ZIP")
    }

    @Test func inspectOfAMissingFileExits66() throws {
        let result = try runProcess(kiemdiemBinary, ["inspect", "--json", "/nonexistent/khong-co.docx"])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
    }

    @Test func runWithABadConfigurationExits78() throws {
        let dir = try temporaryDirectory("config")
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("pipeline.yml")
        try "inbox: in\nworkspace: ws\nyear: 2020\nreport:\n  workbok: x.xlsx\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try runProcess(kiemdiemBinary, ["run", "--config", config.path])
        #expect(result.status == 78)
        // Unknown keys come before missing ones: the misspelling is named, not the key it meant.
        #expect(result.stderr.contains("khóa không biết: report.workbok"), "\(result.stderr)")
    }

    @Test func helpExplainsEachCommand() throws {
        for command in [["--help"], ["run", "--help"], ["inspect", "--help"]] {
            let result = try runProcess(kiemdiemBinary, command)
            #expect(result.status == 0)
            #expect(result.stdout.contains("Cách dùng: kiemdiem"))
        }
    }
}

@Suite struct LargeFileTests {
    /// A file over `max_file_bytes` is refused from its size alone: hashed in pieces, never read whole.
    @Test func anOversizedFileIsRefusedWithoutBeingRead() throws {
        let dir = try temporaryDirectory("large")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("qua-lon.docx")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 300 << 20)   // 300 MiB, sparse
        try handle.close()
        let config = dir.appendingPathComponent("pipeline.yml")
        try "inbox: in\nworkspace: ws\nyear: 2020\nintake:\n  max_file_bytes: 1048576\nreport:\n  workbook: ws/r.xlsx\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let result = try runProcess(kiemdiemBinary, ["inspect", "--json", "--config", config.path, file.path])
        #expect(result.status == 3)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let codes = (object["findings"] as! [[String: Any]]).map { $0["code"] as! String }
        #expect(codes == ["FILE_TOO_LARGE"])
        #expect((object["sha256"] as? String)?.count == 64)
    }
}
