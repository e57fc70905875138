import KiemdiemCore

/// The verdict of the single-form rules.
public struct FormVerdict: Sendable, Equatable {
    public var findings: [Finding]
    public var classification: Classification
    public init(findings: [Finding], classification: Classification) {
        self.findings = findings
        self.classification = classification
    }
    public var rejected: Bool { findings.rejects }
}

/// Validation and classification of one form by the ruleset of its year (stages 3–4).
public enum FormRules {
    /// Fields an individual form must carry (contract §3); complete ⇔ all present.
    /// Fields a collective report must carry.
    public static let requiredCollectiveFields = [
        "year", "party_cell", "sections.strengths", "sections.shortcomings", "sections.improvement_plan",
        "collective.level", "signature", "date",
    ]

    public static let requiredIndividualFields = [
        "year", "party_cell", "member.full_name", "sections.strengths", "sections.shortcomings",
        "sections.improvement_plan", "self_assessment.party_member_level", "signature", "date",
    ]

    /// - Parameter prior: findings of the earlier stages; a field already reported as invalid or
    ///   ambiguous is not reported again as missing.
    ///   - member: the member's roster entry, when a roster is configured and names them.
    public static func evaluate(_ form: ReviewForm, prior: [Finding] = [], options: RuleOptions = RuleOptions(),
                                member: RosterEntry? = nil) -> FormVerdict {
        var findings: [Finding] = []
        func add(_ code: FindingCode, _ field: String?, _ evidence: String? = nil, detail: String? = nil) {
            findings.append(Finding(code, field: field, evidence: evidence, detail: detail, language: options.language))
        }
        let reported = Set(prior.compactMap(\.field))

        let missing = missingFields(form)
        for field in missing where !reported.contains(field) { add(.missingField, field) }
        let complete = missing.isEmpty && !prior.contains { $0.severity == .error }

        if !complete, form.cellReview.proposedLevel != nil || form.committeeDecision.level != nil {
            let field = form.committeeDecision.level != nil ? "committee_decision.level" : "cell_review.proposed_level"
            add(.classifiedBeforeReview, field, missing.joined(separator: ", "))
        }
        if let batchYear = options.batchYear, let year = form.year, year != batchYear {
            add(.yearMismatch, "year", String(year), detail: options.language == .vi ? "năm của đợt: \(batchYear)" : "batch year: \(batchYear)")
        }
        findings += dateOrder(form, options: options)

        let rejected = (prior + findings).rejects
        guard !rejected else {
            return FormVerdict(findings: findings, classification: .unclassified(form.ruleset))
        }
        let classification = classify(form, options: options, member: member, findings: &findings)
        return FormVerdict(findings: findings, classification: classification)
    }

    public static func missingFields(_ form: ReviewForm) -> [String] {
        var missing: [String] = []
        func need(_ field: String, _ present: Bool) { if !present { missing.append(field) } }
        switch form.kind {
        case .individual:
            need("year", form.year != nil)
            need("party_cell", form.partyCell != nil)
            need("member.full_name", form.member.fullName != nil)
            need("sections.strengths", form.sections.strengths != nil)
            need("sections.shortcomings", form.sections.shortcomings != nil)
            need("sections.improvement_plan", form.sections.improvementPlan != nil)
            need("self_assessment.party_member_level", form.selfAssessment.partyMemberLevel != nil)
            need("signature", form.signature != nil)
            need("date", form.date != nil)
        case .collective:
            need("year", form.year != nil)
            need("party_cell", form.partyCell != nil || form.partyCommittee != nil)
            need("sections.strengths", form.sections.strengths != nil)
            need("sections.shortcomings", form.sections.shortcomings != nil)
            need("sections.improvement_plan", form.sections.improvementPlan != nil)
            need("collective.level", form.collective?.level != nil)
            need("signature", form.signature != nil)
            need("date", form.date != nil)
        }
        return missing
    }

    /// self-review ≤ cell review ≤ committee decision, each inside the review year's window.
    static func dateOrder(_ form: ReviewForm, options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        let vi = options.language == .vi
        let dated: [(String, String, CivilDate?)] = [
            ("date", vi ? "ngày tự kiểm điểm" : "self-review date", form.date),
            ("cell_review.date", vi ? "ngày chi bộ đề xuất" : "cell review date", form.cellReview.date),
            ("committee_decision.date", vi ? "ngày cấp ủy xếp loại" : "committee decision date", form.committeeDecision.date),
        ]
        let present = dated.compactMap { entry in entry.2.map { (entry.0, entry.1, $0) } }
        for (a, b) in zip(present, present.dropFirst()) where b.2 < a.2 {
            findings.append(Finding(.dateOrder, field: b.0, evidence: "\(a.2.iso) > \(b.2.iso)",
                                    detail: "\(a.1) \(a.2.iso) \(vi ? "sau" : "after") \(b.1) \(b.2.iso)", language: options.language))
        }
        if let year = form.year, let first = CivilDate(year: year, month: 1, day: 1) {
            let lastMonth = 12 + options.monthsAfterYearEnd
            let endYear = year + (lastMonth - 1) / 12
            let endMonth = (lastMonth - 1) % 12 + 1
            let last = CivilDate(year: endYear, month: endMonth, day: CivilDate.daysIn(month: endMonth, year: endYear))!
            for (field, name, date) in present where date < first || last < date {
                findings.append(Finding(.dateOrder, field: field, evidence: date.iso,
                                        detail: vi ? "\(name) ngoài khoảng \(first.iso) – \(last.iso)"
                                                   : "\(name) outside \(first.iso) – \(last.iso)", language: options.language))
            }
        }
        return findings
    }

