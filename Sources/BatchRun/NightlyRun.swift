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
    case noInput = 66
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
/// processing/) → read → record in the store (one transaction) → move out → log. A file found
/// in processing/ at start is finished first: moved on if its record exists, read again if not.
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
        let workspace = Workspace(path: config.workspace)
        let roster: Roster?
        do {
            roster = try config.roster.map { path throws(ConfigurationError) in try RosterFile.load(path: path) }
        } catch {
            return RunResult(status: .configuration, counts: counts, workbook: nil, seconds: 0, message: error.description)
        }
        for warning in roster?.warnings ?? [] {
            logger.warning("danh sách đảng viên: \(warning)")
        }
        do {
            // Only the folder that holds the lock is made before the lock is taken: a run refused
            // with 75 creates and changes nothing.
            try Workspace.makeDirectory(workspace.root)
            guard let lock = try RunLock(path: workspace.lockFile.path) else {
                return RunResult(status: .locked, counts: counts, workbook: nil, seconds: 0,
                                 message: "một lượt chạy khác đang giữ khóa \(workspace.lockFile.path)")
            }
            defer { withExtendedLifetime(lock) {} }
            try workspace.prepare()
            let ledger: Ledger
            do {
                ledger = try Ledger(path: workspace.store.path)
            } catch {
                throw WorkspaceError("không mở được kho dữ liệu \(workspace.store.path): \(error)")
            }
            let runID = try wrap { try ledger.startRun(year: config.year, at: timestamp(started)) }
            var session = RunSession(config: config, workspace: workspace, ledger: ledger, runID: runID,
                                     logger: logger, now: now, progress: progress)
            session.roster = roster
            // What a killed run left behind is repaired before anything new is written.
            try session.recoverRejectionLog()
            var claims = try session.finishInterruptedClaims()
            claims += try session.claimInbox()
            try session.process(claims, counts: &counts)
            try session.logPendingRejections()
            let workbook = try session.publishWorkbook()
            let status: ExitStatus = counts.rejected > 0 ? .someRejected : .allAccepted
            try wrap { try ledger.finishRun(runID, counts: counts, exitCode: status.rawValue, at: timestamp(now())) }
            return RunResult(status: status, counts: counts, workbook: workbook, seconds: now().timeIntervalSince(started),
                             message: nil)
        } catch {
            return RunResult(status: .ioError, counts: counts, workbook: nil, seconds: now().timeIntervalSince(started),
                             message: String(describing: error))
        }
    }
}

/// ISO 8601 with the local offset, as the rejection log wants it.
func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone.current
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}

