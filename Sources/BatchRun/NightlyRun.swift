import Foundation
import KiemdiemCore
import Ledger
import Logging
import OOXMLPackage
import ReviewForms
import Workbooks

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

/// `kiemdiem run`: claim settled files, read → extract → validate → classify each, record it,
/// move it to archive/ or rejected/, then publish the workbook rebuilt from the store.
///
/// Order of work per file, so that a kill at any moment loses nothing: claim (rename into
/// processing/) → read → record in the store (one transaction) → log → move out. A file found
/// in processing/ at start is finished first: moved on if its record exists, read again if not.
public struct NightlyRun: Sendable {
    public var config: PipelineConfig
    public var logger: Logger
    /// The clock, replaceable in tests.
    public var now: @Sendable () -> Date

    public init(config: PipelineConfig, logger: Logger = Logger(label: "kiemdiem.run"),
                now: @escaping @Sendable () -> Date = Date.init) {
        self.config = config
        self.logger = logger
        self.now = now
    }

    public func run() -> RunResult {
        let started = now()
        var counts = RunCounts()
        let workspace = Workspace(path: config.workspace)
        do {
            try workspace.prepare()
            guard let lock = try RunLock(path: workspace.lockFile.path) else {
                return RunResult(status: .locked, counts: counts, workbook: nil, seconds: 0,
                                 message: "một lượt chạy khác đang giữ khóa \(workspace.lockFile.path)")
            }
            defer { withExtendedLifetime(lock) {} }
            let ledger: Ledger
            do {
                ledger = try Ledger(path: workspace.store.path)
            } catch {
                throw WorkspaceError("không mở được kho dữ liệu \(workspace.store.path): \(error)")
            }
            let runID = try wrap { try ledger.startRun(year: config.year, at: timestamp(started)) }
            var session = RunSession(config: config, workspace: workspace, ledger: ledger, runID: runID,
                                     logger: logger, now: now)
            try session.finishInterruptedClaims(&counts)
            try session.claimAndProcessInbox(&counts)
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
    var sequence = 0
    /// Every rejected submission up to this id is in the rejection log (0: none checked yet, so
    /// the first call reads the whole store, leftovers of an interrupted run included).
    var loggedThrough: Int64 = 0

    init(config: PipelineConfig, workspace: Workspace, ledger: Ledger, runID: Int64, logger: Logger,
         now: @escaping @Sendable () -> Date) {
        self.config = config
        self.workspace = workspace
        self.ledger = ledger
        self.runID = runID
        self.logger = logger
        self.now = now
    }

    var pipeline: FormPipeline { FormPipeline(limits: config.limits, rules: config.rules) }

    /// Files a killed run left in processing/: move on those already recorded, read the others.
    mutating func finishInterruptedClaims(_ counts: inout RunCounts) throws(WorkspaceError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.processing.path))?.sorted() ?? []
        for name in names {
            let claimed = workspace.processing.appendingPathComponent(name)
            if let stored = try wrap({ try ledger.arrival(claimedAs: name) }) {
                let destination = workspace.root.appendingPathComponent(stored)
                logger.info("hoàn tất việc chuyển tệp bị gián đoạn", metadata: ["file": "\(name)", "to": "\(stored)"])
                try Workspace.move(claimed, to: destination)
            } else {
                logger.info("đọc lại tệp còn trong processing/", metadata: ["file": "\(name)"])
                try process([Claim(url: claimed, name: name)], counts: &counts)
            }
        }
    }

