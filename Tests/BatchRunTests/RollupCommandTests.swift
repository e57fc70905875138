import Foundation
import KiemdiemTestSupport
import Testing
@testable import BatchRun

@Suite struct RollupCommandTests {
    static let key = String(repeating: "ab", count: 32)

    @Test func rollupYAMLReadsAndRefusesWhatIsWrongByName() throws {
        let good = """
            year: 2025
            superior: Tỉnh ủy Quảng Trị
            inbox: inbox
            workspace: ws
            report: ws/cap-tren.xlsx
            rules: {quota_percent: 25}
            boards:
              - {name: Đảng bộ xã Triệu Phong, public_key: \(Self.key)}
            """
        let config = try RollupConfig.parse(good, relativeTo: "/srv/rollup")
        #expect(config.inbox == "/srv/rollup/inbox" && config.workbook == "/srv/rollup/ws/cap-tren.xlsx")
        #expect(config.boards.map(\.key) == ["dang bo|xa trieu phong"] && config.rules.quotaRatio == 0.25)
        #expect(config.store == nil)
        #expect(try RollupConfig.parse(good + "\nstore: postgresql://tinh@db/kiemdiem", relativeTo: "/").store == "postgresql://tinh@db/kiemdiem")
        let wrong: [(String, String)] = [
            (good + "\nreprot: x", "khóa không biết: reprot"),
            (good.replacingOccurrences(of: Self.key, with: "abcd"), "boards[1].public_key phải là 64 chữ số hex"),
            (good + "\n  - {name: ĐẢNG BỘ XÃ TRIỆU PHONG, public_key: \(String(repeating: "cd", count: 32))}", "trùng tên hoặc khóa"),
            (good.replacingOccurrences(of: "superior: Tỉnh ủy Quảng Trị\n", with: ""), "thiếu khóa superior"),
            (good + "\nstore: /srv/kho.sqlite", "store phải là địa chỉ kho PostgreSQL dùng chung"),
        ]
        for (text, message) in wrong {
            #expect(throws: ConfigurationError.self) { try RollupConfig.parse(text, relativeTo: "/tmp") }
            do { _ = try RollupConfig.parse(text, relativeTo: "/tmp") } catch { #expect(error.description.contains(message), "\(error)") }
        }
    }

    /// The command line a board and its superior use: the key and its public half, the exits.
    @Test func initKeyExportAndRollupFromTheCommandLine() throws {
        let root = try temporaryDirectory("rollup-cli")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = root.appendingPathComponent("board.key").path
        let made = try runProcess(kiemdiemBinary, ["init-key", "--kind", "board-ed25519", key])
        #expect(made.status == 0)
        let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(publicKey.count == 64 && made.stdout.contains(publicKey))
        var info = stat()
        #expect(stat(key, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try runProcess(kiemdiemBinary, ["init-key", "--kind", "board-ed25519", key]).status == 73)

        // No rollup.yml: 78; a roll-up over an empty inbox: 0, the workbook lists the board as missing.
        #expect(try runProcess(kiemdiemBinary, ["rollup", "--config", root.appendingPathComponent("none.yml").path]).status == 78)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        try """
            year: 2025
            superior: Tỉnh ủy Quảng Trị
            inbox: inbox
            workspace: ws
            report: ws/cap-tren.xlsx
            boards:
              - {name: Đảng bộ xã Triệu Phong, public_key: \(publicKey)}
            """.write(to: root.appendingPathComponent("rollup.yml"), atomically: true, encoding: .utf8)
        try Data("không phải gói".utf8).write(to: root.appendingPathComponent("inbox/ghi-chu.txt"))
        let empty = try runProcess(kiemdiemBinary, ["rollup", "--config", root.appendingPathComponent("rollup.yml").path])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stderr.contains("tính 0/1 tổ chức"))
        #expect(empty.stderr.contains("bỏ qua tệp không phải gói kết quả .kiemdiem"))
        let sheets = try workbookSheets(root.appendingPathComponent("ws/cap-tren.xlsx").path)
        #expect(tableBody(sheets["Chưa đủ"], firstHeader: "Tổ chức đảng").map { $0.first as? String } == ["Đảng bộ xã Triệu Phong"])
        // The note is left where it was.
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("inbox/ghi-chu.txt").path))
        // A shared store that cannot be reached: 74 with the server's words and without the
        // password; the inbox's packages are filed all the same and the next run goes on.
        try (try String(contentsOf: root.appendingPathComponent("rollup.yml"), encoding: .utf8)
             + "\nstore: postgresql://tinh:bimat@127.0.0.1:1/kiemdiem?connect_timeout=2\n")
            .write(to: root.appendingPathComponent("rollup.yml"), atomically: true, encoding: .utf8)
        let down = try runProcess(kiemdiemBinary, ["rollup", "--config", root.appendingPathComponent("rollup.yml").path])
        #expect(down.status == 74, "\(down.stderr)")
        #expect(down.stderr.contains("kho dùng chung postgresql://tinh@127.0.0.1:1/kiemdiem"), "\(down.stderr)")
        #expect(down.stderr.contains("máy chủ PostgreSQL báo: ") && down.stderr.contains("\"127.0.0.1\", port 1"), "\(down.stderr)")
        #expect(!down.stderr.contains("bimat"), "\(down.stderr)")

        // So does a board's nightly run: the server's words, not a bare system error.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("board-inbox"), withIntermediateDirectories: true)
        try """
            inbox: board-inbox
            workspace: board-ws
            year: 2025
            report:
              workbook: board-ws/tong-hop.xlsx
            store: postgresql://xa_a:bimat@127.0.0.1:1/kiemdiem?connect_timeout=2
            store_board: xa_a
            """.write(to: root.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)
        let run = try runProcess(kiemdiemBinary, ["run", "--config", root.appendingPathComponent("pipeline.yml").path])
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("máy chủ PostgreSQL báo: ") && run.stderr.contains("\"127.0.0.1\", port 1"), "\(run.stderr)")
        #expect(!run.stderr.contains("bimat") && !run.stderr.contains("lỗi hệ thống"), "\(run.stderr)")
        let help = try runProcess(kiemdiemBinary, ["rollup", "--help"])
        #expect(help.status == 0 && help.stdout.contains("PACKAGE_TAMPERED"))
    }
}
