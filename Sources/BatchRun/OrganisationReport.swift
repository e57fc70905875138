import Foundation
import KiemdiemCore
import Ledger
import ReviewRules

/// The organisations of a year, classified (docs/rules.md "Tổ chức đảng"): the tree from the
/// organisations file and the forms, each organisation's Mẫu 01, its members' levels (a chi bộ)
/// or its subordinate organisations' results (a đảng bộ), classified from the bottom up so that
/// a đảng bộ sees its units' results, then the quota across each comparable group.
enum OrganisationReport {
    static func classify(ledger: Ledger, year: Int, file: OrganisationTree?, roster: Roster?,
                         rules: YearRules) throws -> [OrganisationResult] {
        var tree = file ?? OrganisationTree()
        let book = rules.book(year: year)

        // Each organisation's latest accepted Mẫu 01.
        var reports: [String: (file: String, form: ReviewForm)] = [:]
        for report in try ledger.collectiveReports(year: year) {
            tree.add(partyCell: report.partyCell, partyCommittee: report.partyCommittee)
            guard let key = report.partyCell.map(OrganisationKey.ofCell) ?? report.partyCommittee.map(OrganisationKey.ofCommittee)
            else { continue }
            reports[key] = (report.originalName, Self.collectiveForm(report))
        }

        // Each chi bộ's members: levels of the classified, those not decided, the disciplined.
        var members: [String: (levels: [Level: Int], pending: Int, disciplined: Int)] = [:]
        try ledger.forEachMember(year: year, acceptedOnly: true) { member in
            guard let form = member.current, let cell = form.partyCell else { return }
            tree.add(partyCell: cell, partyCommittee: form.partyCommittee)
            let key = OrganisationKey.ofCell(cell)
            var tally = members[key] ?? ([:], 0, 0)
            if form.status != .exempt, form.status != .unclassified, let level = form.level { tally.levels[level, default: 0] += 1 }
            if form.status != .final && form.status != .exempt { tally.pending += 1 }
            if let entry = roster?.entry(fullName: form.fullName, dateOfBirth: form.dateOfBirth, partyCell: form.partyCell),
               entry.disciplined, !(book.selfDetectedDisciplineExcused && entry.selfDetected) {
                tally.disciplined += 1
            }
            members[key] = tally
        }

        // Deepest first, so that a đảng bộ is classified after the organisations under it.
        let all = tree.all
        func depth(_ o: Organisation) -> Int {
            var seen: Set<String> = [o.key]
            var current = o
            var depth = 0
            while let parent = current.parentKey, !seen.contains(parent), let above = tree[parent] {
                seen.insert(parent)
                current = above
                depth += 1
            }
            return depth
        }
        var results: [String: OrganisationResult] = [:]
        for organisation in all.sorted(by: { depth($0) > depth($1) }) {
            var facts = OrganisationFacts(organisation: organisation, year: year, report: reports[organisation.key]?.form,
                                          reportFile: reports[organisation.key]?.file)
            let children = tree.children(of: organisation.key)
            if !children.isEmpty {
                var levels: [Level: Int] = [:]
                var pending = 0
                for child in children {
                    let result = results[child.key]
                    if let level = result?.classification.level, result?.classification.status != .exempt { levels[level, default: 0] += 1 }
                    if result?.classification.status != .final && result?.classification.status != .exempt { pending += 1 }
                }
                facts.unitLevels = levels
                facts.pendingUnits = pending
                facts.subordinates = children.count
                facts.disciplinedSubordinates = children.filter(\.disciplined).count
                facts.disciplinedMembers = members[organisation.key]?.disciplined
            } else if let tally = members[organisation.key] {
                facts.unitLevels = tally.levels
                facts.pendingUnits = tally.pending
                facts.disciplinedMembers = roster == nil ? nil : tally.disciplined
            }
            results[organisation.key] = rules.classify(facts)
        }

        var ordered = all.map { results[$0.key]! }
        rules.organisationQuota(&ordered, year: year)
        // The sheet's order: each organisation under its parent, by the names on the path from the top.
        func path(_ o: Organisation) -> [String] {
            var names = [TextFolding.fold(o.name)]
            var seen: Set<String> = [o.key]
            var current = o
            while let parent = current.parentKey, !seen.contains(parent), let above = tree[parent] {
                seen.insert(parent)
                names.insert(TextFolding.fold(above.name), at: 0)
                current = above
            }
            return names
        }
        return ordered.sorted { path($0.organisation).lexicographicallyPrecedes(path($1.organisation)) }
    }

    /// The parts of an accepted Mẫu 01 the organisation rules read, from its stored JSON.
    static func collectiveForm(_ report: SubmissionRecord) -> ReviewForm {
        var form = ReviewForm(kind: .collective, template: report.template ?? .mau01)
        form.year = report.year
        form.partyCell = report.partyCell
        form.partyCommittee = report.partyCommittee
        let object = report.formJSON.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
        func level(_ value: Any?) -> Level? { (value as? String).flatMap(Level.init(rawValue:)) }
        let collective = object?["collective"] as? [String: Any]
        form.collective = CollectiveReview(level: level(collective?["level"]) ?? report.level,
                                           meetingDate: report.meetingDate)
        form.cellReview.proposedLevel = level((object?["cell_review"] as? [String: Any])?["proposed_level"]) ?? report.cellLevel
        form.committeeDecision = CommitteeDecision(level: report.committeeLevel, date: report.committeeDate)
        if let score = object?["score"] as? [String: Any] {
            let items = (score["items"] as? [[String: Any]] ?? []).map { item in
                ScoreSheet.Item(criterion: item["criterion"] as? String ?? "", max: (item["max"] as? NSNumber)?.doubleValue,
                                selfScore: ((item["self"] ?? item["self_score"]) as? NSNumber)?.doubleValue)
            }
            form.score = ScoreSheet(items: items, total: (score["total"] as? NSNumber)?.doubleValue)
        }
        return form
    }
}
