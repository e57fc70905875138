import Foundation
import KiemdiemCore
import Ledger
import Logging

/// The chained logs under logs/ (docs/contract.md §4), by the name the store anchors them under.
public enum AuditedLog: String, Sendable, CaseIterable {
    /// `rejections.jsonl`: one line per finding of a rejected form.
    case rejections
    /// `audit.jsonl`: one line per decision.
    case audit

    public var fileName: String { rawValue + ".jsonl" }
}

/// What an operator asks of a workspace outside the nightly run.
public enum Operator {
    /// `kiemdiem status`: what waits, what is stuck, what the last run did.
    public struct Status: Sendable {
        public var waiting: Int
        public var unsettled: Int
        public var foreign: Int
        public var processing: Int
        public var lastRun: RunRecord?
        public var arrivals: Int
        /// The accepted collective reports among the last run's files (`RunResult.acceptedCollective`).
        public var lastRunCollective = 0
        /// A live process holds the run's lock (a run, `report` or `recover` in progress), and
        /// its pid (0 when unknown); `nil` when none does.
        public var activeRun: Int32?
        /// Bytes free for the batch's user on the workspace's filesystem.
        public var freeBytes: Int64?

        /// Below this the next run cannot record, log and publish a night: `status` says so
        /// and exits 74 (README, "In the morning").
        public static let minimumFreeBytes: Int64 = 1 << 20

        public var diskFull: Bool { freeBytes.map { $0 < Self.minimumFreeBytes } ?? false }
    }

