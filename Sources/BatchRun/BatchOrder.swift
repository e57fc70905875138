import KiemdiemCore
import Ledger

/// The order of work that spans forms (domain.md §4, QĐ 124 Điều 11): a cell's collective review
/// comes before its members are classified, and a cell's collective review before that of the
/// grassroots organisation above it. Checked when a form arrives, against the forms already
/// accepted for the year (in the store, or earlier in the batch being recorded); whichever form
/// arrives second carries the `DATE_ORDER` finding.
enum BatchOrder {
    static func findings(for form: ReviewForm, year: Int, store: LedgerTransaction, language: MessageLanguage) throws -> [Finding] {
        let vi = language == .vi
        var findings: [Finding] = []
        switch form.kind {
        case .individual:
            guard let decided = form.committeeDecision.date, let cell = form.partyCell else { return [] }
            for meeting in try store.collectiveMeetings(year: year, .cell(OrganisationKey.cell(cell))) where decided < meeting.date {
                findings.append(Finding(.dateOrder, field: "committee_decision.date",
                                        evidence: "\(decided.iso) < \(meeting.date.iso) (\(meeting.file))",
                                        detail: vi ? "cấp ủy xếp loại trước khi chi bộ họp kiểm điểm tập thể"
                                                   : "classified before the cell's collective review", language: language))
            }
        case .collective:
            guard let meeting = form.collective?.meetingDate else { return [] }
            if let cell = form.partyCell {
                let early = try store.decisionsBefore(meeting, year: year, cellKey: OrganisationKey.cell(cell))
                if !early.isEmpty {
                    let names = early.prefix(5).map { "\($0.file) \($0.date.iso)" }.joined(separator: "; ")
                    findings.append(Finding(.dateOrder, field: "collective.meeting_date", evidence: names,
                                            detail: vi ? "đảng viên đã được xếp loại trước ngày họp kiểm điểm tập thể \(meeting.iso)"
                                                       : "members classified before the collective review of \(meeting.iso)",
                                            language: language))
                }
                if let committee = form.partyCommittee {
                    for above in try store.collectiveMeetings(year: year, .organisation(committee: OrganisationKey.committee(committee)))
                    where above.date < meeting {
                        findings.append(Finding(.dateOrder, field: "collective.meeting_date",
                                                evidence: "\(meeting.iso) > \(above.date.iso) (\(above.file))",
                                                detail: vi ? "chi bộ kiểm điểm sau tổ chức cơ sở đảng cấp trên"
                                                           : "cell reviewed after the grassroots organisation above it",
                                                language: language))
                    }
                }
            } else if let committee = form.partyCommittee {
                for cell in try store.collectiveMeetings(year: year, .cellsOf(committee: OrganisationKey.committee(committee)))
                where meeting < cell.date {
                    findings.append(Finding(.dateOrder, field: "collective.meeting_date",
                                            evidence: "\(meeting.iso) < \(cell.date.iso) (\(cell.file))",
                                            detail: vi ? "tổ chức cơ sở đảng kiểm điểm trước chi bộ trực thuộc"
                                                       : "organisation reviewed before one of its cells", language: language))
                }
            }
        }
        return findings
    }
}
