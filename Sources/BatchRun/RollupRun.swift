import Foundation
import KiemdiemCore
import Ledger
import Logging
import OOXMLPackage
import ResultPackages
import ReviewRules
import Workbooks

/// What one roll-up did, for its summary line and the tests.
public struct RollupResult: Sendable {
    public var status: ExitStatus
    /// This run's packages: claimed, counted (filed to archive/), refused, the same bytes again.
    public var claimed = 0
    public var accepted = 0
    public var rejected = 0
    public var duplicates = 0
    /// Boards counted in the workbook, and trusted boards with no package counted.
    public var boardsCounted = 0
    public var boardsMissing = 0
    public var workbook: String?
    public var seconds: Double = 0
    public var message: String?
}

/// `kiemdiem rollup`: the superior's night over its boards' result packages (docs/contract.md §6),
/// with the run's semantics (README "Nothing is lost"): one roll-up at a time under the lock on
/// its workspace folder, each settled `.kiemdiem` file claimed into processing/ (`Intake`,
/// `InboxClaim`), checked (`PackageFile.check`), then renamed to archive/<year>/<board>/ or
/// rejected/<day>/. There is no store: every decision is a function of a file's bytes and of
/// rollup.yml, so the workbook is recomputed from archive/ and rejected/ on every run, and a
/// kill at any moment leaves files in the inbox or in processing/ that the next run files as
/// an uninterrupted one would have.
public struct RollupRun: Sendable {
    public var config: RollupConfig
    public var logger: Logger
    public var now: @Sendable () -> Date
    /// How many bytes of packages from a shared store are written to processing/ per flush.
    var storeChunkBytes = 8 << 20

    public init(config: RollupConfig, logger: Logger = Logger(label: "kiemdiem.rollup"),
                now: @escaping @Sendable () -> Date = Date.init) {
        self.config = config
        self.logger = logger
        self.now = now
    }

