import Testing
@testable import KiemdiemCore
@testable import ReviewForms
import WordDocument

/// The lines of a 2025 form as HD 43 prints it (title, part A, part B); tests replace what they are about.
func form2025(code: String = "Mẫu 2A-HD KĐ.ĐG 2025", year: Int = 2025, subtitle: String = "(Cá nhân giữ chức vụ lãnh đạo, quản lý)",
              partB: [String]? = nil) -> [String] {
    let b = partB ?? [
        "I. Đánh giá theo các nhóm tiêu chí",
        "1. Nhóm tiêu chí chung: 27/30",
        "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 60,5/70",
        "Tổng điểm: 87,5/100",
        "II. Đề xuất xếp loại mức chất lượng:",
        "☐ Hoàn thành xuất sắc nhiệm vụ", "☒ Hoàn thành tốt nhiệm vụ", "☐ Hoàn thành nhiệm vụ", "☐ Không hoàn thành nhiệm vụ",
    ]
    return ["ĐẢNG BỘ KHỐI CƠ QUAN TỈNH", "CHI BỘ VĂN PHÒNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "Quảng Trị, ngày 10/12/\(year)",
            code, "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN", "Năm \(year)", subtitle,
            "Họ và tên: Nguyễn Văn An Ngày sinh: 12/05/1980", "Đơn vị công tác: Văn phòng Sở Chi bộ: Văn phòng",
            "A. NỘI DUNG KIỂM ĐIỂM",
            "I. Ưu điểm, kết quả đạt được", "Hoàn thành công việc đúng hạn.",
            "II. Hạn chế, khuyết điểm và nguyên nhân", "Đôi khi chưa mạnh dạn.",
            "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
            "Đã khắc phục.",
            "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
            "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)",
            "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", "Tiếp tục học tập.",
            "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI"] + b + ["NGƯỜI TỰ KIỂM ĐIỂM", "(Ký, ghi rõ họ tên)", "Nguyễn Văn An"]
}

@Suite struct HD43FormTests {
    @Test func partBGivesTheScoreAndTheProposedLevel() {
        let result = FormExtractor().extract(document(form2025()))
        #expect(result.findings.isEmpty, "\(result.findings)")
        let form = try! #require(result.form)
        #expect(form.template == .mau2Aof2025)
        #expect(form.selfAssessment.partyMemberLevel == .good)
        #expect(form.selfAssessment.civilServantLevel == nil)
        #expect(form.score == ScoreSheet(items: [
            .init(criterion: "Nhóm tiêu chí chung", max: 30, selfScore: 27),
            .init(criterion: "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ", max: 70, selfScore: 60.5),
        ], total: 87.5))
        #expect(form.sections.improvementPlan == "Tiếp tục học tập.")
    }

    @Test(arguments: [
        ("Mẫu 2A-HD KĐ.ĐG 2025", 2025, FormTemplate.mau2Aof2025),
        ("Mẫu 02A-HD KĐ.ĐG 2025", 2025, .mau2Aof2025),
        ("Mẫu 02B-HD KĐ.ĐG 2025", 2025, .mau2Bof2025),
        ("Mẫu 2B", 2025, .mau2Bof2025),
        ("Mẫu 02C-HD KĐ.ĐG 2025", 2025, .mau2Cof2025),
        // The review of 2026 uses the 2025 forms, their code still says 2025 or no year.
        ("Mẫu 02A-HD KĐ.ĐG 2025", 2026, .mau2Aof2025),
        ("Mẫu 02A", 2026, .mau2Aof2025),
        ("Mẫu 02A-HD KĐ.ĐG 2023", 2023, .mau02Aof2023),
    ])
    func codesWithAndWithoutTheLeadingZero(code: String, year: Int, template: FormTemplate) {
        let form = FormExtractor().extract(document(form2025(code: code, year: year))).form
        #expect(form?.template == template)
        #expect(form?.ruleset == (year >= 2025 ? .y2025 : .y2023))
    }

    @Test(arguments: [
        ("(Cá nhân giữ chức vụ lãnh đạo, quản lý)", FormTemplate.mau2Aof2025),
        ("(Cá nhân không giữ chức vụ lãnh đạo, quản lý)", .mau2Bof2025),
        ("(Đảng viên không làm việc trong hệ thống chính trị)", .mau2Cof2025),
    ])
    func subtitleWhenTheCodeIsGone(subtitle: String, template: FormTemplate) {
        let lines = form2025(code: "", subtitle: subtitle)
        #expect(FormExtractor().extract(document(lines)).form?.template == template)
    }

    @Test func partBInAOneRowTable() {
        var blocks = form2025().map { paragraph($0) }
        let start = form2025().firstIndex(of: "I. Đánh giá theo các nhóm tiêu chí")!
        let end = form2025().firstIndex(of: "NGƯỜI TỰ KIỂM ĐIỂM")!
        let cell = form2025()[start..<end].joined(separator: "\n")
        blocks.replaceSubrange(start..<end, with: [table([[cell]])])
        let form = FormExtractor().extract(document(blocks)).form!
        #expect(form.selfAssessment.partyMemberLevel == .good)
        #expect(form.score?.total == 87.5)
    }

    @Test func blankScoresLeaveTheUnitsTableOrNothing() {
        var lines = form2025()
        lines[lines.firstIndex(of: "1. Nhóm tiêu chí chung: 27/30")!] = "1. Nhóm tiêu chí chung: …/30"
        lines[lines.firstIndex(of: "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 60,5/70")!] = "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: …/70"
        lines[lines.firstIndex(of: "Tổng điểm: 87,5/100")!] = "Tổng điểm: …/100"
        #expect(FormExtractor().extract(document(lines)).form?.score == nil)
    }

    @Test func collectiveReportOf2025CarriesItsScores() {
        var lines = form2025()
        lines[lines.firstIndex(of: "Mẫu 2A-HD KĐ.ĐG 2025")!] = "Mẫu 01-HD KĐ.ĐG 2025"
        lines[lines.firstIndex(of: "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN")!] = "BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA TẬP THỂ"
        let v = lines.firstIndex { $0.hasPrefix("V. ") }!
        lines[v] = "V. Trách nhiệm của tập thể, cá nhân"
        lines.insert("Chi ủy chịu trách nhiệm chung.", at: v + 1)
        let signature = lines.firstIndex(of: "NGƯỜI TỰ KIỂM ĐIỂM")!
        lines.replaceSubrange(signature..., with: ["T/M CHI ỦY", "BÍ THƯ", "Nguyễn Văn An"])
        let form = FormExtractor().extract(document(lines)).form!
        #expect(form.kind == .collective)
        #expect(form.collective?.level == .good)
        #expect(form.score?.total == 87.5)
        #expect(form.sections.collectiveResponsibility == "Chi ủy chịu trách nhiệm chung.")
    }
}

