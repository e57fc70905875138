import KiemdiemCore

extension YearRules {
    /// The order of work that spans forms (docs/rules.md "Thứ tự"; QĐ 124 Điều 11, QĐ 366 Điều
    /// 12.2): a cell's collective review comes before its members are classified, and a cell's
    /// collective review before that of the grassroots organisation above it. Checked when a form
    /// arrives, against the forms already accepted for the year; whichever form arrives second
    /// carries the `DATE_ORDER` finding.
    public func orderFindings(for form: ReviewForm, year: Int, accepted: some AcceptedForms) throws -> [Finding] {
        let rule = Citations.order(book(year: year))
        func finding(_ field: String, _ evidence: String, _ order: OrderRule) -> Finding {
            Finding(.dateOrder, field: field, evidence: evidence, detail: .order(order), rule: rule)
        }
        var findings: [Finding] = []
        switch form.kind {
        case .individual:
            guard let decided = form.committeeDecision.date, let cell = form.partyCell else { return [] }
            for meeting in try accepted.collectiveMeetings(year: year, .cell(OrganisationKey.cell(cell))) where decided < meeting.date {
                findings.append(finding("committee_decision.date", "\(decided.iso) < \(meeting.date.iso) (\(meeting.file))",
                                        .memberBeforeCellReview(meeting: meeting.date)))
            }
        case .collective:
            guard let meeting = form.collective?.meetingDate else { return [] }
            if let cell = form.partyCell {
                let early = try accepted.decisionsBefore(meeting, year: year, cellKey: OrganisationKey.cell(cell))
                if !early.isEmpty {
                    let names = early.prefix(5).map { "\($0.file) \($0.date.iso)" }.joined(separator: "; ")
                    findings.append(finding("collective.meeting_date", names, .membersBeforeCellReview(meeting: meeting)))
                }
                if let committee = form.partyCommittee {
                    for above in try accepted.collectiveMeetings(year: year, .organisation(committee: OrganisationKey.committee(committee)))
                    where above.date < meeting {
                        findings.append(finding("collective.meeting_date", "\(meeting.iso) > \(above.date.iso) (\(above.file))",
                                                .cellAfterOrganisation))
                    }
                }
            } else if let committee = form.partyCommittee {
                for cell in try accepted.collectiveMeetings(year: year, .cellsOf(committee: OrganisationKey.committee(committee)))
                where meeting < cell.date {
                    findings.append(finding("collective.meeting_date", "\(meeting.iso) < \(cell.date.iso) (\(cell.file))",
                                            .organisationBeforeCell))
                }
            }
        }
        return findings
    }
}
