import KiemdiemCore
import Ledger
import Workbooks

/// Counts the consolidated report of one year from the store (contract §5 definitions).
enum ReportBuilder {
    static func build(year: Int, submissions: [SubmissionRecord], createdAt: Int64) -> ConsolidatedReport {
        let individual = submissions.filter { $0.kind != .collective }

        // A member is their key; a rejected file nobody can be named from is a member of its own.
        func memberID(_ s: SubmissionRecord) -> String { s.memberKey ?? "sha:\(s.sha256)" }
        func cellKey(_ s: SubmissionRecord) -> String { s.partyCell.map(TextFolding.fold) ?? "" }

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
                cells[key] = CellSummary(partyCell: s.partyCell ?? "(không rõ chi bộ)", partyCommittee: s.partyCommittee)
                order.append(key)
            }
            return key
        }

        // The first arrival's spelling names a cell, so the same store always gives the same sheet.
        for s in individual { _ = cell(for: s) }
        var members: [MemberRow] = []
        for (id, last) in latest.sorted(by: { $0.key < $1.key }) {
            let key = cell(for: last)
            cells[key]!.submitted += 1
            guard last.verdict == .accepted, let form = current[id] else {
                cells[key]!.rejected += 1
                continue
            }
            cells[key]!.accepted += 1
            switch (form.status, form.level) {
            case (.exempt, _): cells[key]!.exempt += 1
            case (_, let level?): cells[key]!.levels[level, default: 0] += 1
            case (_, nil): cells[key]!.unclassified += 1
            }
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
        let organisation = mostCommon(individual.compactMap(\.partyCommittee))
        return ConsolidatedReport(year: year, organisation: organisation, cells: sortedCells, members: members,
                                  rejections: rejections, createdAt: createdAt)
    }

    private static func mostCommon(_ names: [String]) -> String? {
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