    /// Final from the committee decision, else provisional from the cell's proposal, else from the
    /// self-assessment; exempt members get no level; then the caps of the ruleset, each reported
    /// with `LEVEL_CAPPED`.
    static func classify(_ form: ReviewForm, options: RuleOptions, member: RosterEntry?,
                         findings: inout [Finding]) -> Classification {
        let ruleset = form.ruleset
        let book = ruleset.map { RuleBook.resolved($0, options: options) }
        if let member, let book, let reason = exemption(member, form: form, book: book, language: options.language) {
            findings.append(Finding(.exemptMember, field: "member.full_name", evidence: reason, language: options.language))
            return Classification(level: nil, status: .exempt, basis: .rule, ruleset: ruleset)
        }
        let ownLevel = form.kind == .collective ? form.collective?.level : form.selfAssessment.partyMemberLevel
        var level: Level?
        var status: ClassificationStatus
        var basis: ClassificationBasis?
        if let decided = form.committeeDecision.level {
            (level, status, basis) = (decided, .final, .committeeDecision)
            if let own = ownLevel, own != decided {
                findings.append(Finding(.levelDiffersFromSelf, field: "committee_decision.level",
                                        evidence: "\(own.vietnamese) → \(decided.vietnamese)", language: options.language))
            }
        } else if let proposed = form.cellReview.proposedLevel {
            (level, status, basis) = (proposed, .provisional, .cellReview)
        } else if let own = ownLevel {
            (level, status, basis) = (own, .provisional, .selfAssessment)
        } else {
            (level, status, basis) = (nil, .provisional, nil)
        }
        if var current = level, let book {
            for cap in Cap.applicable(book, member: member) {
                guard let capped = cap.limit(form), capped < current else { continue }
                findings.append(Finding(.levelCapped, field: "classification.level", evidence: cap.evidence,
                                        detail: "\(current.vietnamese) → \(capped.vietnamese)", language: options.language))
                current = capped
                basis = .rule
            }
            level = current
        }
        return Classification(level: level, status: status, basis: basis, ruleset: ruleset)
    }

    /// Why the roster says this member is not classified this year, if it does.
    static func exemption(_ member: RosterEntry, form: ReviewForm, book: RuleBook, language: MessageLanguage) -> String? {
        let vi = language == .vi
        if member.exempted { return vi ? "miễn công tác và sinh hoạt đảng (danh sách dòng \(member.line))" : "exempted from Party work (roster line \(member.line))" }
        if member.suspended { return vi ? "đình chỉ sinh hoạt đảng (danh sách dòng \(member.line))" : "suspended (roster line \(member.line))" }
        // The review date: the committee's decision, else the form's date, else 31 December [I].
        if let admitted = member.admitted, let year = form.year,
           let reviewed = form.committeeDecision.date ?? form.date ?? CivilDate(year: year, month: 12, day: 31),
           admitted.months(until: reviewed) < book.admissionMonths {
            return vi ? "kết nạp ngày \(admitted.iso), chưa đủ \(book.admissionMonths) tháng"
                      : "admitted \(admitted.iso), less than \(book.admissionMonths) months"
        }
        return nil
    }
}

/// "3", "3,5": months as a Vietnamese reader writes them.
func months(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(String(value).map { $0 == "." ? "," : $0 })
}

/// A rule that lowers a level, with the regulation it comes from.
struct Cap {
    /// What the auditor reads: the rule and its source.
    let evidence: String
    /// The highest level the rule allows for this form, or `nil` when it does not apply.
    let limit: @Sendable (ReviewForm) -> Level?

    static func applicable(_ book: RuleBook, member: RosterEntry?) -> [Cap] {
        var caps: [Cap] = []
        if book.civilServantLink {
            caps.append(Cap(evidence: "\(book.regulation): xếp loại đảng viên không cao hơn xếp loại công chức, viên chức ở mức HTXSNV/KHTNV") { form in
                switch form.selfAssessment.civilServantLevel {
                case .unsatisfactory?: return .unsatisfactory
                case .good?, .satisfactory?: return .good
                default: return nil
                }
            })
        }
        if book.poorCriterionCap {
            caps.append(Cap(evidence: "\(book.regulation): có tiêu chí tự đánh giá \"Kém\"") { form in
                form.criteria.contains { $0.rating == .poor } ? .unsatisfactory : nil
            })
        }
        if let bands = book.scoreBands, bands.count == 3 {
            caps.append(Cap(evidence: "\(book.regulation): tổng điểm dưới ngưỡng của mức xếp loại (\(bands.map { String(Int($0)) }.joined(separator: "/")))") { form in
                guard let total = form.score?.total else { return nil }
                if total >= bands[0] { return nil }
                if total >= bands[1] { return .good }
                if total >= bands[2] { return .satisfactory }
                return .unsatisfactory
            })
        }
        if let member {
            if book.disciplineCap, member.disciplined, !(book.selfDetectedDisciplineExcused && member.selfDetected) {
                caps.append(Cap(evidence: "\(book.regulation): bị kỷ luật trong năm (danh sách dòng \(member.line))") { _ in .unsatisfactory })
            }
            if let limit = book.sickLeaveCapMonths, member.sickLeaveMonths >= limit {
                caps.append(Cap(evidence: "\(book.regulation): nghỉ ốm \(months(member.sickLeaveMonths)) tháng (từ \(months(limit)) tháng trở lên)") { _ in .satisfactory })
            }
        }
        return caps
    }
}
