import KiemdiemCore
import Ledger
import ReviewRules
import Workbooks

/// The consolidated report of one year read from the store in passes, never holding the year:
/// `read` counts what is small (one entry per cell, committee or roster line), and `rows` streams
/// the members and findings to the workbook writer in sheet order. The result is the workbook
/// `ReportBuilder.build` gives from every submission in memory.
struct StoredReport {
    let ledger: Ledger
    let year: Int
    let roster: Roster?
    let rules: YearRules
    /// The language findings are worded in on the sheets.
    let language: MessageLanguage
    /// Cells, organisation, not-submitted list and Biểu 6F; no member or finding rows.
    var summary: ConsolidatedReport
    /// Each cell's display name and committee, by `OrganisationKey.cell` ("" for no cell).
    let cells: [String: CellSummary]
    /// The member order of `Đảng viên`: by folded cell name, then name, file and member id.
    let memberOrder: Ledger.MemberOrder
    /// The grassroots organisations over their HTXS quota, by key.
    let exceededQuotas: [(key: String, finding: Finding)]
    /// Every year's excellent and unsatisfactory levels by person, for the consecutive-year flags.
    var flaggedLevels: [String: [Int: Level]] = [:]

    static func read(ledger: Ledger, year: Int, roster: Roster?, rules: YearRules, language: MessageLanguage = .vi,
                     organisations tree: OrganisationTree? = nil, createdAt: Int64) throws -> StoredReport {
        func cellKey(_ partyCell: String?) -> String { partyCell.map(OrganisationKey.cell) ?? "" }

        // Pass 1, in arrival order: the first arrival's spelling names a cell (as in `build`).
        var cells: [String: CellSummary] = [:]
        var order: [String] = []
        var committees: [String: Int] = [:]
        var seenLines = Set<Int>()
        try ledger.forEachSubmission(year: year, individualOnly: true) { s in
            let key = cellKey(s.partyCell)
            if cells[key] == nil {
                cells[key] = CellSummary(partyCell: s.partyCell ?? ReportBuilder.unknownCell, partyCommittee: s.partyCommittee)
                order.append(key)
            }
            if let committee = s.partyCommittee { committees[committee, default: 0] += 1 }
            if let roster, let line = ReportBuilder.rosterLine(roster, s) { seenLines.insert(line) }
        }

        // Pass 2, members in no order: the counts of each cell, Biểu 6F and the quota groups.
        var reviewedLines = Set<Int>()
        var memberLevels: [String: [(Level?, ClassificationStatus)]] = [:]
        var quotas: [String: (firstID: Int64, group: QuotaGroup)] = [:]
        try ledger.forEachMember(year: year) { member in
            let key = cellKey(member.latestPartyCell)
            if cells[key] == nil {  // not reached: the latest form is one of the individual forms above
                cells[key] = CellSummary(partyCell: member.latestPartyCell ?? ReportBuilder.unknownCell)
                order.append(key)
            }
            if let form = member.current {
                if let roster, let line = ReportBuilder.rosterLine(roster, form) { reviewedLines.insert(line) }
                memberLevels[form.partyCell.map(OrganisationKey.ofCell) ?? "", default: []].append((form.level, form.status))
                if let quota = ReportBuilder.quotaGroup(form, roster: roster) {
                    let id = form.id ?? 0
                    var entry = quotas[quota.key] ?? (id, QuotaGroup(name: quota.name))
                    // The group is named after its first form, as when the forms are counted in id order.
                    if id < entry.firstID {
                        entry.firstID = id
                        entry.group.name = quota.name
                    }
                    entry.group.count(level: form.level, status: form.status)
                    quotas[quota.key] = entry
                }
            }
            cells[key]!.count(member: member.latestVerdict == .accepted ? member.current : nil)
        }

        let sortedCells = order.map { cells[$0]! }.sorted {
            let a = (TextFolding.fold($0.partyCommittee ?? "~"), TextFolding.fold($0.partyCell))
            let b = (TextFolding.fold($1.partyCommittee ?? "~"), TextFolding.fold($1.partyCell))
            return a < b
        }
        // Members sort by the folded name of their cell; cells folding alike tie and mix by name.
        let folds = Set(cells.values.map { TextFolding.fold($0.partyCell) }).sorted()
        let foldRank = Dictionary(uniqueKeysWithValues: folds.enumerated().map { ($1, $0) })
        let cellRank = cells.mapValues { foldRank[TextFolding.fold($0.partyCell)]! }

        let notSubmitted = roster.map {
            ReportBuilder.notSubmittedRows($0, seen: seenLines, year: year, rules: rules, language: language)
        }
        let reviewCounts = roster.map { ReportBuilder.countReviews($0, reviewedLines: reviewedLines, year: year, rules: rules) }
        let organisation = ReportBuilder.mostCommon(committees)
        var summary = ConsolidatedReport(year: year, organisation: organisation, cells: sortedCells,
                                         notSubmitted: notSubmitted, createdAt: createdAt)
            .with(reviewCounts: reviewCounts)
        summary.language = language
        summary.organisations = try OrganisationReport.classify(ledger: ledger, year: year, file: tree, roster: roster,
                                                                rules: rules)
        summary.cells = ReportDocument.placed(summary.cells, in: summary.organisations)
        var resubmissions: [ResubmitRow] = []
        try ledger.forEachRefusedMember(year: year) { form in
            let cell = cells[form.partyCell.map(OrganisationKey.cell) ?? ""]
            resubmissions.append(ReportDocument.resubmission(form, cell: cell, language: language))
        }
        summary.resubmissions = ReportDocument.sorted(resubmissions)
        let collective = try ledger.collectiveVerdicts(year: year)
        summary.collectiveReports = CollectiveCounts(accepted: collective.accepted, rejected: collective.rejected)
        summary.resultsByType = ReportDocument.resultsByType(summary.organisations, memberLevels: memberLevels)
        summary.reviewCounts = ReportDocument.reviewCounts(summary.reviewCounts, accepted: sortedCells,
                                                           organisations: summary.organisations, year: year, rules: rules)
        let exceeded = quotas.keys.sorted().compactMap { key in
            rules.quotaBreach(quotas[key]!.group, year: year, subject: .member).map { (key, $0) }
        }
        return StoredReport(ledger: ledger, year: year, roster: roster, rules: rules, language: language,
                            summary: summary, cells: cells,
                            memberOrder: Ledger.MemberOrder(cellRank: cellRank), exceededQuotas: exceeded,
                            flaggedLevels: try ledger.levelsByYear(only: HistoryFlag.levels))
    }

