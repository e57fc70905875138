import KiemdiemCore

/// Every rule's citation: its id, regulation, article and whether a source confirms it, as
/// docs/rules.md lists them. Findings and levels carry these, so the writers can name the rule
/// and the audit log its regulation, without knowing any rule.
public enum Citations {
    // MARK: Members (docs/rules.md "Đảng viên")

    public static func civilServantLink(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "member.civil-servant-link", regulation: book.regulation, article: "tiểu mục 2.3",
                     vietnamese: "xếp loại đảng viên không cao hơn xếp loại công chức, viên chức ở mức HTXSNV/KHTNV",
                     english: "the Party level follows the civil-servant level at HTXSNV and KHTNV")
    }

    public static func poorCriterion(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "member.poor-criterion", regulation: book.regulation, article: book.memberLevelsArticle,
                     vietnamese: "có tiêu chí tự đánh giá \"Kém\"", english: "a criterion rated \"Kém\" (poor)")
    }

    public static func scoreBand(_ book: RuleBook, subject: Subject) -> RuleCitation {
        let bands = (book.scoreBands ?? []).map { String(Int($0)) }.joined(separator: "/")
        return RuleCitation(id: "\(subject.rawValue).score-band", regulation: book.regulation, article: "Điều 11",
                            vietnamese: "tổng điểm dưới ngưỡng của mức xếp loại (\(bands))",
                            english: "total score below the level's band (\(bands))")
    }

    public static func discipline(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "member.discipline", regulation: book.regulation, article: book.disciplineArticle,
                     vietnamese: "bị kỷ luật trong năm", english: "disciplined in the year")
    }

    public static func sickLeave(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "member.sick-leave", regulation: book.regulation, article: "tiểu mục 6 mục II",
                     confirmed: book.ruleset == .y2019,
                     vietnamese: "nghỉ ốm từ \(months(book.sickLeaveCapMonths ?? 0)) tháng trở lên",
                     english: "sick leave of \(months(book.sickLeaveCapMonths ?? 0)) months or more")
    }

    public static func exemption(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "member.exemption", regulation: book.regulation, article: book.exemptionArticle,
                     vietnamese: "thuộc diện không xếp loại", english: "not classified this year")
    }

    // MARK: Both

    public static func quota(_ book: RuleBook, subject: Subject) -> RuleCitation {
        RuleCitation(id: "\(subject.rawValue).quota", regulation: book.regulation, article: book.quotaArticle,
                     confirmed: book.ruleset != .y2019 || subject == .member,
                     vietnamese: "số HTXSNV không quá \(percent(book.quotaRatio)) % số HTTNV trong nhóm tương đồng",
                     english: "HTXSNV at most \(percent(book.quotaRatio)) % of HTTNV within a comparable group")
    }

    public static let decision = RuleCitation(
        id: "decision.competent-body", regulation: "QĐ 124-QĐ/TW, QĐ 366-QĐ/TW", article: "Điều 11; Điều 12",
        vietnamese: "kết quả là quyết định của cấp có thẩm quyền", english: "the result is the competent body's decision")

    public static func order(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "order.lower-first", regulation: book.regulation, article: book.orderArticle,
                     vietnamese: "tập thể cấp dưới trước, tập thể trước cá nhân", english: "lower collectives first, collectives before members")
    }

    public static let formDates = RuleCitation(
        id: "order.form-dates", regulation: "kiemdiem (docs/rules.md)", confirmed: false,
        vietnamese: "tự kiểm điểm ≤ chi bộ đề xuất ≤ cấp ủy xếp loại, trong năm kiểm điểm",
        english: "self-review ≤ cell proposal ≤ committee decision, inside the review year")

    public static let duplicate = RuleCitation(
        id: "duplicate.latest-form", regulation: "kiemdiem (docs/contract.md §4)",
        vietnamese: "bản có ngày tự kiểm điểm muộn hơn thay thế, rồi bản nộp sau",
        english: "the later form date wins, then the later arrival")

    // MARK: Organisations (docs/rules.md "Tổ chức đảng")

    public static func organisationMembers(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "organisation.htxs-members", regulation: book.regulation, article: "tiểu mục 1.3 mục 1 phần II.B",
                     confirmed: book.ruleset == .y2019,
                     vietnamese: "HTXSNV cần 100 % đảng viên (tổ chức trực thuộc) từ HTNV và ≥ 80 % từ HTTNV",
                     english: "HTXSNV needs 100 % of members (subordinate organisations) at HTNV or above and ≥ 80 % at HTTNV or above")
    }

    public static func organisationDiscipline(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "organisation.htxs-discipline", regulation: book.regulation, article: book.organisationLevelsArticle,
                     confirmed: book.ruleset != .y2019,
                     vietnamese: "không HTXSNV khi cấp ủy hoặc tổ chức trực thuộc có người, đơn vị bị kỷ luật",
                     english: "no HTXSNV when a leadership member or a subordinate unit was disciplined")
    }

    public static func organisationDisciplinedUnits(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "organisation.disciplined-units", regulation: book.regulation, article: book.organisationLevelsArticle,
                     confirmed: book.ruleset == .y2023,
                     vietnamese: "KHTNV khi hơn \(percent(book.disciplinedUnitsShare ?? 0.2)) % tổ chức trực thuộc bị kỷ luật",
                     english: "KHTNV when more than \(percent(book.disciplinedUnitsShare ?? 0.2)) % of subordinate units were disciplined")
    }

    public static func organisationOrder(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "organisation.units-first", regulation: book.regulation, article: book.orderArticle,
                     confirmed: book.ruleset == .y2025,
                     vietnamese: "xếp loại đảng viên, tổ chức trực thuộc trước khi xếp loại tổ chức đảng",
                     english: "members and subordinate organisations are classified before their organisation")
    }

    public static func founding(_ book: RuleBook) -> RuleCitation {
        RuleCitation(id: "organisation.founding", regulation: book.regulation, article: "tiểu mục 6 mục II",
                     confirmed: book.ruleset == .y2019,
                     vietnamese: "tổ chức mới thành lập chưa đủ \(book.admissionMonths) tháng không xếp loại",
                     english: "an organisation founded less than \(book.admissionMonths) months ago is not classified")
    }

    /// Whose rule: members or organisations (the id's prefix).
    public enum Subject: String, Sendable { case member, organisation }

    static func percent(_ ratio: Double) -> Int { Int((ratio * 100).rounded()) }
}
