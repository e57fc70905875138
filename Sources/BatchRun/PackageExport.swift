import Foundation
import KiemdiemCore
import Ledger
import Logging
import OOXMLPackage
import ResultPackages
import ReviewRules
import Workbooks

/// What `kiemdiem export` did, for its summary line.
public struct ExportResult: Sendable {
    public var status: ExitStatus
    public var path: String?
    public var board: String?
    public var sha256: String?
    public var members = 0
    public var message: String?
}

/// `kiemdiem export`: the board's result package of one year for the level above
/// (docs/contract.md §6), made from the store exactly as the workbook is (`StoredReport` for the
/// counts and the organisations, the year's submissions for the members and refused files),
/// signed with `export.key_file`. Under the run lock, so the package shows one state of the
/// store; the same store gives the same bytes.
public enum PackageExport {
    public static func export(_ config: PipelineConfig, year: Int, to out: String?, logger: Logger) -> ExportResult {
        let workspace = Workspace(config)
        let key: BoardSigningKey
        let roster: Roster?
        let tree: OrganisationTree?
        do {
            guard let keyFile = config.export.keyFile else {
                throw ConfigurationError("thiếu khóa export.key_file: tạo khóa ký bằng kiemdiem init-key --kind board-ed25519 FILE, để ngoài thư mục làm việc, rồi khai export.key_file: FILE")
            }
            key = try BoardSigningKey.load(path: keyFile, workspace: config.workspace)
            roster = try config.roster.map { path throws(ConfigurationError) in try RosterFile.load(path: path) }
            tree = try config.organisations.map { path throws(ConfigurationError) in try OrganisationsFile.load(path: path) }
        } catch {
            return ExportResult(status: .configuration, message: "\(error)")
        }
        do {
            guard Ledger.exists(workspace.storeLocation) else {
                return ExportResult(status: .noInput, message: "chưa có kho dữ liệu \(workspace.storeName): chạy kiemdiem run trước")
            }
            guard let lock = try RunLock(workspace: workspace) else {
                return ExportResult(status: .locked, message: "một lượt chạy khác đang giữ khóa thư mục làm việc \(workspace.root.path)")
            }
            defer { withExtendedLifetime(lock) {} }
            if let lost = StoreGuard.refusal(workspace) { return ExportResult(status: .storeLost, message: lost) }
            let ledger = try wrap { try Ledger(workspace.storeLocation) }
            let package = try wrap {
                try make(ledger: ledger, year: year, config: config, roster: roster, tree: tree)
            }
            guard let package else {
                return ExportResult(status: .noInput, message: "kho dữ liệu chưa có bản kiểm điểm nào của năm \(year)")
            }
            let bytes: [UInt8]
            do {
                bytes = try PackageFile.write(package, privatePEM: key.privatePEM)
            } catch {
                return ExportResult(status: .configuration, message: "export.key_file: \(error)")
            }
            let path = out ?? defaultPath(config, year: year, board: package.board.name)
            try Workspace.makeDirectory(URL(fileURLWithPath: path).deletingLastPathComponent())
            do {
                try AtomicFile.publish(bytes, to: path)
            } catch {
                throw WorkspaceError("không ghi được gói kết quả \(path): \(error)")
            }
            // Kept in the store too, the same bytes: a roll-up reading a shared store takes it
            // from there (docs/contract.md §6.4). After the file: killed between the two, the
            // next export writes the same bytes and keeps them.
            let sha256 = ContentDigest.sha256Hex(bytes)
            try wrap {
                try ledger.recordExportedPackage(ExportedPackage(
                    sha256: sha256, year: year, board: package.board.name,
                    fileName: URL(fileURLWithPath: path).lastPathComponent, exportedAt: timestamp(Date()),
                    text: String(decoding: bytes, as: UTF8.self)))
            }
            return ExportResult(status: .allAccepted, path: path, board: package.board.name,
                                sha256: sha256, members: package.members.count)
        } catch {
            return ExportResult(status: .ioError, message: "\(error)")
        }
    }

