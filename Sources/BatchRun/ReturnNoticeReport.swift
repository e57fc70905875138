import Foundation
import KiemdiemCore
import Ledger
import Logging
import OOXMLPackage
import ReturnNotices

/// What a rebuild of the return notices did.
public struct NoticeSummary: Sendable, Equatable {
    /// `reports/tra-lai-<year>/`, beside the workbook.
    public var folder: String
    /// The notices written, relative to `folder` ("Chi bộ Thôn 1/tra-lai-nguyen-van-bay.docx"), in arrival order.
    public var written: [String]
    /// The notices of forms no longer refused (the member sent a form that was accepted), removed.
    public var removed: [String]
}

/// The return notices of a year rebuilt from the store (README "Phiếu trả lại"): one
/// "PHIẾU TRẢ LẠI BẢN KIỂM ĐIỂM" per refused form that still stands (`Ledger.forEachStandingRefusal`),
/// in one folder per chi bộ under `reports/tra-lai-<year>/`, each published atomically; then the
/// folder is swept of the notices no longer due. Only `.docx` files and the writer's temporaries
/// inside that generated folder are ever removed.
struct ReturnNoticeReport {
    let config: PipelineConfig
    let ledger: Ledger
    let logger: Logger
    /// The day the notices are made and their files' time: `SOURCE_DATE_EPOCH` when set, so the
    /// same store gives the same files.
    let created: Int64

    /// "reports/tong-hop-2026.xlsx" → "reports/tra-lai-2026/".
    static func folder(_ config: PipelineConfig) -> URL {
        URL(fileURLWithPath: config.workbook).deletingLastPathComponent().appendingPathComponent("tra-lai-\(config.year)")
    }

    /// Notices built and published together.
    static let chunk = 256

    /// One notice due: where it goes under the notices' folder ("Chi bộ Thôn 1/tra-lai-….docx")
    /// and what it says.
    struct Due: Sendable {
        var relative: String
        var notice: ReturnNotice
    }

    /// The notices of the year's standing refusals, in arrival order, named as they will be
    /// published: what the store says, read in two passes (no document is built here).
    func due() throws(WorkspaceError) -> [Due] {
        let date = LocalTime(Date(timeIntervalSince1970: TimeInterval(created))).civilDate
        var taken = Set<String>()
        // A chi bộ is one folder however its forms spell it: the first arrival's spelling, as the
        // workbook names it (StoredReport).
        let spelling = try wrap { try ledger.firstCellSpellings(year: config.year) }
        var due: [Due] = []
        try wrap {
            try ledger.forEachStandingRefusal(year: config.year) { submission in
                let folder = Workspace.folderName(submission.partyCell.map { spelling[OrganisationKey.cell($0)] ?? $0 })
                let name = Self.fileName(submission.originalName, taken: &taken, in: folder)
                due.append(Due(relative: folder + "/" + name, notice: notice(for: submission, date: date)))
            }
        }
        return due
    }

    func publish() throws(WorkspaceError) -> NoticeSummary {
        try Self.publish(due(), in: Self.folder(config), created: created, threads: config.workers, logger: logger)
    }

    /// Builds and publishes `due` in `root` and sweeps the notices no longer due. Needs no store,
    /// so it runs beside the workbook's rebuild (`RunSession.publishReports`).
    ///
    /// The documents are built on `threads` threads and published a chunk at a time with one
    /// flush of the disk (`DurableFile.publishAll`): a night of a thousand refusals used to wait
    /// two fsyncs for each notice. A chunk bounds the documents held in memory.
    static func publish(_ due: [Due], in root: URL, created: Int64, threads: Int,
                        logger: Logger) throws(WorkspaceError) -> NoticeSummary {
        try Workspace.makeDirectory(root)
        var made = Set<String>()
        var written: [String] = []
        for start in stride(from: 0, to: due.count, by: chunk) {
            let part = Array(due[start..<min(due.count, start + chunk)])
            for entry in part {
                let folder = String(entry.relative.prefix { $0 != "/" })
                if made.insert(folder).inserted { try Workspace.makeDirectory(root.appendingPathComponent(folder)) }
            }
            let built = parallelMap(part.map(\.notice), threads: threads) { notice in
                Swift.Result { () throws(PackageWriteError) in try NoticeDocument.docx(notice, modified: created) }
            }
            var files: [(path: String, bytes: [UInt8])] = []
            for (entry, bytes) in zip(part, built) {
                let path = root.appendingPathComponent(entry.relative).path
                do {
                    files.append((path, try bytes.get()))
                } catch {
                    throw WorkspaceError("không ghi được phiếu trả lại \(path): \(error)")
                }
            }
            do {
                try DurableFile.publishAll(files)
            } catch {
                throw WorkspaceError("không ghi được phiếu trả lại trong \(root.path): \(error)")
            }
            written += part.map(\.relative)
        }
        let removed = sweep(root, keeping: Set(written))
        for name in removed {
            logger.info("xóa phiếu trả lại không còn cần (bản kiểm điểm sau đã được tiếp nhận)", metadata: ["file": "\(name)"])
        }
        return NoticeSummary(folder: root.path, written: written, removed: removed)
    }

