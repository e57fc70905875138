import KiemdiemCore

/// The rules of one review year, as data: each switch and threshold with the regulation it comes
/// from. A year's defaults live in its own file (`Rules2019.swift`…); pipeline.yml `rules:`
/// overrides them (`RuleOptions`), once per run (`YearRules`). docs/rules.md lists every rule,
/// its article, and whether a source confirms it ([C]) or it is inferred ([I]: configurable,
/// off by default).
public struct RuleBook: Sendable, Equatable {
    public var ruleset: Ruleset
    /// The regulation and guidance the year follows.
    public var regulation: String
    /// Articles cited by the rules (docs/rules.md).
    public var memberLevelsArticle: String
    public var disciplineArticle: String
    public var exemptionArticle: String
    public var quotaArticle: String
    public var orderArticle: String
    public var organisationLevelsArticle: String

    // MARK: Members
    /// The Party level is capped by the civil-servant level (2019).
    public var civilServantLink: Bool
    /// Any criterion rated "Kém" forces KHTNV.
    public var poorCriterionCap: Bool
    /// Discipline in the year forces KHTNV; from 2023 not when self-detected and remedied.
    public var disciplineCap: Bool
    public var selfDetectedDisciplineExcused: Bool
    /// Sick leave of this many months or more caps the level at HTNV; `nil` = rule off.
    public var sickLeaveCapMonths: Double?
    /// Members admitted (organisations founded) less than this many months before the review are
    /// not classified.
    public var admissionMonths: Int
    /// Score bands of the 100-point scale, lowest score for HTXS, HTT, HTNV (members and organisations).
    public var scoreBands: [Double]?
    /// HTXS may not exceed this share of HTT within one comparable group (members and organisations).
    public var quotaRatio: Double
    /// Flag when HTXS > ratio × HTT (`exact`) or > ⌊ratio × HTT⌋ (`floor`).
    public var quotaRounding: QuotaRounding

    // MARK: Organisations
    /// HTXS needs 100 % of members (of subordinate organisations, for a đảng bộ) at HTNV or above
    /// and this share at HTTNV or above; `nil` = rule off.
    public var organisationGoodShare: Double?
    /// HTXS is blocked by discipline in the leadership or in a subordinate unit.
    public var organisationDisciplineBlocksExcellent: Bool
    /// KHTNV when more than this share of subordinate units were disciplined; `nil` = rule off.
    public var disciplinedUnitsShare: Double?
    /// Members and subordinate organisations are classified before their organisation.
    public var unitsBeforeOrganisation: Bool
    /// An organisation founded less than `admissionMonths` before the review is not classified.
    public var foundingRule: Bool

    public init(ruleset: Ruleset, regulation: String, memberLevelsArticle: String, disciplineArticle: String,
                exemptionArticle: String, quotaArticle: String, orderArticle: String, organisationLevelsArticle: String,
                civilServantLink: Bool = false, poorCriterionCap: Bool = false, disciplineCap: Bool = true,
                selfDetectedDisciplineExcused: Bool = false, sickLeaveCapMonths: Double? = nil, admissionMonths: Int = 6,
                scoreBands: [Double]? = nil, quotaRatio: Double = 0.2, quotaRounding: QuotaRounding = .exact,
                organisationGoodShare: Double? = nil, organisationDisciplineBlocksExcellent: Bool = false,
                disciplinedUnitsShare: Double? = nil, unitsBeforeOrganisation: Bool = false, foundingRule: Bool = false) {
        self.ruleset = ruleset
        self.regulation = regulation
        self.memberLevelsArticle = memberLevelsArticle
        self.disciplineArticle = disciplineArticle
        self.exemptionArticle = exemptionArticle
        self.quotaArticle = quotaArticle
        self.orderArticle = orderArticle
        self.organisationLevelsArticle = organisationLevelsArticle
        self.civilServantLink = civilServantLink
        self.poorCriterionCap = poorCriterionCap
        self.disciplineCap = disciplineCap
        self.selfDetectedDisciplineExcused = selfDetectedDisciplineExcused
        self.sickLeaveCapMonths = sickLeaveCapMonths
        self.admissionMonths = admissionMonths
        self.scoreBands = scoreBands
        self.quotaRatio = quotaRatio
        self.quotaRounding = quotaRounding
        self.organisationGoodShare = organisationGoodShare
        self.organisationDisciplineBlocksExcellent = organisationDisciplineBlocksExcellent
        self.disciplinedUnitsShare = disciplinedUnitsShare
        self.unitsBeforeOrganisation = unitsBeforeOrganisation
        self.foundingRule = foundingRule
    }

    /// The defaults of a ruleset (one file per year).
    public static func standard(_ ruleset: Ruleset) -> RuleBook {
        switch ruleset {
        case .y2019: return .rules2019
        case .y2023: return .rules2023
        case .y2025: return .rules2025
        }
    }

