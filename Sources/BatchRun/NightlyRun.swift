import Foundation
import KiemdiemCore
import Ledger
import Logging
import OOXMLPackage
import ReviewForms
import ReviewRules
import Workbooks
import WordDocument

/// The exit statuses of contract §1 (sysexits where they fit).
public enum ExitStatus: Int32, Sendable {
    case allAccepted = 0
    case someRejected = 3
    /// `verify-log`: a log was changed; `rollup`: a package's signature or digests do not verify
    /// (tampered, unsigned, an unknown key, another board's name).
    case dataError = 65
    case noInput = 66
    /// The archive holds files but the store is missing, empty or unreadable: refused, never
    /// taken for a new workspace; `kiemdiem recover` rebuilds it (README, "When the store is lost").
    case storeLost = 69
    case internalError = 70
    case ioError = 74
    case locked = 75
    case configuration = 78
}

/// What one run did, for the operator's summary line and the tests.
public struct RunResult: Sendable {
    public var status: ExitStatus
    public var counts: RunCounts
    public var workbook: String?
    public var seconds: Double
    public var message: String?
    /// The logs' heads after the run, for the summary line (docs/contract.md §4).
    public var logHead: LogHead?
    public var auditHead: LogHead?
    /// Of `counts.accepted`, the collective reports (Mẫu 01); the rest are members' forms.
    public var acceptedCollective = 0

    /// "hợp lệ 18 (17 bản kiểm điểm đảng viên, 1 báo cáo tập thể)": the summary line's and
    /// `status`'s words for the accepted files, members and collective reports said apart.
    public static func acceptedWords(_ accepted: Int, collective: Int) -> String {
        "hợp lệ \(accepted) (\(accepted - collective) bản kiểm điểm đảng viên, \(collective) báo cáo tập thể)"
    }
}

/// A command that did not get to its work: the exit status and why.
public struct RunFailure: Error, Sendable {
    public var status: ExitStatus
    public var message: String
}

extension RunResult {
    /// Exit 75 for the board's lock in a shared store, held by a run from another workspace.
    static func boardLocked(_ workspace: Workspace) -> RunResult {
        RunResult(status: .locked, counts: RunCounts(), workbook: nil, seconds: 0,
                  message: "một lượt chạy khác của cùng đảng ủy đang giữ khóa trong kho dùng chung \(workspace.storeName)")
    }
}

/// How far the run is, for a progress bar: `done` of `total` files of this run are filed.
public struct RunProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    /// The original name of the file just filed; `nil` for the first report, before any.
    public var file: String?

    public init(done: Int, total: Int, file: String?) {
        self.done = done
        self.total = total
        self.file = file
    }
}

/// `kiemdiem run`: claim settled files, read → extract → validate → classify each, record it,
/// move it to archive/ or rejected/, then publish the workbook rebuilt from the store.
///
/// Order of work per file, so that a kill at any moment loses nothing: claim (rename into
/// processing/) → read → record in the store → move out → log. Files are recorded, moved and
/// logged in batches (one transaction, one fsync per folder, one log write per batch). A file
/// found in processing/ at start is finished first: moved on if its record exists, read again
/// if not.
public struct NightlyRun: Sendable {
    public var config: PipelineConfig
    public var logger: Logger
    /// The clock, replaceable in tests.
    public var now: @Sendable () -> Date
    /// Called on the run's thread once the files of this run are known, then after each is filed.
    public var progress: @Sendable (RunProgress) -> Void

    public init(config: PipelineConfig, logger: Logger = Logger(label: "kiemdiem.run"),
                now: @escaping @Sendable () -> Date = Date.init,
                progress: @escaping @Sendable (RunProgress) -> Void = { _ in }) {
        self.config = config
        self.logger = logger
        self.now = now
        self.progress = progress
    }

