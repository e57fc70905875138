import BatchRun
import Foundation
import KiemdiemCore
import OOXMLPackage
import Testing

/// Inputs the fuzzers once crashed on (Fixtures/hostile/regressions/<target>/), replayed the way
/// their target feeds them: whole files for `package`, a part selector byte plus XML for `word`,
/// a document.xml for `form`. Each must now finish with findings, never a trap.
@Test func fuzzRegressionsFinish() throws {
    let root = hostileRoot.appendingPathComponent("regressions")
    let targets = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    // An empty or missing folder would make this test pass on nothing.
    try #require(!targets.isEmpty, "no regression inputs under \(root.path)")
    var replayed = 0
    for target in targets.sorted() {
        let folder = root.appendingPathComponent(target)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasSuffix(".md") {
            let data = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let outcome: FormOutcome
            switch target {
            case "package": outcome = FormPipeline().process(data)
            case "word":
                let parts = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml"]
                guard let selector = data.first else { continue }
                outcome = FormPipeline().process(MiniPackage.package(replacing: parts[Int(selector) % 4], with: Array(data.dropFirst())))
            case "form": outcome = FormPipeline().process(MiniPackage.package(replacing: "word/document.xml", with: data))
            default:
                Issue.record("unknown regression folder \(target)")
                continue
            }
            // Finished means a verdict: a form read, or a finding saying why not.
            #expect(outcome.form != nil || !outcome.findings.isEmpty, "\(target)/\(name): neither a form nor a finding")
            #expect(outcome.sha256.count == 64, "\(target)/\(name)")
            replayed += 1
        }
    }
    #expect(replayed > 0, "no regression input was replayed")
}