@Suite struct WhereTheReaderLookedTests {
    @Test func aLevelNobodyTickedSaysWhichLineWasRead() {
        let lines = form2019(partyLevel: "2. Xếp loại đảng viên: ☐ Hoàn thành xuất sắc nhiệm vụ ☐ Hoàn thành tốt nhiệm vụ")
        let extraction = FormExtractor().extract(document(lines))
        let seen = try! #require(extraction.sought["self_assessment.party_member_level"])
        #expect(seen.location == "mục “VII. Tự nhận mức xếp loại chất lượng” › “2. Xếp loại đảng viên”")
        #expect(seen.text.hasPrefix("2. Xếp loại đảng viên: ☐"))
        let located = extraction.locating([Finding(.missingField, field: "self_assessment.party_member_level")])
        #expect(located[0].location == seen.location)
        #expect(located[0].evidence == seen.text)
    }

    @Test func twoTicksNameTheirSection() {
        let lines = form2019(partyLevel: "2. Xếp loại đảng viên: ☒ Hoàn thành xuất sắc nhiệm vụ ☒ Hoàn thành tốt nhiệm vụ")
        let finding = try! #require(FormExtractor().extract(document(lines)).findings.first)
        #expect(finding.code == .ambiguousChoice)
        #expect(finding.location == "mục “VII. Tự nhận mức xếp loại chất lượng” › “2. Xếp loại đảng viên”")
    }

    @Test func aBlankHeaderDateIsSoughtNotGuessed() {
        var lines = form2019()
        lines[lines.firstIndex(of: "Quảng Trị, ngày 10 tháng 12 năm 2020")!] = "Quảng Trị, ngày … tháng … năm 2020"
        let extraction = FormExtractor().extract(document(lines))
        #expect(extraction.form?.date == nil)
        #expect(extraction.findings.isEmpty)
        #expect(extraction.sought["date"]?.location == "phần đầu, trên tên mẫu › “Quảng Trị, ngày … tháng … năm 2020”")
    }

    @Test func aFieldWithoutItsLineSaysWhatWasLookedFor() {
        var lines = form2019()
        lines.removeAll { $0.hasPrefix("NGƯỜI TỰ KIỂM ĐIỂM") || $0 == "(Ký, ghi rõ họ tên)" || $0 == "Nguyễn Văn An" }
        let extraction = FormExtractor().extract(document(lines))
        #expect(extraction.sought["signature"]?.location == "không thấy dòng “NGƯỜI TỰ KIỂM ĐIỂM” và tên người ký")
    }
}
