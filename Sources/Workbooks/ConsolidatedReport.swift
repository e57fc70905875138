import KiemdiemCore

/// Everything the consolidated workbook shows, already counted: the writer only lays it out.
public struct ConsolidatedReport: Sendable, Equatable {
    public var year: Int
    /// The organisation the report is for (document author), e.g. "Đảng bộ Khối Cơ quan tỉnh".
    public var organisation: String?
    /// One row per party cell, in display order; the writer adds the `Tổng cộng` row.
    public var cells: [CellSummary]
    /// One row per accepted member (latest form).
    public var members: [MemberRow]
    /// One row per finding of a rejected form.
    public var rejections: [RejectionRow]
    /// Warnings worth the board's eye: on accepted forms, and of the batch (`QUOTA_EXCEEDED`).
    public var warnings: [RejectionRow]
    /// Roster members with no form; `nil` when no roster is configured (no sheet is written).
    public var notSubmitted: [NotSubmittedRow]?
    /// Who had to review and who did (Biểu 6F-BTCTW); needs a roster, `nil` otherwise.
    public var reviewCounts: ReviewCounts?
    /// The organisations of the year and their classification (`Tổ chức đảng`); none, no sheet.
    public var organisations: [OrganisationResult] = []
    /// The language findings and rules are worded in on the sheets that word them.
    public var language: MessageLanguage = .vi
    /// Seconds since 1970 stamped as the creation time (from SOURCE_DATE_EPOCH when set), so the
    /// same store gives a byte-identical workbook.
    public var createdAt: Int64
    /// The audit logs' heads when the workbook was made ("Nhật ký: 56 dòng · 1a2b3c4d5e6f · quyết
    /// định: 412 dòng · 9f8e7d6c5b4a", docs/contract.md §4.1), printed in every sheet's footer so an
    /// auditor holding the workbook can note them and check them later with `verify-log --anchor`.
    public var logAnchor: String?
    /// The Party document's frame of every sheet: organisation, place and date, signers, the rules.
    public var frame = DocumentFrame()
    /// Members whose latest form was refused (`Cần nộp lại`), one row each.
    public var resubmissions: [ResubmitRow] = []
    /// Collective reports (Mẫu 01) of the year by their latest verdict: said apart from members.
    public var collectiveReports = CollectiveCounts()
    /// The results of organisations and of members by level × type of organisation (7A/7B).
    public var resultsByType: ResultsByType?
    /// The cell this report was restricted to (`restricted(toCell:)`), `nil` for the whole report.
    public var restrictedToCell: String?

    public init(year: Int, organisation: String? = nil, cells: [CellSummary] = [], members: [MemberRow] = [],
                rejections: [RejectionRow] = [], warnings: [RejectionRow] = [], notSubmitted: [NotSubmittedRow]? = nil,
                createdAt: Int64 = 0) {
        self.year = year
        self.organisation = organisation
        self.cells = cells
        self.members = members
        self.rejections = rejections
        self.warnings = warnings
        self.notSubmitted = notSubmitted
        self.createdAt = createdAt
    }

    /// The part of the report one party cell's secretary needs: its row, its members, its
    /// refusals and warnings, and those of its members who have not submitted.
    public func restricted(toCell cell: String) -> ConsolidatedReport {
        let key = OrganisationKey.cell(cell)
        func mine(_ name: String?) -> Bool { name.map(OrganisationKey.cell) == key }
        var copy = self
        copy.cells = cells.filter { mine($0.partyCell) }
        copy.members = members.filter { mine($0.partyCell) }
        copy.rejections = rejections.filter { mine($0.partyCell) }
        copy.warnings = warnings.filter { mine($0.partyCell) }
        copy.notSubmitted = notSubmitted?.filter { mine($0.partyCell) }
        copy.resubmissions = resubmissions.filter { mine($0.partyCell) }
        copy.reviewCounts = nil
        copy.resultsByType = nil
        copy.collectiveReports = CollectiveCounts()
        copy.frame.superior = frame.unit ?? organisation
        copy.frame.unit = cell
        copy.restrictedToCell = cell
        copy.organisations = organisations.filter { OrganisationKey.ofCell(cell) == $0.organisation.key }
        copy.organisation = cell
        return copy
    }

    /// The same report with the Biểu 6F counts.
    public func with(reviewCounts: ReviewCounts?) -> ConsolidatedReport {
        var copy = self
        copy.reviewCounts = reviewCounts
        return copy
    }

    /// Row 1 of `Tổng hợp`.
    public var title: String { "TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM \(year)" }
}

