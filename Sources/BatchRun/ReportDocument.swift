import Foundation
import KiemdiemCore
import Ledger
import ReviewRules
import Workbooks

/// What the workbook adds around the counts (docs/contract.md §5): the Party document's frame
/// from pipeline.yml, the rules note, the refused members to chase, the collective reports said
/// apart, Biểu 6F's Tập thể column and the results by type. Counting is ReviewRules'; this maps.
enum ReportDocument {
    /// The frame of every sheet: `report.organisation`/`place`/`signers`, else the committee most
    /// forms name; the date is the workbook's creation day in the machine's time zone.
    static func frame(_ identity: ReportIdentity, organisation: String?, year: Int, rules: YearRules,
                      createdAt: Int64) -> DocumentFrame {
        let day = LocalTime(Date(timeIntervalSince1970: TimeInterval(createdAt))).fields
        return DocumentFrame(superior: identity.superior, unit: identity.organisation ?? organisation, place: identity.place,
                             date: CivilDate(year: Int(day.tm_year) + 1900, month: Int(day.tm_mon) + 1, day: Int(day.tm_mday)),
                             preparedBy: identity.preparedBy, onBehalfOf: identity.onBehalfOf ?? DocumentFrame.defaultBody,
                             signerTitle: identity.signerTitle, signedBy: identity.signedBy,
                             rulesNote: rulesNote(year: year, rules: rules))
    }

    /// "Kiểm điểm năm 2020 theo QĐ 132-QĐ/TW, HD 21-HD/BTCTW (bộ quy tắc 2019); HTXSNV không quá
    /// 20 % số HTTNV trong mỗi tổ chức cơ sở đảng; …": the rules the counts were made by.
    static func rulesNote(year: Int, rules: YearRules) -> String {
        let book = rules.book(year: year)
        let percent = Int((book.quotaRatio * 100).rounded())
        let rounding = book.quotaRounding == .floor ? " (làm tròn xuống)" : ""
        return "Kiểm điểm năm \(year) theo \(book.regulation) (bộ quy tắc \(book.ruleset.rawValue)); "
            + "HTXSNV không quá \(percent) % số HTTNV trong mỗi tổ chức cơ sở đảng\(rounding); "
            + "không xếp loại đảng viên kết nạp chưa đủ \(book.admissionMonths) tháng tính đến 31/12/\(year)."
    }

    /// A refused member's row of `Cần nộp lại`: every error in one line, as the member's return
    /// notice says it (`Finding.returnReason`: the form's place, what was seen, what to do), so the
    /// secretary who chases the member can read it out.
    static func resubmission(_ s: SubmissionRecord, cell: CellSummary?, language: MessageLanguage) -> ResubmitRow {
        let errors = s.findings.filter { $0.severity == .error }
        let shown = errors.isEmpty ? s.findings : errors
        return ResubmitRow(fullName: s.fullName, dateOfBirth: s.dateOfBirth, partyCell: cell?.partyCell ?? s.partyCell,
                           partyCommittee: cell?.partyCommittee ?? s.partyCommittee, file: s.originalName,
                           received: s.receivedAt.map { String($0.prefix(10)) },
                           codes: shown.map(\.code.rawValue).joined(separator: ", "),
                           reason: shown.map { $0.returnReason(language).sentence }.joined(separator: " "))
    }

    /// By cell, then name, then file, as `Đảng viên` orders its members.
    static func sorted(_ rows: [ResubmitRow]) -> [ResubmitRow] {
        rows.sorted {
            (TextFolding.fold($0.partyCell ?? "~"), TextFolding.fold($0.fullName ?? "~"), $0.file)
                < (TextFolding.fold($1.partyCell ?? "~"), TextFolding.fold($1.fullName ?? "~"), $1.file)
        }
    }

    /// Biểu 6F's Tập thể column (`YearRules.collectiveTally`) over the organisations of the year.
    static func collectives(_ organisations: [OrganisationResult], year: Int, rules: YearRules) -> CollectiveReview6F? {
        guard !organisations.isEmpty else { return nil }
        let tally = rules.collectiveTally(organisations.map { ($0.organisation.founded, $0.reportFile != nil) }, year: year)
        return CollectiveReview6F(required: tally.required, reviewed: tally.reviewed, newlyFounded: tally.newlyFounded,
                                  missing: tally.missing)
    }

