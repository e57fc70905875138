import KiemdiemTestSupport
import Foundation
import Testing
@testable import BatchRun
import KiemdiemCore
import Ledger
import ReviewRules

/// The rules that need more than one form: the quota, the order of collective reviews, and the
/// roster's effects on a whole run.
@Suite(.serialized) struct BatchRulesTests {
    func record(_ name: String, committee: String = "Đảng bộ xã A", level: Level?, status: ClassificationStatus = .final,
                id: Int64) -> SubmissionRecord {
        var s = SubmissionRecord(sha256: "\(id)", originalName: "\(name).docx", storedPath: "archive/\(name).docx",
                                 verdict: .accepted, year: 2020, status: status, findings: [])
        s.id = id
        s.kind = .individual
        s.fullName = name
        s.partyCommittee = committee
        s.partyCell = "Chi bộ 1"
        s.memberKey = name
        s.level = level
        return s
    }

    @Test(arguments: [
        // (excellent, good, rounding, flagged)
        (1, 5, QuotaRounding.exact, false),
        (2, 5, .exact, true),
        (1, 4, .exact, true),
        (1, 4, .floor, true),
        (1, 5, .floor, false),
        (0, 0, .exact, false),
        (1, 0, .exact, true),
    ])
    func quotaPerGrassrootsOrganisation(excellent: Int, good: Int, rounding: QuotaRounding, flagged: Bool) {
        var forms: [SubmissionRecord] = []
        var id: Int64 = 1
        for i in 0..<excellent { forms.append(record("xs\(i)", level: .excellent, id: id)); id += 1 }
        for i in 0..<good { forms.append(record("t\(i)", level: .good, id: id)); id += 1 }
        // Another organisation within its own quota (1 of 5) is counted apart: never flagged, and
        // its HTXSNV and HTTNV never change A's count.
        forms.append(record("b-xs", committee: "Đảng bộ xã B", level: .excellent, id: id)); id += 1
        for i in 0..<5 { forms.append(record("b\(i)", committee: "Đảng bộ xã B", level: .good, id: id)); id += 1 }
        let rows = ReportBuilder.quotaWarnings(forms, year: 2020, roster: nil,
                                               rules: YearRules(options: RuleOptions(quotaRounding: rounding)), language: .vi)
        #expect(rows.isEmpty == !flagged)
        #expect(rows.allSatisfy { $0.code == .quotaExceeded && $0.file.hasPrefix("xs") })
        if flagged { #expect(rows.count == excellent) }
    }

    @Test func quotaCountsOnlyCommitteeDecisions() {
        let forms = [record("a", level: .excellent, status: .provisional, id: 1), record("b", level: .good, id: 2)]
        #expect(ReportBuilder.quotaWarnings(forms, year: 2020, roster: nil, rules: YearRules(), language: .vi).isEmpty)
        // The same levels decided are over the quota.
        let decided = [record("a", level: .excellent, id: 1), record("b", level: .good, id: 2)]
        #expect(ReportBuilder.quotaWarnings(decided, year: 2020, roster: nil, rules: YearRules(), language: .vi).count == 1)
    }

    /// A run over the sample inbox with the sample roster: exemptions, caps, and who is missing.
    @Test func theRosterShapesTheRun() throws {
        let box = try NightlyRunTests.Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        var config = box.config
        config.roster = fixtures.appendingPathComponent("roster/danh-sach-dang-vien-2020.csv").path
        let result = NightlyRun(config: config, logger: quiet).run()
        #expect(result.status == .someRejected)

        let ledger = try Ledger(path: box.workspace.appendingPathComponent("kiemdiem.sqlite").path)
        let byName = Dictionary(try ledger.submissions(year: 2020).compactMap { s in s.fullName.map { ($0, s) } },
                                uniquingKeysWith: { a, _ in a })
        #expect(byName["Hồ Thị Thanh Tâm"]?.status == .exempt)
        #expect(byName["Hồ Thị Thanh Tâm"]?.findings.contains { $0.code == .exemptMember } == true)
        #expect(byName["Lê Văn Thành"]?.status == .exempt)
        // Decided HTTNV by the cấp ủy, disciplined on the roster: the decision stays the result,
        // the conflict is a finding (docs/rules.md "Quyết định của cấp có thẩm quyền").
        let tuan = try #require(byName["Hoàng Minh Tuấn"])
        #expect(tuan.level == .good && tuan.status == .final && tuan.basis == .committeeDecision)
        let conflict = try #require(tuan.findings.first { $0.code == .decisionConflictsWithRule })
        #expect(conflict.rule?.id == "member.discipline")
        #expect(conflict.message(.vi).contains("QĐ 132-QĐ/TW"))
        #expect(byName["Ngô Đức Thắng"]?.level == .satisfactory)

        let book = try NightlyRunTests().readWorkbook(config.workbook)
        let rows = book["rows"] as! [String: [[Any]]]
        let missing = table(try #require(rows["Chưa nộp"])).body.map { "\($0[1])" }
        // Cao Văn Sáu's roster row has an impossible date of birth: kept and counted, not dropped.
        #expect(Set(missing) == ["Đinh Công Tráng", "Mai Thị Sương", "Lý Văn Bình", "Trương Thị Kim Liên", "Cao Văn Sáu"])
        let summary = table(rows["Tổng hợp"]!)
        let total = try #require(summary.body.first { "\($0[1])" == "Tổng cộng" })
        #expect(total[5] as? Int == 2)   // Không xếp loại: the two exempt members
        let warningRows = table(rows["Cảnh báo"]!).body
        let warnings = warningRows.map { "\($0[2])" }
        #expect(warnings.contains("EXEMPT_MEMBER") && warnings.contains("LEVEL_CAPPED"))
        let tuanWarning = try #require(warningRows.first {
            "\($0[2])" == "DECISION_CONFLICTS_WITH_RULE" && "\($0[5])" == "Hoàng Minh Tuấn"
        })
        #expect("\(tuanWarning[4])".contains("bị kỷ luật trong năm"))
        // The roster's unreadable cell is listed with its code, line and the text written there.
        let rosterRow = try #require(warningRows.first { "\($0[2])" == "ROSTER_ROW_UNREADABLE" })
        #expect("\(rosterRow[1])" == "danh-sach-dang-vien-2020.csv" && "\(rosterRow[5])" == "Cao Văn Sáu")
        #expect("\(rosterRow[4])".contains("dòng 24") && "\(rosterRow[4])".contains("31/11/1980"))
        let tuanRow = try #require(rows["Đảng viên"]!.first { "\($0[1])" == "Hoàng Minh Tuấn" })
        #expect(tuanRow.contains { "\($0)" == Level.good.vietnamese })
        // The reason beside the level: the rule the decision was kept against.
        #expect(tuanRow.contains { "\($0)".contains("giữ nguyên quyết định HTTNV") && "\($0)".contains("bị kỷ luật trong năm") })

        // Biểu 6F: all 23 roster rows had to review; of the 17 accepted forms, Lê Văn Thành's
        // (admitted 01/08/2020) and Hồ Thị Thanh Tâm's (exempted) count under their reasons.
        let statistics = rows["Thống kê"]!
        func count(_ label: String) -> Int? { statistics.first { "\($0[1])" == label }?[3] as? Int }
        #expect(count("1. Số đảng viên phải kiểm điểm") == 23)
        #expect(count("2. Số đảng viên đã kiểm điểm") == 15)
        #expect(count("3. Số đảng viên chưa kiểm điểm") == 8)
        #expect(count("   3.1. Mới kết nạp chưa đủ 6 tháng") == 1)
        #expect(count("   3.2. Miễn công tác và sinh hoạt đảng") == 2)
        #expect(count("   3.3. Đình chỉ sinh hoạt đảng") == 1)
        #expect(count("   3.4. Chưa nộp bản kiểm điểm hợp lệ") == 4)
    }