/// One row of `Tổng hợp` (contract §5).
public struct CellSummary: Sendable, Equatable {
    public var partyCell: String
    public var partyCommittee: String?
    /// The organisation above the committee (the đảng bộ cấp trên), when the organisations of the
    /// year place it: `Tổng hợp` then sums the committees under it too.
    public var superiorCommittee: String?
    /// `Đã nộp`: distinct members with at least one submission.
    public var submitted: Int
    /// `Hợp lệ`: distinct members whose latest form is accepted.
    public var accepted: Int
    /// `Bị từ chối`: distinct members whose latest form is rejected.
    public var rejected: Int
    /// `Không xếp loại`: accepted members exempt from classification.
    public var exempt: Int
    /// `HTXSNV` … `KHTNV`: final or provisional levels of accepted forms.
    public var levels: [Level: Int]
    /// `Chưa xếp loại`: accepted forms with no level.
    public var unclassified: Int

    public init(partyCell: String, partyCommittee: String? = nil, submitted: Int = 0, accepted: Int = 0, rejected: Int = 0,
                exempt: Int = 0, levels: [Level: Int] = [:], unclassified: Int = 0) {
        self.partyCell = partyCell
        self.partyCommittee = partyCommittee
        self.submitted = submitted
        self.accepted = accepted
        self.rejected = rejected
        self.exempt = exempt
        self.levels = levels
        self.unclassified = unclassified
    }
}

/// One row of `Đảng viên`.
public struct MemberRow: Sendable, Equatable {
    public var fullName: String
    public var dateOfBirth: CivilDate?
    public var partyCell: String?
    public var partyCommittee: String?
    public var selfLevel: Level?
    public var cellProposal: Level?
    public var committeeLevel: Level?
    public var result: Level?
    public var status: ClassificationStatus
    public var file: String
    /// What the member's levels of consecutive years say ("Hai năm liền không hoàn thành nhiệm
    /// vụ", "3 năm liền hoàn thành xuất sắc nhiệm vụ"), from every year of the store.
    public var history: String?
    /// Why a rule had a say on `result` (capped, or a decision kept against it), worded.
    public var reason: String?

    public init(fullName: String, dateOfBirth: CivilDate?, partyCell: String?, partyCommittee: String? = nil,
                selfLevel: Level?, cellProposal: Level?, committeeLevel: Level?, result: Level?,
                status: ClassificationStatus, file: String, history: String? = nil, reason: String? = nil) {
        self.history = history
        self.reason = reason
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.partyCell = partyCell
        self.partyCommittee = partyCommittee
        self.selfLevel = selfLevel
        self.cellProposal = cellProposal
        self.committeeLevel = committeeLevel
        self.result = result
        self.status = status
        self.file = file
    }
}

/// One row of `Bị từ chối`.
public struct RejectionRow: Sendable, Equatable {
    public var file: String
    public var code: FindingCode
    public var field: String?
    public var reason: String
    public var fullName: String?
    public var partyCell: String?

    public init(file: String, code: FindingCode, field: String?, reason: String, fullName: String?, partyCell: String?) {
        self.file = file
        self.code = code
        self.field = field
        self.reason = reason
        self.fullName = fullName
        self.partyCell = partyCell
    }
}

/// One row of `Chưa nộp`.
public struct NotSubmittedRow: Sendable, Equatable {
    public var fullName: String
    public var dateOfBirth: CivilDate?
    public var partyCell: String?
    public var grassroots: String?
    /// Why the member need not review, when the roster says so.
    public var note: String?

    public init(fullName: String, dateOfBirth: CivilDate?, partyCell: String?, grassroots: String?, note: String?) {
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.partyCell = partyCell
        self.grassroots = grassroots
        self.note = note
    }
}

/// The review counts of Biểu 6F-BTCTW ("Thống kê kết quả kiểm điểm"), from the roster.
public struct ReviewCounts: Sendable, Equatable {
    /// Members on the roster: those who had to review.
    public var required: Int
    /// Roster members with an accepted form.
    public var reviewed: Int
    /// Not reviewed, by reason.
    public var newlyAdmitted: Int
    public var exempted: Int
    public var suspended: Int
    public var missing: Int
    /// Biểu 6F's Tập thể column: the organisations of the year, `nil` when none is known.
    public var collectives: CollectiveReview6F?
    /// Whether the member column comes from a roster (without one, only `reviewed` is known).
    public var fromRoster = true

    public init(required: Int = 0, reviewed: Int = 0, newlyAdmitted: Int = 0, exempted: Int = 0, suspended: Int = 0,
                missing: Int = 0) {
        self.required = required
        self.reviewed = reviewed
        self.newlyAdmitted = newlyAdmitted
        self.exempted = exempted
        self.suspended = suspended
        self.missing = missing
    }