    public func run() -> RollupResult {
        let started = now()
        var result = RollupResult(status: .allAccepted)
        let workspace = Workspace(path: config.workspace)
        var refusedBySignature = false
        do {
            try Workspace.makeDirectory(workspace.root)
            guard let lock = try RunLock(workspace: workspace) else {
                result.status = .locked
                result.message = "một lượt tổng hợp khác đang giữ khóa thư mục làm việc \(workspace.root.path)"
                return result
            }
            defer { withExtendedLifetime(lock) {} }
            try workspace.prepare()
            var filed = FiledPackages.scan(workspace, config: config)
            var destinations = Destinations(workspace: workspace)
            func file(_ name: String) throws(WorkspaceError) {
                let source = workspace.processing.path + "/" + name
                guard let check = read(source) else {
                    logger.warning("gói trong processing/ đã biến mất trước khi đọc", metadata: ["file": "\(DisplayName.escaped(name))"])
                    return
                }
                let folder = check.refusal == nil
                    ? "archive/\(config.year)/\(Workspace.folderName(check.board?.name))"
                    : "rejected/\(RunSession.day(now()))"
                let original = ClaimedName.original(name)
                defer { destinations.settle() }
                let destination = try destinations.give(ClaimedName.fileName(ofOriginal: original), in: folder)
                try Workspace.rename(source, to: destinations.path(destination))
                Workspace.syncDirectories(paths: [workspace.processing.path, (destinations.path(destination) as NSString).deletingLastPathComponent])
                result.claimed += 1
                if let refusal = check.refusal {
                    result.rejected += 1
                    refusedBySignature = refusedBySignature || Self.signatureCodes.contains(refusal.code)
                    logger.warning("từ chối gói kết quả: \(refusal.message(config.language))",
                                   metadata: ["file": "\(original)", "code": "\(refusal.code.rawValue)",
                                              "evidence": "\(refusal.evidence ?? "")", "to": "\(destination)"])
                } else {
                    result.accepted += 1
                    if filed.contains(sha256: check.sha256) {
                        result.duplicates += 1
                        logger.info("gói trùng nội dung với gói đã nhận: tính một lần", metadata: ["file": "\(original)"])
                    } else {
                        logger.info("nhận gói kết quả", metadata: ["file": "\(original)", "board": "\(check.board?.name ?? "")"])
                    }
                }
                filed.add(FiledPackage(path: destination, check: check))
            }

            // What a killed roll-up left in processing/ goes first, in claim order.
            _ = InboxClaim.recoverCopies(in: workspace.processing.path)
            let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: workspace.processing.path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted()
            for name in leftovers {
                logger.info("xếp tiếp gói còn trong processing/", metadata: ["file": "\(DisplayName.escaped(name))"])
                try file(name)
            }
            let claimed = try claimInbox(workspace)
            for name in claimed { try file(name) }
            if let url = config.store {
                for name in try claimStore(url, workspace, skipping: filed.digests, after: claimed.count) { try file(name) }
            }

            let aggregate = RollupAggregate(config: config, filed: filed.all)
            let report = aggregate.report(createdAt: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init)
                                          ?? Int64(now().timeIntervalSince1970))
            try Workspace.makeDirectory(URL(fileURLWithPath: config.workbook).deletingLastPathComponent())
            do {
                try WorkbookWriter.write(rollup: report, rows: aggregate.rows(workspace: workspace), to: config.workbook)
            } catch {
                throw WorkspaceError("không ghi được sổ tổng hợp \(config.workbook): \(error)")
            }
            result.workbook = config.workbook
            result.boardsCounted = aggregate.counted.count
            result.boardsMissing = config.boards.count - aggregate.counted.count
        } catch {
            result.status = .ioError
            result.message = "\(error)"
            result.seconds = now().timeIntervalSince(started)
            return result
        }
        if result.rejected > 0 { result.status = refusedBySignature ? .dataError : .someRejected }
        result.seconds = now().timeIntervalSince(started)
        return result
    }

    /// Refusals that say the package may not be what the board sent (exit 65, not 3): someone
    /// must ask the board, not just wait for a corrected file.
    static let signatureCodes: Set<FindingCode> = [.packageTampered, .packageUnknownKey, .packageUnsigned, .packageBoardMismatch]

    /// Reads and checks one filed or claimed package; `nil` when it is gone.
    func read(_ path: String) -> PackageCheck? {
        Self.check(path, config: config)
    }

    static func check(_ path: String, config: RollupConfig, members: Bool = true) -> PackageCheck? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        func unreadable(_ reason: String) -> PackageCheck {
            var check = PackageFile.check([], trusted: [], year: config.year)
            check.sha256 = ContentDigest.sha256Hex(Array("unreadable:\(path)".utf8))
            check.refusal = Finding(.fileUnreadable, field: "file", evidence: reason)
            return check
        }
        guard fd >= 0 else {
            return errno == ENOENT ? nil : unreadable(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return unreadable("không phải tệp thường") }
        let size = Int(info.st_size)
        guard size <= PackageFile.maximumBytes else {
            var check = unreadable("")
            check.sha256 = ContentDigest.sha256Hex(descriptor: fd, limit: size) ?? check.sha256
            check.refusal = Finding(.packageMalformed, field: "file", evidence: "\(size) byte",
                                    detail: .technical("> \(PackageFile.maximumBytes)"))
            return check
        }
        guard let bytes = FormPipeline.read(fd, size: size) else { return unreadable(String(cString: strerror(errno))) }
        return PackageFile.check(bytes, trusted: config.boards, year: config.year, members: members)
    }

    /// Writes into processing/ every package of the year that the boards' `export` kept in the
    /// shared store at `url` and whose SHA-256 is not in `filed` (the packages under archive/ and
    /// rejected/), named as if it had been dropped as `kho-chung/<store_board>/<file>`, and
    /// returns the names in order.
    /// They are then filed and checked exactly as the inbox's: the database carries packages,
    /// their signatures say whose they are. Killed here, what is in processing/ is filed by the
    /// next roll-up and what is not is fetched again; nothing in the store is changed.
    func claimStore(_ url: String, _ workspace: Workspace, skipping filed: Set<String>,
                    after claimed: Int) throws(WorkspaceError) -> [String] {
        // A roll-up killed while writing them left temporaries: bytes the store still holds.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: workspace.processing.path)) ?? []
        where DurableFile.isTemporary(name, ofFileEndingIn: "." + ResultPackage.fileExtension) {
            unlink(workspace.processing.path + "/" + name)
        }
        let runID = Int64(now().timeIntervalSince1970)
        var names: [String] = []
        // Written a few megabytes at a time (one flush each): a province's first night brings
        // every board's package, a megabyte or more each, and none has to wait in memory.
        var pending: [(path: String, bytes: [UInt8])] = []
        var pendingBytes = 0
        func flush() throws(WorkspaceError) {
            do {
                try DurableFile.publishAll(pending)
            } catch {
                throw WorkspaceError("không ghi được gói lấy từ kho dùng chung vào \(workspace.processing.path): \(error)")
            }
            pending.removeAll()
            pendingBytes = 0
        }
        do {
            var taken = filed
            try Ledger.forEachExportedPackage(url: url, year: config.year, skipping: taken) { package in
                // The row's own sha256 is the store's word: a row changed in the database may not
                // match its text, so the bytes' digest decides what is already filed.
                let bytes = Array(package.text.utf8)
                guard taken.insert(ContentDigest.sha256Hex(bytes)).inserted else { return }
                let relative = "kho-chung/\(package.storeBoard ?? "")/\(package.fileName)"
                let name = ClaimedName.make(relative: relative, runID: runID, sequence: claimed + names.count + 1)
                names.append(name)
                pending.append((workspace.processing.path + "/" + name, bytes))
                pendingBytes += bytes.count
                if pendingBytes >= storeChunkBytes { try flush() }
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError("kho dùng chung \(StoreLocation.withoutPassword(url)): \(Ledger.describe(error))")
        }
        try flush()
        if !names.isEmpty {
            logger.info("lấy gói kết quả từ kho dùng chung", metadata: ["số": "\(names.count)"])
        }
        return names
    }

    /// Moves every settled package of the inbox into processing/ (as `run` claims forms), and
    /// makes the renames durable before any is filed. Returns the claimed names in claim order.
    func claimInbox(_ workspace: Workspace) throws(WorkspaceError) -> [String] {
        let listing = try Intake.list(config.inbox)
        for folder in listing.tooDeep {
            logger.warning("thư mục con không đọc được hoặc quá sâu (tối đa \(Intake.maxDepth) cấp)", metadata: ["folder": "\(folder)"])
        }
        let clock = now()
        // Claimed names are unique across runs by the run's start second: processing/ is empty
        // by now (its leftovers were filed first), and one roll-up runs at a time.
        let runID = Int64(clock.timeIntervalSince1970)
        var claims: [String] = []
        var folders: [[CChar]] = []
        for entry in listing.entries {
            switch Intake.classify(entry, settleSeconds: config.settleSeconds, now: clock, suffix: "." + ResultPackage.fileExtension) {
            case .ignored: continue
            case .notDocx:
                logger.warning("bỏ qua tệp không phải gói kết quả .\(ResultPackage.fileExtension), để nguyên trong hộp thư",
                               metadata: ["file": "\(entry.relative)"])
                continue
            case .notRegular:
                logger.warning("bỏ qua mục không phải tệp thường, để nguyên trong hộp thư", metadata: ["file": "\(entry.relative)"])
                continue
            case .unsettled:
                logger.info("gói đang được tải lên, để lượt sau", metadata: ["file": "\(entry.relative)"])
                continue
            case .ready, .readyFromTheFuture:
                break
            }
            let name = ClaimedName.make(relative: entry.relative, runID: runID, sequence: claims.count + 1)
            do {
                switch try InboxClaim.claim(entry, to: workspace.processing.path, as: name) {
                case .claimed:
                    claims.append(name)
                    if folders.last != entry.folder { folders.append(entry.folder) }
                case .vanished:
                    continue
                }
            } catch {
                switch error {
                case .workspace(let failure): throw failure
                case .file(let failure):
                    logger.warning("không nhận được gói, để nguyên trong hộp thư",
                                   metadata: ["file": "\(entry.relative)", "reason": "\(failure.reason)"])
                }
            }
        }
        Workspace.syncDirectory(workspace.processing)
        for folder in folders { Workspace.syncDirectory(raw: folder) }
        return claims
    }
}

