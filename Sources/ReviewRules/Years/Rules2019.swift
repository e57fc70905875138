import KiemdiemCore

extension RuleBook {
    /// Review years 2019–2022: QĐ 132-QĐ/TW and HD 21-HD/BTCTW (docs/rules.md, "2019").
    public static let rules2019 = RuleBook(
        ruleset: .y2019, regulation: "QĐ 132-QĐ/TW, HD 21-HD/BTCTW",
        memberLevelsArticle: "tiểu mục 2.3", disciplineArticle: "tiểu mục 2.3", exemptionArticle: "tiểu mục 6 mục II",
        quotaArticle: "tiểu mục 2.3", orderArticle: "tiểu mục 6 mục II", organisationLevelsArticle: "tiểu mục 1.3 mục 1 phần II.B",
        civilServantLink: true, poorCriterionCap: false, disciplineCap: true, selfDetectedDisciplineExcused: false,
        sickLeaveCapMonths: 3, admissionMonths: 6, scoreBands: nil, quotaRatio: 0.2,
        organisationGoodShare: 0.8, organisationDisciplineBlocksExcellent: false, disciplinedUnitsShare: nil,
        unitsBeforeOrganisation: false, foundingRule: true)
}