    public var notReviewed: Int { newlyAdmitted + exempted + suspended + missing }
}

/// One row of `Cần nộp lại`: a member whose latest form was refused, with why in one line.
public struct ResubmitRow: Sendable, Equatable {
    public var fullName: String?
    public var dateOfBirth: CivilDate?
    public var partyCell: String?
    public var partyCommittee: String?
    public var file: String
    /// When the refused file arrived ("2020-12-31", the store's day).
    public var received: String?
    /// The codes of the errors, comma-separated, for filtering.
    public var codes: String
    /// The errors' messages joined in one line.
    public var reason: String

    public init(fullName: String?, dateOfBirth: CivilDate?, partyCell: String?, partyCommittee: String?, file: String,
                received: String?, codes: String, reason: String) {
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.partyCell = partyCell
        self.partyCommittee = partyCommittee
        self.file = file
        self.received = received
        self.codes = codes
        self.reason = reason
    }
}

/// Collective reports (Mẫu 01) of the year, by the latest verdict of each organisation's report.
public struct CollectiveCounts: Sendable, Equatable {
    public var accepted = 0
    public var rejected = 0
    public init(accepted: Int = 0, rejected: Int = 0) {
        self.accepted = accepted
        self.rejected = rejected
    }
}

/// Counts by level, with the base of the shares: those classified (given one of the four levels).
public struct LevelCounts: Sendable, Equatable {
    public var levels: [Level: Int] = [:]
    /// Not classified by rule (exempt, newly founded).
    public var exempt = 0
    /// Not classified yet (no level decided or proposed).
    public var unclassified = 0

    public init(levels: [Level: Int] = [:], exempt: Int = 0, unclassified: Int = 0) {
        self.levels = levels
        self.exempt = exempt
        self.unclassified = unclassified
    }

    public var classified: Int { Level.allCases.reduce(0) { $0 + levels[$1, default: 0] } }
    public var total: Int { classified + exempt + unclassified }

    /// The level's share of those classified, as the Party reports it; `nil` when none was.
    public func share(_ level: Level) -> Double? {
        classified > 0 ? Double(levels[level, default: 0]) / Double(classified) : nil
    }
}

/// Biểu 7A/7B's layout: results by level, in total and by type of organisation (loại hình).
public struct ResultsByType: Sendable, Equatable {
    /// The types in column order, as the board names them ("Xã", "Doanh nghiệp cổ phần", …; the
    /// last may be "Chưa rõ loại hình").
    public var types: [String]
    /// Organisations (tổ chức đảng) by type, and all of them.
    public var organisations: [String: LevelCounts]
    public var organisationsTotal: LevelCounts
    /// Members by the type of their organisation, and all of them.
    public var members: [String: LevelCounts]
    public var membersTotal: LevelCounts
    /// The organisations again by their level in the tree (Biểu 7A's blocks), in order: the
    /// level's name, its organisations by type and all of them; only the levels that have some.
    public var organisationLevels: [(name: String, byType: [String: LevelCounts], total: LevelCounts)] = []

    public static func == (a: ResultsByType, b: ResultsByType) -> Bool {
        a.types == b.types && a.organisations == b.organisations && a.organisationsTotal == b.organisationsTotal
            && a.members == b.members && a.membersTotal == b.membersTotal
            && a.organisationLevels.map(\.name) == b.organisationLevels.map(\.name)
            && a.organisationLevels.map(\.byType) == b.organisationLevels.map(\.byType)
            && a.organisationLevels.map(\.total) == b.organisationLevels.map(\.total)
    }

    public init(types: [String], organisations: [String: LevelCounts], organisationsTotal: LevelCounts,
                members: [String: LevelCounts], membersTotal: LevelCounts) {
        self.types = types
        self.organisations = organisations
        self.organisationsTotal = organisationsTotal
        self.members = members
        self.membersTotal = membersTotal
    }
}

/// Biểu 6F's Tập thể column: organisations that had to review, those with an accepted collective
/// report, and why the others have none.
public struct CollectiveReview6F: Sendable, Equatable {
    public var required = 0
    public var reviewed = 0
    public var newlyFounded = 0
    public var missing = 0
    public init(required: Int = 0, reviewed: Int = 0, newlyFounded: Int = 0, missing: Int = 0) {
        self.required = required
        self.reviewed = reviewed
        self.newlyFounded = newlyFounded
        self.missing = missing
    }
    public var notReviewed: Int { newlyFounded + missing }
}
