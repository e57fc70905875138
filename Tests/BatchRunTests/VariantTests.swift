import Foundation
import Testing
@testable import BatchRun

/// Issue 13's variation corpus (`Fixtures/variants`, written by `make_variants.py`): one base form of
/// every template, written along every axis of how members fill forms in (dates, choices, labels,
/// layout, writers, what people add), each alone and a sample of pairs. Every field of the form, the
/// verdict, the error codes and the classification must be what the generator derived from the base.
@Suite struct VariantTests {
    struct Record: @unchecked Sendable {
        let file: String
        let template: String
        let axis: String
        let json: [String: Any]
    }

    static let records: [Record] = {
        let url = fixtures.appendingPathComponent("variants/expected.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { line in
            let json = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return Record(file: json["file"] as! String, template: json["template"] as! String,
                          axis: json["axis"] as! String, json: json)
        }
    }()

    @Test func everyTemplateAndAxisIsCovered() {
        #expect(Self.records.count >= 600)
        let templates = Set(Self.records.map(\.template))
        #expect(templates == ["02-2019", "02A-2023", "02B-2023", "2A-2025", "2B-2025", "2C-2025", "01"])
        let axes = Set(Self.records.flatMap { $0.axis.split(separator: "+").map(String.init) })
        #expect(axes == ["base", "dates", "choices", "labels", "layout", "writers", "additions"])
        for template in templates {
            for axis in axes {
                #expect(Self.records.contains { $0.template == template && $0.axis.split(separator: "+").contains(Substring(axis)) },
                        "\(template) has no variant of \(axis)")
            }
        }
    }

    @Test func everyVariantReadsAsItsBase() throws {
        let pipeline = FormPipeline()
        var failures = 0
        for record in Self.records {
            let bytes = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent("variants/docx/\(record.file)")))
            let outcome = pipeline.process(bytes)
            let actual = try JSONSerialization.jsonObject(with: Data(outcome.json(file: record.file).serialized().utf8)) as! [String: Any]
            let expected = record.json
            var wrong: [String] = []
            if actual["verdict"] as? String != expected["verdict"] as? String { wrong.append("verdict") }
            let codes = Set((actual["findings"] as! [[String: Any]]).filter { $0["severity"] as? String == "error" }
                .compactMap { $0["code"] as? String })
            if codes != Set(expected["error_codes"] as! [String]) { wrong.append("error codes \(codes.sorted())") }
            let classification = (actual["classification"] as! [String: Any]).filter { $0.key != "reasons" }
            if canonical(classification) != canonical(expected["classification"]!) { wrong.append("classification") }
            let actualForm = actual["form"] as? [String: Any] ?? [:]
            let expectedForm = expected["form"] as! [String: Any]
            for key in Set(expectedForm.keys).union(actualForm.keys).sorted()
            where canonical(actualForm[key] ?? NSNull()) != canonical(expectedForm[key] ?? NSNull()) {
                wrong.append("form.\(key): \(canonical(actualForm[key] ?? NSNull())) ≠ \(canonical(expectedForm[key] ?? NSNull()))")
            }
            if !wrong.isEmpty {
                failures += 1
                Issue.record("\(record.file) [\(record.axis)]: \(wrong.joined(separator: "; "))")
            }
        }
        #expect(failures == 0, "\(failures) of \(Self.records.count) variants misread")
    }
}