@discardableResult
func wrap<T>(_ body: () throws -> T) throws(WorkspaceError) -> T {
    do {
        return try body()
    } catch let error as WorkspaceError {
        throw error
    } catch {
        throw WorkspaceError("lỗi kho dữ liệu: \(error)")
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
    var roster: Roster?
    /// One for the whole run, whatever the number of `process` calls.
    let partCache = PartCache()

    init(config: PipelineConfig, workspace: Workspace, ledger: Ledger, runID: Int64, logger: Logger,
         now: @escaping @Sendable () -> Date, progress: @escaping @Sendable (RunProgress) -> Void = { _ in }) {
        self.config = config
        self.workspace = workspace
        self.ledger = ledger
        self.runID = runID
        self.logger = logger
        self.now = now
        self.progress = progress
    }

    var pipeline: FormPipeline {
        FormPipeline(limits: config.limits, rules: config.rules, roster: roster, partCache: partCache)
    }

    /// Files a killed run left in processing/. Those already recorded only lack their final
    /// rename, which is done at once; the others are returned, in claim order, to be read again.
    ///
    /// All recorded moves come first: a recorded file's destination was chosen (as a name not yet
    /// taken) before the kill, and re-reading an unrecorded file of the same name first could
    /// take that name, leaving the recorded file with nowhere to go (74 on every later run).
    func finishInterruptedClaims() throws(WorkspaceError) -> [Claim] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.processing.path))?.sorted() ?? []
        var unrecorded: [Claim] = []
        for name in names {
            let claimed = workspace.processing.appendingPathComponent(name)
            if let stored = try wrap({ try ledger.arrival(claimedAs: name) }) {
                let destination = workspace.root.appendingPathComponent(stored)
                logger.info("hoàn tất việc chuyển tệp bị gián đoạn", metadata: ["file": "\(name)", "to": "\(stored)"])
                try Workspace.move(claimed, to: destination)
            } else {
                logger.info("đọc lại tệp còn trong processing/", metadata: ["file": "\(name)"])
                unrecorded.append(Claim(url: claimed, name: name))
            }
        }
        return unrecorded
    }

    /// Renames every settled inbox file into processing/, in name order.
    mutating func claimInbox() throws(WorkspaceError) -> [Claim] {
        let inbox = URL(fileURLWithPath: config.inbox)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
        } catch {
            throw WorkspaceError("không đọc được hộp thư đến \(inbox.path): \(error.localizedDescription)")
        }
        let stamp = Self.stamp(now())
        var claimed: [Claim] = []
        for name in names {
            let source = inbox.appendingPathComponent(name)
            switch Intake.classify(name: name, url: source, settleSeconds: config.settleSeconds, now: now()) {
            case .ignored:
                continue
            case .notDocx:
                logger.warning("bỏ qua tệp không phải .docx, để nguyên trong hộp thư", metadata: ["file": "\(name)"])
            case .unsettled:
                logger.info("tệp đang được tải lên, để lượt sau", metadata: ["file": "\(name)"])
            case .ready:
                sequence += 1
                let claimedName = Workspace.claimedName(original: name, stamp: stamp, runID: runID, sequence: sequence)
                let url = workspace.processing.appendingPathComponent(claimedName)
                try Workspace.move(source, to: url)
                claimed.append(Claim(url: url, name: claimedName))
            }
        }
        return claimed
    }

    /// A file renamed into processing/ by this run or an interrupted one.
    struct Claim: Sendable {
        let url: URL
        let name: String
    }

    /// Reading and checking run on `workers` threads; recording and moving stay on this one, in
    /// claim order, so the store sees one writer and the outcome does not depend on timing.
    mutating func process(_ claims: [Claim], counts: inout RunCounts) throws(WorkspaceError) {
        let pipeline = self.pipeline
        let workers = max(1, config.workers)
        var start = 0
        progress(RunProgress(done: 0, total: claims.count, file: nil))
        while start < claims.count {
            // Small batches: a kill (or a failure) throws away at most a few files of reading.
            let batch = Array(claims[start..<min(claims.count, start + 4 * workers)])
            let results = Analysed.run(batch, workers: workers, pipeline: pipeline)
            for (claim, result) in zip(batch, results) {
                switch result {
                case .success(let outcome):
                    try commit(claim, outcome: outcome, counts: &counts)
                    progress(RunProgress(done: counts.claimed, total: claims.count,
                                         file: Workspace.originalName(ofClaimed: claim.name)))
                case .failure(let error):
                    throw error
                }
            }
            start += batch.count
        }
    }

    /// Record one analysed file, then move it out of processing/.
    mutating func commit(_ claim: Claim, outcome analysed: FormOutcome, counts: inout RunCounts) throws(WorkspaceError) {
        counts.claimed += 1
        var outcome = analysed
        let claimed = claim.url
        let claimedName = claim.name
        let original = Workspace.originalName(ofClaimed: claimedName)
        let arrivedAt = timestamp(now())

        if let known = try wrap({ try ledger.submission(sha256: outcome.sha256) }), let knownID = known.id {
            // The same bytes again: filed next to the first copy, never counted twice.
            let folder = workspace.root.appendingPathComponent(known.storedPath).deletingLastPathComponent()
            let destination = Workspace.unique(original, in: folder)
            try wrap { try ledger.recordDuplicateArrival(of: knownID, runID: runID, originalName: original, claimedAs: claimedName,
                                                          storedPath: workspace.relative(destination), arrivedAt: arrivedAt) }
            try Workspace.move(claimed, to: destination)
            counts.duplicates += 1
            if known.verdict == .rejected { counts.rejected += 1 } else { counts.accepted += 1 }
            logger.info("tệp trùng nội dung với tệp đã nhận", metadata: ["file": "\(original)", "first": "\(known.originalName)"])
            return
        }

        // The order of work across forms: only the store knows the other forms of the year.
        if !outcome.rejected, let form = outcome.form {
            let order = try wrap { try BatchOrder.findings(for: form, year: config.year, ledger: ledger, language: config.language) }
            if !order.isEmpty {
                outcome.findings += order
                if outcome.rejected { outcome.classification = .unclassified(form.ruleset) }
            }
        }
        let form = outcome.form
        let destination: URL
        if outcome.rejected {
            destination = Workspace.unique(original, in: workspace.rejected.appendingPathComponent(Self.day(now())))
        } else {
            destination = Workspace.unique(original, in: workspace.archive.appendingPathComponent(String(config.year))
                .appendingPathComponent(Workspace.folderName(form?.partyCell)))
        }
        var record = SubmissionRecord(sha256: outcome.sha256, originalName: original, storedPath: workspace.relative(destination),
                                      verdict: outcome.rejected ? .rejected : .accepted, year: config.year,
                                      status: outcome.classification.status, findings: outcome.findings)
        record.kind = form?.kind
        record.template = form?.template
        record.partyCommittee = form?.partyCommittee
        record.partyCell = form?.partyCell
        record.fullName = form?.member.fullName
        record.dateOfBirth = form?.member.dateOfBirth
        record.memberKey = MemberKey.make(fullName: form?.member.fullName, dateOfBirth: form?.member.dateOfBirth,
                                          partyCell: form?.partyCell)
        record.formDate = form?.date
        record.committeeDate = form?.committeeDecision.date
        record.meetingDate = form?.collective?.meetingDate
        record.selfLevel = form?.selfAssessment.partyMemberLevel
        record.cellLevel = form?.cellReview.proposedLevel
        record.committeeLevel = form?.committeeDecision.level
        record.level = outcome.classification.level
        record.basis = outcome.classification.basis
        record.ruleset = outcome.classification.ruleset
        record.formJSON = form.map { $0.json.serialized() }
        let language = config.language
        try wrap {
            try ledger.record(record, runID: runID, claimedAs: claimedName, arrivedAt: arrivedAt) { winner in
                Finding(.duplicateSubmission, field: "member.full_name", evidence: winner, language: language)
            }
        }
        try Workspace.move(claimed, to: destination)
        if outcome.rejected {
            counts.rejected += 1
            let codes = outcome.findings.filter { $0.severity == .error }.map(\.code.rawValue).joined(separator: ",")
            logger.info("từ chối", metadata: ["file": "\(original)", "codes": "\(codes)"])
        } else {
            counts.accepted += 1
            logger.info("chấp nhận", metadata: ["file": "\(original)"])
        }
        try logPendingRejections()
    }

    /// Writes the rejection-log lines of every rejected submission not yet logged.
    func logPendingRejections() throws(WorkspaceError) {
        let log = RejectionLog(url: workspace.rejectionLog, workspace: workspace)
        for submission in try wrap({ try ledger.unloggedRejections() }) {
            try log.append(submission, runID: runID, time: timestamp(now()))
            if let id = submission.id { try wrap { try ledger.markLogged(id) } }
        }
    }

    /// Rebuilds the year's workbook from the store and publishes it atomically.
    func publishWorkbook() throws(WorkspaceError) -> String {
        let submissions = try wrap { try ledger.submissions(year: config.year, includingForms: false) }
        let created = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init)
            ?? Int64(now().timeIntervalSince1970)
        let report = ReportBuilder.build(year: config.year, submissions: submissions, roster: roster, rules: config.rules,
                                         createdAt: created)
        let folder = URL(fileURLWithPath: config.workbook).deletingLastPathComponent()
        try Workspace.makeDirectory(folder)
        removeStaleWorkbookTemporaries(in: folder)
        do {
            try WorkbookWriter.write(report, to: config.workbook)
        } catch {
            throw WorkspaceError("không ghi được sổ tổng hợp \(config.workbook): \(error)")
        }
        if config.perCell {
            let folder = Self.perCellFolder(config.workbook)
            try Workspace.makeDirectory(folder)
            removeStaleWorkbookTemporaries(in: folder)
            for cell in report.cells where cell.partyCell != ReportBuilder.unknownCell {
                let path = folder.appendingPathComponent(Workspace.folderName(cell.partyCell) + ".xlsx").path
                do {
                    try WorkbookWriter.write(report.restricted(toCell: cell.partyCell), to: path)
                } catch {
                    throw WorkspaceError("không ghi được sổ của \(cell.partyCell) \(path): \(error)")
                }
            }
        }
        return config.workbook
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

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        return formatter.string(from: date)
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}

