import Foundation
import Testing
@testable import BatchRun

/// Every fixture of `Fixtures/inbox-2020` against its expected JSON in `Fixtures/expected`, written
/// by the generator from the data it put into the document (it is the oracle, not our output).
/// Messages and evidence are ours to word and are tested elsewhere: compared here are the
/// verdict, the codes, severities and fields of the findings, the form and the classification.
@Suite struct FixtureGoldenTests {
    static let expectedFiles: [String] = {
        let dir = fixtures.appendingPathComponent("expected")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test func thereAreEnoughFixtures() {
        #expect(Self.expectedFiles.count >= 40)
    }

    @Test(arguments: expectedFiles)
    func inspectEqualsExpected(_ expectedName: String) throws {
        let expectedURL = fixtures.appendingPathComponent("expected").appendingPathComponent(expectedName)
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as! [String: Any]
        let file = expected["file"] as! String
        // The sample inbox holds the demo year's files; forms/ holds the other years and templates.
        let inbox = fixtures.appendingPathComponent("inbox-2020").appendingPathComponent(file)
        let location = FileManager.default.fileExists(atPath: inbox.path)
            ? inbox : fixtures.appendingPathComponent("forms").appendingPathComponent(file)
        let bytes = try [UInt8](Data(contentsOf: location))
        let outcome = FormPipeline().process(bytes)
        let actual = try JSONSerialization.jsonObject(with: Data(outcome.json(file: file).serialized().utf8)) as! [String: Any]

        for key in ["schema", "file", "sha256", "verdict"] {
            #expect(canonical(actual[key]!) == canonical(expected[key]!), "\(file): \(key)")
        }
        let strip: (Any) -> [[String: Any]] = { list in
            (list as! [[String: Any]]).map { $0.filter { ["code", "severity", "field"].contains($0.key) } }
        }
        #expect(canonical(strip(actual["findings"]!)) == canonical(strip(expected["findings"]!)), "\(file): findings")
        // The generator writes the four keys of contract §2; `reasons` is a sibling checked by the rule tests.
        let classification = (actual["classification"] as! [String: Any]).filter { $0.key != "reasons" }
        #expect(canonical(classification) == canonical(expected["classification"]!), "\(file): classification")
        let actualForm = actual["form"] as? [String: Any]
        let expectedForm = expected["form"] as? [String: Any]
        #expect((actualForm == nil) == (expectedForm == nil), "\(file): form presence")
        if let actualForm, let expectedForm {
            for key in Set(expectedForm.keys).union(actualForm.keys).sorted() {
                #expect(canonical(actualForm[key] ?? NSNull()) == canonical(expectedForm[key] ?? NSNull()), "\(file): form.\(key)")
            }
        }
    }
}
