import KiemdiemCore

/// The superior's workbook of a roll-up (`kiemdiem rollup`, docs/contract.md §6): the boards'
/// packages counted together. `consolidated` is laid out by the board's own sheets (`Tổng hợp`
/// per chi bộ of every board, `Thống kê`, `Tổ chức đảng`, …); the rows below add the sheets of
/// the level above.
public struct RollupReport: Sendable {
    public var consolidated: ConsolidatedReport
    /// The superior organisation (rollup.yml `superior`).
    public var superior: String
    /// `Tổ chức cấp dưới`: one row per trusted board, counted or not.
    public var boards: [RollupBoardRow]
    /// `Tỷ lệ cấp trên`: the superior's comparable groups of organisations.
    public var quotaGroups: [RollupQuotaRow]
    /// `Chưa đủ`: boards whose package is missing, organisations classified before their subordinates.
    public var gaps: [RollupGapRow]
    /// `Gói kết quả`: every package received and what became of it.
    public var packages: [RollupPackageRow]

    public init(consolidated: ConsolidatedReport, superior: String, boards: [RollupBoardRow],
                quotaGroups: [RollupQuotaRow], gaps: [RollupGapRow], packages: [RollupPackageRow]) {
        self.consolidated = consolidated
        self.superior = superior
        self.boards = boards
        self.quotaGroups = quotaGroups
        self.gaps = gaps
        self.packages = packages
    }
}

public struct RollupBoardRow: Sendable, Equatable {
    public var name: String
    public var kind: OrganisationKind?
    public var type: OrganisationType?
    /// `Đã tính`, `Chưa gửi gói`, `Gói bị từ chối`.
    public var state: String
    public var file: String?
    public var asOf: String?
    /// The members of the board's cells, summed (`partyCell` is the board).
    public var members: CellSummary
    public var reviewCounts: ReviewCounts?
    /// The board's own organisation as its package classified it.
    public var level: Level?
    public var status: ClassificationStatus?

    public init(name: String, kind: OrganisationKind?, type: OrganisationType?, state: String, file: String?, asOf: String?,
                members: CellSummary, reviewCounts: ReviewCounts?, level: Level?, status: ClassificationStatus?) {
        self.name = name
        self.kind = kind
        self.type = type
        self.state = state
        self.file = file
        self.asOf = asOf
        self.members = members
        self.reviewCounts = reviewCounts
        self.level = level
        self.status = status
    }
}

public struct RollupQuotaRow: Sendable, Equatable {
    public var group: String
    public var excellent: Int
    public var good: Int
    /// The group's `QUOTA_EXCEEDED`, or `nil` within the quota.
    public var breach: Finding?

    public init(group: String, excellent: Int, good: Int, breach: Finding?) {
        self.group = group
        self.excellent = excellent
        self.good = good
        self.breach = breach
    }
}

public struct RollupGapRow: Sendable, Equatable {
    public var organisation: String
    public var board: String
    public var problem: String
    public var detail: String?

    public init(organisation: String, board: String, problem: String, detail: String?) {
        self.organisation = organisation
        self.board = board
        self.problem = problem
        self.detail = detail
    }
}

public struct RollupPackageRow: Sendable, Equatable {
    public var file: String
    public var board: String?
    public var year: Int?
    /// `Được tính`, `Trùng (đã tính một lần)`, `Bị thay thế`, `Bị từ chối`.
    public var state: String
    public var finding: Finding?
    public var asOf: String?
    /// "rejections 12 dòng · 1a2b3c4d5e6f; audit 40 dòng · 9f8e7d6c5b4a".
    public var logs: String?
    public var sha256: String

    public init(file: String, board: String?, year: Int?, state: String, finding: Finding?, asOf: String?, logs: String?,
                sha256: String) {
        self.file = file
        self.board = board
        self.year = year
        self.state = state
        self.finding = finding
        self.asOf = asOf
        self.logs = logs
        self.sha256 = sha256
    }
}

extension CellSummary {
    /// The counts of two rows together (the roll-up sums a board's cells, or one cell of two boards).
    public func adding(_ other: CellSummary) -> CellSummary {
        var sum = self
        sum.submitted += other.submitted
        sum.accepted += other.accepted
        sum.rejected += other.rejected
        sum.exempt += other.exempt
        sum.unclassified += other.unclassified
        sum.levels.merge(other.levels, uniquingKeysWith: +)
        return sum
    }
}

extension ReviewCounts {
    /// Biểu 6F of two boards together.
    public func adding(_ other: ReviewCounts) -> ReviewCounts {
        ReviewCounts(required: required + other.required, reviewed: reviewed + other.reviewed,
                     newlyAdmitted: newlyAdmitted + other.newlyAdmitted, exempted: exempted + other.exempted,
                     suspended: suspended + other.suspended, missing: missing + other.missing)
    }
}