    /// The defaults of the year with the overrides of pipeline.yml applied.
    public static func resolved(_ ruleset: Ruleset, options: RuleOptions) -> RuleBook {
        standard(ruleset).applying(options)
    }

    /// This book with the overrides of pipeline.yml applied.
    public func applying(_ options: RuleOptions) -> RuleBook {
        var book = self
        if ruleset == .y2019 { book.civilServantLink = options.civilServantLink }
        if ruleset != .y2019, let months = options.sickLeaveCapMonthsAfter2022 { book.sickLeaveCapMonths = months }
        if let bands = options.scoreBands, book.scoreBands != nil { book.scoreBands = bands }
        // Set in pipeline.yml, these override every year's book; unset, each book keeps its own.
        if let ratio = options.quotaRatio { book.quotaRatio = ratio }
        if let rounding = options.quotaRounding { book.quotaRounding = rounding }
        if let months = options.admissionMonths { book.admissionMonths = months }
        // Inferred organisation rules are off unless pipeline.yml turns them on (docs/rules.md).
        if options.organisationMemberShares, book.organisationGoodShare == nil { book.organisationGoodShare = 0.8 }
        if options.organisationDisciplineEveryYear { book.organisationDisciplineBlocksExcellent = true }
        if options.disciplinedUnitsEveryYear, book.disciplinedUnitsShare == nil { book.disciplinedUnitsShare = 0.2 }
        if options.unitsBeforeOrganisationEveryYear { book.unitsBeforeOrganisation = true }
        if options.foundingEveryYear { book.foundingRule = true }
        return book
    }
}

/// Thresholds and switches of the rules (pipeline.yml `rules:` and `organisation_rules:`).
public struct RuleOptions: Sendable, Equatable {
    /// The batch year (`run`, or `inspect --year`): a form of another year is `YEAR_MISMATCH`.
    public var batchYear: Int?
    /// Every date must fall between 1 January of the review year and this many months after
    /// 31 December of it (reviews finish early in the next year) [I: configurable].
    public var monthsAfterYearEnd: Int
    /// 2019 ruleset: the Party level is capped by the civil-servant level (HD 21 2.3).
    public var civilServantLink: Bool
    /// Apply the sick-leave cap from 2023 on, with this many months [I: not confirmed for HD 25/43].
    public var sickLeaveCapMonthsAfter2022: Double?
    /// Overrides the 2025 score bands.
    public var scoreBands: [Double]?
    /// `nil`: each year's book decides (20 % of HTT; 6 months; exact).
    public var quotaRatio: Double?
    /// `exact`: flag when HTXS > ratio × HTT; `floor`: when HTXS > ⌊ratio × HTT⌋ [I: rounding not specified].
    public var quotaRounding: QuotaRounding?
    public var admissionMonths: Int?
    /// The inferred organisation rules, each off by default (docs/rules.md): the HD 21 100 %/80 %
    /// test after 2022, the discipline block of HTXS in 2019, the 20 %-of-units KHTNV outside
    /// 2023, units before their organisation before 2025, the founding rule after 2022.
    public var organisationMemberShares: Bool
    public var organisationDisciplineEveryYear: Bool
    public var disciplinedUnitsEveryYear: Bool
    public var unitsBeforeOrganisationEveryYear: Bool
    public var foundingEveryYear: Bool

    public init(batchYear: Int? = nil, monthsAfterYearEnd: Int = 3,
                civilServantLink: Bool = true, sickLeaveCapMonthsAfter2022: Double? = nil, scoreBands: [Double]? = nil,
                quotaRatio: Double? = nil, quotaRounding: QuotaRounding? = nil, admissionMonths: Int? = nil,
                organisationMemberShares: Bool = false, organisationDisciplineEveryYear: Bool = false,
                disciplinedUnitsEveryYear: Bool = false, unitsBeforeOrganisationEveryYear: Bool = false,
                foundingEveryYear: Bool = false) {
        self.batchYear = batchYear
        self.monthsAfterYearEnd = monthsAfterYearEnd
        self.civilServantLink = civilServantLink
        self.sickLeaveCapMonthsAfter2022 = sickLeaveCapMonthsAfter2022
        self.scoreBands = scoreBands
        self.quotaRatio = quotaRatio
        self.quotaRounding = quotaRounding
        self.admissionMonths = admissionMonths
        self.organisationMemberShares = organisationMemberShares
        self.organisationDisciplineEveryYear = organisationDisciplineEveryYear
        self.disciplinedUnitsEveryYear = disciplinedUnitsEveryYear
        self.unitsBeforeOrganisationEveryYear = unitsBeforeOrganisationEveryYear
        self.foundingEveryYear = foundingEveryYear
    }
}

public enum QuotaRounding: String, Sendable, Equatable, CaseIterable {
    case exact, floor
}

/// "3", "3,5": months as a Vietnamese reader writes them.
func months(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(String(value).map { $0 == "." ? "," : $0 })
}
