/// Individual self-review (Bản kiểm điểm cá nhân) or collective report (Báo cáo kiểm điểm tập thể).
public enum FormKind: String, Sendable, Codable {
    case individual, collective
}

/// Which printed template the form follows (contract §2 `form.template`).
public enum FormTemplate: String, Sendable, Codable, CaseIterable {
    case mau02of2019 = "02-2019"
    case mau02Aof2023 = "02A-2023"
    case mau02Bof2023 = "02B-2023"
    case mau2Aof2025 = "2A-2025"
    case mau2Bof2025 = "2B-2025"
    case mau2Cof2025 = "2C-2025"
    case mau01 = "01"
    case unknown
}

/// The identity block of an individual form.
public struct Member: Sendable, Equatable, Codable {
    public var fullName: String?
    public var dateOfBirth: CivilDate?
    public var partyPosition: String?
    public var governmentPosition: String?
    public var massOrganisationPosition: String?
    public var workUnit: String?

    public init(fullName: String? = nil, dateOfBirth: CivilDate? = nil, partyPosition: String? = nil,
                governmentPosition: String? = nil, massOrganisationPosition: String? = nil, workUnit: String? = nil) {
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.partyPosition = partyPosition
        self.governmentPosition = governmentPosition
        self.massOrganisationPosition = massOrganisationPosition
        self.workUnit = workUnit
    }
}

/// Sections I–VI of the form, as text: paragraphs joined by "\n", sub-items kept, choice rows left out.
public struct ReviewSections: Sendable, Equatable, Codable {
    /// I. Ưu điểm, kết quả đạt được
    public var strengths: String?
    /// II. Hạn chế, khuyết điểm và nguyên nhân
    public var shortcomings: String?
    /// III. Kết quả khắc phục những hạn chế, khuyết điểm…
    public var remediation: String?
    /// IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)
    public var explanations: String?
    /// V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)
    public var collectiveResponsibility: String?
    /// VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm
    public var improvementPlan: String?

    public init() {}
}

/// One "Tự đánh giá về cấp độ thực hiện" choice: I.1, I.2, leaders' items, III.
public struct CriterionEntry: Sendable, Equatable, Codable {
    public var item: String
    public var rating: CriterionRating
    public init(item: String, rating: CriterionRating) {
        self.item = item
        self.rating = rating
    }
}

/// Section VII: the levels the member claims.
public struct SelfAssessment: Sendable, Equatable, Codable {
    public var civilServantLevel: Level?
    public var partyMemberLevel: Level?
    public init(civilServantLevel: Level? = nil, partyMemberLevel: Level? = nil) {
        self.civilServantLevel = civilServantLevel
        self.partyMemberLevel = partyMemberLevel
    }
}

/// The chi bộ's comment and proposal ("Chi bộ đề xuất xếp loại mức chất lượng").
public struct CellReview: Sendable, Equatable, Codable {
    public var comment: String?
    public var proposedLevel: Level?
    public var date: CivilDate?
    public init(comment: String? = nil, proposedLevel: Level? = nil, date: CivilDate? = nil) {
        self.comment = comment
        self.proposedLevel = proposedLevel
        self.date = date
    }
    public var isEmpty: Bool { comment == nil && proposedLevel == nil && date == nil }
}

/// The head of agency's assessment of a member who is a civil servant ("Đánh giá, xếp loại chất
/// lượng công chức, viên chức"), present on the forms of civil servants only.
public struct CivilServantReview: Sendable, Equatable, Codable {
    public var comment: String?
    public var level: Level?
    public var date: CivilDate?
    public init(comment: String? = nil, level: Level? = nil, date: CivilDate? = nil) {
        self.comment = comment
        self.level = level
        self.date = date
    }
    public var isEmpty: Bool { comment == nil && level == nil && date == nil }
}

/// The grassroots committee's decision ("Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng").
public struct CommitteeDecision: Sendable, Equatable, Codable {
    public var level: Level?
    public var date: CivilDate?
    public init(level: Level? = nil, date: CivilDate? = nil) {
        self.level = level
        self.date = date
    }
    public var isEmpty: Bool { level == nil && date == nil }
}

/// The 100-point score table of the 2025 forms.
public struct ScoreSheet: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable, Codable {
        public var criterion: String
        public var max: Double?
        public var selfScore: Double?
        public init(criterion: String, max: Double?, selfScore: Double?) {
            self.criterion = criterion
            self.max = max
            self.selfScore = selfScore
        }
    }
    public var items: [Item]
    public var total: Double?
    public init(items: [Item] = [], total: Double? = nil) {
        self.items = items
        self.total = total
    }
}