    /// The member's consecutive-year flags (ReviewRules `HistoryFlag`), in Vietnamese.
    func history(_ form: SubmissionRecord) -> String? {
        guard let key = form.memberKey, let levels = flaggedLevels[Ledger.person(memberKey: key)] else { return nil }
        let flags = HistoryFlag.flags(levels: levels, year: year)
        return flags.isEmpty ? nil : flags.map(\.vietnamese).joined(separator: "; ")
    }

    /// The rows of the whole report.
    var rows: Rows { Rows(report: self, cellKey: nil) }

    /// The report of one cell for its secretary (`ConsolidatedReport.restricted(toCell:)`).
    func restricted(toCell cell: String) -> (summary: ConsolidatedReport, rows: Rows) {
        (summary.restricted(toCell: cell), Rows(report: self, cellKey: OrganisationKey.cell(cell)))
    }

    /// The members, rejections and warnings of the report, or of one cell, read from the store
    /// in sheet order as the writer asks for them.
    struct Rows: ReportRows {
        let report: StoredReport
        /// Only the rows of this cell (`OrganisationKey.cell`), or all.
        let cellKey: String?

        var membersNameCommittee: Bool {
            report.cells.contains { key, cell in
                (cellKey == nil || key == cellKey) && cell.accepted > 0 && cell.partyCommittee?.isEmpty == false
            }
        }

        func forEachMember(_ body: (MemberRow) throws -> Void) throws {
            try report.ledger.forEachMember(year: report.year, cellKey: cellKey, acceptedOnly: true,
                                            order: report.memberOrder) { member in
                guard let form = member.current else { return }
                // One spelling per cell on every sheet, so the autofilter offers each cell once.
                let cell = report.cells[member.latestPartyCell.map(OrganisationKey.cell) ?? ""]
                try body(MemberRow(fullName: form.fullName ?? "", dateOfBirth: form.dateOfBirth,
                                   partyCell: cell?.partyCell, partyCommittee: cell?.partyCommittee,
                                   selfLevel: form.selfLevel, cellProposal: form.cellLevel,
                                   committeeLevel: form.committeeLevel, result: form.level, status: form.status,
                                   file: form.originalName, history: report.history(form),
                                   reason: LevelReason.text(form.levelReasons, report.language)))
            }
        }

        func forEachRejection(_ body: (RejectionRow) throws -> Void) throws {
            try report.ledger.forEachFinding(year: report.year, of: .rejected, cellKey: cellKey) { entry in
                try body(row(entry))
            }
        }

        /// Warnings of current forms, then of superseded forms, then the quota, as `build` lists them.
        func forEachWarning(_ body: (RejectionRow) throws -> Void) throws {
            for source in [FindingSource.currentForms, .supersededForms] {
                try report.ledger.forEachFinding(year: report.year, of: source, cellKey: cellKey) { entry in
                    if entry.finding.severity == .warning { try body(row(entry)) }
                }
            }
            // One pass per organisation over its quota (few): the rows stay in the store until written.
            for (key, finding) in report.exceededQuotas {
                try report.ledger.forEachCurrentForm(year: report.year, status: .final, level: .excellent,
                                                     cellKey: cellKey) { form in
                    if ReportBuilder.quotaGroup(form, roster: report.roster)?.key == key {
                        try body(ReportBuilder.row(form, finding, report.language))
                    }
                }
            }
            // The roster's unreadable cells (a cell's report keeps its own lines, as `restricted` does).
            for row in ReportDocument.rosterWarnings(report.roster, language: report.language)
            where cellKey == nil || row.partyCell.map(OrganisationKey.cell) == cellKey {
                try body(row)
            }
        }

        private func row(_ entry: FindingEntry) -> RejectionRow {
            RejectionRow(file: entry.originalName, code: entry.finding.code, field: entry.finding.field,
                         reason: entry.finding.message(report.language), fullName: entry.fullName, partyCell: entry.partyCell)
        }
    }
}
