import KiemdiemCore

/// What a member's levels over consecutive review years say, as the regulations use them: two
/// years running "Không hoàn thành nhiệm vụ" puts the member up for screening (the cell considers
/// removal), and years running "Hoàn thành xuất sắc nhiệm vụ" ground the awards. The flags only
/// point; the cell and the committee decide. Read from every year of the store (docs/contract.md §4.3).
public enum HistoryFlag: Sendable, Equatable, Hashable {
    /// Unsatisfactory this year and the year before.
    case twoYearsUnsatisfactory
    /// Excellent this many years running, ending this year (at least 2).
    case excellentYears(Int)

    public var vietnamese: String {
        switch self {
        case .twoYearsUnsatisfactory: return "Hai năm liền không hoàn thành nhiệm vụ"
        case .excellentYears(let n): return "\(n) năm liền hoàn thành xuất sắc nhiệm vụ"
        }
    }

    /// Stable names for JSON and CSV readers.
    public var code: String {
        switch self {
        case .twoYearsUnsatisfactory: return "TWO_YEARS_UNSATISFACTORY"
        case .excellentYears(let n): return "EXCELLENT_\(n)_YEARS"
        }
    }

    /// The only levels `flags` looks at: a store read for the flags may leave the others out.
    public static let levels: Set<Level> = [.excellent, .unsatisfactory]

    /// The flags of `year` given a member's final level per review year. A year missing from
    /// `levels` (not submitted, not classified, exempt) breaks a run.
    public static func flags(levels: [Int: Level], year: Int) -> [HistoryFlag] {
        guard let current = levels[year] else { return [] }
        var flags: [HistoryFlag] = []
        if current == .unsatisfactory, levels[year - 1] == .unsatisfactory { flags.append(.twoYearsUnsatisfactory) }
        if current == .excellent {
            var run = 1
            while levels[year - run] == .excellent { run += 1 }
            if run >= 2 { flags.append(.excellentYears(run)) }
        }
        return flags
    }
}
