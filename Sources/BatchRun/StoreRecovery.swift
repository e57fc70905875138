import Foundation
import KiemdiemCore
import Ledger
import Logging
import OOXMLPackage

/// The store is never silently lost (README, "When the store is lost"): a workspace whose
/// archive/ or rejected/ holds files while its store is missing, empty, unreadable or records
/// no arrival is refused with 69 by every command that would read or write it.
/// `status` on a workspace whose store is lost: exit 69 with the message.
public struct StoreLostError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

enum StoreGuard {
    /// The operator's message, or `nil` when the store may be used.
    static func refusal(_ workspace: Workspace) -> String? {
        let filed = filedFiles(workspace, stopAfter: 1).count
        guard filed > 0 else { return nil }
        let what: String
        switch Ledger.health(workspace.storeLocation) {
        case .healthy(let arrivals) where arrivals > 0: return nil
        // A shared store's server that does not answer says nothing about the data: opening
        // the store fails next, with 74, and the next night tries again.
        case .unreachable: return nil
        case .healthy: what = "không ghi nhận tệp nào"
        case .missing: what = "không còn"
        case .empty: what = "rỗng (0 byte)"
        case .unreadable(let reason): what = "không đọc được (\(DisplayName.escaped(reason)))"
        }
        return "kho dữ liệu \(workspace.storeName) \(what) trong khi archive/ và rejected/ đã có tệp: "
            + "không chạy tiếp để khỏi đếm lại từ đầu. Chạy `kiemdiem recover --config <pipeline.yml>` để dựng lại kho "
            + "từ archive/, rejected/ và nhật ký (kho cũ được giữ lại bên cạnh)"
    }

    /// Regular files (and what stands in their place: a refused link or FIFO) under archive/ and
    /// rejected/, relative to the workspace, in the order they were filed: the ctime a rename
    /// sets, then the name (README: which copy of a member wins follows arrival).
    static func filedFiles(_ workspace: Workspace, stopAfter limit: Int = .max) -> [String] {
        var found: [(time: timespec, path: String)] = []
        let root = workspace.root.path
        func walk(_ relative: String) {
            guard found.count < limit, let names = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative) else {
                return
            }
            for name in names.sorted() where found.count < limit {
                let path = relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(path)
                } else if path.split(separator: "/").count == (path.hasPrefix("archive/") ? 4 : 3) {
                    // Only where a run files (archive/<year>/<chi bộ>/, rejected/<day>/): anything
                    // else there was not put by kiemdiem.
                    found.append((info.st_ctim, path))
                }
            }
        }
        walk("archive")
        walk("rejected")
        // The kernel stamps ctime from a coarse clock: the files of one batch often share it.
        // Within a batch files were filed in claim order, the order of their names.
        struct Key: Comparable {
            let seconds: Int, nanoseconds: Int, name: String, path: String
            static func < (a: Key, b: Key) -> Bool {
                (a.seconds, a.nanoseconds, a.name, a.path) < (b.seconds, b.nanoseconds, b.name, b.path)
            }
        }
        return found.map {
            Key(seconds: Int($0.time.tv_sec), nanoseconds: Int($0.time.tv_nsec), name: ClaimedName.fileName(ofOriginal: $0.path),
                path: $0.path)
        }.sorted().map(\.path)
    }
}

