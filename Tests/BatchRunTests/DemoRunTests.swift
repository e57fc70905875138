import Foundation
import KiemdiemCore
import KiemdiemTestSupport
import Ledger
import Testing
@testable import BatchRun

/// `make run`'s demo: the bundled pipeline.yml over Fixtures/demo-2026 (the 2026 review on HD 43's
/// forms), run by the built binary as the demo runs it; then the night after (dem-sau/). Checks
/// the mix the demo is for and the return notices it leaves, opened by LibreOffice and python-docx.
@Suite(.serialized, .timeLimit(.minutes(5))) struct DemoRunTests {
    static let demo = fixtures.appendingPathComponent("demo-2026")
    static let epoch = "1797638400"   // 20 December 2026: the notices' date, the same on every run

    /// A temporary copy of the demo: the bundled pipeline.yml with the workspace and inbox moved
    /// there and its fixture paths made absolute.
    struct Demo {
        let root: URL
        var config: URL { root.appendingPathComponent("pipeline.yml") }
        var inbox: URL { root.appendingPathComponent("workspace/inbox") }
        var notices: URL { root.appendingPathComponent("workspace/reports/tra-lai-2026") }

        init() throws {
            root = try temporaryDirectory("demo-2026")
            let text = try String(contentsOf: packageRoot.appendingPathComponent("pipeline.yml"), encoding: .utf8)
                .replacingOccurrences(of: " Fixtures/", with: " \(packageRoot.path)/Fixtures/")
            try text.write(to: config, atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            try add(DemoRunTests.demo.appendingPathComponent("inbox"))
        }

        /// Copies a folder's files into the inbox as uploads that finished ten minutes ago.
        func add(_ folder: URL) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let target = inbox.appendingPathComponent(name)
                try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: target)
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: target.path)
            }
        }

        func run(_ arguments: [String]) throws -> ProcessResult {
            try runProcess(kiemdiemBinary, arguments + ["--config", config.path], environment: ["SOURCE_DATE_EPOCH": DemoRunTests.epoch])
        }

        /// Every notice, relative to the notices' folder, with its bytes.
        func noticeFiles() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for folder in (try? FileManager.default.contentsOfDirectory(atPath: notices.path)) ?? [] {
                for name in try FileManager.default.contentsOfDirectory(atPath: notices.appendingPathComponent(folder).path) {
                    files[folder + "/" + name] = try Data(contentsOf: notices.appendingPathComponent(folder + "/" + name))
                }
            }
            return files
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let firstNight = [
        "CHI BỘ PHÒNG TỔ CHỨC/tra-lai-dinh-van-quang.docx",
        "CHI BỘ THÔN 1/tra-lai-nguyen-van-bay.docx",
        "Chi bộ Văn phòng/tra-lai-le-thi-huong.docx",
        "khong-ro-chi-bo/tra-lai-anh-chup-ban-kiem-diem.docx",
        "khong-ro-chi-bo/tra-lai-tep-rong.docx",
    ]

    @Test func theDemoShowsTheSeasonAndItsNotices() throws {
        let demo = try Demo()
        defer { demo.remove() }
        let run = try demo.run(["run"])
        #expect(run.status == 3, "\(run.stderr)")
        // 15 files: 10 accepted (the same bytes twice among them), 5 refused.
        #expect(run.stderr.contains("nhận 15 · hợp lệ 10 (9 bản kiểm điểm đảng viên, 1 báo cáo tập thể) · từ chối 5 · trùng 1"), "\(run.stderr)")
        #expect(run.stderr.contains("tong-hop-2026.xlsx"))

        // The mix: a decision kept against a rule, an exempt member, a superseded form, each refusal's codes.
        let ledger = try Ledger(path: demo.root.appendingPathComponent("workspace/kiemdiem.sqlite").path)
        let submissions = try ledger.submissions(year: 2026)
        func codes(_ file: String) -> Set<String> {
            Set(submissions.filter { $0.originalName == file }.flatMap(\.findings).map(\.code.rawValue))
        }
        #expect(codes("ho-thi-thanh-tam.docx").contains("DECISION_CONFLICTS_WITH_RULE"))
        #expect(codes("tran-van-dung.docx").contains("EXEMPT_MEMBER"))
        #expect(codes("vo-thi-lan.docx").contains("DUPLICATE_SUBMISSION"))
        #expect(codes("nguyen-van-bay.docx") == ["INVALID_VALUE", "MISSING_FIELD"])
        #expect(codes("le-thi-huong.docx") == ["MISSING_FIELD", "CLASSIFIED_BEFORE_REVIEW", "DATE_ORDER"])
        #expect(codes("dinh-van-quang.docx") == ["YEAR_MISMATCH"])
        #expect(submissions.filter { $0.verdict == .accepted }.compactMap(\.template).map(\.rawValue).sorted()
                == ["01", "2A-2025", "2A-2025", "2B-2025", "2B-2025", "2B-2025", "2B-2025", "2C-2025", "2C-2025"])
        #expect(submissions.allSatisfy { $0.ruleset == nil || $0.ruleset == .y2025 })

        let first = try demo.noticeFiles()
        #expect(first.keys.sorted() == Self.firstNight)
        // The workbook's Cần nộp lại says what the notice says, for the secretary who phones the member.
        var bay: SubmissionRecord?
        try ledger.forEachStandingRefusal(year: 2026) { if $0.originalName == "nguyen-van-bay.docx" { bay = $0 } }
        let row = ReportDocument.resubmission(try #require(bay), cell: nil, language: .vi)
        #expect(row.reason.contains("Mục B.II “Đề xuất xếp loại mức chất lượng”: chưa đánh dấu ô nào. Đánh dấu một ô rồi gửi lại."),
                "\(row.reason)")

        // `kiemdiem notices` alone gives the same files, byte for byte, and lists them.
        let notices = try demo.run(["notices"])
        #expect(notices.status == 0, "\(notices.stderr)")
        #expect(notices.stdout.split(separator: "\n").count == 5)
        #expect(try demo.noticeFiles() == first)

        // The night after: Lê Thị Hương's corrected form is accepted, her notice goes; the others
        // stay as they were, and a file the board put in the folder is left alone.
        let note = demo.notices.appendingPathComponent("Chi bộ Văn phòng/ghi-chu.txt")
        try "đã gọi điện".write(to: note, atomically: true, encoding: .utf8)
        try demo.add(Self.demo.appendingPathComponent("dem-sau"))
        let second = try demo.run(["run"])
        #expect(second.stderr.contains("nhận 1 · hợp lệ 1 (1 bản kiểm điểm đảng viên, 0 báo cáo tập thể) · từ chối 0"), "\(second.stderr)")
        let after = try demo.noticeFiles()
        #expect(Set(after.keys) == Set(Self.firstNight.filter { !$0.contains("le-thi-huong") } + ["Chi bộ Văn phòng/ghi-chu.txt"]))
        for (name, bytes) in after where name.hasSuffix(".docx") { #expect(first[name] == bytes, "\(name)") }
    }

    @Test(.enabled(if: sofficeInstalled, "LibreOffice (soffice) is not installed: the demo's notices are not opened"))
    func libreOfficeOpensEveryNoticeOfTheDemo() throws {
        let demo = try Demo()
        defer { demo.remove() }
        #expect(try demo.run(["run"]).status == 3)
        let ledger = try Ledger(path: demo.root.appendingPathComponent("workspace/kiemdiem.sqlite").path)

        // Each notice as LibreOffice and python-docx read it: the member, the file, every reason
        // (worded from the store's findings), one A4 page at 8 pt or more.
        var refusals: [String: SubmissionRecord] = [:]
        try ledger.forEachStandingRefusal(year: 2026) { refusals["tra-lai-" + $0.originalName] = $0 }
        let paths = Self.firstNight.map { demo.notices.appendingPathComponent($0).path }
        let readings = try readDocuments(paths)
        for (relative, path) in zip(Self.firstNight, paths) {
            let reading = try #require(readings[path])
            let refusal = try #require(refusals[String(relative.split(separator: "/").last!)])
            for text in [reading.libreOfficeText, reading.pythonDocxText] {
                let flat = text.replacingOccurrences(of: "\n", with: " ")
                #expect(flat.contains("PHIẾU TRẢ LẠI BẢN KIỂM ĐIỂM"))
                #expect(flat.contains("“\(refusal.originalName)”"), "\(relative)")
                if let name = refusal.fullName { #expect(flat.contains("Kính gửi: đồng chí \(name)"), "\(relative)") }
                for finding in refusal.findings where finding.severity == .error {
                    let reason = finding.returnReason()
                    #expect(flat.contains(reason.place) && flat.contains(reason.action), "\(relative): \(reason.sentence)")
                }
                #expect(flat.contains("Văn phòng Đảng ủy xã Triệu Phong hoặc Văn phòng Đảng ủy Khối"))
            }
            #expect(reading.pages == 1, "\(relative): \(reading.pages) pages")
            #expect(reading.pageSizes.allSatisfy { abs($0[0] - 595.3) < 1 && abs($0[1] - 841.9) < 1 })
            #expect(reading.smallestFont >= 8, "\(relative): \(reading.smallestFont) pt")
        }
        let bay = try #require(readings[paths[1]]).libreOfficeText.replacingOccurrences(of: "\n", with: " ")
        #expect(bay.contains("Mục B.II “Đề xuất xếp loại mức chất lượng” Chưa đánh dấu ô nào."))
        #expect(bay.contains("“31/11/1980”"))
    }
}
