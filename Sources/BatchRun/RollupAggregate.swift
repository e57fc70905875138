import Foundation
import KiemdiemCore
import ResultPackages
import ReviewRules
import Workbooks

/// The superior's report from the filed packages (docs/contract.md §6): for each trusted board the
/// newest of its packages (same bytes twice count once), summed as the board's own workbook
/// counts (contract §5 definitions), the organisations' results and the superior's checks.
struct RollupAggregate {
    let config: RollupConfig
    let filed: [FiledPackage]
    /// Per board key, the package that counts.
    let counted: [String: FiledPackage]
    /// Per filed path, what became of it.
    let states: [String: (state: String, finding: Finding?)]

    init(config: RollupConfig, filed: [FiledPackage]) {
        self.config = config
        self.filed = filed
        var states: [String: (String, Finding?)] = [:]
        var firstOfDigest: [String: FiledPackage] = [:]
        var byBoard: [String: [FiledPackage]] = [:]
        for package in filed {
            guard package.inArchive, package.check.refusal == nil, let board = package.check.board else {
                states[package.path] = ("Bị từ chối", package.check.refusal)
                continue
            }
            if let first = firstOfDigest[package.check.sha256] {
                states[package.path] = ("Trùng (tính một lần, như \(first.path))", nil)
                continue
            }
            firstOfDigest[package.check.sha256] = package
            byBoard[board.key, default: []].append(package)
        }
        var counted: [String: FiledPackage] = [:]
        for (key, packages) in byBoard {
            let newest = packages.max { Self.order($0) < Self.order($1) }!
            counted[key] = newest
            for package in packages where package.path != newest.path {
                let finding = Finding(.packageSuperseded, field: "file", evidence: "thay bằng \(newest.path)")
                states[package.path] = ("Bị thay thế", finding)
            }
            states[newest.path] = ("Được tính", nil)
        }
        self.counted = counted
        self.states = states
    }

    /// Which of a board's packages is newer: the later state of its store (the time of its last
    /// run, then the length of its logs, which only grow), the digest breaking a tie, so the
    /// choice never depends on the order packages arrived in.
    static func order(_ package: FiledPackage) -> (String, Int, String) {
        let board = package.check.package?.board
        return (board?.asOf ?? "", board?.logs.reduce(0) { $0 + $1.lines } ?? 0, package.check.sha256)
    }

    /// The counted packages, by board name.
    var countedInOrder: [FiledPackage] {
        counted.values.sorted {
            (TextFolding.fold($0.check.board?.name ?? ""), $0.path) < (TextFolding.fold($1.check.board?.name ?? ""), $1.path)
        }
    }