    public func run() -> RunResult {
        let started = now()
        var counts = RunCounts()
        let workspace = Workspace(config)
        let roster: Roster?
        do {
            roster = try config.roster.map { path throws(ConfigurationError) in try RosterFile.load(path: path) }
        } catch {
            return RunResult(status: .configuration, counts: counts, workbook: nil, seconds: 0, message: error.description)
        }
        let auditKey: AuditKey?
        do {
            auditKey = try config.audit.key(workspace: config.workspace)
        } catch {
            return RunResult(status: .configuration, counts: counts, workbook: nil, seconds: 0, message: error.description)
        }
        let organisations: OrganisationTree?
        do {
            organisations = try config.organisations.map { path throws(ConfigurationError) in try OrganisationsFile.load(path: path) }
        } catch {
            return RunResult(status: .configuration, counts: counts, workbook: nil, seconds: 0, message: error.description)
        }
        for warning in organisations?.warnings ?? [] {
            logger.warning("danh sách tổ chức đảng: \(warning)")
        }
        for warning in roster?.warnings ?? [] {
            logger.warning("danh sách đảng viên: \(warning)")
        }
        do {
            try config.checkPaths()
        } catch {
            return RunResult(status: .configuration, counts: counts, workbook: nil, seconds: 0, message: error.description)
        }
        var runID: Int64?
        var openedLedger: Ledger?
        var absorbed: [Int64] = []
        do {
            // Only the folder that holds the lock is made before the lock is taken: a run refused
            // with 75 creates and changes nothing.
            try Workspace.makeDirectory(workspace.root)
            guard let lock = try RunLock(workspace: workspace) else {
                return RunResult(status: .locked, counts: counts, workbook: nil, seconds: 0,
                                 message: "một lượt chạy khác đang giữ khóa thư mục làm việc \(workspace.root.path)")
            }
            defer { withExtendedLifetime(lock) {} }
            if let lost = StoreGuard.refusal(workspace) {
                return RunResult(status: .storeLost, counts: counts, workbook: nil, seconds: 0, message: lost)
            }
            try workspace.prepare()
            let ledger: Ledger
            do {
                ledger = try Ledger(workspace.storeLocation)
            } catch {
                throw WorkspaceError("không mở được kho dữ liệu \(workspace.storeName): \(Ledger.describe(error))")
            }
            // A shared store's board lock, beside the workspace's: two workspaces configured
            // with the same store_board never run into one schema at once.
            guard try wrap({ try ledger.lockBoard() }) else { return RunResult.boardLocked(workspace) }
            openedLedger = ledger
            let id = try wrap { try ledger.startRun(year: config.year, at: timestamp(started)) }
            runID = id
            var session = RunSession(config: config, workspace: workspace, ledger: ledger, runID: id,
                                     logger: logger, now: now, progress: progress)
            session.roster = roster
            session.organisationTree = organisations
            session.auditKey = auditKey
            // What a killed run left behind is repaired before anything new is written.
            try session.recoverLogs()
            // What killed runs filed (or recorded) never reached a summary line or an exit
            // status: tonight's counts include it, so a night's refusals are always reported.
            let interrupted = try wrap { try ledger.interruptedRuns(before: id) }
            counts = interrupted.counts
            absorbed = interrupted.ids
            let recovered = try session.finishInterruptedClaims()
            try session.process(recovered, counts: &counts)
            try session.logPending()
            let workbook = try session.publishReports()
            let status: ExitStatus = counts.rejected > 0 ? .someRejected : .allAccepted
            try wrap { try ledger.finishRun(id, counts: counts, exitCode: status.rawValue, at: timestamp(now()), absorbing: absorbed) }
            var result = RunResult(status: status, counts: counts, workbook: workbook, seconds: now().timeIntervalSince(started),
                                   message: nil, logHead: try session.rejectionLog.head(), auditHead: try session.auditLog.head())
            result.acceptedCollective = try wrap { try ledger.acceptedCollectiveArrivals(runID: id) }
            return result
        } catch {
            // The summary line of a failed run counts what it filed: recorded as finished with
            // 74, so the next run does not count those files again (best effort: on a full disk
            // the store may refuse this too, and the next run counts them).
            if let runID, let ledger = openedLedger {
                try? ledger.finishRun(runID, counts: counts, exitCode: ExitStatus.ioError.rawValue, at: timestamp(now()),
                                      absorbing: absorbed)
            }
            return RunResult(status: .ioError, counts: counts, workbook: nil, seconds: now().timeIntervalSince(started),
                             message: String(describing: error))
        }
    }
}