extension Operator {
    /// `kiemdiem recover`: rebuilds the store from archive/, rejected/ and the rejection log.
    /// The damaged store is kept beside it (`kiemdiem.sqlite.hong-<time>`), never deleted. Every
    /// filed form is read again and recorded where it is, in the order it was filed, so the
    /// duplicate and order decisions are re-derived as the nights made them; the log's chain is
    /// checked, and a refusal whose lines the log lacks is logged now.
    public static func recover(_ config: PipelineConfig, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) -> RunResult {
        let started = now()
        var counts = RunCounts()
        let workspace = Workspace(config)
        do {
            try Workspace.makeDirectory(workspace.root)
            guard let lock = try RunLock(workspace: workspace) else {
                return RunResult(status: .locked, counts: counts, workbook: nil, seconds: 0,
                                 message: "một lượt chạy khác đang giữ khóa thư mục làm việc \(workspace.root.path)")
            }
            defer { withExtendedLifetime(lock) {} }
            try workspace.prepare()
            let roster = try? config.roster.map { path throws(ConfigurationError) in try RosterFile.load(path: path) }
            let auditKey: AuditKey?
            do {
                auditKey = try config.audit.key(workspace: config.workspace)
            } catch {
                return RunResult(status: .configuration, counts: counts, workbook: nil, seconds: 0, message: error.description)
            }
            let kept = try setAside(workspace, stamp: LocalTime(now()).format("%Y%m%dT%H%M%S"))
            if let kept { logger.warning("giữ lại kho dữ liệu hỏng", metadata: ["file": "\(kept)"]) }
            let ledger = try wrap { try Ledger(workspace.storeLocation) }
            guard try wrap({ try ledger.lockBoard() }) else { return RunResult.boardLocked(workspace) }
            let runID = try wrap { try ledger.startRun(year: config.year, at: timestamp(started)) }
            var session = RunSession(config: config, workspace: workspace, ledger: ledger, runID: runID, logger: logger, now: now)
            session.roster = roster
            session.auditKey = auditKey
            let logged = loggedNames(workspace.rejectionLog)
            // The anchors went with the store: the log is checked against itself (its chain, and
            // its HMACs under audit.key_file), then anchored again as it is. Its head goes on the
            // summary line, to compare with one an auditor noted (`verify-log --anchor`).
            let lineHashes = Self.lineHashes(workspace.rejectionLog)
            if case .failure(let broken) = ChainedLog.verify(workspace.rejectionLog, log: RejectionLog.name, storeHashes: lineHashes,
                                                            anchors: [], key: auditKey) {
                logger.warning("nhật ký từ chối không toàn vẹn, vẫn neo lại như hiện có; kiemdiem verify-log sẽ báo: \(broken)")
            }
            let files = arrivalOrder(StoreGuard.filedFiles(workspace), auditLog: workspace.auditLog)
            let reader = ReadAhead(files.map { RunSession.Claim(name: $0) }, in: workspace.root.path, workers: max(1, config.workers),
                                   window: 64, pipeline: session.pipeline)
            reader.close()
            defer { reader.stop() }
            var start = 0
            while start < files.count {
                let batch = Array(files[start..<min(files.count, start + 64)])
                let results = batch.map { _ in reader.next() }
                start += batch.count
                let arrivedAt = timestamp(now())
                let recorded = try wrap {
                    try ledger.transaction { store in
                        try zip(batch, results).compactMap { path, analysis -> RunSession.Recorded? in
                            guard let analysis else { return nil }
                            let original = logged[path] ?? ClaimedName.fileName(ofOriginal: path)
                            return try session.record(RunSession.Claim(name: "recovered:" + path), original: original, analysis,
                                                      arrivedAt: arrivedAt, day: "", in: store) { _, _ in path }
                        }
                    }
                }
                for file in recorded {
                    counts.claimed += 1
                    if file.duplicateOf != nil { counts.duplicates += 1 }
                    if file.rejected { counts.rejected += 1 } else { counts.accepted += 1 }
                    if file.rejected != file.destination.hasPrefix("rejected/") {
                        logger.warning("kết quả đọc lại khác thư mục tệp đang nằm (quy tắc đã đổi?); tệp để nguyên chỗ",
                                       metadata: ["file": "\(file.destination)"])
                    }
                }
            }
            // Refusals already in the log are not written again; the others are logged now.
            let pending = try wrap { try ledger.unloggedRejections() }
            let anchor = session.rejectionLog.chain.anchor(lineHashes, anchored: 0, runID: runID, time: timestamp(now()))
            try wrap { try ledger.markLogged(pending.filter { logged[$0.storedPath] != nil }.compactMap(\.id), appended: anchor) }
            // The audit log holds the decisions the nights made; recovery re-derived the same ones.
            let auditLines = Self.logLines(workspace.auditLog)
            let auditHashes = auditLines.map { ContentDigest.sha256Hex(Array($0)) }
            if case .failure(let broken) = ChainedLog.verify(workspace.auditLog, log: AuditLog.name, storeHashes: auditHashes,
                                                            anchors: [], key: auditKey) {
                logger.warning("nhật ký quyết định không toàn vẹn, vẫn neo lại như hiện có; kiemdiem verify-log sẽ báo: \(broken)")
            }
            try wrap { try ledger.adoptAuditedHistory() }
            try wrap { try ledger.restoreAuditEvents(auditLines.compactMap(AuditLog.record(line:))) }
            if !auditHashes.isEmpty {
                try wrap { try ledger.anchor(session.auditLog.chain.anchor(auditHashes, anchored: 0, runID: runID, time: timestamp(now()))) }
            }
            try session.logPending()
            let workbook = try session.publishReports()
            try wrap { try ledger.finishRun(runID, counts: counts, exitCode: 0, at: timestamp(now())) }
            return RunResult(status: .allAccepted, counts: counts, workbook: workbook, seconds: now().timeIntervalSince(started),
                             message: nil, logHead: try session.rejectionLog.head(), auditHead: try session.auditLog.head())
        } catch {
            return RunResult(status: .ioError, counts: counts, workbook: nil, seconds: now().timeIntervalSince(started),
                             message: String(describing: error))
        }
    }