    func report(createdAt: Int64) -> RollupReport {
        let rules = YearRules(options: config.rules)
        let year = config.year
        let superiorKey = OrganisationKey.organisation(config.superior)
        let packages = countedInOrder.compactMap { $0.check.package }

        // Tổng hợp: every board's chi bộ, one row per chi bộ key, as one run over all the forms would count them.
        var cells: [String: CellSummary] = [:]
        for package in packages {
            for cell in package.statistics.cells {
                let key = OrganisationKey.cell(cell.partyCell)
                var sum = cells[key] ?? CellSummary(partyCell: cell.partyCell, partyCommittee: cell.partyCommittee)
                sum = sum.adding(Self.summary(cell))
                cells[key] = sum
            }
        }
        let sortedCells = cells.values.sorted {
            (TextFolding.fold($0.partyCommittee ?? "~"), TextFolding.fold($0.partyCell))
                < (TextFolding.fold($1.partyCommittee ?? "~"), TextFolding.fold($1.partyCell))
        }
        let reviews = packages.compactMap(\.statistics.reviewCounts).map(Self.reviewCounts)
        var consolidated = ConsolidatedReport(year: year, organisation: config.superior, cells: sortedCells, createdAt: createdAt)
            .with(reviewCounts: reviews.isEmpty ? nil : reviews.reduce(ReviewCounts()) { $0.adding($1) })
        consolidated.language = config.language

        // The organisations: each board's tree under the superior; the quota across the boards'
        // own organisations (the superior's comparable groups: one kind under one deciding body).
        var organisations: [OrganisationResult] = []
        var roots: [Int] = []
        var treeOf: [String: [OrganisationResult]] = [:]
        for package in packages {
            let keys = Set(package.organisations.map(\.organisation.key))
            treeOf[package.board.key] = package.organisations
            for var result in package.organisations {
                if result.organisation.parentKey.map({ !keys.contains($0) }) ?? true {
                    result.organisation.parentKey = superiorKey
                    result.organisation.parentName = config.superior
                    roots.append(organisations.count)
                }
                organisations.append(result)
            }
        }
        var top = roots.map { organisations[$0] }
        let before = top.map(\.findings.count)
        rules.organisationQuota(&top, year: year)
        for (offset, index) in roots.enumerated() {
            organisations[index].findings += top[offset].findings.dropFirst(before[offset])
        }
        consolidated.organisations = organisations
        // Biểu 6F's Tập thể column and Biểu 7A/7B over every board's organisations and members, as the board's workbook maps them.
        var memberLevels: [String: [(Level?, ClassificationStatus)]] = [:]
        for package in countedInOrder {
            for (key, levels) in package.memberLevels { memberLevels[key, default: []] += levels }
        }
        consolidated.resultsByType = ReportDocument.resultsByType(organisations, memberLevels: memberLevels)
        consolidated.reviewCounts = ReportDocument.reviewCounts(consolidated.reviewCounts, accepted: sortedCells,
                                                                organisations: organisations, year: year, rules: rules)
        var identity = ReportIdentity()
        identity.organisation = config.superior
        consolidated.frame = ReportDocument.frame(identity, organisation: config.superior, year: year, rules: rules,
                                                  createdAt: createdAt)

        var groups: [String: QuotaGroup] = [:]
        for result in top {
            let name = config.superior + " — " + (result.organisation.kind?.vietnamese ?? "Chưa rõ loại tổ chức")
            groups[name, default: QuotaGroup(name: name)].count(level: result.classification.level, status: result.classification.status)
        }
        let quotaGroups = groups.keys.sorted().map { name in
            RollupQuotaRow(group: name, excellent: groups[name]!.excellent, good: groups[name]!.good,
                           breach: rules.quotaBreach(groups[name]!, year: year, subject: .organisation))
        }

        // Tổ chức cấp dưới: every trusted board, counted or not.
        var gaps: [RollupGapRow] = []
        let boards = config.boards.sorted { TextFolding.fold($0.name) < TextFolding.fold($1.name) }.map { board -> RollupBoardRow in
            guard let package = counted[board.key], let content = package.check.package else {
                let refused = filed.first { $0.check.board?.key == board.key && $0.check.refusal != nil }
                let state = refused == nil ? "Chưa gửi gói" : "Gói bị từ chối"
                gaps.append(RollupGapRow(organisation: board.name, board: config.superior,
                                         problem: refused == nil ? "Chưa gửi gói kết quả năm \(year)" : "Gói kết quả bị từ chối, chưa có gói hợp lệ",
                                         detail: refused.map { "\($0.path): \($0.check.refusal!.code.rawValue)" }))
                return RollupBoardRow(name: board.name, kind: nil, type: nil, state: state, file: refused?.path, asOf: nil,
                                      members: CellSummary(partyCell: board.name), reviewCounts: nil, level: nil, status: nil)
            }
            let own = content.organisations.first { $0.organisation.key == board.key }
                ?? content.organisations.first { $0.organisation.parentKey == nil }
            let members = content.statistics.cells.reduce(CellSummary(partyCell: board.name)) {
                $0.adding(Self.summary($1))
            }
            return RollupBoardRow(name: board.name, kind: own?.organisation.kind, type: own?.organisation.type, state: "Đã tính",
                                  file: package.path, asOf: content.board.asOf, members: members,
                                  reviewCounts: content.statistics.reviewCounts.map(Self.reviewCounts),
                                  level: own?.classification.level, status: own?.classification.status)
        }

        // Organisations classified before their subordinates were (ReviewRules).
        for package in packages {
            let tree = treeOf[package.board.key] ?? []
            for result in tree {
                let children = tree.filter { $0.organisation.parentKey == result.organisation.key }
                let late = rules.subordinatesClassifiedAfter(result, subordinates: children)
                guard !late.isEmpty else { continue }
                gaps.append(RollupGapRow(organisation: result.organisation.name, board: package.board.name,
                                         problem: "Đã xếp loại khi tổ chức cấp dưới chưa xếp loại hoặc xếp loại sau",
                                         detail: late.map(\.organisation.name).joined(separator: "; ")))
            }
        }

        let packageRows = filed.map { package -> RollupPackageRow in
            let content = package.check.package
            let state = states[package.path] ?? ("Bị từ chối", package.check.refusal)
            let logs = content?.board.logs.map { "\($0.log) \($0.lines) dòng · \(String(($0.headSha256 ?? "-").prefix(12)))" }
                .joined(separator: "; ")
            return RollupPackageRow(file: package.path, board: content?.board.name ?? package.check.board?.name,
                                    year: content?.board.year, state: state.state, finding: state.finding,
                                    asOf: content?.board.asOf, logs: logs, sha256: package.check.sha256)
        }
        return RollupReport(consolidated: consolidated, superior: config.superior, boards: boards,
                            quotaGroups: quotaGroups, gaps: gaps, packages: packageRows)
    }