/// ISO 8601 with the local offset, as the rejection log wants it ("2020-12-31T22:05:09+07:00",
/// "…Z" in UTC, as ISO8601DateFormatter wrote it). Made with `localtime_r`: a Foundation
/// formatter costs more to make than the batch of files whose arrival time it writes.
func timestamp(_ date: Date) -> String {
    let time = LocalTime(date)
    let offset = time.fields.tm_gmtoff
    guard offset != 0 else { return time.format("%Y-%m-%dT%H:%M:%SZ") }
    let minutes = abs(offset) / 60
    return time.format("%Y-%m-%dT%H:%M:%S") + (offset < 0 ? "-" : "+")
        + String(format: "%02d:%02d", minutes / 60, minutes % 60)
}

/// The local calendar fields of an instant, and `strftime` over them.
struct LocalTime {
    var fields = tm()

    init(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        localtime_r(&seconds, &fields)
    }

    func format(_ pattern: String) -> String {
        var fields = self.fields
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, pattern, &fields)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

@discardableResult
func wrap<T>(_ body: () throws -> T) throws(WorkspaceError) -> T {
    do {
        return try body()
    } catch let error as WorkspaceError {
        throw error
    } catch {
        throw WorkspaceError("kho dữ liệu: \(Ledger.describe(error))")
    }
}

/// The state of one run between its steps.
struct RunSession {
    let config: PipelineConfig
    let workspace: Workspace
    let ledger: Ledger
    let runID: Int64
    let logger: Logger
    let now: @Sendable () -> Date
    let progress: @Sendable (RunProgress) -> Void
    var sequence = 0
    /// Files of `process` filed so far, for the progress bar.
    var filed = 0
    /// Where this run files, and the names given out there.
    lazy var destinations = Destinations(workspace: workspace)
    var roster: Roster?
    /// The organisations file (`organisations:`), when configured.
    var organisationTree: OrganisationTree?
    /// The key of the audit logs' chain (`audit.key_file`), if configured.
    var auditKey: AuditKey?
    /// One for the whole run, whatever the number of `process` calls.
    let partCache = PartCache()
    /// The rules of the run, resolved once.
    let yearRules: YearRules

    init(config: PipelineConfig, workspace: Workspace, ledger: Ledger, runID: Int64, logger: Logger,
         now: @escaping @Sendable () -> Date, progress: @escaping @Sendable (RunProgress) -> Void = { _ in }) {
        self.config = config
        self.workspace = workspace
        self.ledger = ledger
        self.runID = runID
        self.logger = logger
        self.now = now
        self.progress = progress
        self.yearRules = config.yearRules
    }

    var pipeline: FormPipeline {
        FormPipeline(limits: config.limits, rules: yearRules, roster: roster, partCache: partCache)
    }

