import KiemdiemTestSupport
import Foundation
import Testing

/// Issue 16: `kiemdiem audit` over a store with three review years (2020, 2023, 2025: the sample
/// inbox and the forms of Fixtures/forms, run as three batches of their years).
@Suite(.serialized) struct AuditCommandTests {
    /// The three years' batches; in 2020 Nguyễn Văn An's form also arrives a second time, same
    /// bytes under another name (a `duplicate` event).
    static func threeYears() throws -> BinaryBox {
        let box = try BinaryBox("audit-years") { inbox in
            try BinaryBox.sampleInbox(inbox)
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent("inbox-2020/nguyen-van-an.docx"),
                                             to: inbox.appendingPathComponent("nguyen-van-an-gui-lai.docx"))
        }
        let first = try box.kiemdiem(["run"])
        try #require(first.status == 3, "\(first.stderr)")
        let forms = fixtures.appendingPathComponent("forms")
        let yaml = try String(contentsOf: box.config, encoding: .utf8)
        for year in [2023, 2025] {
            try yaml.replacingOccurrences(of: "year: 2020", with: "year: \(year)").write(to: box.config, atomically: true, encoding: .utf8)
            for name in try FileManager.default.contentsOfDirectory(atPath: forms.path) where name.hasSuffix("-\(year).docx") {
                let target = box.inbox.appendingPathComponent(name)
                try FileManager.default.copyItem(at: forms.appendingPathComponent(name), to: target)
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: target.path)
            }
            let run = try box.kiemdiem(["run"])
            try #require(run.status == 0 || run.status == 3, "\(run.stderr)")
        }
        return box
    }

    static func auditLog(_ box: BinaryBox) throws -> [(line: String, object: [String: Any])] {
        try String(contentsOf: box.workspace.appendingPathComponent("logs/audit.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { (String($0), try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]) }
    }

    /// Rows of a CSV as Python's csv module reads it.
    static func parseCSV(_ text: String) throws -> [[String]] {
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c", "import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.argv[1], newline='')))))", text,
        ])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String]]
    }

    @Test func everyEventOfAMemberAcrossThreeYearsAsCSVAndAsJSONLines() throws {
        let box = try Self.threeYears()
        defer { box.remove() }
        // What the log itself says about the member, whatever the query does.
        let log = try Self.auditLog(box)
        let theirs = log.filter { ($0.object["member"] as? [String: Any])?["full_name"] as? String == "Nguyễn Văn An" }
        let expectedIDs = theirs.map { $0.object["event_id"] as! String }
        #expect(Set(theirs.map { $0.object["year"] as! Int }) == [2020, 2023, 2025])
        #expect(theirs.contains { $0.object["event"] as? String == "duplicate" })

        let csv = try box.kiemdiem(["audit"], ["--member", "Nguyễn Văn An", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stderr.isEmpty, "the log verifies: no warning")
        let rows = try Self.parseCSV(csv.stdout)
        let header = try #require(rows.first)
        #expect(header.prefix(4) == ["Mã sự kiện", "Thời điểm ghi", "Năm", "Sự kiện"])
        let body = Array(rows.dropFirst())
        #expect(body.map { $0[0] } == expectedIDs)
        #expect(Set(body.map { $0[2] }) == ["2020", "2023", "2025"])
        #expect(body.allSatisfy { $0.count == header.count && $0[4] == "Nguyễn Văn An" && $0[5] == "1980-05-12" })

        // The same query as JSON Lines: each line parses on its own and is a line of the log, unchanged.
        let jsonl = try box.kiemdiem(["audit"], ["--member", "nguyen van an", "--born", "12/05/1980", "--format", "jsonl"])
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        let lines = jsonl.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(jsonl.stdout.hasSuffix("\n"))
        let parsed = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(parsed.map { $0["event_id"] as! String } == expectedIDs)
        #expect(parsed.allSatisfy { $0["schema"] as? String == "kiemdiem.audit/1" })
        #expect(lines.map(String.init) == theirs.map(\.line))

        // Every field of contract §4.2 on each line.
        for object in parsed {
            for key in ["run_id", "time", "recorded_at", "arrived_at", "year", "ruleset", "file", "sha256", "member",
                        "committee_key", "cell_key", "verdict", "findings", "prev_sha256"] {
                #expect(object.keys.contains(key), "\(key) missing in \(object["event_id"]!)")
            }
            // An arrival's events say when the file was taken from the inbox (local time, no offset).
            if (object["event_id"] as! String).hasPrefix("a") {
                let arrived = try #require(object["arrived_at"] as? String, "arrived_at of \(object["event_id"]!)")
                #expect(arrived.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$"#, options: .regularExpression) != nil, "\(arrived)")
            }
        }
    }

    @Test func filtersExplainAndAWorkbook() throws {
        let box = try Self.threeYears()
        defer { box.remove() }
        let log = try Self.auditLog(box).map(\.object)

        // One year; one chi bộ's refusals; a code; a date range that holds nothing.
        let of2023 = try box.kiemdiem(["audit"], ["--year", "2023", "--format", "jsonl"])
        let years = of2023.stdout.split(separator: "\n").map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["year"] as! Int }
        #expect(!years.isEmpty && years.allSatisfy { $0 == 2023 })
        #expect(years.count == log.filter { $0["year"] as? Int == 2023 }.count)

        // The 2025 form whose committee decision conflicts with the score bands (docs/rules.md):
        // the event, its finding's evidence and the rule's regulation and article.
        let conflicts = try box.kiemdiem(["audit"], ["--code", "DECISION_CONFLICTS_WITH_RULE", "--event", "rule_conflict", "--explain"])
        #expect(conflicts.status == 0)
        let conflictEvents = log.filter { $0["event"] as? String == "rule_conflict" }
        #expect(!conflictEvents.isEmpty)
        #expect(conflicts.stdout.hasSuffix("\(conflictEvents.count) sự kiện.\n"), "\(conflicts.stdout)")
        #expect(conflicts.stdout.contains("DECISION_CONFLICTS_WITH_RULE (cảnh báo)"))
        for event in conflictEvents {
            for finding in event["findings"] as! [[String: Any]] {
                #expect(conflicts.stdout.contains("«\(finding["evidence"] as! String)»"), "the evidence is shown")
                #expect(conflicts.stdout.contains("\(finding["regulation"] as! String), \(finding["article"] as! String)"),
                        "the regulation and its article are shown")
            }
        }

        let refused = try box.kiemdiem(["audit"], ["--chi-bo", "chi bo thon 1", "--verdict", "rejected", "--format", "csv"])
        let refusedRows = try Self.parseCSV(refused.stdout).dropFirst()
        let expectedRefused = log.filter { $0["cell_key"] as? String == "thon 1" && $0["verdict"] as? String == "rejected" }
        #expect(refusedRows.map { $0[0] } == expectedRefused.map { $0["event_id"] as! String })

        let none = try box.kiemdiem(["audit"], ["--from", "1999-01-01", "--to", "1999-12-31", "--format", "csv"])
        #expect(try Self.parseCSV(none.stdout).count == 1, "only the header")

        let path = box.root.appendingPathComponent("audit.xlsx").path
        let xlsx = try box.kiemdiem(["audit"], ["--member", "Nguyễn Văn An", "--format", "xlsx", "--output", path, "--explain"])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        let sheet = try #require(try workbookSheets(path)["Nhật ký kiểm tra"])
        let members = log.filter { ($0["member"] as? [String: Any])?["full_name"] as? String == "Nguyễn Văn An" }
        #expect(sheet.count == 2 + members.count, "title, header, one row per event")

        #expect(try box.kiemdiem(["audit"], ["--format", "xml"]).status == 64)
        #expect(try box.kiemdiem(["audit"], ["--format", "xlsx"]).status == 64)

        // A changed log is still answered from the store, with a warning.
        let url = box.workspace.appendingPathComponent("logs/audit.jsonl")
        try Data(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropLast().map { $0 + "\n" }.joined().utf8)
            .write(to: url)
        let warned = try box.kiemdiem(["audit"], ["--member", "Nguyễn Văn An"])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("nhật ký quyết định không toàn vẹn"), "\(warned.stderr)")
    }
}
