import Testing
@testable import KiemdiemCore
@testable import ReviewForms
import WordDocument

@Suite struct RecognitionTests {
    @Test func aFilledFormIsRecognised() {
        let result = FormExtractor().extract(document(form2019()))
        #expect(result.findings.isEmpty, "\(result.findings)")
        let form = try! #require(result.form)
        #expect(form.kind == .individual)
        #expect(form.template == .mau02of2019)
        #expect(form.year == 2020)
    }

    @Test func minutesAreNotAForm() {
        let result = FormExtractor().extract(document(["ĐẢNG BỘ XÃ", "BIÊN BẢN HỌP CHI BỘ", "Hôm nay…"]))
        #expect(result.form == nil)
        #expect(result.findings.map(\.code) == [.notAReviewForm])
    }

    @Test func probationarySelfReviewIsNotTheAnnualForm() {
        let result = FormExtractor().extract(document(["Mẫu 10-KNĐ", "BẢN TỰ KIỂM ĐIỂM", "Của đảng viên dự bị"]))
        #expect(result.findings.map(\.code) == [.notAReviewForm])
    }

    @Test func blankTemplateIsNotASubmission() {
        let lines = ["ĐẢNG BỘ ……", "CHI BỘ ……", "……, ngày … tháng … năm …", "BẢN KIỂM ĐIỂM CÁ NHÂN", "Năm ……",
                     "Họ và tên: ……………", "I. Ưu điểm, kết quả đạt được", "II. Hạn chế, khuyết điểm và nguyên nhân",
                     "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", "VII. Tự nhận mức xếp loại chất lượng",
                     "2. Xếp loại đảng viên: ☐ Hoàn thành xuất sắc nhiệm vụ ☐ Hoàn thành tốt nhiệm vụ"]
        #expect(FormExtractor().extract(document(lines)).findings.map(\.code) == [.notAReviewForm])
    }

    @Test(arguments: [
        ("Mẫu 02A-HD KĐ.ĐG 2023", 2023, FormTemplate.mau02Aof2023),
        ("Mẫu 02B-HD KĐ.ĐG 2023", 2023, .mau02Bof2023),
        ("Mẫu 2C-HD KĐ.ĐG 2025", 2025, .mau2Cof2025),
        ("Mẫu 2A - HD KĐ.ĐG 2025", 2025, .mau2Aof2025),
    ])
    func templateFromCode(code: String, year: Int, template: FormTemplate) {
        var lines = form2019()
        lines[lines.firstIndex(of: "Mẫu 02-HD KĐ.ĐG 2019")!] = code
        lines[lines.firstIndex(of: "Năm 2020")!] = "Năm \(year)"
        #expect(FormExtractor().extract(document(lines)).form?.template == template)
    }

    @Test func templateFromSubtitleWhenTheCodeIsGone() {
        var lines = form2019()
        lines.removeAll { $0.hasPrefix("Mẫu") }
        lines[lines.firstIndex(of: "Năm 2020")!] = "Năm 2023"
        lines.insert("(Cá nhân giữ chức vụ lãnh đạo, quản lý)", at: lines.firstIndex(of: "Năm 2023")! + 1)
        #expect(FormExtractor().extract(document(lines)).form?.template == .mau02Bof2023)
    }
}

@Suite struct HeaderAndIdentityTests {
    @Test func headerFields() {
        let form = FormExtractor().extract(document(form2019())).form!
        #expect(form.partyCommittee == "ĐẢNG BỘ KHỐI CƠ QUAN TỈNH")
        #expect(form.partyCell == "CHI BỘ VĂN PHÒNG")
        #expect(form.place == "Quảng Trị")
        #expect(form.date == CivilDate(year: 2020, month: 12, day: 10))
    }

    @Test func twoFieldsOnOneLineAndLeaderOnlyValues() {
        let form = FormExtractor().extract(document(form2019())).form!
        #expect(form.member.fullName == "Nguyễn Văn An")
        #expect(form.member.dateOfBirth == CivilDate(year: 1980, month: 5, day: 12))
        #expect(form.member.partyPosition == "Đảng viên")
        #expect(form.member.governmentPosition == "Chuyên viên")
        #expect(form.member.massOrganisationPosition == nil)
        #expect(form.member.workUnit == "Văn phòng Sở")
    }

