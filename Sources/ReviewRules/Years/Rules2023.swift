import KiemdiemCore

extension RuleBook {
    /// Review years 2023–2024: QĐ 124-QĐ/TW and HD 25-HD/BTCTW (docs/rules.md, "2023").
    public static let rules2023 = RuleBook(
        ruleset: .y2023, regulation: "QĐ 124-QĐ/TW, HD 25-HD/BTCTW",
        memberLevelsArticle: "Điều 12", disciplineArticle: "Điều 12 khoản 4.3", exemptionArticle: "Điều 5 khoản 2",
        quotaArticle: "Điều 12", orderArticle: "Điều 11", organisationLevelsArticle: "Điều 12",
        civilServantLink: false, poorCriterionCap: true, disciplineCap: true, selfDetectedDisciplineExcused: true,
        sickLeaveCapMonths: nil, admissionMonths: 6, scoreBands: nil, quotaRatio: 0.2,
        organisationGoodShare: nil, organisationDisciplineBlocksExcellent: true, disciplinedUnitsShare: 0.2,
        unitsBeforeOrganisation: false, foundingRule: false)
}