/// A package where a roll-up filed it, and what checking its bytes said. The members and refused
/// files are dropped once counted (`memberCount`): the workbook reads them again from the file
/// when it writes their sheets, so a province's roll-up holds its counts, not its members.
struct FiledPackage: Sendable {
    /// Relative to the workspace.
    var path: String
    var check: PackageCheck
    var memberCount = 0
    /// Each member's level and status by `OrganisationKey.ofCell` of the cell, for Biểu 7A/7B.
    var memberLevels: [String: [(Level?, ClassificationStatus)]] = [:]
    /// The members' warnings (few), for `Cảnh báo`.
    var memberWarnings: [(member: PackageMember, finding: Finding)] = []

    init(path: String, check: PackageCheck) {
        self.path = path
        var light = check
        memberCount = check.package?.members.count ?? 0
        for m in check.package?.members ?? [] {
            memberLevels[m.partyCell.map(OrganisationKey.ofCell) ?? "", default: []].append((m.level, m.status))
            for finding in m.findings where finding.severity == .warning {
                var member = m
                member.findings = []
                memberWarnings.append((member, finding))
            }
        }
        light.package?.members = []
        light.package?.rejected = []
        self.check = light
    }

    var inArchive: Bool { path.hasPrefix("archive/") }
}

/// Every package under archive/<year>/<board>/ and rejected/<day>/, in path order.
struct FiledPackages {
    private(set) var all: [FiledPackage] = []
    private var counted: Set<String> = []
    /// Every package's SHA-256, counted or refused: what a shared store need not give again.
    private(set) var digests: Set<String> = []

    func contains(sha256: String) -> Bool { counted.contains(sha256) }

    mutating func add(_ package: FiledPackage) {
        if package.inArchive && package.check.refusal == nil { counted.insert(package.check.sha256) }
        digests.insert(package.check.sha256)
        all.append(package)
    }

    static func scan(_ workspace: Workspace, config: RollupConfig) -> FiledPackages {
        var filed = FiledPackages()
        let root = workspace.root.path
        func files(_ relative: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { relative + "/" + $0 }
        }
        func isDirectory(_ relative: String) -> Bool {
            var info = stat()
            return lstat(root + "/" + relative, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
        let archive = "archive/\(config.year)"
        for folder in files(archive) + files("rejected") where isDirectory(folder) {
            for path in files(folder) where !isDirectory(path) {
                guard let check = RollupRun.check(root + "/" + path, config: config) else { continue }
                filed.add(FiledPackage(path: path, check: check))
            }
        }
        return filed
    }
}