    @Test func cellFromTheIdentityLineWhenTheHeaderHasNone() {
        let lines = form2019(header: ["ĐẢNG BỘ KHỐI CƠ QUAN TỈNH", "ĐẢNG CỘNG SẢN VIỆT NAM", "Huế, ngày 5 tháng 12 năm 2020"])
        let form = FormExtractor().extract(document(lines)).form!
        #expect(form.partyCell == "Chi bộ Văn phòng")
        #expect(form.place == "Huế")
    }

    @Test func valuesInTableCells() {
        var blocks: [Block] = [
            table([["ĐẢNG BỘ XÃ TRIỆU PHONG\nCHI BỘ THÔN 1", "ĐẢNG CỘNG SẢN VIỆT NAM\nTriệu Phong, ngày 05 tháng 12 năm 2020"]]),
            paragraph("BẢN KIỂM ĐIỂM CÁ NHÂN"), paragraph("Năm: 2020"),
            table([["Họ và tên:", "Lê Thị Bình"], ["Ngày sinh:", "ngày 3 tháng 2 năm 1975"]]),
        ]
        blocks += form2019().drop { $0 != "I. Ưu điểm, kết quả đạt được" }.map { paragraph($0) }
        let form = FormExtractor().extract(document(blocks)).form!
        #expect(form.partyCommittee == "ĐẢNG BỘ XÃ TRIỆU PHONG")
        #expect(form.partyCell == "CHI BỘ THÔN 1")
        #expect(form.date == CivilDate(year: 2020, month: 12, day: 5))
        #expect(form.year == 2020)
        #expect(form.member.fullName == "Lê Thị Bình")
        #expect(form.member.dateOfBirth == CivilDate(year: 1975, month: 2, day: 3))
    }

    @Test(arguments: ["Ngày sinh: 12-5-1980", "Ngày sinh: 12.5.1980", "Ngày sinh: ngày 12 tháng 5 năm 1980", "Ngày sinh: 12/05/1980"])
    func dateFormats(line: String) {
        let lines = form2019(identity: ["Họ và tên: Nguyễn Văn An", line, "Chi bộ: Văn phòng"])
        #expect(FormExtractor().extract(document(lines)).form?.member.dateOfBirth == CivilDate(year: 1980, month: 5, day: 12))
    }

    @Test func aDateThatDoesNotExistIsInvalid() {
        let lines = form2019(identity: ["Họ và tên: Nguyễn Văn An", "Ngày sinh: 31/11/1980"])
        let result = FormExtractor().extract(document(lines))
        #expect(result.form?.member.dateOfBirth == nil)
        #expect(result.findings.map(\.code) == [.invalidValue])
        #expect(result.findings.first?.field == "member.date_of_birth")
    }
}

