import KiemdiemCore

/// What the organisation rules know of one organisation in a year. `nil` facts are unknown
/// (`inspect` sees one Mẫu 01 alone): the checks that need them are `notEvaluated`.
public struct OrganisationFacts: Sendable {
    public var organisation: Organisation
    public var year: Int
    /// Its accepted Mẫu 01, and the file it came in.
    public var report: ReviewForm?
    public var reportFile: String?
    /// The levels of its classified units: members for a chi bộ, subordinate organisations for a
    /// đảng bộ (exempt and unclassified units are not counted).
    public var unitLevels: [Level: Int]?
    /// Units not yet decided (members without a committee decision, subordinate organisations
    /// without a decided level).
    public var pendingUnits: Int?
    /// Members of the chi bộ (leadership, for a đảng bộ) disciplined in the year.
    public var disciplinedMembers: Int?
    /// Subordinate organisations, and how many of them were disciplined in the year.
    public var subordinates: Int?
    public var disciplinedSubordinates: Int?

    public init(organisation: Organisation, year: Int, report: ReviewForm? = nil, reportFile: String? = nil,
                unitLevels: [Level: Int]? = nil, pendingUnits: Int? = nil, disciplinedMembers: Int? = nil,
                subordinates: Int? = nil, disciplinedSubordinates: Int? = nil) {
        self.organisation = organisation
        self.year = year
        self.report = report
        self.reportFile = reportFile
        self.unitLevels = unitLevels
        self.pendingUnits = pendingUnits
        self.disciplinedMembers = disciplinedMembers
        self.subordinates = subordinates
        self.disciplinedSubordinates = disciplinedSubordinates
    }
}

extension YearRules {
    /// Classifies one organisation (docs/rules.md "Tổ chức đảng"): the decided level (a later
    /// re-classification overriding) is final; else the proposal, else Mẫu 01's self-assessment,
    /// provisionally. Then each computable check of the year's book; a check that fails lowers a
    /// provisional level (`LEVEL_CAPPED`) and never a decision (`DECISION_CONFLICTS_WITH_RULE`).
    public func classify(_ facts: OrganisationFacts) -> OrganisationResult {
        let book = book(year: facts.year)
        let organisation = facts.organisation
        let report = facts.report
        let score = Self.scores(report?.score)
        var result = OrganisationResult(organisation: organisation, year: facts.year,
                                        selfLevel: report?.collective?.level,
                                        proposedLevel: organisation.proposedLevel ?? report?.cellReview.proposedLevel,
                                        decidedLevel: organisation.reclassifiedLevel ?? organisation.decidedLevel
                                            ?? report?.committeeDecision.level,
                                        generalScore: score.general, taskScore: score.tasks, totalScore: score.total,
                                        classification: .unclassified(book.ruleset), reportFile: facts.reportFile)
        if let exemption = exemption(founded: organisation.founded, year: facts.year) {
            result.findings.append(Finding(.exemptMember, field: "organisation.level", detail: .exemption(exemption),
                                           rule: Citations.founding(book)))
            result.classification = Classification(level: nil, status: .exempt, basis: .rule, ruleset: book.ruleset)
            return result
        }
        var level: Level?
        var status = ClassificationStatus.provisional
        var basis: ClassificationBasis?
        if let decided = result.decidedLevel {
            (level, status, basis) = (decided, .final, .committeeDecision)
        } else if let proposed = result.proposedLevel {
            (level, basis) = (proposed, .cellReview)
        } else if let own = result.selfLevel {
            (level, basis) = (own, .selfAssessment)
        }
        result.checks = checks(facts, book: book, total: score.total).map { check in
            // A check fails only against the level it is asked about: a band that allows HTTNV
            // holds for an organisation at HTTNV.
            guard check.outcome == .failed, let allows = check.allows, !(allows < (level ?? .excellent)) else { return check }
            var held = check
            held.outcome = .passed
            return held
        }
        var reasons: [LevelReason] = []
        if let chosen = level {
            var current = chosen
            for check in result.checks where check.outcome == .failed {
                guard let allows = check.allows, allows < current else { continue }
                if status == .final {
                    let detail = FindingDetail.decisionKept(decided: chosen, ruleAllows: allows)
                    result.findings.append(Finding(.decisionConflictsWithRule, field: "organisation.level",
                                                   evidence: check.detail?.text(.vi), detail: detail, rule: check.rule))
                    reasons.append(LevelReason(rule: check.rule, detail: detail))
                } else {
                    let detail = FindingDetail.capped(from: current, to: allows)
                    result.findings.append(Finding(.levelCapped, field: "organisation.level",
                                                   evidence: check.detail?.text(.vi), detail: detail, rule: check.rule))
                    reasons.append(LevelReason(rule: check.rule, detail: detail))
                    basis = .rule
                }
                current = allows
            }
            if status != .final { level = current }
        }
        // Members and subordinate organisations first (QĐ 366 Điều 12.2): a decision taken while
        // some are not decided is out of order.
        if book.unitsBeforeOrganisation, status == .final, let pending = facts.pendingUnits, pending > 0 {
            result.findings.append(Finding(.dateOrder, field: "organisation.level", severity: .warning,
                                           detail: .order(.organisationBeforeUnits(pending: pending)),
                                           rule: Citations.organisationOrder(book)))
        }
        result.classification = Classification(level: level, status: status, basis: basis, ruleset: book.ruleset,
                                                reasons: reasons)
        return result
    }

