import KiemdiemCore
import Testing

/// The reasons a member reads on a return notice: the form's own place, what was seen, what to do.
@Suite struct ReturnReasonTests {
    @Test func anUntickedLevelNamesTheFormsSectionAndTheFix() {
        let finding = Finding(.missingField, field: "self_assessment.party_member_level",
                              evidence: "2. Xếp loại đảng viên: ☐ Hoàn thành xuất sắc nhiệm vụ ☐ Hoàn thành tốt nhiệm vụ",
                              location: "mục “VII. Tự nhận mức xếp loại chất lượng” › “2. Xếp loại đảng viên”")
        let reason = finding.returnReason()
        #expect(reason.sentence == "Mục VII.2 “Xếp loại đảng viên”: chưa đánh dấu ô nào. Đánh dấu một ô rồi gửi lại.")
        #expect(reason.seen == "2. Xếp loại đảng viên: ☐ Hoàn thành xuất sắc nhiệm vụ ☐ Hoàn thành tốt nhiệm vụ")
        #expect(finding.returnReason(.en).sentence == "Section VII.2 “Xếp loại đảng viên”: no box is ticked. Tick one box and send the form again.")
    }

    @Test func aLineTheReaderNeverFoundIsWhatWasSeen() {
        let finding = Finding(.missingField, field: "member.full_name",
                              location: "phần thông tin cá nhân: không thấy dòng “Họ và tên”")
        let reason = finding.returnReason()
        #expect(reason.place == "Phần thông tin cá nhân")
        #expect(reason.problem == "không thấy dòng “Họ và tên” (còn để trống)")
        #expect(reason.action == "Ghi đầy đủ họ và tên rồi gửi lại.")
        let signature = Finding(.missingField, field: "signature", location: "không thấy dòng “NGƯỜI TỰ KIỂM ĐIỂM” và tên người ký")
        #expect(signature.returnReason().place == "Chữ ký người tự kiểm điểm")
    }

    @Test func aBlankLabelLineKeepsItsPlaceAndText() {
        let finding = Finding(.missingField, field: "member.full_name", evidence: "Họ và tên: ………………",
                              location: "phần thông tin cá nhân › “Họ và tên”")
        #expect(finding.returnReason().sentence == "Phần thông tin cá nhân › “Họ và tên”: còn để trống. Ghi đầy đủ họ và tên rồi gửi lại.")
    }

    @Test func theFactsOfTheFindingAreSaid() {
        let year = Finding(.yearMismatch, field: "year", evidence: "2025", detail: .batchYear(2026))
        #expect(year.returnReason().sentence
                == "Năm kiểm điểm: ghi năm 2025, trong khi đợt kiểm điểm này là năm 2026. Làm bản kiểm điểm của năm 2026 (ghi “Năm 2026” dưới tên mẫu) rồi gửi lại.")
        let order = Finding(.dateOrder, field: "committee_decision.date", evidence: "2026-12-20 > 2026-12-14",
                            detail: .datesReversed(field: "cell_review.date", date: CivilDate(year: 2026, month: 12, day: 20)!,
                                                   laterField: "committee_decision.date", laterDate: CivilDate(year: 2026, month: 12, day: 14)!))
        #expect(order.returnReason().problem == "ngày cấp ủy xếp loại 14/12/2026 lại trước ngày chi bộ đề xuất 20/12/2026")
        // The rules' evidence is their own facts, not the form's text: nothing to quote.
        #expect(order.returnReason().seen == nil)
        let dob = Finding(.invalidValue, field: "member.date_of_birth", evidence: "31/11/1980", location: "phần thông tin cá nhân › “Ngày sinh”")
        #expect(dob.returnReason().problem == "ghi “31/11/1980”, không phải một ngày có thật")
        let before = Finding(.classifiedBeforeReview, field: "committee_decision.level", evidence: "sections.strengths, signature")
        #expect(before.returnReason().problem.hasSuffix("(còn thiếu: I. Ưu điểm, kết quả đạt được; Chữ ký người tự kiểm điểm)"))
    }

    /// Every code that refuses a form has a reason a member can act on, in both languages, with
    /// no field path of the program in the Vietnamese text.
    @Test(arguments: FindingCode.allCases.filter { $0.severity == .error })
    func everyRefusingCodeSaysWhatToDo(code: FindingCode) {
        let field = code.rawValue.hasPrefix("MISSING") || code == .invalidValue || code == .ambiguousChoice
            ? "self_assessment.party_member_level" : code == .yearMismatch ? "year" : code == .dateOrder ? "date" : "file"
        let finding = Finding(code, field: field, evidence: "x")
        let vi = finding.returnReason(.vi), en = finding.returnReason(.en)
        for reason in [vi, en] {
            #expect(!reason.place.isEmpty && !reason.problem.isEmpty)
            #expect(reason.action.hasSuffix("."), "\(code): \(reason.action)")
            #expect(reason.sentence.count > reason.action.count + 5)
        }
        #expect(vi.sentence != en.sentence)
        #expect(!vi.sentence.contains("self_assessment") && !vi.sentence.contains("_"), "\(code): \(vi.sentence)")
        #expect(vi.action.hasSuffix("gửi lại.") || vi.action.hasSuffix(".docx."))
    }

    @Test func aWarningAsksForNothing() {
        let reason = Finding(.legacyFontConverted).returnReason()
        #expect(reason.action.isEmpty)
        #expect(reason.sentence == "Tệp: văn bản dùng phông chữ cũ (TCVN3/VNI), đã chuyển sang Unicode.")
    }
}
