import Foundation
import KiemdiemTestSupport
import Testing
@testable import BatchRun

@Suite struct PipelineConfigTests {
    @Test func theBundledConfigurationLoads() throws {
        let config = try PipelineConfig.load(path: packageRoot.appendingPathComponent("pipeline.yml").path)
        #expect(config.year == 2020)
        #expect(config.inbox.hasSuffix("/workspace/inbox"))
        #expect(config.workbook.hasSuffix(".xlsx"))
        #expect(config.settleSeconds == 60)
    }

    @Test(arguments: [
        ("workspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\n", "inbox"),
        ("inbox: i\nworkspace: w\nyear: twenty\nreport:\n  workbook: x.xlsx\n", "year"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\n  language: fr\n", "language"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\nintake:\n  settle: 5\n", "intake.settle"),
        ("inbox: [\n", "YAML"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\naudit:\n  key: k\n", "audit.key"),
    ])
    func badConfigurationsNameTheKey(text: String, mentions: String) {
        #expect {
            _ = try PipelineConfig.parse(text, relativeTo: "/tmp")
        } throws: { error in
            "\(error)".contains(mentions)
        }
    }

    /// `audit.key_file` resolves like every path, relative to the file; the key itself is read
    /// at the start of a run (and by verify-log), where a short or shared key is refused.
    @Test func theAuditKeyFileIsAPathOutsideTheWorkspace() throws {
        let config = try PipelineConfig.parse("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\naudit:\n  key_file: keys/audit.key\n",
                                              relativeTo: "/srv/kd")
        #expect(config.audit.keyFile == "/srv/kd/keys/audit.key")
        let root = try temporaryDirectory("key")
        defer { try? FileManager.default.removeItem(at: root) }
        let short = root.appendingPathComponent("short.key")
        try Data("abcd\n".utf8).write(to: short)
        chmod(short.path, 0o600)
        #expect(throws: ConfigurationError.self) { try AuditKey.load(path: short.path, workspace: "/nowhere") }
        let shared = root.appendingPathComponent("shared.key")
        try Data((String(repeating: "ab", count: 32) + "\n").utf8).write(to: shared)
        chmod(shared.path, 0o644)
        #expect { try AuditKey.load(path: shared.path, workspace: "/nowhere") } throws: { "\($0)".contains("chmod 600") }
        chmod(shared.path, 0o600)
        let key = try AuditKey.load(path: shared.path, workspace: "/nowhere")
        #expect(key.id.count == 16)
        #expect { try AuditKey.load(path: shared.path, workspace: root.path) } throws: { "\($0)".contains("ngoài thư mục làm việc") }
    }
}
