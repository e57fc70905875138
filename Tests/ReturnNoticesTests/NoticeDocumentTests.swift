import Foundation
import KiemdiemCore
import KiemdiemTestSupport
import OOXMLPackage
import Testing
@testable import ReturnNotices

/// The return notice as a .docx: what it says, that real readers open it, that it is one A4 page.
@Suite struct NoticeDocumentTests {
    static func notice(reasons: [Finding]) -> ReturnNotice {
        ReturnNotice(organisation: ["Đảng bộ tỉnh Quảng Trị", "Đảng ủy xã Triệu Phong"], place: "Triệu Phong",
                     date: CivilDate(year: 2026, month: 12, day: 20)!, year: 2026,
                     addressee: .member("Nguyễn Văn Bảy"), partyCell: "Chi bộ Thôn 1", partyCommittee: "Đảng bộ xã Triệu Phong",
                     file: "nguyen-van-bay <&> \"2026\".docx", arrivedAt: "2026-12-15T01:30:12+07:00",
                     reasons: reasons.map { $0.returnReason() }, returnTo: "Văn phòng Đảng ủy xã Triệu Phong")
    }

    static let findings = [
        Finding(.missingField, field: "self_assessment.party_member_level",
                evidence: "II. Đề xuất xếp loại mức chất lượng: ☐ Hoàn thành xuất sắc nhiệm vụ ☐ Hoàn thành tốt nhiệm vụ",
                location: "mục “B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI” › “II. Đề xuất xếp loại mức chất lượng”"),
        Finding(.invalidValue, field: "member.date_of_birth", evidence: "31/11/1980", location: "phần thông tin cá nhân › “Ngày sinh”"),
        Finding(.missingField, field: "signature", location: "không thấy dòng “NGƯỜI TỰ KIỂM ĐIỂM” và tên người ký"),
    ]

    @Test func theLetterSaysWhoWhatAndWhere() {
        let notice = Self.notice(reasons: Self.findings)
        #expect(notice.salutation == "Kính gửi: đồng chí Nguyễn Văn Bảy, Chi bộ Thôn 1")
        #expect(notice.opening.hasPrefix("Bản kiểm điểm gửi qua tệp “nguyen-van-bay <&> \"2026\".docx” nhận lúc 01:30 ngày 15/12/2026 chưa được tiếp nhận vì các lý do"))
        #expect(notice.placeAndDate == "Triệu Phong, ngày 20 tháng 12 năm 2026")
        #expect(notice.sendBack == "Nơi gửi lại bản đã sửa: Văn phòng Đảng ủy xã Triệu Phong.")
    }

    @Test func theSameNoticeGivesTheSameBytes() throws {
        let notice = Self.notice(reasons: Self.findings)
        let a = try NoticeDocument.docx(notice, modified: 1_797_000_000)
        let b = try NoticeDocument.docx(notice, modified: 1_797_000_000)
        #expect(a == b)
        #expect(a.starts(with: Array("PK".utf8)))
        // Our own reader takes it for what it is: an OOXML package with a main document.
        let archive = try ZipArchive(bytes: a, limits: PackageLimits())
        #expect(archive.entries.map(\.name) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
                                                "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml"])
        let body = String(decoding: try #require(try archive.read("word/document.xml")), as: UTF8.self)
        #expect(body.contains("nguyen-van-bay &lt;&amp;&gt; &quot;2026&quot;.docx"))
    }

    @Test func aControlCharacterCannotBreakThePart() throws {
        let xml = try XMLWriter()
        xml.element("a", [("v", "x\u{1}y")], text: "line\u{0}end & <b>")
        let text = String(decoding: try xml.finish(), as: UTF8.self)
        #expect(text.contains("<a v=\"x\u{FFFD}y\">line\u{FFFD}end &amp; &lt;b&gt;</a>"))
    }

    /// LibreOffice and python-docx open it and read every reason, the member and the file; the
    /// PDF LibreOffice prints is one A4 page, nothing smaller than 8 pt; also with nine reasons
    /// (a form left nearly blank).
    @Test(.enabled(if: sofficeInstalled, "LibreOffice (soffice) is not installed: the notice is not opened"),
          .timeLimit(.minutes(3)))
    func libreOfficeAndPythonDocxReadOnePage() throws {
        let folder = try temporaryDirectory("notice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let many = Self.findings + ["year", "party_cell", "member.full_name", "sections.strengths", "sections.shortcomings",
                                    "sections.improvement_plan"].map {
            Finding(.missingField, field: $0, evidence: String(repeating: "…", count: 30), location: "phần thông tin cá nhân › “" + $0 + "”")
        }
        var paths: [String: ReturnNotice] = [:]
        for (name, findings) in [("ba-ly-do", Self.findings), ("chin-ly-do", many)] {
            let notice = Self.notice(reasons: findings)
            let path = folder.appendingPathComponent("\(name).docx").path
            try DurableFile.publish(try NoticeDocument.docx(notice, modified: 1_797_000_000), to: path)
            paths[path] = notice
        }
        let readings = try readDocuments(paths.keys.sorted())
        for (path, notice) in paths {
            let reading = try #require(readings[path])
            for text in [reading.libreOfficeText, reading.pythonDocxText] {
                let flat = text.replacingOccurrences(of: "\n", with: " ")
                #expect(flat.contains(ReturnNotice.title))
                #expect(flat.contains("Nguyễn Văn Bảy"))
                #expect(flat.contains("nguyen-van-bay <&> \"2026\".docx"))
                for reason in notice.reasons {
                    #expect(flat.contains(reason.place), "\(reason.place)")
                    #expect(flat.contains(reason.action), "\(reason.action)")
                }
                #expect(flat.contains("Văn phòng Đảng ủy xã Triệu Phong"))
            }
            #expect(reading.pages == 1, "\(path): \(reading.pages) pages")
            #expect(reading.pageSizes.allSatisfy { abs($0[0] - 595.3) < 1 && abs($0[1] - 841.9) < 1 }, "\(reading.pageSizes)")
            #expect(reading.smallestFont >= 8, "\(reading.smallestFont)")
        }
    }
}
