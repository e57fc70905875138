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
    for target in targets.sorted() {
        let folder = root.appendingPathComponent(target)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasSuffix(".md") {
            let data = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            switch target {
            case "package": _ = FormPipeline().process(data)
            case "word":
                let parts = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml"]
                guard let selector = data.first else { continue }
                _ = FormPipeline().process(MiniPackage.package(replacing: parts[Int(selector) % 4], with: Array(data.dropFirst())))
            case "form": _ = FormPipeline().process(MiniPackage.package(replacing: "word/document.xml", with: data))
            default: Issue.record("unknown regression folder \(target)")
            }
        }
    }
}
