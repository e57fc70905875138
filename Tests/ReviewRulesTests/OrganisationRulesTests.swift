import KiemdiemCore
import Testing
@testable import ReviewRules

/// Each computable organisation check of docs/rules.md "Tổ chức đảng", shown to fire and not to
/// fire, and the decision kept when it conflicts with one.
@Suite struct OrganisationRulesTests {
    func cell(_ name: String = "Chi bộ Thôn 1", decided: Level? = nil, reclassified: Level? = nil) -> Organisation {
        Organisation(key: OrganisationKey.ofCell(name), name: name, kind: .chiBoTrucThuoc,
                     parentKey: "dang bo|xa a", parentName: "Đảng bộ xã A", decidedLevel: decided, reclassifiedLevel: reclassified)
    }

    func report(_ level: Level, year: Int, general: Double? = nil, tasks: Double? = nil, total: Double? = nil) -> ReviewForm {
        var form = ReviewForm(kind: .collective, template: .mau01)
        form.year = year
        form.partyCell = "Chi bộ Thôn 1"
        form.collective = CollectiveReview(level: level)
        if general != nil || total != nil {
            form.score = ScoreSheet(items: [ScoreSheet.Item(criterion: "Nhóm tiêu chí chung", max: 30, selfScore: general),
                                            ScoreSheet.Item(criterion: "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ", max: 70, selfScore: tasks)],
                                    total: total)
        }
        return form
    }

    func check(_ result: OrganisationResult, _ id: String) -> OrganisationCheck? {
        result.checks.first { $0.rule.id == id }
    }

    @Test(arguments: [
        // (levels of the members, fires): 100 % ≥ HTNV and ≥ 80 % ≥ HTTNV (HD 21, 2019)
        ([Level.excellent: 2, .good: 6, .satisfactory: 2], false),   // 8/10 = 80 %
        ([.excellent: 2, .good: 5, .satisfactory: 3], true),          // 7/10 = 70 %
        ([.excellent: 5, .good: 4, .unsatisfactory: 1], true),        // one KHTNV
        ([.good: 4], false),
    ])
    func htxsNeedsItsMembers2019(levels: [Level: Int], fires: Bool) {
        let result = YearRules().classify(OrganisationFacts(organisation: cell(), year: 2020,
                                                            report: report(.excellent, year: 2020), unitLevels: levels))
        let rule = check(result, "organisation.htxs-members")
        #expect(rule?.outcome == (fires ? .failed : .passed))
        #expect(result.classification.level == (fires ? .good : .excellent))
        #expect(result.findings.contains { $0.code == .levelCapped } == fires)
        #expect(result.classification.reasons.isEmpty == !fires)
    }

    @Test func htxsMembersIsInferredAndOffAfter2022UnlessConfigured() {
        let facts = OrganisationFacts(organisation: cell(), year: 2023, report: report(.excellent, year: 2023),
                                      unitLevels: [.excellent: 1, .good: 1, .satisfactory: 8])
        #expect(check(YearRules().classify(facts), "organisation.htxs-members") == nil)
        let on = YearRules(options: RuleOptions(organisationMemberShares: true)).classify(facts)
        #expect(check(on, "organisation.htxs-members")?.outcome == .failed)
        #expect(check(on, "organisation.htxs-members")?.rule.confirmed == false)
    }

    @Test(arguments: [(0, 0, false), (1, 0, true), (0, 1, true)])
    func disciplineBlocksExcellent2023(members: Int, units: Int, fires: Bool) {
        let facts = OrganisationFacts(organisation: cell(), year: 2023, report: report(.excellent, year: 2023),
                                      disciplinedMembers: members, subordinates: 4, disciplinedSubordinates: units)
        let result = YearRules().classify(facts)
        #expect(check(result, "organisation.htxs-discipline")?.outcome == (fires ? .failed : .passed))
        #expect(result.classification.level == (fires ? .good : .excellent))
        // 2019: inferred, off by default.
        var older = facts
        older.year = 2020
        older.report = report(.excellent, year: 2020)
        #expect(check(YearRules().classify(older), "organisation.htxs-discipline") == nil)
    }

    @Test(arguments: [(1, 5, false), (2, 10, false), (3, 10, true), (2, 5, true)])
    func moreThanAFifthOfUnitsDisciplined2023(disciplined: Int, units: Int, fires: Bool) {
        let organisation = Organisation(key: "dang bo|xa a", name: "Đảng bộ xã A", kind: .dangBoCoSo)
        var form = report(.good, year: 2023)
        form.partyCell = nil
        form.partyCommittee = "Đảng bộ xã A"
        let result = YearRules().classify(OrganisationFacts(organisation: organisation, year: 2023, report: form,
                                                            subordinates: units, disciplinedSubordinates: disciplined))
        #expect(check(result, "organisation.disciplined-units")?.outcome == (fires ? .failed : .passed))
        #expect(result.classification.level == (fires ? .unsatisfactory : .good))
    }