    @Test func oneWorkbookPerCellForItsSecretary() throws {
        let box = try NightlyRunTests.Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        var config = box.config
        config.perCell = true
        _ = NightlyRun(config: config, logger: quiet).run()
        let folder = RunSession.perCellFolder(config.workbook)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count == 3, "\(files)")
        for file in files {
            let book = try NightlyRunTests().readWorkbook(folder.appendingPathComponent(file).path)
            let rows = book["rows"] as! [String: [[Any]]]
            let cells = Set(table(rows["Đảng viên"]!).body.map { OrganisationKeyText.cell("\($0[3])") })
            #expect(cells.count == 1, "\(file): \(cells)")
            let summary = table(rows["Tổng hợp"]!).body
            // The cell and Tổng cộng (a subtotal of one cell would only repeat it).
            #expect(summary.count == 2, "\(file): \(summary)")
            #expect("\(summary.last?[1] ?? "")" == "Tổng cộng")
        }
    }

    /// A member classified before the cell's collective review is refused when the collective
    /// report is already in the store; the other way round, the collective report is.
    @Test func theCollectiveReviewComesFirst() throws {
        let box = try NightlyRunTests.Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        let inbox = box.inbox
        // Keep only the cell's collective report (meeting 10/12/2020) and one member decided 29/12/2020.
        for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path)
        where !["bao-cao-tap-the-chi-bo-van-phong-2020.docx", "nguyen-van-an.docx"].contains(name) {
            try FileManager.default.removeItem(at: inbox.appendingPathComponent(name))
        }
        let result = NightlyRun(config: box.config, logger: quiet).run()
        #expect(result.status == .allAccepted, "\(result.message ?? "")")

        // The same member, decided before the meeting, arriving after the report: refused.
        let ledger = try Ledger(path: box.workspace.appendingPathComponent("kiemdiem.sqlite").path)
        let early = try ledger.transaction { store in
            try YearRules().orderFindings(for: memberDecided(on: CivilDate(year: 2020, month: 12, day: 5)!), year: 2020, accepted: store)
        }
        #expect(early.map(\.code) == [.dateOrder])
        #expect(early.first?.field == "committee_decision.date")
        let late = try ledger.transaction { store in
            try YearRules().orderFindings(for: memberDecided(on: CivilDate(year: 2020, month: 12, day: 20)!), year: 2020, accepted: store)
        }
        #expect(late.isEmpty)
    }

    func memberDecided(on date: CivilDate) -> ReviewForm {
        var form = ReviewForm(kind: .individual, template: .mau02of2019)
        form.year = 2020
        form.partyCell = "Chi bộ Văn phòng"
        form.committeeDecision = CommitteeDecision(level: .good, date: date)
        return form
    }
}