    /// "reports/ket-qua-2025-Đảng bộ xã Triệu Phong.kiemdiem", beside the workbook.
    static func defaultPath(_ config: PipelineConfig, year: Int, board: String) -> String {
        URL(fileURLWithPath: config.workbook).deletingLastPathComponent()
            .appendingPathComponent("ket-qua-\(year)-\(Workspace.folderName(board)).\(ResultPackage.fileExtension)").path
    }

    /// The package of `year` from the store, `nil` when the store holds no submission of it.
    static func make(ledger: Ledger, year: Int, config: PipelineConfig, roster: Roster?,
                     tree: OrganisationTree?) throws -> ResultPackage? {
        let submissions = try ledger.submissions(year: year, includingForms: false)
        guard !submissions.isEmpty else { return nil }
        var rules = config.yearRules
        rules.batchYear = year
        let report = try StoredReport.read(ledger: ledger, year: year, roster: roster, rules: rules,
                                           language: config.language, organisations: tree, createdAt: 0)
        let summary = report.summary

        // The board: as pipeline.yml names it, else the đảng bộ most forms name, spelt as the tree does.
        let named = config.export.board ?? summary.organisation ?? "(không rõ tổ chức)"
        let boardKey = OrganisationKey.organisation(named)
        let boardName = config.export.board
            ?? summary.organisations.first { $0.organisation.key == boardKey }?.organisation.name ?? named
        let asOf = try ledger.lastRun().map { $0.finishedAt ?? $0.startedAt }
        let logs = try AuditedLog.allCases.map { log in
            let head = try ledger.logHead(log.rawValue)
            return PackageLog(log: log.rawValue, lines: head.lines, headSha256: head.sha256)
        }
        let board = BoardPart(year: year, name: boardName, key: boardKey, ruleset: Ruleset(reviewYear: year).rawValue,
                              program: "kiemdiem \(ProgramVersion.current)", asOf: asOf, logs: logs)

        let cells = summary.cells.map { cell in
            PackageCell(partyCell: cell.partyCell, partyCommittee: cell.partyCommittee, submitted: cell.submitted,
                        accepted: cell.accepted, rejected: cell.rejected, exempt: cell.exempt,
                        levels: LevelCounts(cell.levels), unclassified: cell.unclassified)
        }
        let reviewCounts = summary.reviewCounts.map { c in
            PackageReviewCounts(required: c.required, reviewed: c.reviewed, newlyAdmitted: c.newlyAdmitted,
                                exempted: c.exempted, suspended: c.suspended, missing: c.missing)
        }
        let statistics = StatisticsPart(cells: cells, reviewCounts: reviewCounts, quota: report.exceededQuotas.map(\.finding))

        // Each member's current form: accepted, superseded by none, the latest of the member's (as the workbook counts).
        var current: [String: SubmissionRecord] = [:]
        for s in submissions where s.kind != .collective && s.verdict == .accepted && s.supersededBy == nil {
            current[s.memberKey ?? "sha:\(s.sha256)"] = s
        }
        let members = current.values.map { s in
            PackageMember(fullName: s.fullName ?? "", dateOfBirth: s.dateOfBirth, partyCell: s.partyCell,
                          partyCommittee: s.partyCommittee, selfLevel: s.selfLevel, cellLevel: s.cellLevel,
                          committeeLevel: s.committeeLevel, level: s.level, status: s.status, basis: s.basis,
                          ruleset: s.ruleset, reasons: s.levelReasons, file: s.originalName, sha256: s.sha256,
                          findings: s.findings)
        }.sorted {
            (TextFolding.fold($0.partyCell ?? ""), TextFolding.fold($0.fullName), $0.file, $0.sha256)
                < (TextFolding.fold($1.partyCell ?? ""), TextFolding.fold($1.fullName), $1.file, $1.sha256)
        }
        let rejected = submissions.filter { $0.verdict == .rejected }.map { s in
            PackageRejectedFile(file: s.originalName, sha256: s.sha256, fullName: s.fullName, partyCell: s.partyCell,
                                partyCommittee: s.partyCommittee, findings: s.findings)
        }
        return ResultPackage(board: board, statistics: statistics, organisations: summary.organisations,
                             members: members, rejected: rejected)
    }
}