    @Test(arguments: [
        // (general, tasks, total, self, level): bands 90/70/50 over …/30 + …/70 = …/100 (QĐ 366 Điều 11)
        (28.0, 64.0, 92.0, Level.excellent, Level.excellent),
        (26.0, 59.0, 85.0, .excellent, .good),
        (20.0, 45.0, 65.0, .good, .satisfactory),
        (15.0, 30.0, 45.0, .satisfactory, .unsatisfactory),
        (25.0, 50.0, 75.0, .good, .good),
    ])
    func scoreBands2025(general: Double, tasks: Double, total: Double, own: Level, level: Level) {
        let result = YearRules().classify(OrganisationFacts(organisation: cell(), year: 2025,
                                                            report: report(own, year: 2025, general: general, tasks: tasks, total: total)))
        #expect(result.generalScore == general && result.taskScore == tasks && result.totalScore == total)
        #expect(result.classification.level == level)
        #expect(check(result, "organisation.score-band")?.outcome == (own == level ? .passed : .failed))
    }

    @Test func theTotalIsTheSumWhenTheFormLeavesItBlank() {
        let result = YearRules().classify(OrganisationFacts(organisation: cell(), year: 2025,
                                                            report: report(.excellent, year: 2025, general: 27, tasks: 60)))
        #expect(result.totalScore == 87 && result.classification.level == .good)
    }

    /// A decided level is never overridden: the conflict is a finding naming the rule.
    @Test func theDecisionStaysAndTheConflictIsReported() throws {
        let result = YearRules().classify(OrganisationFacts(organisation: cell(decided: .excellent), year: 2025,
                                                            report: report(.excellent, year: 2025, general: 26, tasks: 59, total: 85)))
        #expect(result.classification.level == .excellent && result.classification.status == .final)
        let conflict = try #require(result.findings.first { $0.code == .decisionConflictsWithRule })
        #expect(conflict.rule?.id == "organisation.score-band" && conflict.rule?.article == "Điều 11")
        #expect(LevelReason.text(result.classification.reasons, .vi)?.contains("giữ nguyên quyết định HTXSNV") == true)
    }

    @Test func aReclassificationOverridesTheDecision() {
        let result = YearRules().classify(OrganisationFacts(organisation: cell(decided: .excellent, reclassified: .satisfactory),
                                                            year: 2025, report: report(.excellent, year: 2025)))
        #expect(result.selfLevel == .excellent && result.decidedLevel == .satisfactory)
        #expect(result.classification.level == .satisfactory && result.classification.status == .final)
    }

    @Test(arguments: [(0, false), (2, true)])
    func unitsBeforeTheirOrganisation2025(pending: Int, fires: Bool) {
        let result = YearRules().classify(OrganisationFacts(organisation: cell(decided: .good), year: 2025,
                                                            report: report(.good, year: 2025), pendingUnits: pending))
        #expect(result.findings.contains { $0.code == .dateOrder && $0.severity == .warning } == fires)
        #expect(check(result, "organisation.units-first")?.outcome == (fires ? .failed : .passed))
        // Not before 2025 (inferred there).
        let older = YearRules().classify(OrganisationFacts(organisation: cell(decided: .good), year: 2023,
                                                           report: report(.good, year: 2023), pendingUnits: pending))
        #expect(!older.findings.contains { $0.code == .dateOrder })
    }

    @Test(arguments: [(1, 5, false), (2, 5, true), (2, 8, true), (1, 4, true)])
    func organisationQuota(excellent: Int, good: Int, fires: Bool) {
        var results: [OrganisationResult] = []
        for i in 0..<(excellent + good) {
            let level: Level = i < excellent ? .excellent : .good
            results.append(YearRules().classify(OrganisationFacts(organisation: cell("Chi bộ \(i)", decided: level), year: 2023)))
        }
        // Another comparable group (another parent) never counts here.
        var other = cell("Chi bộ khác", decided: .excellent)
        other.parentKey = "dang bo|xa b"
        results.append(YearRules().classify(OrganisationFacts(organisation: other, year: 2023)))
        YearRules().organisationQuota(&results, year: 2023)
        let flagged = results.filter { $0.findings.contains { $0.code == .quotaExceeded } }
        #expect(flagged.count == (fires ? excellent : 0) + 1)
        #expect(flagged.allSatisfy { $0.classification.level == .excellent })
        // 25 % allowed by the competent level (configurable).
        var relaxed = results.map { r in var r = r; r.findings = []; return r }
        YearRules(options: RuleOptions(quotaRatio: 0.25)).organisationQuota(&relaxed, year: 2023)
        #expect(relaxed.filter { $0.findings.contains { $0.code == .quotaExceeded } }.count
                == (Double(excellent) > 0.25 * Double(good) ? excellent : 0) + 1)
    }

    @Test func foundingLessThanSixMonthsAgo2019() {
        var young = cell()
        young.founded = CivilDate(year: 2020, month: 9, day: 1)
        let result = YearRules().classify(OrganisationFacts(organisation: young, year: 2020, report: report(.good, year: 2020)))
        #expect(result.classification.status == .exempt && result.classification.level == nil)
        young.founded = CivilDate(year: 2020, month: 3, day: 1)
        #expect(YearRules().classify(OrganisationFacts(organisation: young, year: 2020, report: report(.good, year: 2020)))
            .classification.level == .good)
    }

    @Test func oneKeyPerOrganisation() {
        #expect(OrganisationKey.ofCell("CHI BỘ THÔN 1") == OrganisationKey.ofCell("Chi bộ Thôn 1"))
        #expect(OrganisationKey.ofCell("Thôn 1") == OrganisationKey.organisation("Chi bộ  thôn 1"))
        #expect(OrganisationKey.ofCommittee("ĐẢNG BỘ XÃ TRIỆU PHONG") == OrganisationKey.organisation("Đảng bộ xã Triệu Phong"))
        #expect(OrganisationKey.organisation("Thôn 1", kind: .chiBoTrucThuoc) == "chi bo|thon 1")
        #expect(OrganisationKey.ofCell("Thôn 1") != OrganisationKey.ofCommittee("Thôn 1"))
    }
}

