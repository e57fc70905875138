import KiemdiemCore

/// One board's results of one review year, as it sends them to the level above
/// (docs/contract.md §6): who the board is and what state of its store the package shows, the
/// counts of its workbook, its organisations as classified, every member's result and every
/// refused file, each with its findings as data (the superior words them in its own language).
public struct ResultPackage: Sendable, Equatable, Codable {
    public var board: BoardPart
    public var statistics: StatisticsPart
    public var organisations: [OrganisationResult]
    public var members: [PackageMember]
    public var rejected: [PackageRejectedFile]

    public static let schema = "kiemdiem.package/1"
    /// The file name ending a rollup's intake takes ("ket-qua-2025-dang-bo-xa-trieu-phong.kiemdiem").
    public static let fileExtension = "kiemdiem"

    public init(board: BoardPart, statistics: StatisticsPart, organisations: [OrganisationResult],
                members: [PackageMember], rejected: [PackageRejectedFile]) {
        self.board = board
        self.statistics = statistics
        self.organisations = organisations
        self.members = members
        self.rejected = rejected
    }
}

/// The package's first part: the board, the year, the rules and program that counted, and the
/// state of the board's store it was made from.
public struct BoardPart: Sendable, Equatable, Codable {
    public var schema: String
    public var year: Int
    /// The organisation the board reports for, as written, and its `OrganisationKey.organisation`.
    public var name: String
    public var key: String
    public var ruleset: String
    /// "kiemdiem 0.1.0".
    public var program: String
    /// The store's own time of its last run ("2025-12-31T22:05:09+07:00"); `nil` before any run.
    /// The only time in the package, so the same store gives the same bytes.
    public var asOf: String?
    /// The logs' anchors in the board's store: line count and the last line's SHA-256
    /// (docs/contract.md §4.1), so the superior can note them and the board prove them later.
    public var logs: [PackageLog]

    public init(year: Int, name: String, key: String, ruleset: String, program: String, asOf: String?, logs: [PackageLog]) {
        self.schema = ResultPackage.schema
        self.year = year
        self.name = name
        self.key = key
        self.ruleset = ruleset
        self.program = program
        self.asOf = asOf
        self.logs = logs
    }
}

public struct PackageLog: Sendable, Equatable, Codable {
    /// `rejections` or `audit`.
    public var log: String
    public var lines: Int
    public var headSha256: String?

    public init(log: String, lines: Int, headSha256: String?) {
        self.log = log
        self.lines = lines
        self.headSha256 = headSha256
    }
}

/// Counts by level, named so the package reads without a table of codes.
public struct LevelCounts: Sendable, Equatable, Codable {
    public var excellent = 0
    public var good = 0
    public var satisfactory = 0
    public var unsatisfactory = 0

    public init() {}

    public init(_ levels: [Level: Int]) {
        excellent = levels[.excellent, default: 0]
        good = levels[.good, default: 0]
        satisfactory = levels[.satisfactory, default: 0]
        unsatisfactory = levels[.unsatisfactory, default: 0]
    }

    public subscript(level: Level) -> Int {
        get {
            switch level {
            case .excellent: return excellent
            case .good: return good
            case .satisfactory: return satisfactory
            case .unsatisfactory: return unsatisfactory
            }
        }
        set {
            switch level {
            case .excellent: excellent = newValue
            case .good: good = newValue
            case .satisfactory: satisfactory = newValue
            case .unsatisfactory: unsatisfactory = newValue
            }
        }
    }

    public static func + (a: LevelCounts, b: LevelCounts) -> LevelCounts {
        var sum = a
        for level in Level.allCases { sum[level] += b[level] }
        return sum
    }
}

/// One row of the board's `Tổng hợp` (contract §5 definitions).
public struct PackageCell: Sendable, Equatable, Codable {
    public var partyCell: String
    public var partyCommittee: String?
    public var submitted: Int
    public var accepted: Int
    public var rejected: Int
    public var exempt: Int
    public var levels: LevelCounts
    public var unclassified: Int

    public init(partyCell: String, partyCommittee: String?, submitted: Int, accepted: Int, rejected: Int, exempt: Int,
                levels: LevelCounts, unclassified: Int) {
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

/// Biểu 6F's member column, from the board's roster (ReviewRules `ReviewTally`).
public struct PackageReviewCounts: Sendable, Equatable, Codable {
    public var required: Int
    public var reviewed: Int
    public var newlyAdmitted: Int
    public var exempted: Int
    public var suspended: Int
    public var missing: Int

    public init(required: Int, reviewed: Int, newlyAdmitted: Int, exempted: Int, suspended: Int, missing: Int) {
        self.required = required
        self.reviewed = reviewed
        self.newlyAdmitted = newlyAdmitted
        self.exempted = exempted
        self.suspended = suspended
        self.missing = missing
    }
}

public struct StatisticsPart: Sendable, Equatable, Codable {
    /// The board's cells in its workbook's order.
    public var cells: [PackageCell]
    /// `nil` when the board keeps no roster.
    public var reviewCounts: PackageReviewCounts?
    /// The member quota breaches of its grassroots organisations (`QUOTA_EXCEEDED`).
    public var quota: [Finding]

    public init(cells: [PackageCell], reviewCounts: PackageReviewCounts?, quota: [Finding]) {
        self.cells = cells
        self.reviewCounts = reviewCounts
        self.quota = quota
    }
}

/// A member's current accepted form and its result.
public struct PackageMember: Sendable, Equatable, Codable {
    public var fullName: String
    public var dateOfBirth: CivilDate?
    public var partyCell: String?
    public var partyCommittee: String?
    public var selfLevel: Level?
    public var cellLevel: Level?
    public var committeeLevel: Level?
    public var level: Level?
    public var status: ClassificationStatus
    public var basis: ClassificationBasis?
    public var ruleset: Ruleset?
    public var reasons: [LevelReason]
    public var file: String
    public var sha256: String
    public var findings: [Finding]

    public init(fullName: String, dateOfBirth: CivilDate?, partyCell: String?, partyCommittee: String?, selfLevel: Level?,
                cellLevel: Level?, committeeLevel: Level?, level: Level?, status: ClassificationStatus,
                basis: ClassificationBasis?, ruleset: Ruleset?, reasons: [LevelReason], file: String, sha256: String,
                findings: [Finding]) {
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.partyCell = partyCell
        self.partyCommittee = partyCommittee
        self.selfLevel = selfLevel
        self.cellLevel = cellLevel
        self.committeeLevel = committeeLevel
        self.level = level
        self.status = status
        self.basis = basis
        self.ruleset = ruleset
        self.reasons = reasons
        self.file = file
        self.sha256 = sha256
        self.findings = findings
    }
}

/// A file the board refused, with its findings.
public struct PackageRejectedFile: Sendable, Equatable, Codable {
    public var file: String
    public var sha256: String
    public var fullName: String?
    public var partyCell: String?
    public var partyCommittee: String?
    public var findings: [Finding]

    public init(file: String, sha256: String, fullName: String?, partyCell: String?, partyCommittee: String?,
                findings: [Finding]) {
        self.file = file
        self.sha256 = sha256
        self.fullName = fullName
        self.partyCell = partyCell
        self.partyCommittee = partyCommittee
        self.findings = findings
    }
}