    /// Files a killed run left in processing/. Those already recorded only lack their final
    /// rename, which is done at once; the others are returned, in claim order, to be read again.
    ///
    /// All recorded moves come first: a recorded file's destination was chosen (as a name not yet
    /// taken) before the kill, and re-reading an unrecorded file of the same name first could
    /// take that name, leaving the recorded file with nowhere to go (74 on every later run).
    ///
    /// The files it moves on were recorded by the killed run: `Ledger.interruptedRuns` counts
    /// them into tonight's summary with everything else that run filed.
    func finishInterruptedClaims() throws(WorkspaceError) -> [Claim] {
        for name in InboxClaim.recoverCopies(in: workspace.processing.path) {
            logger.info("hoàn tất việc sao chép tệp từ hộp thư ở ổ khác", metadata: ["file": "\(DisplayName.escaped(name))"])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: workspace.processing.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        var unrecorded: [Claim] = []
        var folders = [workspace.processing]
        for name in names {
            let claimed = workspace.processing.appendingPathComponent(name)
            if let arrival = try wrap({ try ledger.arrival(claimedAs: name) }) {
                let destination = workspace.root.appendingPathComponent(arrival.storedPath)
                logger.info("hoàn tất việc chuyển tệp bị gián đoạn",
                            metadata: ["file": "\(DisplayName.escaped(name))", "to": "\(DisplayName.escaped(arrival.storedPath))"])
                try Workspace.moveUnsynced(claimed, to: destination)
                folders.append(destination.deletingLastPathComponent())
            } else {
                logger.info("đọc lại tệp còn trong processing/", metadata: ["file": "\(DisplayName.escaped(name))"])
                unrecorded.append(Claim(name: name))
            }
        }
        Workspace.syncDirectories(folders)
        return unrecorded
    }

    /// Moves every settled inbox file (subfolders included, see `Intake.list`) into processing/,
    /// in name order, handing the claims to `claimed` in chunks (the workers start reading while
    /// the rest is claimed), and makes the renames durable together (one fsync per folder, not
    /// two per file) before returning, so before any file is recorded: a crash before that can
    /// only leave a file in the inbox, where the next run claims it again. A file that cannot be
    /// claimed is reported and left where it is; it never stops the others.
    mutating func claimInbox(_ claimed: ([Claim]) -> Void) throws(WorkspaceError) -> [Claim] {
        let listing = try Intake.list(config.inbox)
        for folder in listing.tooDeep {
            logger.warning("thư mục con không đọc được hoặc quá sâu (tối đa \(Intake.maxDepth) cấp): chuyển tệp lên gần hộp thư hơn",
                           metadata: ["folder": "\(folder)"])
        }
        let clock = now()
        var claims: [Claim] = []
        var folders: [[CChar]] = []
        let processing = workspace.processing.path
        for entry in listing.entries {
            switch Intake.classify(entry, settleSeconds: config.settleSeconds, now: clock) {
            case .ignored:
                continue
            case .notDocx:
                logger.warning("bỏ qua tệp không phải .docx, để nguyên trong hộp thư", metadata: ["file": "\(entry.relative)"])
                continue
            case .notRegular:
                logger.warning("bỏ qua mục không phải tệp thường (liên kết, FIFO, thiết bị), để nguyên trong hộp thư",
                               metadata: ["file": "\(entry.relative)", "kind": "\(FormPipeline.kind(entry.info))"])
                continue
            case .unsettled:
                logger.info("tệp đang được tải lên, để lượt sau", metadata: ["file": "\(entry.relative)"])
                continue
            case .readyFromTheFuture:
                logger.warning("thời gian sửa tệp ở tương lai (đồng hồ máy tải lên sai?); vẫn nhận tệp",
                               metadata: ["file": "\(entry.relative)"])
            case .ready:
                break
            }
            sequence += 1
            let claimedName = ClaimedName.make(relative: entry.relative, runID: runID, sequence: sequence)
            do {
                switch try InboxClaim.claim(entry, to: processing, as: claimedName) {
                case .claimed:
                    claims.append(Claim(name: claimedName))
                    if folders.last != entry.folder { folders.append(entry.folder) }
                    if claims.count % 256 == 0 { claimed(Array(claims.suffix(256))) }
                case .vanished:
                    logger.info("tệp đã biến mất khỏi hộp thư trước khi nhận", metadata: ["file": "\(entry.relative)"])
                }
            } catch {
                switch error {
                case .workspace(let failure): throw failure
                case .file(let failure):
                    logger.warning("không nhận được tệp, để nguyên trong hộp thư: \(failure.reason)",
                                   metadata: ["file": "\(entry.relative)"])
                }
            }
        }
        if claims.count % 256 != 0 { claimed(Array(claims.suffix(claims.count % 256))) }
        if !claims.isEmpty {
            for folder in Set(folders) { Workspace.syncDirectory(raw: folder) }
            Workspace.syncDirectory(workspace.processing)
        }
        return claims
    }

    /// A file renamed into processing/ by this run or an interrupted one. Only its name is kept:
    /// a night of 100,000 files holds 100,000 of these.
    struct Claim: Sendable {
        let name: String
    }

    /// Reading and checking run on `workers` threads; recording and moving stay on this one, in
    /// claim order, so the store sees one writer and the outcome does not depend on timing.
    /// The files an interrupted run left (`recovered`) come first, then tonight's inbox, read
    /// as soon as it is claimed. Files are recorded in batches of 64 per worker, one store
    /// transaction each, while the workers read on, up to four batches ahead. A kill throws away
    /// at most that reading; nothing is recorded twice or lost (see `commit`). A batch costs about
    /// twenty fsyncs (the store's rollback journal, each folder, both logs) whatever its size: at
    /// 16 per worker the night waited on the disk longer than it read.
    mutating func process(_ recovered: [Claim], counts: inout RunCounts) throws(WorkspaceError) {
        let workers = max(1, config.workers)
        let size = 64 * workers
        let reader = ReadAhead(recovered, in: workspace.processing.path, workers: workers, window: 4 * size,
                               pipeline: pipeline)
        defer { reader.stop() }      // never leave readers running behind an error
        let claims = try recovered + claimInbox { reader.add($0) }
        reader.close()
        progress(RunProgress(done: 0, total: claims.count, file: nil))
        var start = 0
        while start < claims.count {
            let batch = Array(claims[start..<min(claims.count, start + size)])
            let results = batch.map { _ in reader.next() }
            start += batch.count
            try commit(batch, results: results, total: claims.count, counts: &counts)
        }
    }

    /// What recording one file decided: where it goes and what to count and log once it is there.
    struct Recorded {
        let claim: Claim
        /// Relative to the workspace, as stored.
        let destination: String
        let original: String
        let duplicateOf: String?
        let rejected: Bool
        let codes: String
    }

    /// Records a batch of analysed files in ONE store transaction, then moves them out of
    /// processing/ and fsyncs each folder involved once, then logs the rejections. Per file the
    /// order is unchanged (record, move, log): a kill before the commit leaves the whole batch
    /// unrecorded in processing/ (read again by the next run); after it, recorded files in
    /// processing/ (moved where the store says by `finishInterruptedClaims`). A file that could
    /// not be read is recorded as refused (`FILE_UNREADABLE`) like any other: it stops nothing.
    mutating func commit(_ batch: [Claim], results: [Analysis?], total: Int,
                         counts: inout RunCounts) throws(WorkspaceError) {
        var analysed: [(Claim, Analysis)] = []
        for (claim, result) in zip(batch, results) {
            guard let result else {
                logger.warning("tệp trong processing/ đã biến mất trước khi đọc (bị xóa bằng tay?)",
                               metadata: ["file": "\(DisplayName.escaped(claim.name))"])
                continue
            }
            analysed.append((claim, result))
        }
        let arrivedAt = timestamp(now())
        let day = Self.day(now())
        var destinations = self.destinations
        defer {
            destinations.settle()
            self.destinations = destinations
        }
        let recorded = try wrap {
            try ledger.transaction { store in
                try analysed.map { claim, analysis in
                    try record(claim, original: ClaimedName.original(claim.name), analysis, arrivedAt: arrivedAt, day: day,
                               in: store) { name, folder throws(WorkspaceError) in try destinations.give(name, in: folder) }
                }
            }
        }
        let processing = workspace.processing.path
        var folders = [processing]
        for file in recorded {
            let destination = destinations.path(file.destination)
            try Workspace.rename(processing + "/" + file.claim.name, to: destination)
            folders.append((destination as NSString).deletingLastPathComponent)
        }
        Workspace.syncDirectories(paths: folders)
        for file in recorded {
            counts.claimed += 1
            if file.rejected { counts.rejected += 1 } else { counts.accepted += 1 }
            if let first = file.duplicateOf {
                counts.duplicates += 1
                logger.info("tệp trùng nội dung với tệp đã nhận",
                            metadata: ["file": "\(file.original)", "first": "\(DisplayName.escaped(first))"])
            } else if file.rejected {
                logger.info("từ chối", metadata: ["file": "\(file.original)", "codes": "\(file.codes)"])
            } else {
                logger.info("chấp nhận", metadata: ["file": "\(file.original)"])
            }
            filed += 1
            progress(RunProgress(done: filed, total: total, file: file.original))
        }
        try logPending()
    }

    /// When a file in processing/ was taken from the inbox: the rename (or, across devices, the
    /// verified copy's rename) that claimed it set its ctime, and nothing touches it until it is
    /// recorded, also when a killed run left it there. Local time without offset, as the audit
    /// log's `arrived_at` (docs/contract.md §4.2); `nil` for a file not in processing/ (`recover`).
    static func claimTime(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return LocalTime(Date(timeIntervalSince1970: TimeInterval(info.st_ctim.tv_sec))).format("%Y-%m-%dT%H:%M:%S")
    }

    /// Records one analysed file inside the batch's transaction and decides where it goes.
    /// `place` gives the file's path relative to the workspace from its name and the folder it
    /// belongs in (a free name there, for the run; where it already is, for `recover`).
    func record(_ claim: Claim, original: String, _ analysis: Analysis, arrivedAt: String, day: String,
                in store: LedgerTransaction, place: (String, String) throws(WorkspaceError) -> String) throws -> Recorded {
        var outcome = analysis.outcome
        let fileName = ClaimedName.fileName(ofOriginal: original)
        let claimedAt = Self.claimTime(workspace.processing.path + "/" + claim.name)

        if let known = try store.submission(sha256: outcome.sha256), let knownID = known.id {
            // The same bytes again: filed next to the first copy, never counted twice.
            let destination = try place(fileName, (known.storedPath as NSString).deletingLastPathComponent)
            try store.recordDuplicateArrival(of: knownID, runID: runID, originalName: original, claimedAs: claim.name,
                                             storedPath: destination, arrivedAt: arrivedAt, claimedAt: claimedAt)
            return Recorded(claim: claim, destination: destination, original: original, duplicateOf: known.originalName,
                            rejected: known.verdict == .rejected, codes: "")
        }

        // The order of work across forms: only the store knows the other forms of the year.
        if !outcome.rejected, let form = outcome.form {
            let order = try yearRules.orderFindings(for: form, year: config.year, accepted: store)
            if !order.isEmpty {
                outcome.findings += order
                if outcome.rejected { outcome.classification = .unclassified(form.ruleset) }
            }
        }
        let form = outcome.form
        let destination = try place(fileName, outcome.rejected
            ? "rejected/\(day)" : "archive/\(config.year)/\(Workspace.folderName(form?.partyCell))")
        var record = SubmissionRecord(sha256: outcome.sha256, originalName: original, storedPath: destination,
                                      verdict: outcome.rejected ? .rejected : .accepted, year: config.year,
                                      status: outcome.classification.status, findings: outcome.findings)
        record.kind = form?.kind
        record.template = form?.template
        record.partyCommittee = form?.partyCommittee
        record.partyCell = form?.partyCell
        record.fullName = form?.member.fullName
        record.dateOfBirth = form?.member.dateOfBirth
        record.memberKey = analysis.memberKey
        record.formDate = form?.date
        record.committeeDate = form?.committeeDecision.date
        record.meetingDate = form?.collective?.meetingDate
        record.selfLevel = form?.selfAssessment.partyMemberLevel
        record.cellLevel = form?.cellReview.proposedLevel
        record.committeeLevel = form?.committeeDecision.level
        record.level = outcome.classification.level
        record.basis = outcome.classification.basis
        record.ruleset = outcome.classification.ruleset
        record.levelReasons = outcome.classification.reasons
        record.formJSON = analysis.formJSON
        try store.record(record, runID: runID, claimedAs: claim.name, arrivedAt: arrivedAt, claimedAt: claimedAt)
        let codes = outcome.findings.filter { $0.severity == .error }.map(\.code.rawValue).joined(separator: ",")
        return Recorded(claim: claim, destination: destination, original: original, duplicateOf: nil,
                        rejected: outcome.rejected, codes: codes)
    }

    /// Rebuilds the year's workbook from the store and publishes it atomically. The store is
    /// read in passes and the long sheets written row by row (`StoredReport`), so the rebuild
    /// needs about the same memory for a thousand forms as for a hundred thousand.
    func publishWorkbook() throws(WorkspaceError) -> String {
        let created = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init)
            ?? Int64(now().timeIntervalSince1970)
        var report = try wrap {
            try StoredReport.read(ledger: ledger, year: config.year, roster: roster, rules: yearRules,
                                  language: config.language, organisations: organisationTree ?? config.organisationTree(),
                                  createdAt: created)
        }
        // The store keeps the organisations as classified for the workbook (and its readers).
        try wrap { try ledger.replaceOrganisations(report.summary.organisations, year: config.year) }
        report.summary.logAnchor = try logAnchor()
        report.summary.frame = ReportDocument.frame(config.identity, organisation: report.summary.organisation,
                                                    year: config.year, rules: yearRules, createdAt: created)
        let folder = URL(fileURLWithPath: config.workbook).deletingLastPathComponent()
        try Workspace.makeDirectory(folder)
        removeStaleWorkbookTemporaries(in: folder)
        do {
            try WorkbookWriter.write(report.summary, rows: report.rows, to: config.workbook)
        } catch {
            throw WorkspaceError("không ghi được sổ tổng hợp \(config.workbook): \(error)")
        }
        if config.perCell {
            let folder = Self.perCellFolder(config.workbook)
            try Workspace.makeDirectory(folder)
            removeStaleWorkbookTemporaries(in: folder)
            for cell in report.summary.cells where cell.partyCell != ReportBuilder.unknownCell {
                let path = folder.appendingPathComponent(Workspace.folderName(cell.partyCell) + ".xlsx").path
                let restricted = report.restricted(toCell: cell.partyCell)
                do {
                    try WorkbookWriter.write(restricted.summary, rows: restricted.rows, to: path)
                } catch {
                    throw WorkspaceError("không ghi được sổ của \(cell.partyCell) \(path): \(error)")
                }
            }
        }
        return config.workbook
    }

