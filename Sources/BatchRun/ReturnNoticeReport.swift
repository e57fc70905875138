import Foundation
import KiemdiemCore
import Ledger
import Logging
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

    func publish() throws(WorkspaceError) -> NoticeSummary {
        let root = Self.folder(config)
        try Workspace.makeDirectory(root)
        let date = LocalTime(Date(timeIntervalSince1970: TimeInterval(created))).civilDate
        var written: [String] = []
        var taken = Set<String>()
        var made = Set<String>()
        // A chi bộ is one folder however its forms spell it: the first arrival's spelling, as the
        // workbook names it (StoredReport).
        var spelling: [String: String] = [:]
        try wrap {
            try ledger.forEachSubmission(year: config.year, individualOnly: true) { s in
                if let cell = s.partyCell, spelling[OrganisationKey.cell(cell)] == nil { spelling[OrganisationKey.cell(cell)] = cell }
            }
        }
        try wrap {
            try ledger.forEachStandingRefusal(year: config.year) { submission in
                let notice = self.notice(for: submission, date: date)
                let folder = Workspace.folderName(submission.partyCell.map { spelling[OrganisationKey.cell($0)] ?? $0 })
                if made.insert(folder).inserted { try Workspace.makeDirectory(root.appendingPathComponent(folder)) }
                let name = Self.fileName(submission.originalName, taken: &taken, in: folder)
                let relative = folder + "/" + name
                let bytes: [UInt8]
                do {
                    bytes = try NoticeDocument.docx(notice, modified: created)
                    try DurableFile.publish(bytes, to: root.appendingPathComponent(relative).path)
                } catch {
                    throw WorkspaceError("không ghi được phiếu trả lại \(root.appendingPathComponent(relative).path): \(error)")
                }
                written.append(relative)
            }
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
    func sweep(_ root: URL, keeping: Set<String>) -> [String] {
        let manager = FileManager.default
        var removed: [String] = []
        for folder in ((try? manager.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            var isFolder: ObjCBool = false
            let path = root.appendingPathComponent(folder).path
            guard manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            for name in ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                let relative = folder + "/" + name
                let temporary = name.hasPrefix(".") && name.contains(".docx" + DurableFile.temporaryMark)
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
