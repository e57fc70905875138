import Foundation
import KiemdiemCore
import KiemdiemTestSupport
import Ledger
import ReviewRules
import Testing
import Workbooks
@testable import BatchRun

/// The report read from the store in passes is the report counted in memory: the same cells,
/// members in the same order, the same findings, for the whole report and for each cell.
@Suite(.serialized) struct StoredReportTests {
    func collected(_ summary: ConsolidatedReport, _ rows: some ReportRows) throws -> ConsolidatedReport {
        var report = summary
        try rows.forEachMember { report.members.append($0) }
        try rows.forEachRejection { report.rejections.append($0) }
        try rows.forEachWarning { report.warnings.append($0) }
        return report
    }

    func expectSameReports(_ ledger: Ledger, roster: Roster?, rules: YearRules = YearRules()) throws {
        // The organisations come from the store through one function in both paths.
        let organisations = try OrganisationReport.classify(ledger: ledger, year: 2020, file: nil, roster: roster, rules: rules)
        let built = ReportBuilder.build(year: 2020, submissions: try ledger.submissions(year: 2020, includingForms: false),
                                        roster: roster, rules: rules, organisations: organisations, createdAt: 1_700_000_000)
        let stored = try StoredReport.read(ledger: ledger, year: 2020, roster: roster, rules: rules, createdAt: 1_700_000_000)
        #expect(try collected(stored.summary, stored.rows) == built)
        #expect(stored.rows.membersNameCommittee == built.membersNameCommittee)
        #expect(!built.members.isEmpty && !built.rejections.isEmpty && !built.warnings.isEmpty)
        for cell in built.cells where cell.partyCell != ReportBuilder.unknownCell {
            let restricted = stored.restricted(toCell: cell.partyCell)
            let expected = built.restricted(toCell: cell.partyCell)
            #expect(try collected(restricted.summary, restricted.rows) == expected, "\(cell.partyCell)")
            #expect(restricted.rows.membersNameCommittee == expected.membersNameCommittee, "\(cell.partyCell)")
        }
    }

    @Test func theSampleInboxWithItsRoster() throws {
        let box = try NightlyRunTests.Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        var config = box.config
        config.roster = fixtures.appendingPathComponent("roster/danh-sach-dang-vien-2020.csv").path
        _ = NightlyRun(config: config, logger: quiet).run()
        let ledger = try Ledger(path: box.workspace.appendingPathComponent("kiemdiem.sqlite").path)
        try expectSameReports(ledger, roster: try RosterFile.load(path: config.roster!))
        try expectSameReports(ledger, roster: nil)
    }

    /// What the sample does not show: a latest form rejected after an accepted one, a later
    /// arrival superseded by an earlier one, a cell spelled two ways, names that fold alike,
    /// nameless and collective refusals, and an organisation over its HTXS quota.
    @Test func theCornersOfCounting() throws {
        let root = try temporaryDirectory("stored-report")
        defer { try? FileManager.default.removeItem(at: root) }
        let ledger = try Ledger(path: root.appendingPathComponent("kiemdiem.sqlite").path)
        let run = try ledger.startRun(year: 2020, at: "2021-01-01T00:00:00Z")
        var serial = 0
        func record(_ name: String?, cell: String?, committee: String? = "Đảng bộ xã A", verdict: Verdict = .accepted,
                    level: Level? = .good, status: ClassificationStatus = .final, formDate: String? = "2020-12-01",
                    kind: FormKind = .individual, findings: [Finding] = []) throws {
            serial += 1
            var s = SubmissionRecord(sha256: "sha\(serial)", originalName: "tep-\(serial % 7)-\(serial).docx",
                                     storedPath: "archive/\(serial).docx", verdict: verdict, year: 2020, status: status,
                                     findings: findings)
            s.kind = kind
            s.fullName = name
            s.partyCell = cell
            s.partyCommittee = committee
            s.dateOfBirth = CivilDate(year: 1980, month: 1, day: 1)
            s.memberKey = kind == .individual ? MemberKey.make(fullName: name, dateOfBirth: s.dateOfBirth, partyCell: cell) : nil
            s.formDate = formDate.flatMap(CivilDate.init(iso:))
            s.level = level
            s.selfLevel = level
            try ledger.transaction { store in
                try store.record(s, runID: run, claimedAs: "c\(serial)", arrivedAt: "2021-01-01T00:00:00Z")
            }
        }
        let capped = Finding(.levelCapped, field: "classification.level", evidence: "x")
        let missing = Finding(.missingField, field: "member.date_of_birth")
        try record("Nguyễn Văn An", cell: "Chi bộ Văn phòng", level: .excellent, findings: [capped])
        try record("Nguyễn Văn An", cell: "CHI BỘ VĂN PHÒNG", level: .good, formDate: "2020-11-01")  // loses to the first
        try record("Trần Thị Bình", cell: "Văn phòng", level: .good)
        try record("Trần Thị Bình", cell: "Văn phòng", verdict: .rejected, level: nil, findings: [missing])
        try record("Nguyen Van An", cell: "Chi bộ Văn phòng", level: .excellent, formDate: "2020-10-01")
        try record("Lê Văn Cường", cell: "Chi bộ Kế toán", committee: nil, level: nil, status: .exempt)
        try record("Lê Thị Dung", cell: "Chi bộ Kế toán", committee: "Đảng bộ xã B", level: .excellent)
        try record("Phạm Văn Em", cell: "Chi bộ Kế toán", committee: "Đảng bộ xã B", level: .good, findings: [capped])
        try record(nil, cell: nil, committee: nil, verdict: .rejected, level: nil, findings: [missing, missing])
        try record(nil, cell: "Chi bộ Văn phòng", committee: nil, verdict: .rejected, level: nil, kind: .collective,
                   findings: [missing])
        try record("Hoàng Văn Giáp", cell: "Chi bộ Văn phòng", level: nil, status: .unclassified)
        for index in 0..<4 { try record("Đỗ Văn \(index)", cell: "Chi bộ Kế toán", committee: "Đảng bộ xã B", level: .good) }
        let built = ReportBuilder.build(year: 2020, submissions: try ledger.submissions(year: 2020), createdAt: 0)
        #expect(built.warnings.contains { $0.code == .quotaExceeded })
        #expect(built.cells.contains { $0.partyCell == "Chi bộ Văn phòng" && $0.rejected == 1 && $0.accepted == 2 })
        try expectSameReports(ledger, roster: nil)
        try expectSameReports(ledger, roster: nil, rules: YearRules(options: RuleOptions(quotaRounding: .floor)))
    }
}