    mutating func claimAndProcessInbox(_ counts: inout RunCounts) throws(WorkspaceError) {
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
                let claimedName = Workspace.claimedName(original: name, stamp: stamp, sequence: sequence)
                let url = workspace.processing.appendingPathComponent(claimedName)
                try Workspace.moveUnsynced(source, to: url)
                claimed.append(Claim(url: url, name: claimedName))
            }
        }
        // The claims are made durable together, before any of them is read: a crash before this
        // line can only leave a file in the inbox, where the next run claims it again.
        if !claimed.isEmpty { Workspace.syncDirectories([inbox, workspace.processing]) }
        try process(claimed, counts: &counts)
    }

    /// A file renamed into processing/ by this run or an interrupted one.
    struct Claim: Sendable {
        let url: URL
        let name: String
    }

    /// Reading and checking run on `workers` threads; recording and moving stay on this one, in
    /// claim order, so the store sees one writer and the outcome does not depend on timing.
    /// Files go in batches of 16 per worker: while one batch is recorded (mostly waiting on
    /// fsync), the next one is already being read.
    mutating func process(_ claims: [Claim], counts: inout RunCounts) throws(WorkspaceError) {
        let pipeline = self.pipeline
        let workers = max(1, config.workers)
        let size = 16 * workers
        let batches = stride(from: 0, to: claims.count, by: size).map { Array(claims[$0..<min(claims.count, $0 + size)]) }
        var next = batches.first.map { Analysed.Job($0, workers: workers, pipeline: pipeline) }
        defer { _ = next?.wait() }      // never leave a reader running behind an error
        for k in batches.indices {
            guard let job = next else { break }
            let results = job.wait()
            next = k + 1 < batches.count ? Analysed.Job(batches[k + 1], workers: workers, pipeline: pipeline) : nil
            try commit(batches[k], results: results, counts: &counts)
        }
    }

    /// What recording one file decided: where it goes and what to count and log once it is there.
    struct Recorded {
        let claim: Claim
        let destination: URL
        let original: String
        let duplicateOf: String?
        let rejected: Bool
        let codes: String
    }

    /// Records a batch of analysed files in ONE store transaction (one fsync of the WAL), then
    /// moves them out of processing/ and fsyncs each folder involved once. The order per file is
    /// unchanged: record, then move. A crash before the commit leaves the whole batch unrecorded
    /// in processing/ (read again by the next run); a crash after it leaves recorded files in
    /// processing/ (moved on by the next run, `finishInterruptedClaims`). A file that could not be
    /// read stops the run after the files before it are recorded and moved, as before.
    mutating func commit(_ batch: [Claim], results: [Result<Analysis, WorkspaceError>],
                         counts: inout RunCounts) throws(WorkspaceError) {
        var analysed: [(Claim, Analysis)] = []
        var failure: WorkspaceError?
        for (claim, result) in zip(batch, results) {
            switch result {
            case .success(let outcome): analysed.append((claim, outcome))
            case .failure(let error): failure = error
            }
            if failure != nil { break }
        }
        // One arrival time and one rejected/ day folder per batch (formatters are costly to make).
        let arrivedAt = timestamp(now())
        let day = Self.day(now())
        let recorded = try wrap {
            try ledger.batch { store in
                var taken = Set<String>()
                return try analysed.map { claim, analysis in
                    try record(claim, analysis: analysis, arrivedAt: arrivedAt, day: day, in: store, taken: &taken)
                }
            }
        }
        var folders = [workspace.processing]
        for file in recorded {
            try Workspace.moveUnsynced(file.claim.url, to: file.destination)
            folders.append(file.destination.deletingLastPathComponent())
        }
        Workspace.syncDirectories(folders)
        for file in recorded {
            counts.claimed += 1
            if file.rejected { counts.rejected += 1 } else { counts.accepted += 1 }
            if let first = file.duplicateOf {
                counts.duplicates += 1
                logger.info("tệp trùng nội dung với tệp đã nhận", metadata: ["file": "\(file.original)", "first": "\(first)"])
            } else if file.rejected {
                logger.info("từ chối", metadata: ["file": "\(file.original)", "codes": "\(file.codes)"])
            } else {
                logger.info("chấp nhận", metadata: ["file": "\(file.original)"])
            }
        }
        try logPendingRejections()
        if let failure { throw failure }
    }

    /// Records one analysed file inside the batch's transaction and decides where it goes.
    func record(_ claim: Claim, analysis: Analysis, arrivedAt: String, day: String, in store: Ledger.Batch,
                taken: inout Set<String>) throws -> Recorded {
        let outcome = analysis.outcome
        let claimedName = claim.name
        let original = Workspace.originalName(ofClaimed: claimedName)

        if let known = try store.submission(sha256: outcome.sha256), let knownID = known.id {
            // The same bytes again: filed next to the first copy, never counted twice.
            let folder = workspace.root.appendingPathComponent(known.storedPath).deletingLastPathComponent()
            let destination = Workspace.unique(original, in: folder, taken: taken)
            taken.insert(destination.path)
            try store.recordDuplicateArrival(of: knownID, runID: runID, originalName: original, claimedAs: claimedName,
                                             storedPath: workspace.relative(destination), arrivedAt: arrivedAt)
            return Recorded(claim: claim, destination: destination, original: original, duplicateOf: known.originalName,
                            rejected: known.verdict == .rejected, codes: "")
        }

        let form = outcome.form
        let destination: URL
        if outcome.rejected {
            destination = Workspace.unique(original, in: workspace.rejected.appendingPathComponent(day), taken: taken)
        } else {
            destination = Workspace.unique(original, in: workspace.archive.appendingPathComponent(String(config.year))
                .appendingPathComponent(Workspace.folderName(form?.partyCell)), taken: taken)
        }
        taken.insert(destination.path)
        var record = SubmissionRecord(sha256: outcome.sha256, originalName: original, storedPath: workspace.relative(destination),
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
        record.selfLevel = form?.selfAssessment.partyMemberLevel
        record.cellLevel = form?.cellReview.proposedLevel
        record.committeeLevel = form?.committeeDecision.level
        record.level = outcome.classification.level
        record.basis = outcome.classification.basis
        record.ruleset = outcome.classification.ruleset
        record.formJSON = analysis.formJSON
        let language = config.language
        try store.record(record, runID: runID, claimedAs: claimedName, arrivedAt: arrivedAt) { winner in
            Finding(.duplicateSubmission, field: "member.full_name", evidence: winner, language: language)
        }
        let codes = outcome.findings.filter { $0.severity == .error }.map(\.code.rawValue).joined(separator: ",")
        return Recorded(claim: claim, destination: destination, original: original, duplicateOf: nil,
                        rejected: outcome.rejected, codes: codes)
    }

    /// Writes the rejection-log lines of every rejected submission not yet logged.
    mutating func logPendingRejections() throws(WorkspaceError) {
        // All pending lines in one write and one fsync, then one transaction marks them logged:
        // a crash in between can only repeat lines, never lose one.
        let log = RejectionLog(url: workspace.rejectionLog, workspace: workspace)
        let (pending, highest) = try wrap { try ledger.unloggedRejections(after: loggedThrough) }
        if !pending.isEmpty {
            try log.append(pending, runID: runID, time: timestamp(now()))
            try wrap { try ledger.markLogged(pending.compactMap(\.id)) }
        }
        loggedThrough = highest
    }

    /// Rebuilds the year's workbook from the store and publishes it atomically.
    func publishWorkbook() throws(WorkspaceError) -> String {
        let submissions = try wrap { try ledger.submissions(year: config.year, includingForms: false) }
        let created = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init)
            ?? Int64(now().timeIntervalSince1970)
        let report = ReportBuilder.build(year: config.year, submissions: submissions, createdAt: created)
        try Workspace.makeDirectory(URL(fileURLWithPath: config.workbook).deletingLastPathComponent())
        do {
            try WorkbookWriter.write(report, to: config.workbook)
        } catch {
            throw WorkspaceError("không ghi được sổ tổng hợp \(config.workbook): \(error)")
        }
        return config.workbook
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

/// One analysed file, with what recording it needs that can be computed off the recording
/// thread (the form's JSON and the member key).
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

/// Reads and checks a batch of claimed files on a few threads.
enum Analysed {
    /// A batch being read in the background by `workers` tasks on the global queue (worker k takes
    /// files k, k + workers, …); `wait()` returns the results in claim order (any number of times).
    /// Not `concurrentPerform` from a background block: libdispatch may run a nested apply serially.
    final class Job: @unchecked Sendable {
        private let group = DispatchGroup()
        private let slots: ResultSlots

        init(_ claims: [RunSession.Claim], workers: Int, pipeline: FormPipeline) {
            let slots = ResultSlots(count: claims.count)
            self.slots = slots
            let width = max(1, min(workers, claims.count))
            for worker in 0..<width {
                DispatchQueue.global().async(group: group) {
                    var index = worker
                    while index < claims.count {
                        slots.set(index, Analysed.analyse(claims[index], pipeline: pipeline))
                        index += width
                    }
                }
            }
        }

        func wait() -> [Result<Analysis, WorkspaceError>] {
            group.wait()
            return slots.values
        }
    }

    static func run(_ claims: [RunSession.Claim], workers: Int, pipeline: FormPipeline) -> [Result<Analysis, WorkspaceError>] {
        Job(claims, workers: workers, pipeline: pipeline).wait()
    }

    static func analyse(_ claim: RunSession.Claim, pipeline: FormPipeline) -> Result<Analysis, WorkspaceError> {
        do {
            let bytes = try [UInt8](Data(contentsOf: claim.url))
            return .success(Analysis(pipeline.process(bytes)))
        } catch {
            return .failure(WorkspaceError("không đọc được \(claim.url.path): \(error.localizedDescription)"))
        }
    }

    /// Each worker writes only its own slots; the lock makes that visible to the caller.
    final class ResultSlots: @unchecked Sendable {
        private var slots: [Result<Analysis, WorkspaceError>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<Analysis, WorkspaceError>) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }
        var values: [Result<Analysis, WorkspaceError>] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0! }
        }
    }
}
