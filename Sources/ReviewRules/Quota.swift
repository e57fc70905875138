import KiemdiemCore

/// The HTXS and HTT decisions of one comparable group: a grassroots organisation for members,
/// organisations of one kind under one deciding body for organisations. Named after its first form.
public struct QuotaGroup: Sendable, Equatable {
    public var name: String
    public var excellent = 0
    public var good = 0

    public init(name: String) { self.name = name }

    /// Counts one level. Only decisions count: the quota is for the deciding body, not for
    /// self-ratings or proposals (docs/rules.md "Tỷ lệ").
    public mutating func count(level: Level?, status: ClassificationStatus) {
        guard status == .final else { return }
        if level == .excellent { excellent += 1 }
        if level == .good { good += 1 }
    }
}

extension YearRules {
    /// THE quota rule (docs/rules.md "Tỷ lệ"; HD 21 2.3, QĐ 124 Điều 12, QĐ 366 Điều 11 khoản
    /// 1.5): HTXS at most `quotaRatio` (20 %, up to 25 % configured) of HTT within one group, to
    /// `exact` or `floor` rounding. A warning for the deciding body, never a change of level:
    /// the `QUOTA_EXCEEDED` finding of the group, or `nil` within the quota.
    public func quotaBreach(_ group: QuotaGroup, year: Int, subject: Citations.Subject) -> Finding? {
        let book = book(year: year)
        let allowed = Double(group.good) * book.quotaRatio
        let exceeded = book.quotaRounding == .floor ? group.excellent > Int(allowed.rounded(.down))
                                                    : Double(group.excellent) > allowed
        guard exceeded else { return nil }
        let detail = FindingDetail.quota(group: group.name, excellent: group.excellent, good: group.good,
                                         percent: Citations.percent(book.quotaRatio))
        return Finding(.quotaExceeded, field: "classification.level",
                       evidence: "\(group.name): \(group.excellent) HTXSNV / \(group.good) HTTNV",
                       detail: detail, rule: Citations.quota(book, subject: subject))
    }
}