@Suite struct SectionTests {
    @Test func sectionsRunToTheNextHeadingWithSubItemsKept() {
        let form = FormExtractor().extract(document(form2019())).form!
        #expect(form.sections.strengths == """
            1. Về phẩm chất chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc
            Luôn trung thành với Đảng.
            2. Về thực hiện chức trách, nhiệm vụ được giao
            Hoàn thành công việc đúng hạn.
            3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm
            Thực hiện tốt cam kết.
            """)
        #expect(form.sections.shortcomings == "1. Hạn chế, khuyết điểm\nĐôi khi chưa mạnh dạn.\n2. Nguyên nhân của hạn chế, khuyết điểm\nDo khối lượng công việc lớn.")
        #expect(form.sections.remediation == "Đã khắc phục.")
        #expect(form.sections.explanations == nil)
        #expect(form.sections.collectiveResponsibility == nil)
        #expect(form.sections.improvementPlan == "Tiếp tục học tập.")
    }

    @Test func headingsWithoutRomanNumbersOrInOtherCase() {
        let lines = form2019().map { line -> String in
            switch line {
            case "I. Ưu điểm, kết quả đạt được": return "1- ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC"
            case "II. Hạn chế, khuyết điểm và nguyên nhân": return "Hạn chế, khuyết điểm và nguyên nhân"
            case "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm": return "VI- Phuong huong, bien phap khac phuc"
            default: return line
            }
        }
        let form = FormExtractor().extract(document(lines)).form!
        #expect(form.sections.strengths?.hasPrefix("1. Về phẩm chất") == true)
        #expect(form.sections.shortcomings?.hasPrefix("1. Hạn chế, khuyết điểm") == true)
        #expect(form.sections.improvementPlan == "Tiếp tục học tập.")
    }

    @Test func sectionsWithOnlyTemplateSubItemsAreBlank() {
        var lines = form2019()
        lines.removeAll { ["Đôi khi chưa mạnh dạn.", "Do khối lượng công việc lớn."].contains($0) }
        #expect(FormExtractor().extract(document(lines)).form?.sections.shortcomings == nil)
    }
}

@Suite struct ChoiceTests {
    @Test func criteriaFromRatingRows() {
        let form = FormExtractor().extract(document(form2019())).form!
        #expect(form.criteria == [CriterionEntry(item: "I.1", rating: .good), CriterionEntry(item: "I.2", rating: .excellent),
                                  CriterionEntry(item: "III", rating: .good)])
    }

    @Test func levelsFromTickedBoxes() {
        let form = FormExtractor().extract(document(form2019())).form!
        #expect(form.selfAssessment == SelfAssessment(civilServantLevel: .good, partyMemberLevel: .good))
    }

    @Test(arguments: [
        ("2. Xếp loại đảng viên: Hoàn thành tốt nhiệm vụ", Level.good),
        ("2. Xếp loại đảng viên: HTXSNV", .excellent),
        ("2. Xếp loại đảng viên: ☐ Hoàn thành xuất sắc nhiệm vụ ☐ Hoàn thành tốt nhiệm vụ ☒ Hoàn thành nhiệm vụ ☐ Không hoàn thành nhiệm vụ", .satisfactory),
        ("2. Xếp loại đảng viên: ☐ Hoàn thành xuất sắc nhiệm vụ ☐ Hoàn thành tốt nhiệm vụ ☐ Hoàn thành nhiệm vụ ☒ Không hoàn thành nhiệm vụ", .unsatisfactory),
    ])
    func partyLevelEncodings(line: String, level: Level) {
        #expect(FormExtractor().extract(document(form2019(partyLevel: line))).form?.selfAssessment.partyMemberLevel == level)
    }

    @Test func struckLabels() {
        var blocks = form2019().map { paragraph($0) }
        let index = form2019().firstIndex { $0.hasPrefix("2. Xếp loại đảng viên") }!
        blocks[index] = paragraph("2. Xếp loại đảng viên: Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ; Hoàn thành nhiệm vụ; Không hoàn thành nhiệm vụ",
                                  struck: ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"])
        #expect(FormExtractor().extract(document(blocks)).form?.selfAssessment.partyMemberLevel == .good)
    }

    @Test func twoBoxesTickedIsAmbiguous() {
        let line = "2. Xếp loại đảng viên: ☒ Hoàn thành xuất sắc nhiệm vụ ☒ Hoàn thành tốt nhiệm vụ ☐ Hoàn thành nhiệm vụ"
        let result = FormExtractor().extract(document(form2019(partyLevel: line)))
        #expect(result.form?.selfAssessment.partyMemberLevel == nil)
        #expect(result.findings.map(\.code) == [.ambiguousChoice])
        #expect(result.findings.first?.field == "self_assessment.party_member_level")
    }

    @Test func optionsOnTheirOwnLines() {
        var lines = form2019()
        let index = lines.firstIndex { $0.hasPrefix("2. Xếp loại đảng viên") }!
        lines.replaceSubrange(index...index, with: ["2. Xếp loại đảng viên:", "☐ Hoàn thành xuất sắc nhiệm vụ",
                                                     "☒ Hoàn thành tốt nhiệm vụ", "☐ Hoàn thành nhiệm vụ",
                                                     "☐ Không hoàn thành nhiệm vụ"])
        #expect(FormExtractor().extract(document(lines)).form?.selfAssessment.partyMemberLevel == .good)
    }

    @Test func nothingTickedIsNoLevel() {
        let line = "2. Xếp loại đảng viên: ☐ Hoàn thành xuất sắc nhiệm vụ ☐ Hoàn thành tốt nhiệm vụ ☐ Hoàn thành nhiệm vụ ☐ Không hoàn thành nhiệm vụ"
        let result = FormExtractor().extract(document(form2019(partyLevel: line)))
        #expect(result.form?.selfAssessment.partyMemberLevel == nil)
        #expect(result.findings.isEmpty)
    }
}

@Suite struct AssessmentTests {
    let filled = [
        "ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN",
        "- Nhận xét, đánh giá của chi ủy (chi bộ): Đồng chí có tinh thần trách nhiệm.",
        "Cần phát huy hơn nữa.",
        "- Chi bộ đề xuất xếp loại mức chất lượng: Hoàn thành tốt nhiệm vụ",
        "T/M CHI ỦY (CHI BỘ)", "(Xác lập thời điểm, ký, ghi rõ họ tên)", "Ngày 15 tháng 12 năm 2020", "BÍ THƯ", "Trần Văn Cường",
        "- Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng: Hoàn thành xuất sắc nhiệm vụ",
        "T/M ĐẢNG ỦY (CHI ỦY)", "(Xác lập thời điểm, ký, ghi rõ họ tên)", "Ngày 20 tháng 12 năm 2020", "Phạm Văn Dũng",
    ]

    @Test func signatureCellReviewAndDecision() {
        let form = FormExtractor().extract(document(form2019(assessment: filled))).form!
        #expect(form.signature == "Nguyễn Văn An")
        #expect(form.cellReview == CellReview(comment: "Đồng chí có tinh thần trách nhiệm.\nCần phát huy hơn nữa.",
                                              proposedLevel: .good, date: CivilDate(year: 2020, month: 12, day: 15)))
        #expect(form.committeeDecision == CommitteeDecision(level: .excellent, date: CivilDate(year: 2020, month: 12, day: 20)))
    }

    @Test func blankBlocksStayNull() {
        let blank = ["ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN", "- Nhận xét, đánh giá của chi ủy (chi bộ): ……………………",
                     "- Chi bộ đề xuất xếp loại mức chất lượng: ……………", "T/M CHI ỦY (CHI BỘ)",
                     "(Xác lập thời điểm, ký, ghi rõ họ tên)", "Ngày … tháng … năm …",
                     "- Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng: ……………", "T/M ĐẢNG ỦY (CHI ỦY)",
                     "(Xác lập thời điểm, ký, ghi rõ họ tên)"]
        let result = FormExtractor().extract(document(form2019(assessment: blank)))
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.form?.cellReview == CellReview())
        #expect(result.form?.committeeDecision == CommitteeDecision())
    }

    @Test func provenanceNamesTheParagraph() {
        let result = FormExtractor().extract(document(form2019(assessment: filled)))
        #expect(result.provenance["member.full_name"]?.text.hasPrefix("Họ và tên") == true)
        #expect(result.provenance["committee_decision.level"]?.location.hasPrefix("body[") == true)
    }
}

@Suite struct Form2025Tests {
    @Test func scoreTableIsReadByItsHeaders() {
        var blocks = form2019().map { line -> Block in
            switch line {
            case "Mẫu 02-HD KĐ.ĐG 2019": return paragraph("Mẫu 2A-HD KĐ.ĐG 2025")
            case "Năm 2020": return paragraph("Năm 2025")
            case "Quảng Trị, ngày 10 tháng 12 năm 2020": return paragraph("Quảng Trị, ngày 10 tháng 12 năm 2025")
            default: return paragraph(line)
            }
        }
        let vii = blocks.firstIndex { if case .paragraph(let p) = $0 { return p.text.hasPrefix("VII.") } else { return false } }!
        blocks.insert(contentsOf: [
            paragraph("1. Tự chấm điểm theo thang điểm 100:"),
            table([["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
                   ["I", "Nhóm tiêu chí chung", "30", "27,5"],
                   ["II", "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ", "70", "64"],
                   ["Tổng cộng", "", "100", "91,5"]]),
        ], at: vii + 1)
        let form = FormExtractor().extract(document(blocks)).form!
        #expect(form.template == .mau2Aof2025)
        #expect(form.score == ScoreSheet(items: [
            .init(criterion: "Nhóm tiêu chí chung", max: 30, selfScore: 27.5),
            .init(criterion: "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ", max: 70, selfScore: 64),
        ], total: 91.5))
        #expect(form.selfAssessment.partyMemberLevel == .good)
    }
}

@Suite struct CollectiveTests {
    let lines = [
        "ĐẢNG BỘ KHỐI CƠ QUAN TỈNH", "CHI BỘ VĂN PHÒNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "Đông Hà, ngày 10 tháng 12 năm 2020",
        "BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI ỦY, CHI BỘ", "Năm 2020", "Ngày họp kiểm điểm: 10/12/2020",
        "I. Ưu điểm, kết quả đạt được", "1. Về lãnh đạo thực hiện nhiệm vụ chính trị", "Chi bộ lãnh đạo hoàn thành kế hoạch.",
        "Tự đánh giá về cấp độ thực hiện: ☐ Xuất sắc ☒ Tốt ☐ Trung bình ☐ Kém",
        "II. Hạn chế, khuyết điểm và nguyên nhân", "Sinh hoạt chuyên đề chưa đều.",
        "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được chỉ ra", "Đã khắc phục.",
        "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
        "V. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", "Duy trì sinh hoạt định kỳ.",
        "VI. Tự nhận mức xếp loại chất lượng",
        "☐ Hoàn thành xuất sắc nhiệm vụ ☒ Hoàn thành tốt nhiệm vụ ☐ Hoàn thành nhiệm vụ ☐ Không hoàn thành nhiệm vụ",
        "T/M CHI ỦY", "BÍ THƯ", "Nguyễn Văn An",
    ]

    @Test func collectiveReport() {
        let result = FormExtractor().extract(document(lines))
        #expect(result.findings.isEmpty, "\(result.findings)")
        let form = result.form!
        #expect(form.kind == .collective && form.template == .mau01)
        #expect(form.partyCell == "CHI BỘ VĂN PHÒNG")
        #expect(form.collective == CollectiveReview(level: .good, meetingDate: CivilDate(year: 2020, month: 12, day: 10),
                                                    signerRole: "T/M CHI ỦY"))
        #expect(form.signature == "Nguyễn Văn An")
        #expect(form.sections.improvementPlan == "Duy trì sinh hoạt định kỳ.")
        #expect(form.criteria == [CriterionEntry(item: "I.1", rating: .good)])
        #expect(form.selfAssessment == SelfAssessment())
    }
}

@Suite struct CivilServantReviewTests {
    @Test func headOfAgencyBlock() {
        let block = [
            "ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC, VIÊN CHỨC",
            "- Nhận xét, đánh giá của người quản lý, sử dụng công chức, viên chức: Hoàn thành tốt công việc chuyên môn.",
            "- Mức xếp loại chất lượng công chức, viên chức: Hoàn thành tốt nhiệm vụ",
            "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Xác lập thời điểm, ký, ghi rõ họ tên và đóng dấu)", "Ngày 12 tháng 12 năm 2020",
            "Trần Văn Giám",
            "ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN",
            "- Nhận xét, đánh giá của chi ủy (chi bộ): Tốt.",
            "- Chi bộ đề xuất xếp loại mức chất lượng: Hoàn thành tốt nhiệm vụ",
            "T/M CHI ỦY (CHI BỘ)", "(Xác lập thời điểm, ký, ghi rõ họ tên)", "Ngày 15 tháng 12 năm 2020",
        ]
        let result = FormExtractor().extract(document(form2019(assessment: block)))
        #expect(result.findings.isEmpty, "\(result.findings)")
        let form = result.form!
        #expect(form.civilServantReview == CivilServantReview(comment: "Hoàn thành tốt công việc chuyên môn.", level: .good,
                                                              date: CivilDate(year: 2020, month: 12, day: 12)))
        #expect(form.cellReview == CellReview(comment: "Tốt.", proposedLevel: .good, date: CivilDate(year: 2020, month: 12, day: 15)))
    }

    @Test func noBlockNoKey() {
        let form = FormExtractor().extract(document(form2019())).form!
        #expect(form.civilServantReview == nil)
        if case .object(let members) = form.json { #expect(!members.contains { $0.0 == "civil_servant_review" }) }
    }
}
