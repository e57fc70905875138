import KiemdiemTestSupport
import BatchRun
import Foundation
import KiemdiemCore
import OOXMLPackage
import Testing

/// pipeline.yml `limits:` and `intake.max_file_bytes` reach the reader: each setting, lowered,
/// turns a file that passes under the defaults into its limit's code.
func config(replacing key: String, with value: Int) throws -> PipelineConfig {
    let text = try String(contentsOf: packageRoot.appendingPathComponent("pipeline.yml"), encoding: .utf8)
    var lines: [String] = []
    var replaced = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") {
            let indent = line.prefix { $0 == " " }
            lines.append("\(indent)\(key): \(value)")
            replaced = true
        } else {
            lines.append(String(line))
        }
    }
    #expect(replaced, "pipeline.yml has no \(key)")
    return try PipelineConfig.parse(lines.joined(separator: "\n"), relativeTo: "/tmp")
}

@Test func pipelineYmlDefaultsAreTheReaderDefaults() throws {
    let config = try PipelineConfig.load(path: packageRoot.appendingPathComponent("pipeline.yml").path)
    #expect(config.limits == PackageLimits())
    #expect(PackageLimits() == PackageLimits(maxFileBytes: 50 << 20, maxEntryBytes: 64 << 20,
                                             maxTotalInflatedBytes: 256 << 20, maxRatio: 200, maxEntries: 5_000,
                                             maxXMLDepth: 256))
}

@Test(arguments: [
    ("max_file_bytes", 10_000, "nested-20.docx", "FILE_TOO_LARGE/error"),
    ("max_entries", 10, "nested-20.docx", "ARCHIVE_LIMIT_EXCEEDED/error"),
    ("max_entry_bytes", 8_000, "nested-20.docx", "ARCHIVE_LIMIT_EXCEEDED/error"),
    ("max_total_inflated_bytes", 100_000, "nested-20.docx", "ARCHIVE_LIMIT_EXCEEDED/error"),
    ("max_xml_depth", 16, "nested-20.docx", "ARCHIVE_LIMIT_EXCEEDED/error"),
])
func configuredLimitReachesTheReader(_ key: String, _ value: Int, _ file: String, _ expected: String) throws {
    let bytes = try hostileBytes(file)
    #expect(FormPipeline().process(bytes).findings.map(\.brief) == [])
    let pipeline = FormPipeline(limits: try config(replacing: key, with: value).limits)
    #expect(pipeline.process(bytes).findings.map(\.brief) == [expected])
}

@Test func configuredRatioReachesTheReader() throws {
    // The 50 MB main part deflates about 7:1; a configured max_ratio of 2 calls it a bomb.
    let bytes = [UInt8](try Data(contentsOf: try BigFixtures.url("large-50mb.docx")))
    let pipeline = FormPipeline(limits: try config(replacing: "max_ratio", with: 2).limits)
    #expect(pipeline.process(bytes).findings.map(\.brief) == ["ARCHIVE_LIMIT_EXCEEDED/error"])
}