    /// The return notices' report of this store (`ReturnNoticeReport`).
    var noticeReport: ReturnNoticeReport {
        let created = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init)
            ?? Int64(now().timeIntervalSince1970)
        return ReturnNoticeReport(config: config, ledger: ledger, logger: logger, created: created)
    }

    /// Rebuilds the year's return notices from the store: every run, `report` and `recover`
    /// leave the notices and the workbook as the store says.
    func publishNotices() throws(WorkspaceError) -> NoticeSummary {
        try noticeReport.publish()
    }

    /// The workbook and the notices; the workbook's path. The notices due are read from the store
    /// first, then built and written on other threads while this one rebuilds the workbook (the
    /// two share nothing but the store, which only this thread reads). Each step's time is logged
    /// (`-v`): the operator sees where a long night went.
    func publishReports() throws(WorkspaceError) -> String {
        let started = now()
        let report = noticeReport
        let due = try report.due()
        let root = ReturnNoticeReport.folder(config)
        let (created, threads, logger) = (report.created, config.workers, logger)
        let notices = BackgroundWork { () throws(WorkspaceError) in
            try ReturnNoticeReport.publish(due, in: root, created: created, threads: threads, logger: logger)
        }
        let workbook: String
        do {
            workbook = try publishWorkbook()
        } catch {
            _ = notices.wait()
            throw error
        }
        logger.info("đã ghi sổ tổng hợp", metadata: ["file": "\(workbook)", "seconds": "\(Self.seconds(since: started, now()))"])
        let summary = try notices.wait().get()
        logger.info("đã ghi phiếu trả lại", metadata: ["count": "\(summary.written.count)",
                                                    "seconds": "\(Self.seconds(since: started, now()))"])
        return workbook
    }