    /// Renames the store and its journals to `kiemdiem.sqlite.hong-<stamp>…`; returns the new
    /// name of the store, `nil` when there was none.
    private static func setAside(_ workspace: Workspace, stamp: String) throws(WorkspaceError) -> String? {
        if case .postgres = workspace.storeLocation {
            return try wrap { try Ledger.setAside(workspace.storeLocation, stamp: stamp) }
        }
        var kept: String?
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let path = workspace.store.path + suffix
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let target = workspace.store.path + ".hong-" + stamp + suffix
            try Workspace.rename(path, to: target)
            if suffix.isEmpty { kept = target }
        }
        Workspace.syncDirectory(workspace.root)
        return kept
    }

    /// The filed files in the order they arrived. The audit log holds every arrival under its
    /// number in the lost store (`event_id` "a<id>", with `stored_as`): that order is the
    /// nights' own, whatever the clock did between them (a clock set back makes the ctimes lie).
    /// Files the log lacks (filed by a run killed before it logged them) come after, in the
    /// order `filedFiles` found (ctime, then name).
    static func arrivalOrder(_ files: [String], auditLog: URL) -> [String] {
        guard let data = FileManager.default.contents(atPath: auditLog.path) else { return files }
        var number: [String: Int] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
                  let id = object["event_id"] as? String, id.hasPrefix("a"), let arrival = Int(id.dropFirst()),
                  let stored = object["stored_as"] as? String, number[stored] == nil else { continue }
            number[stored] = arrival
        }
        return files.enumerated().sorted { a, b in
            (number[a.element] ?? .max, a.offset) < (number[b.element] ?? .max, b.offset)
        }.map(\.element)
    }

    /// Every complete line of a log file (an unfinished last line is not one).
    private static func logLines(_ url: URL) -> [Data] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true || data.last != UInt8(ascii: "\n") { lines.removeLast() }
        return lines.map { Data($0) }
    }

    /// The SHA-256 of every complete line of a log file.
    private static func lineHashes(_ url: URL) -> [String] {
        logLines(url).map { ContentDigest.sha256Hex(Array($0)) }
    }

    /// stored_as → file of every line of the rejection log: the names refused files were
    /// recorded under, and which refusals the log already holds.
    private static func loggedNames(_ url: URL) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
        var names: [String: String] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
                  let stored = object["stored_as"] as? String, let file = object["file"] as? String else { continue }
            names[stored] = file
        }
        return names
    }
}
