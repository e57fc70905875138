import KiemdiemTestSupport
import Foundation
import Testing
@testable import BatchRun
import KiemdiemCore
import Ledger

/// One member, two forms: the later form date wins; both are kept; the member counts once.
@Suite(.serialized) struct DuplicateTests {
    /// A copy of a fixture with one text replaced in its main part, written by Python's zipfile
    /// (a real writer, not our own code).
    func variant(of fixture: String, replacing old: String, with new: String, to destination: URL) throws {
        let script = """
            import sys, zipfile
            src, dst, old, new = sys.argv[1:5]
            with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    if item.filename == "word/document.xml":
                        text = data.decode("utf-8")
                        assert old in text, "text not found"
                        data = text.replace(old, new).encode("utf-8")
                    zout.writestr(item, data)
            """
        let source = fixtures.appendingPathComponent("inbox-2020").appendingPathComponent(fixture).path
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, source, destination.path, old, new])
        try #require(result.status == 0, "\(result.stderr)")
    }

    @Test func theLaterFormSupersedesTheEarlier() throws {
        let box = try NightlyRunTests.Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        for name in try FileManager.default.contentsOfDirectory(atPath: box.inbox.path) where name != "nguyen-van-an.docx" {
            try FileManager.default.removeItem(at: box.inbox.appendingPathComponent(name))
        }
        // The resubmission is dated later but arrives first (its name sorts first).
        let newer = box.inbox.appendingPathComponent("an-nop-lai.docx")
        try variant(of: "nguyen-van-an.docx", replacing: "ngày 08 tháng 12 năm 2020", with: "ngày 09 tháng 12 năm 2020", to: newer)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: newer.path)

        let result = NightlyRun(config: box.config, logger: quiet).run()
        #expect(result.status == .allAccepted)
        #expect(result.counts.accepted == 2)

        let ledger = try Ledger(path: box.workspace.appendingPathComponent("kiemdiem.sqlite").path)
        let forms = try ledger.submissions(year: 2020)
        let old = try #require(forms.first { $0.originalName == "nguyen-van-an.docx" })
        let new = try #require(forms.first { $0.originalName == "an-nop-lai.docx" })
        #expect(old.supersededBy == new.id)
        #expect(new.supersededBy == nil)
        #expect(old.findings.map(\.code) == [.duplicateSubmission])
        #expect(old.findings.first?.evidence == "an-nop-lai.docx")

        let book = try NightlyRunTests().readWorkbook(box.config.workbook)
        let rows = book["rows"] as! [String: [[Any]]]
        let members = table(rows["Đảng viên"]!).body
        #expect(members.count == 1)
        #expect(members.first?.contains { "\($0)" == "an-nop-lai.docx" } == true)
        let total = try #require(table(rows["Tổng hợp"]!).body.first { "\($0[1])" == "Tổng cộng" })
        #expect(total[2] as? Int == 1 && total[3] as? Int == 1)
        #expect(table(rows["Cảnh báo"]!).body.contains { "\($0[2])" == "DUPLICATE_SUBMISSION" })
    }

    @Test func theSameBytesTwiceAreOneSubmission() throws {
        let box = try NightlyRunTests.Sandbox()
        defer { try? FileManager.default.removeItem(at: box.root) }
        for name in try FileManager.default.contentsOfDirectory(atPath: box.inbox.path) where name != "nguyen-van-an.docx" {
            try FileManager.default.removeItem(at: box.inbox.appendingPathComponent(name))
        }
        let copy = box.inbox.appendingPathComponent("ban-sao.docx")
        try FileManager.default.copyItem(at: box.inbox.appendingPathComponent("nguyen-van-an.docx"), to: copy)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: copy.path)
        let result = NightlyRun(config: box.config, logger: quiet).run()
        #expect(result.counts.claimed == 2 && result.counts.duplicates == 1)
        let ledger = try Ledger(path: box.workspace.appendingPathComponent("kiemdiem.sqlite").path)
        #expect(try ledger.submissions(year: 2020).count == 1)
        #expect(try ledger.arrivalCount() == 2)
        #expect(box.files(under: "archive").count == 2)
    }
}

@Suite struct LanguageTests {
    @Test func englishMessagesOnRequest() throws {
        let file = fixtures.appendingPathComponent("inbox-2020/truong-thi-kim-lien.docx").path
        let vi = try runProcess(kiemdiemBinary, ["inspect", "--json", file])
        let en = try runProcess(kiemdiemBinary, ["inspect", "--json", "--language", "en", file])
        #expect(vi.stdout.contains("Thiếu thông tin bắt buộc"))
        #expect(en.stdout.contains("Required field missing"))
        let empty = try runProcess(kiemdiemBinary, ["inspect", "--json", "--language", "en",
                                                    fixtures.appendingPathComponent("inbox-2020/tep-rong.docx").path])
        #expect(empty.stdout.contains("Empty file"))
    }
}
