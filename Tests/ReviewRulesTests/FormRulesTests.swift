import Testing
@testable import KiemdiemCore
@testable import ReviewRules

/// A complete 2019 form; each test changes what it is about.
func completeForm(year: Int = 2020) -> ReviewForm {
    var form = ReviewForm(kind: .individual, template: .mau02of2019)
    form.year = year
    form.partyCommittee = "Đảng bộ Khối Cơ quan tỉnh"
    form.partyCell = "Chi bộ Văn phòng"
    form.date = CivilDate(year: year, month: 12, day: 10)
    form.member.fullName = "Nguyễn Văn An"
    form.member.dateOfBirth = CivilDate(year: 1980, month: 5, day: 12)
    form.sections.strengths = "Ưu điểm"
    form.sections.shortcomings = "Hạn chế"
    form.sections.improvementPlan = "Phương hướng"
    form.selfAssessment.partyMemberLevel = .good
    form.signature = "Nguyễn Văn An"
    return form
}

@Suite struct RequiredFieldTests {
    @Test(arguments: FormRules.requiredIndividualFields)
    func eachRequiredFieldFiresWhenMissing(field: String) {
        var form = completeForm()
        switch field {
        case "year": form.year = nil
        case "party_cell": form.partyCell = nil
        case "member.full_name": form.member.fullName = nil
        case "sections.strengths": form.sections.strengths = nil
        case "sections.shortcomings": form.sections.shortcomings = nil
        case "sections.improvement_plan": form.sections.improvementPlan = nil
        case "self_assessment.party_member_level": form.selfAssessment.partyMemberLevel = nil
        case "signature": form.signature = nil
        case "date": form.date = nil
        default: Issue.record("unknown field \(field)")
        }
        let verdict = FormRules.evaluate(form)
        #expect(verdict.findings.map(\.code) == [.missingField])
        #expect(verdict.findings.first?.field == field)
        #expect(verdict.rejected)
        #expect(verdict.classification.status == .unclassified)
    }

    @Test func completeFormHasNoFinding() {
        let verdict = FormRules.evaluate(completeForm())
        #expect(verdict.findings.isEmpty)
        #expect(verdict.classification == Classification(level: .good, status: .provisional, basis: .selfAssessment, ruleset: .y2019))
    }

    @Test func fieldAlreadyReportedIsNotMissingAgain() {
        var form = completeForm()
        form.selfAssessment.partyMemberLevel = nil
        let prior = [Finding(.ambiguousChoice, field: "self_assessment.party_member_level")]
        let verdict = FormRules.evaluate(form, prior: prior)
        #expect(!verdict.findings.contains { $0.code == .missingField })
    }
}

@Suite struct OrderAndYearTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let selfDate: (Int, Int, Int)
        let cellDate: (Int, Int, Int)?
        let committeeDate: (Int, Int, Int)?
        let fires: Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "in order", selfDate: (2020, 12, 1), cellDate: (2020, 12, 5), committeeDate: (2020, 12, 20), fires: false),
        Case(name: "same day", selfDate: (2020, 12, 5), cellDate: (2020, 12, 5), committeeDate: (2020, 12, 5), fires: false),
        Case(name: "cell before self", selfDate: (2020, 12, 10), cellDate: (2020, 12, 5), committeeDate: nil, fires: true),
        Case(name: "committee before cell", selfDate: (2020, 12, 1), cellDate: (2020, 12, 15), committeeDate: (2020, 12, 10), fires: true),
        Case(name: "early next year", selfDate: (2020, 12, 28), cellDate: (2021, 1, 5), committeeDate: (2021, 2, 1), fires: false),
        Case(name: "outside window", selfDate: (2020, 12, 28), cellDate: (2021, 1, 5), committeeDate: (2021, 6, 1), fires: true),
        Case(name: "before the year", selfDate: (2019, 12, 28), cellDate: nil, committeeDate: nil, fires: true),
    ])
    func dateOrder(_ c: Case) {
        var form = completeForm()
        form.date = CivilDate(year: c.selfDate.0, month: c.selfDate.1, day: c.selfDate.2)
        form.cellReview.date = c.cellDate.flatMap { CivilDate(year: $0.0, month: $0.1, day: $0.2) }
        form.committeeDecision.date = c.committeeDate.flatMap { CivilDate(year: $0.0, month: $0.1, day: $0.2) }
        let verdict = FormRules.evaluate(form)
        #expect(verdict.findings.contains { $0.code == .dateOrder } == c.fires)
    }

    @Test func yearMismatchOnlyWithABatchYear() {
        #expect(FormRules.evaluate(completeForm(year: 2021)).findings.isEmpty)
        let verdict = FormRules.evaluate(completeForm(year: 2021), options: RuleOptions(batchYear: 2020))
        #expect(verdict.findings.map(\.code) == [.yearMismatch])
        #expect(FormRules.evaluate(completeForm(year: 2020), options: RuleOptions(batchYear: 2020)).findings.isEmpty)
    }

    @Test func classifiedBeforeReview() {
        var form = completeForm()
        form.sections.strengths = nil
        form.committeeDecision.level = .good
        let codes = FormRules.evaluate(form).findings.map(\.code)
        #expect(codes.contains(.classifiedBeforeReview))
        var complete = completeForm()
        complete.committeeDecision.level = .good
        #expect(!FormRules.evaluate(complete).findings.map(\.code).contains(.classifiedBeforeReview))
    }
}

