import KiemdiemCore

/// Names a place on the form in the form's own words, for the findings a secretary reads
/// ("mục VII. Tự nhận mức xếp loại chất lượng › 2. Xếp loại đảng viên").
extension ExtractionPass {
    func place(of index: Int) -> String {
        guard index < lines.count else { return "cuối văn bản" }
        let own = ExtractionPass.labelText(lines[index])
        if index < titleIndex { return "phần đầu, trên tên mẫu › \(own)" }
        if let signatureIndex, index >= signatureIndex {
            if let label = lines[signatureIndex...index].last(where: { ExtractionPass.isAssessmentLabel($0.key) }) {
                let name = ExtractionPass.labelText(label)
                return name == own ? "phần đánh giá, xếp loại › \(own)" : "phần đánh giá, xếp loại › \(name) › \(own)"
            }
            return index == signatureIndex ? "chữ ký › \(own)" : "chữ ký \(ExtractionPass.labelText(lines[signatureIndex])) › \(own)"
        }
        guard let heading = headings.last(where: { $0.index <= index }) else { return "phần thông tin cá nhân › \(own)" }
        let name = "mục \(ExtractionPass.labelText(lines[heading.index]))"
        return heading.index == index ? name : "\(name) › \(own)"
    }

    /// A line's label as printed: up to its colon, shortened; the whole line when it has none.
    static func labelText(_ line: Line) -> String {
        var text = TextFolding.collapseWhitespace(line.text)
        if let colon = text.firstIndex(of: ":") { text = String(text[..<colon]) }
        if text.count > 70 { text = String(text.prefix(70)) + "…" }
        return "“\(text)”"
    }

    /// For a required field the reader found no line for at all, where it should have been.
    mutating func noteWhereRequiredFieldsWereSought(_ form: ReviewForm) {
        func missing(_ field: String, _ present: Bool, _ expected: String) {
            guard !present, provenance[field] == nil, sought[field] == nil else { return }
            sought[field] = .expected(expected)
        }
        let sectionsPlace = "không thấy đề mục"
        missing("year", form.year != nil, "dưới tên mẫu: không thấy dòng “Năm …”")
        missing("party_cell", form.partyCell != nil || form.partyCommittee != nil && form.kind == .collective,
                "phần đầu: không thấy dòng “Chi bộ …”")
        missing("date", form.date != nil, "phần đầu: không thấy dòng “…, ngày … tháng … năm …”")
        missing("sections.strengths", form.sections.strengths != nil, "\(sectionsPlace) “I. Ưu điểm, kết quả đạt được”")
        missing("sections.shortcomings", form.sections.shortcomings != nil, "\(sectionsPlace) “II. Hạn chế, khuyết điểm và nguyên nhân”")
        missing("sections.improvement_plan", form.sections.improvementPlan != nil,
                "\(sectionsPlace) “Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm”")
        missing("signature", form.signature != nil, "không thấy dòng “NGƯỜI TỰ KIỂM ĐIỂM” và tên người ký")
        if form.kind == .individual {
            missing("member.full_name", form.member.fullName != nil, "phần thông tin cá nhân: không thấy dòng “Họ và tên”")
            missing("self_assessment.party_member_level", form.selfAssessment.partyMemberLevel != nil,
                    "không thấy mục “Tự nhận mức xếp loại chất lượng” (“Xếp loại đảng viên”, “Đề xuất xếp loại mức chất lượng”)")
        } else {
            missing("collective.level", form.collective?.level != nil,
                    "không thấy mục “Tự nhận mức xếp loại” (“Đề xuất xếp loại mức chất lượng”)")
        }
    }
}