/// The cell key as the store computes it, for comparing spellings in tests.
enum OrganisationKeyText {
    static func cell(_ name: String) -> String { OrganisationKey.cell(name) }
}

@Suite struct GrassrootsOrderTests {
    func collective(_ name: String, cell: String?, meeting: CivilDate) -> SubmissionRecord {
        var s = SubmissionRecord(sha256: name, originalName: "\(name).docx", storedPath: "archive/\(name).docx",
                                 verdict: .accepted, year: 2020, status: .provisional, findings: [])
        s.kind = .collective
        s.partyCommittee = "Đảng bộ xã Triệu Phong"
        s.partyCell = cell
        s.meetingDate = meeting
        return s
    }

    func report(cell: String?, meeting: CivilDate) -> ReviewForm {
        var form = ReviewForm(kind: .collective, template: .mau01)
        form.year = 2020
        form.partyCommittee = "ĐẢNG BỘ XÃ TRIỆU PHONG"
        form.partyCell = cell
        form.collective = CollectiveReview(level: .good, meetingDate: meeting, signerRole: "T/M CHI ỦY")
        return form
    }

    @Test func aCellReviewsBeforeItsOrganisation() throws {
        let dir = try temporaryDirectory("order")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = try Ledger(path: dir.appendingPathComponent("s.sqlite").path)
        let run = try ledger.startRun(year: 2020, at: "2020-12-31T00:00:00Z")
        let dec15 = CivilDate(year: 2020, month: 12, day: 15)!
        try ledger.transaction { store in
            try store.record(collective("dang-bo", cell: nil, meeting: dec15), runID: run, claimedAs: "a", arrivedAt: "t")
        }
        // A cell meeting after its organisation's: refused; before: fine.
        let late = try ledger.transaction { store in
            try YearRules().orderFindings(for: report(cell: "Chi bộ Thôn 1", meeting: CivilDate(year: 2020, month: 12, day: 20)!), year: 2020, accepted: store)
        }
        #expect(late.map(\.code) == [.dateOrder])
        let early = try ledger.transaction { store in
            try YearRules().orderFindings(for: report(cell: "Chi bộ Thôn 1", meeting: CivilDate(year: 2020, month: 12, day: 10)!), year: 2020, accepted: store)
        }
        #expect(early.isEmpty)

        // The organisation's report arriving after a cell that met later than it: refused.
        try ledger.transaction { store in
            try store.record(collective("thon-2", cell: "Chi bộ Thôn 2", meeting: CivilDate(year: 2020, month: 12, day: 18)!),
                             runID: run, claimedAs: "b", arrivedAt: "t")
        }
        let organisation = try ledger.transaction { store in
            try YearRules().orderFindings(for: report(cell: nil, meeting: CivilDate(year: 2020, month: 12, day: 16)!), year: 2020, accepted: store)
        }
        #expect(organisation.map(\.code) == [.dateOrder])
    }
}