    /// The computable checks of the year's book, in the order the sheet shows them.
    func checks(_ facts: OrganisationFacts, book: RuleBook, total: Double?) -> [OrganisationCheck] {
        var checks: [OrganisationCheck] = []
        if let bands = book.scoreBands {
            let rule = Citations.scoreBand(book, subject: .organisation)
            if let total {
                let allows = ScoreBands.level(total: total, bands: bands)
                checks.append(OrganisationCheck(rule: rule, outcome: allows == nil ? .passed : .failed, allows: allows,
                                                detail: .technical("\(months(total))/100")))
            } else {
                checks.append(OrganisationCheck(rule: rule, outcome: .notEvaluated))
            }
        }
        if let share = book.organisationGoodShare {
            let rule = Citations.organisationMembers(book)
            if let levels = facts.unitLevels, case let classified = levels.values.reduce(0, +), classified > 0 {
                let atLeastSatisfactory = classified - levels[.unsatisfactory, default: 0]
                let atLeastGood = levels[.excellent, default: 0] + levels[.good, default: 0]
                let holds = atLeastSatisfactory == classified && Double(atLeastGood) >= share * Double(classified)
                checks.append(OrganisationCheck(rule: rule, outcome: holds ? .passed : .failed, allows: holds ? nil : .good,
                                                detail: .share(counted: atLeastGood, of: classified,
                                                               percent: Int((100 * Double(atLeastGood) / Double(classified)).rounded()))))
            } else {
                checks.append(OrganisationCheck(rule: rule, outcome: .notEvaluated))
            }
        }
        if book.organisationDisciplineBlocksExcellent {
            let rule = Citations.organisationDiscipline(book)
            if facts.disciplinedMembers == nil && facts.disciplinedSubordinates == nil {
                checks.append(OrganisationCheck(rule: rule, outcome: .notEvaluated))
            } else {
                let count = (facts.disciplinedMembers ?? 0) + (facts.disciplinedSubordinates ?? 0)
                checks.append(OrganisationCheck(rule: rule, outcome: count == 0 ? .passed : .failed,
                                                allows: count == 0 ? nil : .good, detail: .technical("\(count)")))
            }
        }
        if let share = book.disciplinedUnitsShare, facts.organisation.kind?.isCell != true {
            let rule = Citations.organisationDisciplinedUnits(book)
            if let units = facts.subordinates, units > 0, let disciplined = facts.disciplinedSubordinates {
                let holds = Double(disciplined) <= share * Double(units)
                checks.append(OrganisationCheck(rule: rule, outcome: holds ? .passed : .failed,
                                                allows: holds ? nil : .unsatisfactory,
                                                detail: .share(counted: disciplined, of: units,
                                                               percent: Int((100 * Double(disciplined) / Double(units)).rounded()))))
            } else {
                checks.append(OrganisationCheck(rule: rule, outcome: .notEvaluated))
            }
        }
        if book.unitsBeforeOrganisation {
            let rule = Citations.organisationOrder(book)
            if let pending = facts.pendingUnits {
                checks.append(OrganisationCheck(rule: rule, outcome: pending == 0 ? .passed : .failed,
                                                detail: .technical("\(pending)")))
            } else {
                checks.append(OrganisationCheck(rule: rule, outcome: .notEvaluated))
            }
        }
        return checks
    }

    /// The organisation quota over a year's results (docs/rules.md `organisation.quota`): groups
    /// of the same kind under the same parent (the comparable group the deciding body sees);
    /// each HTXS organisation of a group over quota gets the group's `QUOTA_EXCEEDED`.
    public func organisationQuota(_ results: inout [OrganisationResult], year: Int) {
        var groups: [String: QuotaGroup] = [:]
        func key(_ r: OrganisationResult) -> String {
            "\(r.organisation.parentKey ?? "")#\(r.organisation.kind?.rawValue ?? "")"
        }
        for r in results {
            let name = [r.organisation.parentName, r.organisation.kind?.vietnamese].compactMap { $0 }.joined(separator: " — ")
            groups[key(r), default: QuotaGroup(name: name.isEmpty ? r.organisation.name : name)]
                .count(level: r.classification.level, status: r.classification.status)
        }
        for index in results.indices where results[index].classification.level == .excellent
            && results[index].classification.status == .final {
            if let finding = quotaBreach(groups[key(results[index])]!, year: year, subject: .organisation) {
                var organisationFinding = finding
                organisationFinding.field = "organisation.level"
                results[index].findings.append(organisationFinding)
            }
        }
    }

    /// Mẫu 01's three numbers: the general group (…/30), the task group (…/70), the total (…/100).
    static func scores(_ sheet: ScoreSheet?) -> (general: Double?, tasks: Double?, total: Double?) {
        guard let sheet else { return (nil, nil, nil) }
        let general = sheet.items.first { $0.max == 30 }?.selfScore
        let tasks = sheet.items.first { $0.max == 70 }?.selfScore
        let total = sheet.total ?? (general != nil && tasks != nil ? general! + tasks! : nil)
        return (general, tasks, total)
    }
}