/// What only a collective report (Mẫu 01) carries: the collective's own level, the date of the
/// review meeting, and who signed for the collective.
public struct CollectiveReview: Sendable, Equatable, Codable {
    public var level: Level?
    public var meetingDate: CivilDate?
    /// "T/M CHI ỦY", "T/M CHI BỘ", "T/M ĐẢNG ỦY", as written.
    public var signerRole: String?
    public init(level: Level? = nil, meetingDate: CivilDate? = nil, signerRole: String? = nil) {
        self.level = level
        self.meetingDate = meetingDate
        self.signerRole = signerRole
    }
}

/// Everything extracted from one form. Absent values are `nil`, never "".
public struct ReviewForm: Sendable, Equatable, Codable {
    public var kind: FormKind
    public var template: FormTemplate
    public var year: Int?
    public var partyCommittee: String?
    public var partyCell: String?
    public var place: String?
    public var date: CivilDate?
    public var member: Member
    public var sections: ReviewSections
    public var criteria: [CriterionEntry]
    public var selfAssessment: SelfAssessment
    public var signature: String?
    public var cellReview: CellReview
    public var committeeDecision: CommitteeDecision
    public var score: ScoreSheet?
    /// Set for collective reports only.
    public var collective: CollectiveReview?
    /// Set when the form carries a filled civil-servant assessment block.
    public var civilServantReview: CivilServantReview?

    public init(kind: FormKind = .individual, template: FormTemplate = .unknown) {
        self.kind = kind
        self.template = template
        self.member = Member()
        self.sections = ReviewSections()
        self.criteria = []
        self.selfAssessment = SelfAssessment()
        self.cellReview = CellReview()
        self.committeeDecision = CommitteeDecision()
    }

    /// The review-year ruleset key of contract §2: 2019–2022 → 2019, 2023–2024 → 2023, 2025 on → 2025.
    public var ruleset: Ruleset? { year.map(Ruleset.init(reviewYear:)) }
}

/// The year-specific rule sets (QĐ 132/HD 21, QĐ 124/HD 25, QĐ 366/HD 43).
public enum Ruleset: String, Sendable, Codable, CaseIterable {
    case y2019 = "2019"
    case y2023 = "2023"
    case y2025 = "2025"

    public init(reviewYear: Int) {
        switch reviewYear {
        case ..<2023: self = .y2019
        case 2023...2024: self = .y2023
        default: self = .y2025
        }
    }
}

/// How sure the level is (contract §2 `classification.status`).
public enum ClassificationStatus: String, Sendable, Codable {
    case final, provisional, exempt, unclassified

    /// How the board and the operator read the status of a level (the workbook, `inspect`).
    public var vietnamese: String {
        switch self {
        case .final: return "Chính thức"
        case .provisional: return "Tạm thời"
        case .exempt: return "Không xếp loại"
        case .unclassified: return "Chưa xếp loại"
        }
    }
}

/// Where the level came from (contract §2 `classification.basis`).
public enum ClassificationBasis: String, Sendable, Codable {
    case committeeDecision = "committee_decision"
    case cellReview = "cell_review"
    case selfAssessment = "self_assessment"
    case rule
}

/// The member's (or organisation's) level after the rules of the form's year.
public struct Classification: Sendable, Equatable, Codable {
    public var level: Level?
    public var status: ClassificationStatus
    public var basis: ClassificationBasis?
    public var ruleset: Ruleset?
    /// Why a rule had a say: a provisional level it capped, or a decision that conflicts with it
    /// and is kept. Shown beside the level wherever the level is shown.
    public var reasons: [LevelReason]
    public init(level: Level?, status: ClassificationStatus, basis: ClassificationBasis?, ruleset: Ruleset?,
                reasons: [LevelReason] = []) {
        self.level = level
        self.status = status
        self.basis = basis
        self.ruleset = ruleset
        self.reasons = reasons
    }

    public static func unclassified(_ ruleset: Ruleset?) -> Classification {
        Classification(level: nil, status: .unclassified, basis: nil, ruleset: ruleset)
    }
}

/// A rule's say on a level: it capped a provisional level (`capped`), or it would have and the
/// competent body's decision is kept (`decisionKept`).
public struct LevelReason: Sendable, Hashable, Codable {
    public var rule: RuleCitation
    public var detail: FindingDetail

    public init(rule: RuleCitation, detail: FindingDetail) {
        self.rule = rule
        self.detail = detail
    }

    /// "HTTNV → KHTNV: bị kỷ luật trong năm — QĐ 124-QĐ/TW, Điều 12 khoản 4.3".
    public func text(_ language: MessageLanguage) -> String {
        detail.text(language) + ": " + rule.text(language)
    }

    /// Several reasons on one line, for a sheet cell.
    public static func text(_ reasons: [LevelReason], _ language: MessageLanguage) -> String? {
        reasons.isEmpty ? nil : reasons.map { $0.text(language) }.joined(separator: "; ")
    }
}
