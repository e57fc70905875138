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
    public static func evaluate(_ form: ReviewForm, prior: [Finding] = [], options: RuleOptions,
                                member: RosterEntry? = nil) -> FormVerdict {
        evaluate(form, prior: prior, rules: YearRules(options: options), member: member)
    }

    public static func evaluate(_ form: ReviewForm, prior: [Finding] = [], rules: YearRules = YearRules(),
                                member: RosterEntry? = nil) -> FormVerdict {
        let options = rules.options
        var findings: [Finding] = []
        func add(_ code: FindingCode, _ field: String?, _ evidence: String? = nil, detail: FindingDetail? = nil) {
            findings.append(Finding(code, field: field, evidence: evidence, detail: detail))
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
            add(.yearMismatch, "year", String(year), detail: .batchYear(batchYear))
        }
        findings += dateOrder(form, options: options)

        let rejected = (prior + findings).rejects
        guard !rejected else {
            return FormVerdict(findings: findings, classification: .unclassified(form.ruleset))
        }
        let classification = classify(form, rules: rules, member: member, findings: &findings)
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
        let dated: [(String, CivilDate?)] = [
            ("date", form.date), ("cell_review.date", form.cellReview.date),
            ("committee_decision.date", form.committeeDecision.date),
        ]
        let present = dated.compactMap { entry in entry.1.map { (entry.0, $0) } }
        for (a, b) in zip(present, present.dropFirst()) where b.1 < a.1 {
            findings.append(Finding(.dateOrder, field: b.0, evidence: "\(a.1.iso) > \(b.1.iso)",
                                    detail: .datesReversed(field: a.0, date: a.1, laterField: b.0, laterDate: b.1)))
        }
        if let year = form.year, let first = CivilDate(year: year, month: 1, day: 1) {
            let lastMonth = 12 + options.monthsAfterYearEnd
            let endYear = year + (lastMonth - 1) / 12
            let endMonth = (lastMonth - 1) % 12 + 1
            let last = CivilDate(year: endYear, month: endMonth, day: CivilDate.daysIn(month: endMonth, year: endYear))!
            for (field, date) in present where date < first || last < date {
                findings.append(Finding(.dateOrder, field: field, evidence: date.iso,
                                        detail: .outsideWindow(field: field, from: first, to: last)))
            }
        }
        return findings
    }

    /// Final from the committee decision, else provisional from the cell's proposal, else from the
    /// self-assessment; exempt members get no level. Then the caps of the ruleset: a provisional
    /// level is lowered (`LEVEL_CAPPED`); a decision is never overridden, the conflict is reported
    /// (`DECISION_CONFLICTS_WITH_RULE`) and the level stays what the competent body decided
    /// (docs/rules.md "Quyết định của cấp có thẩm quyền").
    static func classify(_ form: ReviewForm, rules: YearRules, member: RosterEntry?,
                         findings: inout [Finding]) -> Classification {
        let ruleset = form.ruleset
        let book = ruleset.map(rules.book)
        if form.kind == .individual, let member, let year = form.year, let reason = rules.exemption(member, year: year) {
            findings.append(Finding(.exemptMember, field: "member.full_name", detail: .exemption(reason),
                                    rule: book.map(Citations.exemption)))
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
                                        evidence: "\(own.vietnamese) → \(decided.vietnamese)"))
            }
        } else if let proposed = form.cellReview.proposedLevel {
            (level, status, basis) = (proposed, .provisional, .cellReview)
        } else if let own = ownLevel {
            (level, status, basis) = (own, .provisional, .selfAssessment)
        } else {
            (level, status, basis) = (nil, .provisional, nil)
        }
        var reasons: [LevelReason] = []
        if let chosen = level, let book {
            var current = chosen
            for cap in Cap.applicable(book, form: form, member: member) {
                guard let capped = cap.limit(form), capped < current else { continue }
                if status == .final {
                    let detail = FindingDetail.decisionKept(decided: chosen, ruleAllows: capped)
                    findings.append(Finding(.decisionConflictsWithRule, field: "committee_decision.level",
                                            evidence: cap.evidence, detail: detail, rule: cap.rule))
                    reasons.append(LevelReason(rule: cap.rule, detail: detail))
                } else {
                    let detail = FindingDetail.capped(from: current, to: capped)
                    findings.append(Finding(.levelCapped, field: "classification.level", evidence: cap.evidence,
                                            detail: detail, rule: cap.rule))
                    reasons.append(LevelReason(rule: cap.rule, detail: detail))
                    basis = .rule
                }
                current = capped
            }
            if status != .final { level = current }
        }
        return Classification(level: level, status: status, basis: basis, ruleset: ruleset, reasons: reasons)
    }
}

/// A rule that lowers a level, with the regulation it comes from.
struct Cap {
    let rule: RuleCitation
    /// What was seen that makes the rule apply: a level, an item, the score, the roster's line as written.
    let evidence: String?
    /// The highest level the rule allows for this form, or `nil` when it does not apply.
    let limit: @Sendable (ReviewForm) -> Level?

    static func applicable(_ book: RuleBook, form: ReviewForm, member: RosterEntry?) -> [Cap] {
        var caps: [Cap] = []
        if book.civilServantLink, form.kind == .individual {
            caps.append(Cap(rule: Citations.civilServantLink(book),
                            evidence: form.selfAssessment.civilServantLevel.map { "CCVC: \($0.abbreviation)" }) { form in
                switch form.selfAssessment.civilServantLevel {
                case .unsatisfactory?: return .unsatisfactory
                case .good?, .satisfactory?: return .good
                default: return nil
                }
            })
        }
        if book.poorCriterionCap {
            let poor = form.criteria.filter { $0.rating == .poor }.map(\.item).joined(separator: ", ")
            caps.append(Cap(rule: Citations.poorCriterion(book), evidence: poor.isEmpty ? nil : poor) { form in
                form.criteria.contains { $0.rating == .poor } ? .unsatisfactory : nil
            })
        }
        if let bands = book.scoreBands, bands.count == 3 {
            let subject: Citations.Subject = form.kind == .collective ? .organisation : .member
            caps.append(Cap(rule: Citations.scoreBand(book, subject: subject),
                            evidence: form.score?.total.map { "\(months($0))/100" }) { form in
                guard let total = form.score?.total else { return nil }
                return ScoreBands.level(total: total, bands: bands)
            })
        }
        if let member, form.kind == .individual {
            if book.disciplineCap, member.disciplined, !(book.selfDetectedDisciplineExcused && member.selfDetected) {
                caps.append(Cap(rule: Citations.discipline(book), evidence: "danh sách đảng viên, dòng \(member.line): kỷ luật") { _ in
                    .unsatisfactory
                })
            }
            if let limit = book.sickLeaveCapMonths, member.sickLeaveMonths >= limit {
                caps.append(Cap(rule: Citations.sickLeave(book), evidence: "danh sách đảng viên, dòng \(member.line): nghỉ ốm \(months(member.sickLeaveMonths)) tháng") { _ in
                    .satisfactory
                })
            }
        }
        return caps
    }
}

/// The 100-point bands (QĐ 366 Điều 11): the highest level a total allows, `nil` for any.
public enum ScoreBands {
    public static func level(total: Double, bands: [Double]) -> Level? {
        guard bands.count == 3 else { return nil }
        if total >= bands[0] { return nil }
        if total >= bands[1] { return .good }
        if total >= bands[2] { return .satisfactory }
        return .unsatisfactory
    }
}
