import KiemdiemCore

/// Biểu 6F-BTCTW's member column (docs/rules.md "Across forms"): who had to review (the roster),
/// who did (an accepted form), and why the others did not.
public struct ReviewTally: Sendable, Equatable {
    public var required = 0
    public var reviewed = 0
    public var newlyAdmitted = 0
    public var exempted = 0
    public var suspended = 0
    public var missing = 0
    public init() {}

    /// Row 3: not reviewed, whatever the reason; rows 2 and 3 add up to row 1.
    public var notReviewed: Int { newlyAdmitted + exempted + suspended + missing }
}

/// Biểu 6F's Tập thể column: the organisations of the year (the collectives that review), those
/// with an accepted collective report, and why the others have none.
public struct CollectiveTally: Sendable, Equatable {
    public var required = 0
    public var reviewed = 0
    /// Founded too recently to be classified (`YearRules.exemption(founded:year:)`).
    public var newlyFounded = 0
    public var missing = 0
    public init() {}

    public var notReviewed: Int { newlyFounded + missing }
}

extension YearRules {
    /// The Biểu 6F counts of a roster, given the roster lines of the members with an accepted
    /// form. A member `exemption` names a reason for is counted under it, form or not (the form
    /// is kept, never classified: Biểu 6F's row 3 lists them by reason); the others are reviewed
    /// when they have an accepted form, else missing.
    public func reviewTally(_ roster: Roster, reviewedLines: Set<Int>, year: Int) -> ReviewTally {
        var tally = ReviewTally()
        tally.required = roster.entries.count
        for entry in roster.entries {
            switch exemption(entry, year: year) {
            case .exempted?: tally.exempted += 1
            case .suspended?: tally.suspended += 1
            case .newlyAdmitted?: tally.newlyAdmitted += 1
            case .newlyFounded?, nil:
                if reviewedLines.contains(entry.line) { tally.reviewed += 1 } else { tally.missing += 1 }
            }
        }
        return tally
    }

    /// Biểu 6F's Tập thể column over the organisations of the year: each with its founding date
    /// and whether an accepted collective report (Mẫu 01) of it is in the store.
    public func collectiveTally(_ organisations: [(founded: CivilDate?, reported: Bool)], year: Int) -> CollectiveTally {
        var tally = CollectiveTally()
        tally.required = organisations.count
        for organisation in organisations {
            if organisation.reported {
                tally.reviewed += 1
            } else if exemption(founded: organisation.founded, year: year) != nil {
                tally.newlyFounded += 1
            } else {
                tally.missing += 1
            }
        }
        return tally
    }
}

/// Results by level as the Party's statistics count them (Biểu 7A/7B, `Tổng hợp`): each of the
/// four levels, those not classified by rule, those with no level yet; shares are over the
/// classified only.
public struct LevelTally: Sendable, Equatable {
    public var levels: [Level: Int] = [:]
    public var exempt = 0
    public var unclassified = 0
    public init() {}

    /// Counts one result: exempt by its status, else its level, else not classified yet.
    public mutating func count(level: Level?, status: ClassificationStatus) {
        switch (status, level) {
        case (.exempt, _): exempt += 1
        case (_, let level?): levels[level, default: 0] += 1
        case (_, nil): unclassified += 1
        }
    }

    public var classified: Int { Level.allCases.reduce(0) { $0 + levels[$1, default: 0] } }
}

/// Biểu 7A/7B: the results of organisations or of members by type of organisation (loại hình).
public struct ResultsByTypeTally: Sendable, Equatable {
    /// By the type's name; results whose organisation has no type are under `untyped`.
    public var byType: [String: LevelTally] = [:]
    public var total = LevelTally()
    public init() {}

    public static let untyped = "Chưa rõ loại hình"

    public mutating func count(type: OrganisationType?, level: Level?, status: ClassificationStatus) {
        byType[type?.vietnamese ?? Self.untyped, default: LevelTally()].count(level: level, status: status)
        total.count(level: level, status: status)
    }

    /// The type columns in the order of `OrganisationType`, the untyped last; only those with results.
    public static func columns(_ tallies: [ResultsByTypeTally]) -> [String] {
        let used = Set(tallies.flatMap(\.byType.keys))
        return OrganisationType.allCases.map(\.vietnamese).filter(used.contains) + (used.contains(untyped) ? [untyped] : [])
    }
}

extension ResultsByTypeTally {
    /// Biểu 7A's blocks by the organisation's level in the tree (docs/rules.md "Biểu 7A/7B"): the
    /// đảng bộ above the grassroots, the grassroots organisations (đảng bộ cơ sở, chi bộ cơ sở),
    /// the units under them (đảng bộ bộ phận, chi bộ trực thuộc), in that order; an organisation
    /// whose kind is not known is counted apart, last.
    public static let levels = ["Đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng", "Tổ chức cơ sở đảng",
                                "Đảng bộ bộ phận, chi bộ trực thuộc", "Chưa rõ loại tổ chức"]

    public static func level(_ kind: OrganisationKind?) -> String {
        switch kind {
        case .dangBoCapTren?: return levels[0]
        case .dangBoCoSo?, .chiBoCoSo?: return levels[1]
        case .dangBoBoPhan?, .chiBoTrucThuoc?: return levels[2]
        case nil: return levels[3]
        }
    }
}