@Suite struct ClassificationTests {
    @Test func finalFromCommitteeProvisionalFromCellThenSelf() {
        var form = completeForm()
        #expect(FormRules.evaluate(form).classification.basis == .selfAssessment)
        form.cellReview.proposedLevel = .satisfactory
        let cell = FormRules.evaluate(form).classification
        #expect(cell.level == .satisfactory && cell.status == .provisional && cell.basis == .cellReview)
        form.committeeDecision.level = .excellent
        let final = FormRules.evaluate(form)
        #expect(final.classification == Classification(level: .excellent, status: .final, basis: .committeeDecision, ruleset: .y2019))
        #expect(final.findings.map(\.code) == [.levelDiffersFromSelf])
    }

    @Test func sameLevelIsNoDifference() {
        var form = completeForm()
        form.committeeDecision.level = .good
        #expect(FormRules.evaluate(form).findings.isEmpty)
    }

    @Test(arguments: [
        (Level?.none, Level.excellent, Level.excellent, false),
        (Level.excellent, Level.excellent, Level.excellent, false),
        (Level.good, Level.excellent, Level.good, true),
        (Level.unsatisfactory, Level.good, Level.unsatisfactory, true),
        (Level.satisfactory, Level.good, Level.good, false),
    ])
    func civilServantLink2019(civil: Level?, party: Level, expected: Level, capped: Bool) {
        var form = completeForm()
        form.selfAssessment.civilServantLevel = civil
        form.selfAssessment.partyMemberLevel = party
        let verdict = FormRules.evaluate(form)
        #expect(verdict.classification.level == expected)
        #expect(verdict.findings.contains { $0.code == .levelCapped } == capped)
    }

    @Test func civilServantLinkIsConfigurable() {
        var form = completeForm()
        form.selfAssessment.civilServantLevel = .good
        form.selfAssessment.partyMemberLevel = .excellent
        let verdict = FormRules.evaluate(form, options: RuleOptions(civilServantLink: false))
        #expect(verdict.classification.level == .excellent)
    }

    @Test func poorCriterionCapsFrom2023Only() {
        var form = completeForm(year: 2023)
        form.criteria = [CriterionEntry(item: "I.1", rating: .poor)]
        let verdict = FormRules.evaluate(form)
        #expect(verdict.classification.level == .unsatisfactory)
        #expect(verdict.findings.map(\.code) == [.levelCapped])
        var old = completeForm(year: 2020)
        old.criteria = [CriterionEntry(item: "I.1", rating: .poor)]
        #expect(FormRules.evaluate(old).classification.level == .good)
    }

    @Test(arguments: [(95.0, Level.excellent), (90.0, .excellent), (89.5, .good), (70.0, .good),
                      (69.0, .satisfactory), (49.0, .unsatisfactory)])
    func scoreBands2025(total: Double, expected: Level) {
        var form = completeForm(year: 2025)
        form.selfAssessment.partyMemberLevel = .excellent
        form.score = ScoreSheet(items: [], total: total)
        let verdict = FormRules.evaluate(form)
        #expect(verdict.classification.level == expected)
        #expect(verdict.findings.contains { $0.code == .levelCapped } == (expected != .excellent))
        #expect(verdict.classification.ruleset == .y2025)
    }
}

