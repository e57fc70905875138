import KiemdiemTestSupport
import Foundation
import Ledger
import Testing

/// Issue 17, "The store is never silently lost": a store deleted, emptied, half-truncated or
/// garbled under a workspace whose archive holds files is refused with 69 (never taken for a
/// new workspace), and `kiemdiem recover` rebuilds it so that the workbook equals the original.
@Suite(.serialized) struct StoreRecoveryTests {
    enum Damage: String, CaseIterable { case deleted, emptied, halfTruncated, garbled }

    static func damage(_ store: URL, _ damage: Damage) throws {
        switch damage {
        case .deleted:
            try FileManager.default.removeItem(at: store)
        case .emptied:
            try Data().write(to: store)
        case .halfTruncated:
            let size = try #require(try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int)
            try #require(truncate(store.path, off_t(size / 2)) == 0)
        case .garbled:
            let handle = try FileHandle(forUpdating: store)
            var random = SplitMix64(seed: 17)
            try handle.write(contentsOf: Data((0..<8192).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
            try handle.close()
        }
    }

    @Test(arguments: Damage.allCases)
    func aLostStoreIsRefusedThenRecoveredToTheSameWorkbook(damage: Damage) throws {
        let box = try BinaryBox("store-\(damage.rawValue)")
        defer { box.remove() }
        let first = try box.kiemdiem(["run"])
        #expect(first.status == 3, "\(first.stderr)")
        let original = try workbookSheets(box.workbook.path)
        let filed = box.archivedFiles.merging(box.rejectedFiles) { a, _ in a }
        let logLines = try String(contentsOf: box.rejectionLog, encoding: .utf8)
        let audited = try box.kiemdiem(["audit"], ["--format", "jsonl"])
        #expect(audited.status == 0 && audited.stdout.split(separator: "\n").count >= 23, "\(audited.stderr)")
        let store = box.workspace.appendingPathComponent("kiemdiem.sqlite")
        try Self.damage(store, damage)

        // Refused by every command that would read or write the store, naming the fix.
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("inbox-2020/nguyen-van-an.docx"),
                                         to: box.inbox.appendingPathComponent("moi-nop.docx"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)],
                                              ofItemAtPath: box.inbox.appendingPathComponent("moi-nop.docx").path)
        for command in ["run", "status", "report"] {
            let refused = try box.kiemdiem([command])
            #expect(refused.status == 69, "\(command): \(refused.stderr)")
            #expect(refused.stderr.contains("kiemdiem recover"), "\(command): \(refused.stderr)")
        }
        #expect(box.inboxFiles.count == 1, "nothing claimed while the store is lost")
        #expect(box.archivedFiles.merging(box.rejectedFiles) { a, _ in a } == filed)

        let recovered = try box.kiemdiem(["recover"])
        #expect(recovered.status == 0, "\(recovered.stderr)")
        #expect(recovered.stderr.contains("dựng lại kho: 23 tệp · hợp lệ 18 · từ chối 5"), "\(recovered.stderr)")
        // The log's head re-anchored as the first night left it: the same line count and hash.
        let head = try #require(first.stderr.components(separatedBy: "nhật ký: ").last?.components(separatedBy: " ·").first?
            .trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(head.contains("dòng"))
        #expect(recovered.stderr.contains("nhật ký: \(head)"), "\(recovered.stderr)")
        let verified = try box.kiemdiem(["verify-log"])
        #expect(verified.status == 0, "\(verified.stdout)")
        // The auditor's questions are answered from the log as before (the store's index rebuilt).
        let reaudited = try box.kiemdiem(["audit"], ["--format", "jsonl"])
        #expect(reaudited.status == 0 && reaudited.stdout == audited.stdout, "\(reaudited.stderr)")
        let rebuilt = try workbookSheets(box.workbook.path)
        for sheet in original.keys.sorted() {
            #expect(canonical(rebuilt[sheet] ?? []) == canonical(original[sheet] ?? []), "\(sheet)")
        }
        #expect(Set(rebuilt.keys) == Set(original.keys))
        // The damaged store is kept, the log is neither repeated nor cut, nothing moved.
        if damage != .deleted {
            let kept = try FileManager.default.contentsOfDirectory(atPath: box.workspace.path).filter { $0.hasPrefix("kiemdiem.sqlite.hong-") }
            #expect(!kept.isEmpty)
        }
        #expect(try String(contentsOf: box.rejectionLog, encoding: .utf8) == logLines)
        #expect(box.archivedFiles.merging(box.rejectedFiles) { a, _ in a } == filed)

        // The next night finishes: the new upload (the same bytes as an archived form) is taken,
        // and known as a copy: the rebuilt store knows every archived file.
        let next = try box.kiemdiem(["run"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("nhận 1 · hợp lệ 1 (1 bản kiểm điểm đảng viên, 0 báo cáo tập thể) · từ chối 0 · trùng 1"),
                "\(next.stderr)")
        #expect(box.inboxFiles.isEmpty && box.processingFiles.isEmpty)
        #expect(try box.kiemdiem(["verify-log"]).status == 0)
        let arrivals = try box.ledger().arrivals()
        #expect(arrivals.count == 24)
        #expect(Set(arrivals.map(\.storedPath)) == Set(box.archivedFiles.keys).union(box.rejectedFiles.keys))
    }

    @Test func aFreshWorkspaceIsNotRefused() throws {
        let box = try BinaryBox("store-fresh")
        defer { box.remove() }
        #expect(try box.kiemdiem(["status"]).status == 0)
        #expect(try box.kiemdiem(["run"]).status == 3)
    }

    /// Two nights, the later form of a member winning; then the earlier file's ctime made the
    /// newest (as a clock set back, or any rename, leaves it) and the store lost: `recover`
    /// takes the order from the audit log's arrival numbers, so the same form still wins.
    @Test func aRecoveryKeepsTheArrivalOrderWhateverTheFileTimesSay() throws {
        let box = try BinaryBox("recover-order") { inbox in
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent("inbox-2020/nguyen-van-an.docx"),
                                             to: inbox.appendingPathComponent("nguyen-van-an.docx"))
        }
        defer { box.remove() }
        #expect(try box.kiemdiem(["run"]).status == 0)
        let again = box.inbox.appendingPathComponent("an-gui-lai.docx")
        let zip = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c", "import shutil, sys, zipfile; shutil.copy(sys.argv[1], sys.argv[2]); "
                + "zipfile.ZipFile(sys.argv[2], 'a').writestr('customXml/kd.xml', '<kd/>')",
            fixtures.appendingPathComponent("inbox-2020/nguyen-van-an.docx").path, again.path,
        ])
        try #require(zip.status == 0, "\(zip.stderr)")
        IntakeTests.old(again.path)
        #expect(try box.kiemdiem(["run"]).status == 0)
        let originals = multiset(box.everyInput)
        func winner() throws -> String? {
            try box.ledger().submissions(year: 2020).first { $0.supersededBy == nil }?.originalName
        }
        #expect(try winner() == "an-gui-lai.docx")
        let first = try #require(box.archivedFiles.keys.first { $0.hasSuffix("/nguyen-van-an.docx") })
        let path = box.workspace.appendingPathComponent(first).path
        sleep(1)
        try #require(rename(path, path + ".tam") == 0 && rename(path + ".tam", path) == 0)
        try FileManager.default.removeItem(at: box.workspace.appendingPathComponent("kiemdiem.sqlite"))
        let recovered = try box.kiemdiem(["recover"])
        #expect(recovered.status == 0, "\(recovered.stderr)")
        #expect(try winner() == "an-gui-lai.docx", "the later arrival wins, as the nights decided")
        #expect(multiset(box.everyInput) == originals)
        let next = try box.kiemdiem(["run"])
        #expect(next.status == 0 && next.stderr.contains("nhận 0 · "), "\(next.stderr)")
    }
}