/// Recovery of `logs/rejections.jsonl` after a kill. A submission's lines are written in one
/// `write(2)` and fsync'd, then the store marks it logged, so a kill can leave two states:
/// - a last line without its "\n": the write was cut short (a kill or a full disk), the line was
///   never complete and the store still says `logged = 0`. Appending after it would glue the
///   next line onto it and break the hash chain for good, so it is cut back to the last "\n"
///   (the only place the log is ever shortened) and written again in full below;
/// - complete lines whose submission is still `logged = 0`: the kill fell between the fsync and
///   the store update. Writing them again would repeat findings, so the lines already there
///   are counted and only the missing ones are appended.
/// Logging runs in submission order and stops at the first failure, so at most one submission
/// can be caught half-way, and its lines are the last ones in the file.
extension RunSession {
    func recoverRejectionLog() throws(WorkspaceError) {
        let url = workspace.rejectionLog
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        try truncateUnfinishedLine(url)
        let pending = try wrap { try ledger.unloggedRejections() }
        guard !pending.isEmpty else { return }
        let trailing = try Self.trailingLines(url, count: pending.map(\.findings.count).max() ?? 0)
        guard let last = trailing.last?["sha256"] as? String,
              let submission = pending.first(where: { $0.sha256 == last }), let id = submission.id else { return }
        let written = trailing.reversed().prefix { $0["sha256"] as? String == submission.sha256 }.count
        if written < submission.findings.count {
            var rest = submission
            rest.findings = Array(submission.findings.dropFirst(written))
            try RejectionLog(url: url, workspace: workspace).append(rest, runID: runID, time: timestamp(now()))
        }
        logger.info("nhật ký từ chối: hoàn tất dòng của lượt chạy bị ngắt",
                    metadata: ["file": "\(submission.originalName)", "already": "\(written)"])
        try wrap { try ledger.markLogged(id) }
    }

