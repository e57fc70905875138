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
    ])
    func badConfigurationsNameTheKey(text: String, mentions: String) {
        #expect {
            _ = try PipelineConfig.parse(text, relativeTo: "/tmp")
        } throws: { error in
            "\(error)".contains(mentions)
        }
    }
}