    /// Biểu 7A/7B: the organisations' results and the members' (`memberLevels`, by
    /// `OrganisationKey.ofCell` of their cell) by the type of their organisation (a chi bộ without
    /// one takes its parent's).
    static func resultsByType(_ organisations: [OrganisationResult], memberLevels: [String: [(Level?, ClassificationStatus)]])
        -> ResultsByType? {
        guard !organisations.isEmpty || !memberLevels.isEmpty else { return nil }
        let byKey = Dictionary(organisations.map { ($0.organisation.key, $0.organisation) }, uniquingKeysWith: { a, _ in a })
        func type(_ key: String) -> OrganisationType? {
            var seen: Set<String> = []
            var current = byKey[key]
            while let o = current, !seen.contains(o.key) {
                if let type = o.type { return type }
                seen.insert(o.key)
                current = o.parentKey.flatMap { byKey[$0] }
            }
            return nil
        }
        var units = ResultsByTypeTally()
        var byLevel: [String: ResultsByTypeTally] = [:]
        for result in organisations {
            let (unitType, level, status) = (type(result.organisation.key), result.classification.level,
                                             result.classification.status)
            units.count(type: unitType, level: level, status: status)
            byLevel[ResultsByTypeTally.level(result.organisation.kind), default: ResultsByTypeTally()]
                .count(type: unitType, level: level, status: status)
        }
        var members = ResultsByTypeTally()
        for (key, levels) in memberLevels {
            for (level, status) in levels { members.count(type: type(key), level: level, status: status) }
        }
        func counts(_ tally: LevelTally) -> LevelCounts {
            LevelCounts(levels: tally.levels, exempt: tally.exempt, unclassified: tally.unclassified)
        }
        var results = ResultsByType(types: ResultsByTypeTally.columns([units, members]),
                                    organisations: units.byType.mapValues(counts), organisationsTotal: counts(units.total),
                                    members: members.byType.mapValues(counts), membersTotal: counts(members.total))
        results.organisationLevels = ResultsByTypeTally.levels.compactMap { name in
            byLevel[name].map { (name, $0.byType.mapValues(counts), counts($0.total)) }
        }
        return results
    }

    /// The roster's unreadable cells as rows of `Cảnh báo`, where the roster file is the file.
    static func rosterWarnings(_ roster: Roster?, language: MessageLanguage) -> [RejectionRow] {
        guard let roster else { return [] }
        return roster.findings.map { finding in
            let line = roster.entries.first { RosterFile.location($0.line) == finding.location }
            return RejectionRow(file: roster.source ?? "danh sách đảng viên", code: finding.code, field: finding.field,
                                reason: finding.message(language) + (finding.location.map { " — \($0)" } ?? "")
                                    + (finding.evidence.map { ": \"\($0)\"" } ?? ""),
                                fullName: line?.fullName.isEmpty == false ? line?.fullName : nil, partyCell: line?.partyCell)
        }
    }

    /// Biểu 6F: the roster's counts (or, without a roster, only the members reviewed: those with
    /// an accepted form), with the Tập thể column when organisations are known.
    static func reviewCounts(_ counts: ReviewCounts?, accepted cells: [CellSummary], organisations: [OrganisationResult],
                             year: Int, rules: YearRules) -> ReviewCounts {
        var counts = counts ?? {
            var members = ReviewCounts(reviewed: cells.reduce(0) { $0 + $1.accepted })
            members.fromRoster = false
            return members
        }()
        counts.collectives = collectives(organisations, year: year, rules: rules)
        return counts
    }

    /// Each cell with the organisation above its committee, where the organisations of the year
    /// place the committee under one (`Tổng hợp` then sums per organisation level too).
    static func placed(_ cells: [CellSummary], in organisations: [OrganisationResult]) -> [CellSummary] {
        let parents = Dictionary(organisations.compactMap { result in
            result.organisation.parentName.map { (result.organisation.key, $0) }
        }, uniquingKeysWith: { a, _ in a })
        return cells.map { cell in
            var cell = cell
            cell.superiorCommittee = cell.partyCommittee.flatMap { parents[OrganisationKey.ofCommittee($0)] }
            return cell
        }
    }

    /// The name `Chưa nộp` shows for a roster row: its name, or its line when the name is missing.
    static func rosterName(_ entry: RosterEntry) -> String {
        entry.fullName.isEmpty ? "(không rõ họ tên — \(RosterFile.location(entry.line)))" : entry.fullName
    }
}
