import Foundation
import KiemdiemCore
import Testing
@testable import Ledger

/// The store as the rules leave it: a finding's detail and rule survive the round trip (v8), so
/// every writer can word it later in its own language; the year's organisations are replaced,
/// never appended.
@Suite struct LedgerSmokeTests {
    func store() throws -> (Ledger, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try Ledger(path: dir.appendingPathComponent("s.sqlite").path), dir)
    }

    @Test func findingsKeepTheirDetailAndRule() throws {
        let (ledger, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rule = RuleCitation(id: "member.discipline", regulation: "QĐ 124-QĐ/TW, HD 25-HD/BTCTW", article: "Điều 12 khoản 4.3",
                                vietnamese: "bị kỷ luật trong năm", english: "disciplined in the year")
        let conflict = Finding(.decisionConflictsWithRule, field: "committee_decision.level", evidence: "#7",
                               location: "mục VIII", detail: .decisionKept(decided: .good, ruleAllows: .unsatisfactory), rule: rule)
        let plain = Finding(.missingField, field: "member.full_name")
        var s = SubmissionRecord(sha256: "a", originalName: "a.docx", storedPath: "archive/a.docx", verdict: .accepted,
                                 year: 2023, status: .final, findings: [conflict, plain])
        s.kind = .individual
        let run = try ledger.startRun(year: 2023, at: "2023-12-31T00:00:00Z")
        try ledger.transaction { try $0.record(s, runID: run, claimedAs: "c-a", arrivedAt: "2023-12-31T00:00:00Z") }
        let read = try #require(try ledger.submissions(year: 2023).first)
        #expect(read.findings == [conflict, plain])
        #expect(read.findings[0].message(.en) == conflict.message(.en))
        #expect(read.findings[0].message(.vi).contains("Điều 12 khoản 4.3"))
        #expect(try ledger.submissions(year: 2020).isEmpty)
    }

    @Test func organisationsAreReplacedPerYear() throws {
        let (ledger, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        func result(_ name: String, _ level: Level) -> OrganisationResult {
            OrganisationResult(organisation: Organisation(key: OrganisationKey.ofCell(name), name: name, kind: .chiBoCoSo, type: .xa),
                               year: 2025, selfLevel: level, totalScore: 88,
                               classification: Classification(level: level, status: .provisional, basis: .selfAssessment, ruleset: .y2025))
        }
        try ledger.replaceOrganisations([result("Chi bộ Thôn 1", .good), result("Chi bộ Thôn 2", .excellent)], year: 2025)
        try ledger.replaceOrganisations([result("Chi bộ Thôn 1", .satisfactory)], year: 2025)
        let stored = try ledger.organisations(year: 2025)
        #expect(stored == [result("Chi bộ Thôn 1", .satisfactory)])
        #expect(try ledger.organisations(year: 2024).isEmpty)
    }
}