/// Biểu 6F from the roster through the one admission rule: one reference date for every count.
@Suite struct ReviewTallyTests {
    @Test func eachReasonIsCountedOnce() {
        let roster = Roster(entries: [
            RosterEntry(line: 2, fullName: "A"),
            RosterEntry(line: 3, fullName: "B", exempted: true),
            RosterEntry(line: 4, fullName: "C", suspended: true),
            RosterEntry(line: 5, fullName: "D", admitted: CivilDate(year: 2020, month: 7, day: 15)),   // 5 months to 31/12
            RosterEntry(line: 6, fullName: "E", admitted: CivilDate(year: 2020, month: 6, day: 30)),   // 6 months: must review
            RosterEntry(line: 7, fullName: "F"),
        ])
        let tally = YearRules().reviewTally(roster, reviewedLines: [2], year: 2020)
        #expect(tally.required == 6 && tally.reviewed == 1)
        #expect(tally.exempted == 1 && tally.suspended == 1 && tally.newlyAdmitted == 1 && tally.missing == 2)
        #expect(tally.reviewed + tally.notReviewed == tally.required)
        // A member the roster exempts is counted under the reason even with a form (row 3 of
        // Biểu 6F lists them by reason); the form of one who must review counts as reviewed.
        let withForms = YearRules().reviewTally(roster, reviewedLines: [2, 3, 5, 6], year: 2020)
        #expect(withForms.exempted == 1 && withForms.newlyAdmitted == 1)
        #expect(withForms.reviewed == 2 && withForms.missing == 1)
        #expect(withForms.reviewed + withForms.notReviewed == withForms.required)
    }

    /// Biểu 6F's Tập thể column: an accepted Mẫu 01 reviews; a collective founded too recently
    /// (where the year's book has the founding rule) is counted apart from one that is missing.
    @Test func collectivesAreCountedByReport() {
        let recent = CivilDate(year: 2025, month: 10, day: 1)
        let old = CivilDate(year: 1990, month: 3, day: 15)
        let tally = YearRules().collectiveTally([(old, true), (old, false), (recent, false), (nil, false)], year: 2025)
        #expect(tally.required == 4 && tally.reviewed == 1)
        #expect(tally.newlyFounded + tally.missing == 3)
        #expect(tally.reviewed + tally.notReviewed == tally.required)
    }
}

@Suite struct SubordinateOrderTests {
    func result(_ name: String, _ status: ClassificationStatus, decided: CivilDate? = nil) -> OrganisationResult {
        OrganisationResult(organisation: Organisation(key: name, name: name, decidedOn: decided), year: 2025,
                           classification: Classification(level: status == .exempt ? nil : .good, status: status,
                                                          basis: nil, ruleset: .y2025))
    }

    /// "Cấp dưới trước, cấp trên sau": the superior lists the subordinates not decided, or decided
    /// later, when their organisation was; nothing for an organisation not decided itself.
    @Test(arguments: [
        (ClassificationStatus.final, ClassificationStatus.provisional, nil as Int?, nil as Int?, true),
        (.final, .unclassified, nil, nil, true),
        (.final, .exempt, nil, nil, false),
        (.final, .final, 10, 12, true),
        (.final, .final, 12, 10, false),
        (.final, .final, nil, 12, false),
        (.provisional, .provisional, nil, nil, false),
    ])
    func subordinatesClassifiedAfter(parent: ClassificationStatus, child: ClassificationStatus, parentDay: Int?,
                                     childDay: Int?, listed: Bool) {
        let day = { (d: Int?) in d.flatMap { CivilDate(year: 2025, month: 12, day: $0) } }
        let late = YearRules().subordinatesClassifiedAfter(result("dang bo", parent, decided: day(parentDay)),
                                                           subordinates: [result("chi bo", child, decided: day(childDay))])
        #expect(late.map(\.organisation.key) == (listed ? ["chi bo"] : []))
    }
}
