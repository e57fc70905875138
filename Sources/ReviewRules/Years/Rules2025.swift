import KiemdiemCore

extension RuleBook {
    /// Review years 2025 on: QĐ 366-QĐ/TW and HD 43-HD/BTCTW (docs/rules.md, "2025").
    public static let rules2025 = RuleBook(
        ruleset: .y2025, regulation: "QĐ 366-QĐ/TW, HD 43-HD/BTCTW",
        memberLevelsArticle: "Điều 11", disciplineArticle: "Điều 11", exemptionArticle: "Điều 5",
        quotaArticle: "Điều 11 khoản 1.5", orderArticle: "Điều 12 khoản 2", organisationLevelsArticle: "Điều 11",
        civilServantLink: false, poorCriterionCap: true, disciplineCap: true, selfDetectedDisciplineExcused: true,
        sickLeaveCapMonths: nil, admissionMonths: 6, scoreBands: [90, 70, 50], quotaRatio: 0.2,
        organisationGoodShare: nil, organisationDisciplineBlocksExcellent: true, disciplinedUnitsShare: nil,
        unitsBeforeOrganisation: true, foundingRule: false)
}
