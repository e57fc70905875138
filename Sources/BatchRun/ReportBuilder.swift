import KiemdiemCore
import Ledger
import ReviewRules
import Workbooks

/// Counts the consolidated report of one year from the store (contract §5 definitions).
///
/// `build` does it in memory from every submission of the year; the nightly run uses
/// `StoredReport`, which gives the same workbook from the store without holding the year, and
/// the tests check the two against each other.
enum ReportBuilder {
    /// The row of refused files nobody could place in a cell.
    static let unknownCell = "(không rõ chi bộ)"

    static func build(year: Int, submissions: [SubmissionRecord], roster: Roster? = nil, rules: RuleOptions = RuleOptions(),
                      createdAt: Int64) -> ConsolidatedReport {
        let individual = submissions.filter { $0.kind != .collective }

        // A member is their key; a rejected file nobody can be named from is a member of its own.
        func memberID(_ s: SubmissionRecord) -> String { s.memberKey ?? "sha:\(s.sha256)" }
        func cellKey(_ s: SubmissionRecord) -> String { s.partyCell.map(OrganisationKey.cell) ?? "" }

        var latest: [String: SubmissionRecord] = [:]
        for s in individual {
            let id = memberID(s)
            if let seen = latest[id], (seen.id ?? 0) > (s.id ?? 0) { continue }
            latest[id] = s
        }
        // The form that counts for an accepted member: the one no other form superseded.
        var current: [String: SubmissionRecord] = [:]
        for s in individual where s.verdict == .accepted && s.supersededBy == nil { current[memberID(s)] = s }

        var cells: [String: CellSummary] = [:]
        var order: [String] = []
        func cell(for s: SubmissionRecord) -> String {
            let key = cellKey(s)
            if cells[key] == nil {
                cells[key] = CellSummary(partyCell: s.partyCell ?? unknownCell, partyCommittee: s.partyCommittee)
                order.append(key)
            }
            return key
        }

        // The first arrival's spelling names a cell, so the same store always gives the same sheet.
        for s in individual { _ = cell(for: s) }
        var members: [MemberRow] = []
        for (id, last) in latest.sorted(by: { $0.key < $1.key }) {
            let key = cell(for: last)
            let live = last.verdict == .accepted ? current[id] : nil
            cells[key]!.count(member: live)
            guard let form = live else { continue }
            // One spelling per cell on every sheet, so the autofilter offers each cell once.
            members.append(MemberRow(fullName: form.fullName ?? "", dateOfBirth: form.dateOfBirth,
                                     partyCell: cells[key]!.partyCell, partyCommittee: cells[key]!.partyCommittee,
                                     selfLevel: form.selfLevel,
                                     cellProposal: form.cellLevel, committeeLevel: form.committeeLevel, result: form.level,
                                     status: form.status, file: form.originalName))
        }

        var rejections: [RejectionRow] = []
        for s in submissions where s.verdict == .rejected {
            for finding in s.findings {
                rejections.append(RejectionRow(file: s.originalName, code: finding.code, field: finding.field,
                                               reason: finding.message, fullName: s.fullName, partyCell: s.partyCell))
            }
        }

        let sortedCells = order.map { cells[$0]! }.sorted {
            let a = (TextFolding.fold($0.partyCommittee ?? "~"), TextFolding.fold($0.partyCell))
            let b = (TextFolding.fold($1.partyCommittee ?? "~"), TextFolding.fold($1.partyCell))
            return a < b
        }
        members.sort {
            (TextFolding.fold($0.partyCell ?? ""), TextFolding.fold($0.fullName), $0.file)
                < (TextFolding.fold($1.partyCell ?? ""), TextFolding.fold($1.fullName), $1.file)
        }
        let accepted = current.values.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        var warnings: [RejectionRow] = []
        for s in accepted + individual.filter({ $0.supersededBy != nil }) {
            for finding in s.findings where finding.severity == .warning {
                warnings.append(RejectionRow(file: s.originalName, code: finding.code, field: finding.field,
                                             reason: finding.message, fullName: s.fullName, partyCell: s.partyCell))
            }
        }
        warnings += quotaWarnings(accepted, roster: roster, rules: rules)
        let notSubmitted = roster.map { notSubmittedRows($0, submissions: individual, year: year, rules: rules) }
        let reviewCounts = roster.map { countReviews($0, accepted: accepted, year: year, rules: rules) }
        let organisation = mostCommon(individual.compactMap(\.partyCommittee))
        return ConsolidatedReport(year: year, organisation: organisation, cells: sortedCells, members: members,
                                  rejections: rejections, warnings: warnings, notSubmitted: notSubmitted, createdAt: createdAt)
            .with(reviewCounts: reviewCounts)
    }

    /// Biểu 6F: roster members who had to review, who did (an accepted form), and why not.
    static func countReviews(_ roster: Roster, accepted: [SubmissionRecord], year: Int, rules: RuleOptions) -> ReviewCounts {
        countReviews(roster, reviewedLines: rosterLines(roster, accepted), year: year, rules: rules)
    }

    /// The roster lines of the members who wrote `submissions`.
    static func rosterLines(_ roster: Roster, _ submissions: [SubmissionRecord]) -> Set<Int> {
        var lines = Set<Int>()
        for s in submissions { rosterLine(roster, s).map { _ = lines.insert($0) } }
        return lines
    }

    static func rosterLine(_ roster: Roster, _ s: SubmissionRecord) -> Int? {
        roster.entry(fullName: s.fullName, dateOfBirth: s.dateOfBirth, partyCell: s.partyCell)?.line
    }