    /// One refused submission as its notice: addressed by name (a member's form), to the chi ủy
    /// (a collective report) or to whoever sent it; its error findings as reasons, in Vietnamese
    /// (what members read is Vietnamese, whatever `report.language` says of the auditors' logs).
    func notice(for s: SubmissionRecord, date: CivilDate) -> ReturnNotice {
        let addressee: ReturnNotice.Addressee
        if s.kind == .collective {
            addressee = .collective
        } else if let name = s.fullName {
            addressee = .member(DisplayName.escaped(name))
        } else {
            addressee = .unknown
        }
        let reasons = s.findings.filter { $0.severity == .error }.map { $0.returnReason(.vi) }
        return ReturnNotice(organisation: header(s), place: place, date: date, year: config.year,
                            addressee: addressee, partyCell: s.partyCell.map(DisplayName.escaped),
                            partyCommittee: s.partyCommittee.map(DisplayName.escaped),
                            file: DisplayName.escaped(s.originalName), arrivedAt: s.receivedAt, reasons: reasons,
                            returnTo: config.notices.returnTo ?? ReturnNotice.defaultReturnTo)
    }

    /// The header's left block, top down: the board of `report.organisation` (its superior, then
    /// its name), else the đảng bộ the form names.
    func header(_ s: SubmissionRecord) -> [String] {
        let identity = config.identity
        guard let board = identity.organisation else { return s.partyCommittee.map { [DisplayName.escaped($0)] } ?? [] }
        return [identity.superior, board].compactMap { $0 }
    }

    /// `report.place`, the place before the date (dots to fill in when it is not set).
    var place: String? { config.identity.place }

    /// "chi-bo-1/Nguyễn Văn Bảy.docx" → "tra-lai-Nguyễn Văn Bảy.docx"; a name already given in the
    /// same folder gets " (2)", " (3)", … in arrival order, so the same store gives the same names.
    static func fileName(_ original: String, taken: inout Set<String>, in folder: String) -> String {
        let last = original.split(separator: "/").last.map(String.init) ?? original
        let stem = last.lowercased().hasSuffix(".docx") ? String(last.dropLast(5)) : last
        let base = "tra-lai-" + Workspace.folderName(stem)
        var name = base + ".docx"
        var n = 2
        while !taken.insert(folder + "/" + name.lowercased()).inserted {
            name = "\(base) (\(n)).docx"
            n += 1
        }
        return name
    }

    /// Removes, inside `root`'s chi bộ folders, the notices not written now and the writer's
    /// temporaries a killed run left; then the chi bộ folders left empty. Nothing else is touched.
    static func sweep(_ root: URL, keeping: Set<String>) -> [String] {
        let manager = FileManager.default
        var removed: [String] = []
        for folder in ((try? manager.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            var isFolder: ObjCBool = false
            let path = root.appendingPathComponent(folder).path
            guard manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            for name in ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                let relative = folder + "/" + name
                let temporary = DurableFile.isTemporary(name, ofFileEndingIn: ".docx")
                guard temporary || (name.hasSuffix(".docx") && !keeping.contains(relative)) else { continue }
                if unlink(path + "/" + name) == 0, !temporary { removed.append(relative) }
            }
            if ((try? manager.contentsOfDirectory(atPath: path)) ?? ["?"]).isEmpty { rmdir(path) }
        }
        Workspace.syncDirectory(root)
        return removed
    }
}

extension LocalTime {
    /// The local calendar day.
    var civilDate: CivilDate {
        CivilDate(year: Int(fields.tm_year) + 1900, month: Int(fields.tm_mon) + 1, day: Int(fields.tm_mday))
            ?? CivilDate(year: 1970, month: 1, day: 1)!
    }
}