@Suite struct RosterRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let year: Int
        let member: RosterEntry
        let level: Level?
        let status: ClassificationStatus
        let code: FindingCode?
        var options = RuleOptions()
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain member", year: 2020, member: RosterEntry(line: 2, fullName: "Nguyễn Văn An"),
             level: .good, status: .provisional, code: nil),
        Case(name: "exempted", year: 2020, member: RosterEntry(line: 3, fullName: "Nguyễn Văn An", exempted: true),
             level: nil, status: .exempt, code: .exemptMember),
        Case(name: "suspended", year: 2023, member: RosterEntry(line: 4, fullName: "Nguyễn Văn An", suspended: true),
             level: nil, status: .exempt, code: .exemptMember),
        Case(name: "admitted 5 months before", year: 2020,
             member: RosterEntry(line: 5, fullName: "Nguyễn Văn An", admitted: CivilDate(year: 2020, month: 7, day: 11)),
             level: nil, status: .exempt, code: .exemptMember),
        Case(name: "admitted 6 months before", year: 2020,
             member: RosterEntry(line: 6, fullName: "Nguyễn Văn An", admitted: CivilDate(year: 2020, month: 6, day: 10)),
             level: .good, status: .provisional, code: nil),
        Case(name: "disciplined 2019", year: 2020,
             member: RosterEntry(line: 7, fullName: "Nguyễn Văn An", disciplined: true, selfDetected: true),
             level: .unsatisfactory, status: .provisional, code: .levelCapped),
        Case(name: "disciplined 2023, self-detected", year: 2023,
             member: RosterEntry(line: 8, fullName: "Nguyễn Văn An", disciplined: true, selfDetected: true),
             level: .good, status: .provisional, code: nil),
        Case(name: "disciplined 2023", year: 2023,
             member: RosterEntry(line: 9, fullName: "Nguyễn Văn An", disciplined: true),
             level: .unsatisfactory, status: .provisional, code: .levelCapped),
        Case(name: "sick leave 2019", year: 2020, member: RosterEntry(line: 10, fullName: "Nguyễn Văn An", sickLeaveMonths: 3),
             level: .satisfactory, status: .provisional, code: .levelCapped),
        Case(name: "sick leave under 3 months", year: 2020,
             member: RosterEntry(line: 11, fullName: "Nguyễn Văn An", sickLeaveMonths: 2.5),
             level: .good, status: .provisional, code: nil),
        Case(name: "sick leave 2023, off by default", year: 2023,
             member: RosterEntry(line: 12, fullName: "Nguyễn Văn An", sickLeaveMonths: 4),
             level: .good, status: .provisional, code: nil),
        Case(name: "sick leave 2023, configured", year: 2023,
             member: RosterEntry(line: 13, fullName: "Nguyễn Văn An", sickLeaveMonths: 4),
             level: .satisfactory, status: .provisional, code: .levelCapped,
             options: RuleOptions(sickLeaveCapMonthsAfter2022: 3)),
    ]

    @Test(arguments: cases)
    func rosterRules(_ c: Case) {
        let verdict = FormRules.evaluate(completeForm(year: c.year), options: c.options, member: c.member)
        #expect(verdict.classification.level == c.level)
        #expect(verdict.classification.status == c.status)
        #expect(verdict.findings.map(\.code) == (c.code.map { [$0] } ?? []))
        #expect(!verdict.rejected)
    }

    @Test func rosterMatchesByNameAndBirthThenByNameAndCell() {
        let roster = Roster(entries: [
            RosterEntry(line: 2, fullName: "Nguyễn Văn An", dateOfBirth: CivilDate(year: 1980, month: 5, day: 12)),
            RosterEntry(line: 3, fullName: "Lê Thị Bình", partyCell: "Chi bộ Văn phòng"),
        ])
        var form = completeForm()
        form.member.fullName = "NGUYỄN VĂN AN"
        #expect(roster.entry(for: form)?.line == 2)
        form.member.fullName = "Lê Thị Bình"
        form.partyCell = "CHI BỘ VĂN PHÒNG"
        #expect(roster.entry(for: form)?.line == 3)
        form.partyCell = "Chi bộ Thôn 1"
        #expect(roster.entry(for: form) == nil)
    }

    @Test func rulesetsCiteTheirRegulations() {
        for ruleset in Ruleset.allCases {
            #expect(RuleBook.standard(ruleset).regulation.contains("QĐ"))
        }
        #expect(RuleBook.standard(.y2019).sickLeaveCapMonths == 3)
        #expect(RuleBook.standard(.y2023).sickLeaveCapMonths == nil)
        #expect(RuleBook.standard(.y2025).scoreBands == [90, 70, 50])
    }
}
