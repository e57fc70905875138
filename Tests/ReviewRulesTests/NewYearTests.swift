import Testing
@testable import KiemdiemCore
@testable import ReviewRules

/// A review year's rules are one value in one file (docs/rules.md "Rulesets by review year"):
/// this test-only book stands for a future year's file, and goes through the member rules, the
/// organisation rules, the quota and the admission rule without any other change.
extension RuleBook {
    static let rulesTestOnly = RuleBook(
        ruleset: .y2025, regulation: "QĐ 999-QĐ/TW (thử nghiệm)",
        memberLevelsArticle: "Điều 1", disciplineArticle: "Điều 2", exemptionArticle: "Điều 3", quotaArticle: "Điều 4",
        orderArticle: "Điều 5", organisationLevelsArticle: "Điều 6",
        poorCriterionCap: true, disciplineCap: true, admissionMonths: 12, scoreBands: [95, 80, 60], quotaRatio: 0.5,
        organisationGoodShare: 0.9, organisationDisciplineBlocksExcellent: true, unitsBeforeOrganisation: true)
}

@Suite struct NewYearTests {
    let standard = YearRules()
    let custom = YearRules(books: [.rules2019, .rules2023, .rulesTestOnly])

    func member(total: Double) -> ReviewForm {
        var form = completeForm(year: 2026)
        form.template = .mau2Bof2025
        form.selfAssessment.partyMemberLevel = .excellent
        form.score = ScoreSheet(items: [], total: total)
        return form
    }

    @Test func theMemberRulesFollowTheNewBook() throws {
        // 92 points: HTXSNV under the 2025 bands, HTTNV under the new year's 95/80/60.
        #expect(FormRules.evaluate(member(total: 92), rules: standard).classification.level == .excellent)
        let verdict = FormRules.evaluate(member(total: 92), rules: custom)
        #expect(verdict.classification.level == .good)
        let capped = try #require(verdict.findings.first { $0.code == .levelCapped })
        #expect(capped.rule?.regulation == "QĐ 999-QĐ/TW (thử nghiệm)" && capped.rule?.id == "member.score-band")
    }

    @Test func theOrganisationRulesFollowTheNewBook() {
        let cell = Organisation(key: OrganisationKey.ofCell("Chi bộ A"), name: "Chi bộ A", kind: .chiBoCoSo)
        var report = ReviewForm(kind: .collective, template: .mau01)
        report.year = 2026
        report.collective = CollectiveReview(level: .excellent)
        let facts = OrganisationFacts(organisation: cell, year: 2026, report: report,
                                      unitLevels: [.excellent: 2, .good: 6, .satisfactory: 2], disciplinedMembers: 0)
        // 80 % at HTTNV or above: enough nowhere in 2025 (no such test), short of the new book's 90 %.
        #expect(standard.classify(facts).classification.level == .excellent)
        let result = custom.classify(facts)
        #expect(result.classification.level == .good)
        #expect(result.checks.map(\.rule.id).contains("organisation.htxs-members"))
    }

    @Test func theQuotaAndAdmissionFollowTheNewBook() {
        var group = QuotaGroup(name: "Đảng bộ A")
        for level in [Level.excellent, .excellent, .good, .good, .good, .good, .good] { group.count(level: level, status: .final) }
        #expect(standard.quotaBreach(group, year: 2026, subject: .member) != nil)   // 2 > 20 % of 5
        #expect(custom.quotaBreach(group, year: 2026, subject: .member) == nil)     // 2 ≤ 50 % of 5
        let admitted = RosterEntry(line: 2, fullName: "Lê Văn B", admitted: CivilDate(year: 2026, month: 3, day: 1))
        #expect(standard.exemption(admitted, year: 2026) == nil)                     // 9 months ≥ 6
        #expect(custom.exemption(admitted, year: 2026) == .newlyAdmitted(admitted: admitted.admitted!, months: 12))
    }
}
