import KiemdiemCore

/// Thresholds and switches of the rules (pipeline.yml `rules:`).
public struct RuleOptions: Sendable, Equatable {
    /// The batch year (`run`, or `inspect --year`): a form of another year is `YEAR_MISMATCH`.
    public var batchYear: Int?
    public var language: MessageLanguage
    public init(batchYear: Int? = nil, language: MessageLanguage = .vi) {
        self.batchYear = batchYear
        self.language = language
    }
}

/// The verdict of the single-form rules.
public struct FormVerdict: Sendable, Equatable {
    public var findings: [Finding]
    public var classification: Classification
    public init(findings: [Finding], classification: Classification) {
        self.findings = findings
        self.classification = classification
    }
}

/// Validation and classification of one form by the ruleset of its year (stages 3–4).
public enum FormRules {
    public static func evaluate(_ form: ReviewForm, options: RuleOptions = RuleOptions()) -> FormVerdict {
        FormVerdict(findings: [], classification: .unclassified(form.ruleset))
    }
}
