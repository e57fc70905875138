import KiemdiemCore

/// The regulation and article a finding rests on, for the audit log (docs/contract.md §4.2).
public struct Citation: Sendable, Equatable {
    /// The regulation and guidance of the year (`RuleBook.regulation`).
    public var regulation: String
    /// The article within them, when the rule is one article's; `nil` for the form's general
    /// requirements.
    public var article: String?
}

extension RuleBook {
    /// What `code` rests on under `ruleset`, from the same sources the rules' comments cite
    /// (RuleBook.swift); `nil` for findings about the file or the batch's bookkeeping, which no
    /// regulation governs (a damaged file, the same bytes twice).
    public static func citation(for code: FindingCode, ruleset: Ruleset) -> Citation? {
        let regulation = standard(ruleset).regulation
        let article: String?
        switch code {
        case .emptyFile, .fileTooLarge, .legacyWordFormat, .encryptedDocument, .notAZip, .corruptArchive,
             .archiveLimitExceeded, .notAWordDocument, .unsafeXML, .malformedXML, .legacyFontConverted,
             .trackedChanges, .duplicateSubmission, .fileUnreadable, .rosterRowUnreadable, .packageMalformed, .packageUnsigned,
             .packageTampered, .packageUnknownKey, .packageBoardMismatch, .packageYearMismatch, .packageSuperseded:
            return nil
        case .notAReviewForm, .missingField, .invalidValue, .ambiguousChoice, .levelDiffersFromSelf, .yearMismatch:
            // The form itself (the templates the guidance attaches) or the review year.
            article = nil
        case .classifiedBeforeReview, .dateOrder:
            // Review before classification; the order of the steps. [C] docs/domain §4.
            article = [.y2019: "HD 21 tiểu mục 6 mục II", .y2023: "QĐ 124 Điều 11"][ruleset]
        case .levelCapped, .decisionConflictsWithRule:
            // The caps of RuleBook: civil-servant link and sick leave (2019), poor criterion and
            // discipline (2023 on), score bands (2025).
            article = [.y2019: "HD 21 tiểu mục 2.3, tiểu mục 6 mục II", .y2023: "QĐ 124 Điều 12 khoản 4.3",
                       .y2025: "QĐ 366 Điều 11"][ruleset]
        case .quotaExceeded:
            article = [.y2019: "HD 21 tiểu mục 2.3", .y2023: "QĐ 124 Điều 12"][ruleset]
        case .exemptMember:
            article = [.y2019: "HD 21 tiểu mục 6 mục II", .y2023: "QĐ 124 Điều 5 khoản 2"][ruleset]
        }
        // An article not confirmed for the year (docs: [I]) is left out rather than guessed.
        return Citation(regulation: regulation, article: article)
    }
}

extension RuleBook {
    /// What `finding` rests on: the rule it carries (docs/rules.md), else what its code rests on.
    public static func citation(for finding: Finding, ruleset: Ruleset) -> Citation? {
        if let rule = finding.rule { return Citation(regulation: rule.regulation, article: rule.article) }
        return citation(for: finding.code, ruleset: ruleset)
    }
}
