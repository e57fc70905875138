import KiemdiemCore

/// The rules of one review year, as data: each switch and threshold with the regulation it comes
/// from. `standard(_:)` gives the defaults; pipeline.yml `rules:` overrides them (`RuleOptions`).
///
/// [C] marks a rule a cited source confirms, [I] one inferred (domain.md): inferred rules are the
/// ones the README lists as configurable.
public struct RuleBook: Sendable, Equatable {
    public var ruleset: Ruleset
    /// The regulation and guidance the year follows.
    public var regulation: String
    /// The Party level is capped by the civil-servant level: not HTXS unless the civil-servant level
    /// is HTXS, KHTNV when it is KHTNV. [C] HD 21-HD/BTCTW 2.3 (2019 ruleset).
    public var civilServantLink: Bool
    /// Any criterion rated "Kém" forces KHTNV. [C] QĐ 124-QĐ/TW Điều 12 (2023 on).
    public var poorCriterionCap: Bool
    /// Discipline in the year forces KHTNV. [C] HD 21 ("một vi phạm … chỉ tính một lần"); QĐ 124
    /// Điều 12 khoản 4.3 (2023 on: unless self-detected and remedied).
    public var disciplineCap: Bool
    public var selfDetectedDisciplineExcused: Bool
    /// Sick leave of this many months or more caps the level at HTNV; `nil` = rule off.
    /// [C] HD 21 tiểu mục 6 (2019); [I] not confirmed for HD 25 / HD 43, off by default there.
    public var sickLeaveCapMonths: Double?
    /// Members admitted less than this many months before the review are not classified.
    /// [C] HD 21, QĐ 124 Điều 5.
    public var admissionMonths: Int
    /// Score bands of the 100-point scale, lowest score for HTXS, HTT, HTNV. [C] QĐ 366 Điều 11.
    public var scoreBands: [Double]?
    /// HTXS may not exceed this share of HTT within one grassroots organisation. [C] HD 21; [I] 366.
    public var quotaRatio: Double

    public static func standard(_ ruleset: Ruleset) -> RuleBook {
        switch ruleset {
        case .y2019:
            return RuleBook(ruleset: ruleset, regulation: "QĐ 132-QĐ/TW, HD 21-HD/BTCTW", civilServantLink: true,
                            poorCriterionCap: false, disciplineCap: true, selfDetectedDisciplineExcused: false,
                            sickLeaveCapMonths: 3, admissionMonths: 6, scoreBands: nil, quotaRatio: 0.2)
        case .y2023:
            return RuleBook(ruleset: ruleset, regulation: "QĐ 124-QĐ/TW, HD 25-HD/BTCTW", civilServantLink: false,
                            poorCriterionCap: true, disciplineCap: true, selfDetectedDisciplineExcused: true,
                            sickLeaveCapMonths: nil, admissionMonths: 6, scoreBands: nil, quotaRatio: 0.2)
        case .y2025:
            return RuleBook(ruleset: ruleset, regulation: "QĐ 366-QĐ/TW, HD 43-HD/BTCTW", civilServantLink: false,
                            poorCriterionCap: true, disciplineCap: true, selfDetectedDisciplineExcused: true,
                            sickLeaveCapMonths: nil, admissionMonths: 6, scoreBands: [90, 70, 50], quotaRatio: 0.2)
        }
    }

    /// The defaults of the year with the overrides of pipeline.yml applied.
    public static func resolved(_ ruleset: Ruleset, options: RuleOptions) -> RuleBook {
        var book = standard(ruleset)
        if ruleset == .y2019 { book.civilServantLink = options.civilServantLink }
        if ruleset != .y2019, let months = options.sickLeaveCapMonthsAfter2022 { book.sickLeaveCapMonths = months }
        if let bands = options.scoreBands, ruleset == .y2025 { book.scoreBands = bands }
        book.quotaRatio = options.quotaRatio
        book.admissionMonths = options.admissionMonths
        return book
    }
}

/// Thresholds and switches of the rules (pipeline.yml `rules:`).
public struct RuleOptions: Sendable, Equatable {
    /// The batch year (`run`, or `inspect --year`): a form of another year is `YEAR_MISMATCH`.
    public var batchYear: Int?
    public var language: MessageLanguage
    /// Every date must fall between 1 January of the review year and this many months after
    /// 31 December of it (reviews finish early in the next year) [I: configurable].
    public var monthsAfterYearEnd: Int
    /// 2019 ruleset: the Party level is capped by the civil-servant level (HD 21 2.3).
    public var civilServantLink: Bool
    /// Apply the sick-leave cap from 2023 on, with this many months [I: not confirmed for HD 25/43].
    public var sickLeaveCapMonthsAfter2022: Double?
    /// Overrides the 2025 score bands.
    public var scoreBands: [Double]?
    public var quotaRatio: Double
    /// `exact`: flag when HTXS > ratio × HTT; `floor`: when HTXS > ⌊ratio × HTT⌋ [I: rounding not specified].
    public var quotaRounding: QuotaRounding
    public var admissionMonths: Int

    public init(batchYear: Int? = nil, language: MessageLanguage = .vi, monthsAfterYearEnd: Int = 3,
                civilServantLink: Bool = true, sickLeaveCapMonthsAfter2022: Double? = nil, scoreBands: [Double]? = nil,
                quotaRatio: Double = 0.2, quotaRounding: QuotaRounding = .exact, admissionMonths: Int = 6) {
        self.batchYear = batchYear
        self.language = language
        self.monthsAfterYearEnd = monthsAfterYearEnd
        self.civilServantLink = civilServantLink
        self.sickLeaveCapMonthsAfter2022 = sickLeaveCapMonthsAfter2022
        self.scoreBands = scoreBands
        self.quotaRatio = quotaRatio
        self.quotaRounding = quotaRounding
        self.admissionMonths = admissionMonths
    }
}

public enum QuotaRounding: String, Sendable, Equatable, CaseIterable {
    case exact, floor
}