    static func summary(_ cell: PackageCell) -> CellSummary {
        var levels: [Level: Int] = [:]
        for level in Level.allCases where cell.levels[level] > 0 { levels[level] = cell.levels[level] }
        return CellSummary(partyCell: cell.partyCell, partyCommittee: cell.partyCommittee, submitted: cell.submitted,
                           accepted: cell.accepted, rejected: cell.rejected, exempt: cell.exempt, levels: levels,
                           unclassified: cell.unclassified)
    }

    static func reviewCounts(_ c: PackageReviewCounts) -> ReviewCounts {
        ReviewCounts(required: c.required, reviewed: c.reviewed, newlyAdmitted: c.newlyAdmitted, exempted: c.exempted,
                     suspended: c.suspended, missing: c.missing)
    }

    /// The members and refusals of the counted packages, read again from their files one package
    /// at a time as the writer asks for each sheet (the members' warnings were kept when counted).
    func rows(workspace: Workspace) -> Rows {
        Rows(packages: countedInOrder, root: workspace.root.path, config: config)
    }

    struct Rows: ReportRows {
        let packages: [FiledPackage]
        let root: String
        let config: RollupConfig

        var membersNameCommittee: Bool { true }

        private func forEachPackage(members: Bool, _ body: (ResultPackage) throws -> Void) throws {
            for filed in packages {
                let path = root + "/" + filed.path
                guard let package = RollupRun.check(path, config: config, members: members)?.package else {
                    throw WorkspaceError("gói \(path) đã đổi hoặc biến mất trong lúc lập sổ tổng hợp")
                }
                try body(package)
            }
        }

        func forEachMember(_ body: (MemberRow) throws -> Void) throws {
            try forEachPackage(members: true) { package in
                for m in package.members {
                    try body(MemberRow(fullName: m.fullName, dateOfBirth: m.dateOfBirth, partyCell: m.partyCell,
                                       partyCommittee: m.partyCommittee, selfLevel: m.selfLevel, cellProposal: m.cellLevel,
                                       committeeLevel: m.committeeLevel, result: m.level, status: m.status, file: m.file,
                                       reason: LevelReason.text(m.reasons, config.language)))
                }
            }
        }

        func forEachRejection(_ body: (RejectionRow) throws -> Void) throws {
            try forEachPackage(members: false) { package in
                for file in package.rejected {
                    for finding in file.findings {
                        try body(RejectionRow(file: file.file, code: finding.code, field: finding.field,
                                              reason: finding.message(config.language), fullName: file.fullName,
                                              partyCell: file.partyCell))
                    }
                }
            }
        }

        func forEachWarning(_ body: (RejectionRow) throws -> Void) throws {
            for filed in packages {
                for (m, finding) in filed.memberWarnings {
                    try body(RejectionRow(file: m.file, code: finding.code, field: finding.field,
                                          reason: finding.message(config.language), fullName: m.fullName, partyCell: m.partyCell))
                }
                for finding in filed.check.package?.statistics.quota ?? [] {
                    try body(RejectionRow(file: filed.check.package?.board.name ?? filed.path, code: finding.code,
                                          field: finding.field, reason: finding.message(config.language), fullName: nil,
                                          partyCell: nil))
                }
            }
        }
    }
}
