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

    static func build(year: Int, submissions: [SubmissionRecord], roster: Roster? = nil, rules: YearRules = YearRules(),
                      language: MessageLanguage = .vi, organisations: [OrganisationResult] = [],
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
                                     status: form.status, file: form.originalName,
                                     reason: LevelReason.text(form.levelReasons, language)))
        }

        var rejections: [RejectionRow] = []
        for s in submissions where s.verdict == .rejected {
            for finding in s.findings {
                rejections.append(row(s, finding, language))
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
                warnings.append(row(s, finding, language))
            }
        }
        warnings += quotaWarnings(accepted, year: year, roster: roster, rules: rules, language: language)
        warnings += ReportDocument.rosterWarnings(roster, language: language)
        let notSubmitted = roster.map { notSubmittedRows($0, submissions: individual, year: year, rules: rules, language: language) }
        let reviewCounts = roster.map { countReviews($0, accepted: accepted, year: year, rules: rules) }
        let organisation = mostCommon(individual.compactMap(\.partyCommittee))
        var report = ConsolidatedReport(year: year, organisation: organisation, cells: sortedCells, members: members,
                                        rejections: rejections, warnings: warnings, notSubmitted: notSubmitted,
                                        createdAt: createdAt)
            .with(reviewCounts: reviewCounts)
        report.language = language
        report.organisations = organisations
        report.cells = ReportDocument.placed(report.cells, in: organisations)
        // The refused members to chase: those whose latest form is refused.
        let cellByKey = cells
        report.resubmissions = ReportDocument.sorted(latest.values.filter { $0.verdict == .rejected }.map {
            ReportDocument.resubmission($0, cell: cellByKey[$0.partyCell.map(OrganisationKey.cell) ?? ""], language: language)
        })
        var collective: [String: SubmissionRecord] = [:]
        for s in submissions where s.kind == .collective {
            let key = s.partyCell.map { "cell:" + OrganisationKey.cell($0) }
                ?? s.partyCommittee.map { "committee:" + OrganisationKey.committee($0) } ?? "sha:" + s.sha256
            collective[key] = s
        }
        report.collectiveReports = CollectiveCounts(accepted: collective.values.filter { $0.verdict == .accepted }.count,
                                                    rejected: collective.values.filter { $0.verdict == .rejected }.count)
        var memberLevels: [String: [(Level?, ClassificationStatus)]] = [:]
        for form in accepted {
            memberLevels[form.partyCell.map(OrganisationKey.ofCell) ?? "", default: []].append((form.level, form.status))
        }
        report.resultsByType = ReportDocument.resultsByType(organisations, memberLevels: memberLevels)
        report.reviewCounts = ReportDocument.reviewCounts(report.reviewCounts, accepted: report.cells,
                                                          organisations: organisations, year: year, rules: rules)
        return report
    }

    /// Biểu 6F: roster members who had to review, who did (an accepted form), and why not.
    static func countReviews(_ roster: Roster, accepted: [SubmissionRecord], year: Int, rules: YearRules) -> ReviewCounts {
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

    /// Biểu 6F (`YearRules.reviewTally`), as the workbook's counts.
    static func countReviews(_ roster: Roster, reviewedLines: Set<Int>, year: Int, rules: YearRules) -> ReviewCounts {
        let tally = rules.reviewTally(roster, reviewedLines: reviewedLines, year: year)
        return ReviewCounts(required: tally.required, reviewed: tally.reviewed, newlyAdmitted: tally.newlyAdmitted,
                            exempted: tally.exempted, suspended: tally.suspended, missing: tally.missing)
    }

    /// A finding as a row of `Bị từ chối` or `Cảnh báo`, worded in `language`.
    static func row(_ s: SubmissionRecord, _ finding: Finding, _ language: MessageLanguage) -> RejectionRow {
        RejectionRow(file: s.originalName, code: finding.code, field: finding.field, reason: finding.message(language),
                     fullName: s.fullName, partyCell: s.partyCell)
    }

    /// `QUOTA_EXCEEDED` (`YearRules.quotaBreach`): within one grassroots organisation, flagged on
    /// each HTXS member of an organisation over its quota.
    static func quotaWarnings(_ accepted: [SubmissionRecord], year: Int, roster: Roster?, rules: YearRules,
                              language: MessageLanguage) -> [RejectionRow] {
        var groups: [String: QuotaGroup] = [:]
        for s in accepted {
            guard let group = quotaGroup(s, roster: roster) else { continue }
            groups[group.key, default: QuotaGroup(name: group.name)].count(level: s.level, status: s.status)
        }
        var rows: [RejectionRow] = []
        for key in groups.keys.sorted() {
            guard let finding = rules.quotaBreach(groups[key]!, year: year, subject: .member) else { continue }
            for s in accepted where s.level == .excellent && quotaGroup(s, roster: roster)?.key == key {
                rows.append(row(s, finding, language))
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

    /// Roster members with no form of the year, with the reason when they need not review.
    static func notSubmittedRows(_ roster: Roster, submissions: [SubmissionRecord], year: Int,
                                 rules: YearRules, language: MessageLanguage) -> [NotSubmittedRow] {
        notSubmittedRows(roster, seen: rosterLines(roster, submissions), year: year, rules: rules, language: language)
    }

    static func notSubmittedRows(_ roster: Roster, seen: Set<Int>, year: Int, rules: YearRules,
                                 language: MessageLanguage) -> [NotSubmittedRow] {
        roster.entries.filter { !seen.contains($0.line) }.map { entry in
            NotSubmittedRow(fullName: ReportDocument.rosterName(entry), dateOfBirth: entry.dateOfBirth, partyCell: entry.partyCell,
                            grassroots: entry.grassroots, note: rules.exemption(entry, year: year)?.note(language))
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