    private func truncateUnfinishedLine(_ url: URL) throws(WorkspaceError) {
        let fd = open(url.path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw WorkspaceError("không mở được \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return }
        // Walk back from the end in blocks until the last "\n" (or the start of the file).
        var end = size
        var keep: off_t = 0
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        search: while end > 0 {
            let start = max(0, end - off_t(block.count))
            let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, Int(end - start), start) }
            guard n == Int(end - start) else { throw WorkspaceError("không đọc được \(url.path): \(String(cString: strerror(errno)))") }
            if end == size && block[n - 1] == UInt8(ascii: "\n") { return }
            for index in stride(from: n - 1, through: 0, by: -1) where block[index] == UInt8(ascii: "\n") {
                keep = start + off_t(index) + 1
                break search
            }
            end = start
        }
        logger.warning("nhật ký từ chối: cắt bỏ dòng cuối chưa ghi xong của lượt chạy bị ngắt",
                       metadata: ["bytes": "\(size - keep)"])
        guard ftruncate(fd, keep) == 0, fsync(fd) == 0 else {
            throw WorkspaceError("không sửa được \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// The last `count` complete lines of the log (fewer if the file is shorter), parsed.
    private static func trailingLines(_ url: URL, count: Int) throws(WorkspaceError) -> [[String: Any]] {
        RejectionLog.tail(url, lines: count).map { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] ?? [:] }
    }
}

/// Which inbox entries the run may take.
enum Intake {
    enum Decision: Equatable { case ready, unsettled, notDocx, ignored }

    /// Only settled `.docx` files (any case); Word's owner files (`~$…`), LibreOffice locks
    /// (`.~lock…`), temporary and hidden files are someone's work in progress.
    static func classify(name: String, url: URL, settleSeconds: Double, now: Date) -> Decision {
        if name.hasPrefix(".") || name.hasPrefix("~$") || name.lowercased().hasSuffix(".tmp") { return .ignored }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return .ignored }
        guard name.lowercased().hasSuffix(".docx") else { return .notDocx }
        let modified = attributes[.modificationDate] as? Date ?? now
        return now.timeIntervalSince(modified) >= settleSeconds ? .ready : .unsettled
    }
}

/// Reads and checks a batch of claimed files on a few threads.
enum Analysed {
    static func run(_ claims: [RunSession.Claim], workers: Int, pipeline: FormPipeline) -> [Result<FormOutcome, WorkspaceError>] {
        let results = ResultSlots(count: claims.count)
        DispatchQueue.concurrentPerform(iterations: min(workers, claims.count)) { worker in
            var index = worker
            while index < claims.count {
                let claim = claims[index]
                do {
                    results.set(index, .success(try pipeline.process(fileAt: claim.url)))
                } catch {
                    results.set(index, .failure(WorkspaceError(String(describing: error))))
                }
                index += workers
            }
        }
        return results.values
    }

    /// Each worker writes only its own slots; the lock makes that visible to the caller.
    final class ResultSlots: @unchecked Sendable {
        private var slots: [Result<FormOutcome, WorkspaceError>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<FormOutcome, WorkspaceError>) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }
        var values: [Result<FormOutcome, WorkspaceError>] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0! }
        }
    }
}