    /// "1.25": seconds to the hundredth, for the log.
    static func seconds(since start: Date, _ end: Date) -> String {
        String(format: "%.2f", end.timeIntervalSince(start))
    }

    /// A run killed while writing a workbook leaves the writer's temporary next to it
    /// (`.<name>.xlsx.tmp-<pid>-<random>`, see Workbooks' AtomicFile). Whoever holds the run lock
    /// is the only writer of the workbooks (`run` and `report` both take it), so any such file
    /// is an orphan: removing it keeps the folder to the files the board opens.
    func removeStaleWorkbookTemporaries(in folder: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix(".") && name.contains(".xlsx.tmp-") {
            logger.info("xóa tệp tạm của sổ tổng hợp do lượt chạy bị ngắt để lại", metadata: ["file": "\(name)"])
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// "reports/tong-hop-2020.xlsx" → "reports/tong-hop-2020-chi-bo/".
    static func perCellFolder(_ workbook: String) -> URL {
        let url = URL(fileURLWithPath: workbook)
        return url.deletingLastPathComponent().appendingPathComponent(url.deletingPathExtension().lastPathComponent + "-chi-bo")
    }

    /// "2020-12-31", local time: tonight's folder under rejected/.
    static func day(_ date: Date) -> String { LocalTime(date).format("%Y-%m-%d") }
}


/// What the workers make of one claimed file: the pipeline's outcome, and what recording it
/// needs that costs CPU (the form's JSON, the member key), made off the recording thread.
struct Analysis: Sendable {
    let outcome: FormOutcome
    let formJSON: String?
    let memberKey: String?

    init(_ outcome: FormOutcome) {
        self.outcome = outcome
        let form = outcome.form
        formJSON = form.map { $0.json.serialized() }
        memberKey = MemberKey.make(fullName: form?.member.fullName, dateOfBirth: form?.member.dateOfBirth,
                                   partyCell: form?.partyCell)
    }
}

/// Reads and checks the night's claimed files on `workers` threads, in claim order, ahead of
/// the recording thread by at most `window` files (so memory holds a window of forms, not the
/// night). Each worker takes the next unread file: files differ in cost, and a fixed share
/// would leave one worker idle. Workers are plain blocks on the global queue: a nested
/// `concurrentPerform` inside a background block runs serially.
final class ReadAhead: @unchecked Sendable {
    private let folder: String
    private let pipeline: FormPipeline
    private let window: Int
    private let condition = NSCondition()
    private let group = DispatchGroup()
    // Guarded by `condition`.
    private var claims: [RunSession.Claim]
    /// No more claims will be added: a worker that finds none left returns.
    private var closed = false
    private var nextToRead = 0
    private var nextToTake = 0
    /// `nil`: the file was gone from processing/ when its turn came.
    private var ready: [Int: Analysis?] = [:]
    private var stopped = false

    init(_ claims: [RunSession.Claim], in folder: String, workers: Int, window: Int, pipeline: FormPipeline) {
        self.claims = claims
        self.folder = folder
        self.pipeline = pipeline
        self.window = max(1, window)
        for _ in 0..<max(1, workers) {
            DispatchQueue.global().async(group: group) { self.work() }
        }
    }

    /// More files to read, after those already given.
    func add(_ more: [RunSession.Claim]) {
        condition.lock()
        claims += more
        condition.broadcast()
        condition.unlock()
    }

    /// Every file is given: workers return once they are all read.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while !stopped && (nextToRead >= nextToTake + window || (nextToRead >= claims.count && !closed)) {
                condition.wait()
            }
            guard !stopped && nextToRead < claims.count else {
                condition.unlock()
                return
            }
            let index = nextToRead
            let claim = claims[index]
            nextToRead += 1
            condition.unlock()
            let result: Analysis?
            do {
                result = Analysis(try pipeline.process(filePath: folder + "/" + claim.name))
            } catch {
                result = error.reason == .vanished ? nil : Analysis(pipeline.unreadable(error, claimedAs: claim.name))
            }
            condition.lock()
            ready[index] = .some(result)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next file's outcome in claim order, waiting for it if it is still being read.
    /// Called once per claim.
    func next() -> Analysis? {
        condition.lock()
        defer { condition.unlock() }
        precondition(nextToTake < claims.count, "more outcomes taken than files given")
        while ready[nextToTake] == nil { condition.wait() }
        let result = ready.removeValue(forKey: nextToTake)!
        nextToTake += 1
        condition.broadcast()
        return result
    }

    /// Lets the workers finish the file each is reading, and waits for them.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        group.wait()
    }
}