    static func countReviews(_ roster: Roster, reviewedLines: Set<Int>, year: Int, rules: RuleOptions) -> ReviewCounts {
        let reviewDate = CivilDate(year: year, month: 12, day: 31)!
        var counts = ReviewCounts(required: roster.entries.count, reviewed: reviewedLines.count)
        for entry in roster.entries where !reviewedLines.contains(entry.line) {
            if entry.exempted { counts.exempted += 1 }
            else if entry.suspended { counts.suspended += 1 }
            else if let admitted = entry.admitted, admitted.months(until: reviewDate) < rules.admissionMonths { counts.newlyAdmitted += 1 }
            else { counts.missing += 1 }
        }
        return counts
    }

    /// `QUOTA_EXCEEDED`: within one grassroots organisation, members decided HTXS may not exceed
    /// the quota share of those decided HTT (HD 21; the check is on the committee's decisions,
    /// not on self-ratings). Flagged on each HTXS member of that organisation.
    static func quotaWarnings(_ accepted: [SubmissionRecord], roster: Roster?, rules: RuleOptions) -> [RejectionRow] {
        var groups: [String: QuotaGroup] = [:]
        for s in accepted {
            guard let group = quotaGroup(s, roster: roster) else { continue }
            groups[group.key, default: QuotaGroup(name: group.name)].count(s)
        }
        var rows: [RejectionRow] = []
        for key in groups.keys.sorted() where groups[key]!.exceeded(rules) {
            for s in accepted where s.level == .excellent && quotaGroup(s, roster: roster)?.key == key {
                rows.append(groups[key]!.warning(s, rules: rules))
            }
        }
        return rows
    }

    /// The grassroots organisation whose quota a current form counts in (key and the name to
    /// show), or `nil` when the form is not final or names none.
    static func quotaGroup(_ s: SubmissionRecord, roster: Roster?) -> (key: String, name: String)? {
        guard s.status == .final else { return nil }
        let entry = roster?.entry(fullName: s.fullName, dateOfBirth: s.dateOfBirth, partyCell: s.partyCell)
        guard let name = entry?.grassroots ?? s.partyCommittee else { return nil }
        return (OrganisationKey.committee(name), name)
    }

    /// The HTXS and HTT decisions of one grassroots organisation, named after its first form.
    struct QuotaGroup {
        var name: String
        var excellent = 0
        var good = 0

        init(name: String) { self.name = name }

        mutating func count(_ s: SubmissionRecord) {
            if s.level == .excellent { excellent += 1 }
            if s.level == .good { good += 1 }
        }

        func exceeded(_ rules: RuleOptions) -> Bool {
            let allowed = Double(good) * rules.quotaRatio
            return rules.quotaRounding == .floor ? excellent > Int(allowed.rounded(.down)) : Double(excellent) > allowed
        }

        /// The `QUOTA_EXCEEDED` row of one HTXS member of an organisation over its quota.
        func warning(_ s: SubmissionRecord, rules: RuleOptions) -> RejectionRow {
            let percent = Int((rules.quotaRatio * 100).rounded())
            let evidence = "\(name): \(excellent) HTXSNV / \(good) HTTNV > \(percent) %"
            let finding = Finding(.quotaExceeded, field: "classification.level", evidence: evidence, language: rules.language)
            return RejectionRow(file: s.originalName, code: finding.code, field: finding.field,
                                reason: finding.message + ": " + evidence, fullName: s.fullName, partyCell: s.partyCell)
        }
    }

    /// Roster members with no form of the year, with the reason when they need not review.
    static func notSubmittedRows(_ roster: Roster, submissions: [SubmissionRecord], year: Int,
                                 rules: RuleOptions) -> [NotSubmittedRow] {
        notSubmittedRows(roster, seen: rosterLines(roster, submissions), year: year, rules: rules)
    }

    static func notSubmittedRows(_ roster: Roster, seen: Set<Int>, year: Int, rules: RuleOptions) -> [NotSubmittedRow] {
        let reviewDate = CivilDate(year: year, month: 12, day: 31)!
        return roster.entries.filter { !seen.contains($0.line) }.map { entry in
            var note: String?
            if entry.exempted { note = "Miễn công tác và sinh hoạt đảng" }
            else if entry.suspended { note = "Đình chỉ sinh hoạt đảng" }
            else if let admitted = entry.admitted, admitted.months(until: reviewDate) < rules.admissionMonths {
                note = "Mới kết nạp, chưa đủ \(rules.admissionMonths) tháng"
            }
            return NotSubmittedRow(fullName: entry.fullName, dateOfBirth: entry.dateOfBirth, partyCell: entry.partyCell,
                                   grassroots: entry.grassroots, note: note)
        }
    }

    static func mostCommon(_ names: [String]) -> String? {
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return mostCommon(counts)
    }

    /// The name counted most often; the first in text order among equals.
    static func mostCommon(_ counts: [String: Int]) -> String? {
        counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}

extension CellSummary {
    /// Counts one member into the cell (contract §5): submitted; then rejected, or accepted and
    /// counted by status and level. `form` is the member's live accepted form, `nil` when their
    /// latest form was refused.
    mutating func count(member form: SubmissionRecord?) {
        submitted += 1
        guard let form else {
            rejected += 1
            return
        }
        accepted += 1
        switch (form.status, form.level) {
        case (.exempt, _): exempt += 1
        case (_, let level?): levels[level, default: 0] += 1
        case (_, nil): unclassified += 1
        }
    }
}