    public static func status(_ config: PipelineConfig, now: Date = Date()) throws -> Status {
        try config.checkPaths()
        let workspace = Workspace(config)
        var status = Status(waiting: 0, unsettled: 0, foreign: 0, processing: 0, lastRun: nil, arrivals: 0)
        if let lock = RunLock.holder(path: workspace.root.path), lock.held { status.activeRun = lock.pid }
        status.freeBytes = freeBytes(near: workspace.root.path)
        for entry in try Intake.list(config.inbox).entries {
            switch Intake.classify(entry, settleSeconds: config.settleSeconds, now: now) {
            case .ready, .readyFromTheFuture: status.waiting += 1
            case .unsettled: status.unsettled += 1
            case .notDocx, .notRegular: status.foreign += 1
            case .ignored: break
            }
        }
        status.processing = ((try? FileManager.default.contentsOfDirectory(atPath: workspace.processing.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.count
        if let lost = StoreGuard.refusal(workspace) { throw StoreLostError(description: lost) }
        if Ledger.exists(workspace.storeLocation) {
            let ledger = try wrap { try Ledger(workspace.storeLocation) }
            status.lastRun = try wrap { try ledger.lastRun() }
            if let run = status.lastRun {
                status.lastRunCollective = try wrap { try ledger.acceptedCollectiveArrivals(runID: run.id) }
            }
            status.arrivals = try wrap { try ledger.arrivalCount() }
        }
        return status
    }

    /// `statvfs` of the folder, or of its nearest existing parent (a workspace not made yet).
    static func freeBytes(near path: String) -> Int64? {
        var folder = path
        var info = statvfs()
        while statvfs(folder, &info) != 0 {
            guard folder != "/" && !folder.isEmpty else { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// `kiemdiem report`: the workbook rebuilt from the store, without taking any file.
    public static func rebuildReport(_ config: PipelineConfig, logger: Logger) -> RunResult {
        let started = Date()
        let workspace = Workspace(config)
        do {
            // As in `run`: a refused report creates nothing but the folder that holds the lock.
            try Workspace.makeDirectory(workspace.root)
            guard let lock = try RunLock(workspace: workspace) else {
                return RunResult(status: .locked, counts: RunCounts(), workbook: nil, seconds: 0,
                                 message: "một lượt chạy khác đang giữ khóa thư mục làm việc \(workspace.root.path)")
            }
            defer { withExtendedLifetime(lock) {} }
            if let lost = StoreGuard.refusal(workspace) {
                return RunResult(status: .storeLost, counts: RunCounts(), workbook: nil, seconds: 0, message: lost)
            }
            try workspace.prepare()
            let ledger = try wrap { try Ledger(workspace.storeLocation) }
            guard try wrap({ try ledger.lockBoard() }) else { return RunResult.boardLocked(workspace) }
            let session = RunSession(config: config, workspace: workspace, ledger: ledger, runID: 0, logger: logger, now: Date.init)
            let workbook = try session.publishReports()
            return RunResult(status: .allAccepted, counts: RunCounts(), workbook: workbook,
                             seconds: Date().timeIntervalSince(started), message: nil)
        } catch {
            return RunResult(status: .ioError, counts: RunCounts(), workbook: nil, seconds: 0, message: String(describing: error))
        }
    }

    /// `kiemdiem notices`: the return notices rebuilt from the store, alone (README "Phiếu trả lại").
    public static func rebuildNotices(_ config: PipelineConfig, logger: Logger) -> Result<NoticeSummary, RunFailure> {
        let workspace = Workspace(path: config.workspace)
        do {
            // As `report`: under the run's lock, on a store that is there.
            try Workspace.makeDirectory(workspace.root)
            guard let lock = try RunLock(workspace: workspace) else {
                return .failure(RunFailure(status: .locked, message: "một lượt chạy khác đang giữ khóa thư mục làm việc \(workspace.root.path)"))
            }
            defer { withExtendedLifetime(lock) {} }
            if let lost = StoreGuard.refusal(workspace) { return .failure(RunFailure(status: .storeLost, message: lost)) }
            try workspace.prepare()
            let ledger = try wrap { try Ledger(path: workspace.store.path) }
            let session = RunSession(config: config, workspace: workspace, ledger: ledger, runID: 0, logger: logger, now: Date.init)
            return .success(try session.publishNotices())
        } catch {
            return .failure(RunFailure(status: .ioError, message: error.description))
        }
    }

    /// `kiemdiem verify-log`: the rejection log against its anchors in the store, and the store
    /// against the file (docs/contract.md §4). `expected` is a head an auditor noted earlier.
    /// Run it when no run is active: a run's lines are anchored right after they are written.
    public static func verifyLog(_ config: PipelineConfig, log: AuditedLog = .rejections,
                                 expected: (lines: Int, prefix: String)? = nil) -> Result<LogVerification, LogVerificationError> {
        let workspace = Workspace(config)
        let key: AuditKey?
        do {
            key = try config.audit.key(workspace: config.workspace)
        } catch {
            return .failure(LogVerificationError(line: 0, reason: error.description))
        }
        var hashes: [String] = [], anchors: [LogAnchor] = []
        if Ledger.exists(workspace.storeLocation) {
            do {
                let ledger = try Ledger(workspace.storeLocation)
                hashes = try ledger.logLineHashes(log.rawValue)
                anchors = try ledger.logAnchors(log.rawValue)
            } catch {
                return .failure(LogVerificationError(line: 0, reason: "không đọc được kho dữ liệu \(workspace.storeName): \(Ledger.describe(error))"))
            }
        }
        let url = log == .rejections ? workspace.rejectionLog : workspace.auditLog
        return ChainedLog.verify(url, log: log.rawValue, storeHashes: hashes, anchors: anchors, key: key, expected: expected)
    }

    /// `kiemdiem run --dry-run`: what tonight's run would decide, reading the inbox in place and
    /// touching nothing.
    public static func dryRun(_ config: PipelineConfig, now: Date = Date()) throws -> [(file: String, outcome: FormOutcome?)] {
        try config.checkPaths()
        let roster = config.roster.flatMap { try? RosterFile.load(path: $0) }
        let pipeline = FormPipeline(limits: config.limits, rules: config.yearRules, roster: roster)
        var results: [(String, FormOutcome?)] = []
        for entry in try Intake.list(config.inbox).entries {
            switch Intake.classify(entry, settleSeconds: config.settleSeconds, now: now) {
            case .ready, .readyFromTheFuture:
                results.append((entry.relative, try? pipeline.process(rawPath: entry.path, shown: entry.relative)))
            default: continue
            }
        }
        return results
    }
}
