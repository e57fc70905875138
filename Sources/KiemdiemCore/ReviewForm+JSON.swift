/// The contract's JSON shapes (§2), in the contract's key order.
extension ReviewForm {
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string(kind.rawValue)),
            ("template", .string(template.rawValue)),
            ("year", .int(year)),
            ("party_committee", .string(partyCommittee)),
            ("party_cell", .string(partyCell)),
            ("place", .string(place)),
            ("date", .date(date)),
            ("member", kind == .collective ? .null : .object([
                ("full_name", .string(member.fullName)),
                ("date_of_birth", .date(member.dateOfBirth)),
                ("party_position", .string(member.partyPosition)),
                ("government_position", .string(member.governmentPosition)),
                ("mass_organisation_position", .string(member.massOrganisationPosition)),
                ("work_unit", .string(member.workUnit)),
            ])),
            ("sections", .object([
                ("strengths", .string(sections.strengths)),
                ("shortcomings", .string(sections.shortcomings)),
                ("remediation", .string(sections.remediation)),
                ("explanations", .string(sections.explanations)),
                ("collective_responsibility", .string(sections.collectiveResponsibility)),
                ("improvement_plan", .string(sections.improvementPlan)),
            ])),
            ("criteria", .array(criteria.map {
                .object([("item", .string($0.item)), ("rating", .string($0.rating.rawValue))])
            })),
            ("self_assessment", kind == .collective ? .null : .object([
                ("civil_servant_level", .raw(selfAssessment.civilServantLevel)),
                ("party_member_level", .raw(selfAssessment.partyMemberLevel)),
            ])),
            ("signature", .string(signature)),
            ("cell_review", .object([
                ("comment", .string(cellReview.comment)),
                ("proposed_level", .raw(cellReview.proposedLevel)),
                ("date", .date(cellReview.date)),
            ])),
            ("committee_decision", .object([
                ("level", .raw(committeeDecision.level)),
                ("date", .date(committeeDecision.date)),
            ])),
        ]
        if let score {
            members.append(("score", .object([
                ("items", .array(score.items.map { item in
                    .object([("criterion", .string(item.criterion)),
                             ("max", item.max.map { .double($0) } ?? .null),
                             ("self", item.selfScore.map { .double($0) } ?? .null)])
                })),
                ("total", score.total.map { .double($0) } ?? .null),
            ])))
        }
        if let review = civilServantReview {
            members.append(("civil_servant_review", .object([
                ("comment", .string(review.comment)),
                ("level", .raw(review.level)),
                ("date", .date(review.date)),
            ])))
        }
        if let collective {
            members.append(("collective", .object([
                ("level", .raw(collective.level)),
                ("meeting_date", .date(collective.meetingDate)),
                ("signer_role", .string(collective.signerRole)),
            ])))
        }
        return .object(members)
    }
}

extension Finding {
    /// The contract's finding object, its message rendered in `language`; `rule` names the rule
    /// and its regulation (docs/rules.md), `null` for findings no rule made.
    public func json(_ language: MessageLanguage = .vi) -> JSONValue {
        .object([
            ("code", .string(code.rawValue)),
            ("severity", .string(severity.rawValue)),
            ("field", .string(field)),
            ("message", .string(message(language))),
            ("evidence", .string(evidence)),
            ("location", .string(location)),
            ("rule", rule?.json ?? .null),
        ])
    }
}

extension RuleCitation {
    public var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("regulation", .string(regulation)),
            ("article", .string(article)),
            ("confirmed", .bool(confirmed)),
        ])
    }
}

extension Classification {
    /// `reasons`: each rule that capped the level or conflicts with the decision kept, with its
    /// text in `language`.
    public func json(_ language: MessageLanguage = .vi) -> JSONValue {
        .object([
            ("level", .raw(level)),
            ("status", .string(status.rawValue)),
            ("basis", .raw(basis)),
            ("ruleset", .raw(ruleset)),
            ("reasons", .array(reasons.map { reason in
                .object([("rule", reason.rule.json), ("text", .string(reason.text(language)))])
            })),
        ])
    }
}

extension OrganisationResult {
    /// `inspect --json`'s `organisation` object (docs/contract.md §2): the organisation, its
    /// levels kept apart, its score, its classification as an organisation and each check.
    public func json(_ language: MessageLanguage = .vi) -> JSONValue {
        let o = organisation
        func number(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
        return .object([
            ("key", .string(o.key)),
            ("name", .string(o.name)),
            ("kind", .raw(o.kind)),
            ("parent", .string(o.parentName)),
            ("type", .raw(o.type)),
            ("deciding_body", .string(o.decidingBody)),
            ("self_level", .raw(selfLevel)),
            ("proposed_level", .raw(proposedLevel)),
            ("decided_level", .raw(decidedLevel)),
            ("score", .object([("general", number(generalScore)), ("tasks", number(taskScore)), ("total", number(totalScore))])),
            ("classification", classification.json(language)),
            ("checks", .array(checks.map { check in
                .object([("rule", check.rule.json), ("outcome", .string(check.outcome.rawValue)),
                         ("allows", .raw(check.allows)), ("text", .string(check.text(language)))])
            })),
            ("findings", .array(findings.map { $0.json(language) })),
        ])
    }
}
