/// The facts behind a finding that only its finder knows, as data: the writers word them in the
/// language they are asked for (`text(_:)`). Levels are written as the boards' abbreviations,
/// dates in ISO, both the same in every language.
public enum FindingDetail: Sendable, Hashable, Codable {
    /// A technical fact, the same in every language: a count, a limit, a part ("> 52428800").
    case technical(String)
    /// The year of the batch the form was read in.
    case batchYear(Int)
    /// Two dated steps of one form out of order: `field` is dated after `laterField`.
    case datesReversed(field: String, date: CivilDate, laterField: String, laterDate: CivilDate)
    /// A date outside the review year's window.
    case outsideWindow(field: String, from: CivilDate, to: CivilDate)
    /// An order rule across forms (domain.md §4 in docs/rules.md).
    case order(OrderRule)
    /// A rule lowered a provisional level.
    case capped(from: Level, to: Level)
    /// A competent body's decision conflicts with a rule: the decision is kept.
    case decisionKept(decided: Level, ruleAllows: Level)
    /// The member or organisation is not classified this year.
    case exemption(Exemption)
    /// HTXS over the quota share of HTT in one comparable group.
    case quota(group: String, excellent: Int, good: Int, percent: Int)
    /// An organisation check over the units below it (members or subordinate organisations).
    case share(counted: Int, of: Int, percent: Int)

    public func text(_ language: MessageLanguage) -> String {
        let vi = language == .vi
        switch self {
        case .technical(let text):
            return text
        case .batchYear(let year):
            return vi ? "năm của đợt: \(year)" : "batch year: \(year)"
        case .datesReversed(let field, let date, let laterField, let laterDate):
            let a = DateFieldNames.name(field, language), b = DateFieldNames.name(laterField, language)
            return "\(a) \(date.iso) \(vi ? "sau" : "after") \(b) \(laterDate.iso)"
        case .outsideWindow(let field, let from, let to):
            let name = DateFieldNames.name(field, language)
            return vi ? "\(name) ngoài khoảng \(from.iso) – \(to.iso)" : "\(name) outside \(from.iso) – \(to.iso)"
        case .order(let rule):
            return rule.text(language)
        case .capped(let from, let to):
            return "\(from.abbreviation) → \(to.abbreviation)"
        case .decisionKept(let decided, let allows):
            return vi ? "giữ nguyên quyết định \(decided.abbreviation); theo quy định tối đa \(allows.abbreviation)"
                      : "decision \(decided.abbreviation) kept; the rule allows at most \(allows.abbreviation)"
        case .exemption(let exemption):
            return exemption.text(language)
        case .quota(let group, let excellent, let good, let percent):
            return "\(group): \(excellent) HTXSNV / \(good) HTTNV > \(percent) %"
        case .share(let counted, let total, let percent):
            return "\(counted)/\(total) (\(percent) %)"
        }
    }
}

/// The order of work across forms (docs/rules.md, "Thứ tự").
public enum OrderRule: Sendable, Hashable, Codable {
    /// A member classified before the cell's collective review of `meeting`.
    case memberBeforeCellReview(meeting: CivilDate)
    /// Members of the cell classified before its collective review of `meeting`.
    case membersBeforeCellReview(meeting: CivilDate)
    /// A cell reviewed after the organisation above it.
    case cellAfterOrganisation
    /// An organisation reviewed before one of its cells.
    case organisationBeforeCell
    /// 2025: an organisation classified before its members or subordinate organisations were.
    case organisationBeforeUnits(pending: Int)

    public func text(_ language: MessageLanguage) -> String {
        let vi = language == .vi
        switch self {
        case .memberBeforeCellReview:
            return vi ? "cấp ủy xếp loại trước khi chi bộ họp kiểm điểm tập thể" : "classified before the cell's collective review"
        case .membersBeforeCellReview(let meeting):
            return vi ? "đảng viên đã được xếp loại trước ngày họp kiểm điểm tập thể \(meeting.iso)"
                      : "members classified before the collective review of \(meeting.iso)"
        case .cellAfterOrganisation:
            return vi ? "chi bộ kiểm điểm sau tổ chức cơ sở đảng cấp trên" : "cell reviewed after the grassroots organisation above it"
        case .organisationBeforeCell:
            return vi ? "tổ chức cơ sở đảng kiểm điểm trước chi bộ trực thuộc" : "organisation reviewed before one of its cells"
        case .organisationBeforeUnits(let pending):
            return vi ? "tổ chức đảng được xếp loại khi còn \(pending) đảng viên hoặc tổ chức trực thuộc chưa xếp loại"
                      : "organisation classified while \(pending) of its members or subordinate organisations are not"
        }
    }
}

/// Why a member or an organisation is not classified this year (docs/rules.md, "Miễn").
public enum Exemption: Sendable, Hashable, Codable {
    /// Miễn công tác và sinh hoạt đảng (roster line).
    case exempted(rosterLine: Int?)
    /// Đình chỉ sinh hoạt đảng.
    case suspended(rosterLine: Int?)
    /// Admitted less than `months` months before the review date.
    case newlyAdmitted(admitted: CivilDate, months: Int)
    /// An organisation founded less than `months` months before the review date.
    case newlyFounded(founded: CivilDate, months: Int)

    public func text(_ language: MessageLanguage) -> String {
        let vi = language == .vi
        func line(_ n: Int?) -> String {
            n.map { vi ? " (danh sách dòng \($0))" : " (roster line \($0))" } ?? ""
        }
        switch self {
        case .exempted(let n):
            return (vi ? "miễn công tác và sinh hoạt đảng" : "exempted from Party work") + line(n)
        case .suspended(let n):
            return (vi ? "đình chỉ sinh hoạt đảng" : "suspended") + line(n)
        case .newlyAdmitted(let admitted, let months):
            return vi ? "kết nạp ngày \(admitted.iso), chưa đủ \(months) tháng" : "admitted \(admitted.iso), less than \(months) months"
        case .newlyFounded(let founded, let months):
            return vi ? "thành lập ngày \(founded.iso), chưa đủ \(months) tháng" : "founded \(founded.iso), less than \(months) months"
        }
    }

    /// The short note of the not-submitted list and Biểu 6F, without the roster line.
    public func note(_ language: MessageLanguage) -> String {
        let vi = language == .vi
        switch self {
        case .exempted: return vi ? "Miễn công tác và sinh hoạt đảng" : "Exempted from Party work"
        case .suspended: return vi ? "Đình chỉ sinh hoạt đảng" : "Suspended"
        case .newlyAdmitted(_, let months): return vi ? "Mới kết nạp, chưa đủ \(months) tháng" : "Admitted less than \(months) months ago"
        case .newlyFounded(_, let months): return vi ? "Mới thành lập, chưa đủ \(months) tháng" : "Founded less than \(months) months ago"
        }
    }
}

/// The names of the dated fields in messages.
enum DateFieldNames {
    static func name(_ field: String, _ language: MessageLanguage) -> String {
        let vi = language == .vi
        switch field {
        case "date": return vi ? "ngày tự kiểm điểm" : "self-review date"
        case "cell_review.date": return vi ? "ngày chi bộ đề xuất" : "cell review date"
        case "committee_decision.date": return vi ? "ngày cấp ủy xếp loại" : "committee decision date"
        case "collective.meeting_date": return vi ? "ngày họp kiểm điểm tập thể" : "collective review date"
        case "civil_servant_review.date": return vi ? "ngày thủ trưởng đánh giá" : "civil-servant review date"
        default: return field
        }
    }
}
