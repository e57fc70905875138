import KiemdiemCore
import WordDocument

/// A paragraph as the Word reader gives it: ☒/☐ in the text are its unified checkboxes.
func paragraph(_ text: String, struck: [String] = []) -> Block {
    var boxes: [Checkbox] = []
    for (offset, ch) in text.enumerated() where ch == "☒" || ch == "☐" {
        boxes.append(Checkbox(checked: ch == "☒", encoding: .glyph, offset: offset))
    }
    return .paragraph(Paragraph(text: text, checkboxes: boxes, struck: struck))
}

func table(_ rows: [[String]]) -> Block {
    .table(Table(rows: rows.map { row in
        TableRow(cells: row.map { cell in TableCell(blocks: cell.split(separator: "\n").map { paragraph(String($0)) }) })
    }))
}

func document(_ blocks: [Block]) -> WordDocument { WordDocument(body: blocks) }

func document(_ lines: [String]) -> WordDocument { WordDocument(body: lines.map { paragraph($0) }) }

/// The lines of a filled-in 2019 form; tests replace the lines they are about.
func form2019(
    header: [String] = ["ĐẢNG BỘ KHỐI CƠ QUAN TỈNH", "CHI BỘ VĂN PHÒNG", "ĐẢNG CỘNG SẢN VIỆT NAM",
                        "Quảng Trị, ngày 10 tháng 12 năm 2020"],
    identity: [String] = ["Họ và tên: Nguyễn Văn An\tNgày sinh: 12/05/1980", "Chức vụ Đảng: Đảng viên",
                          "Chức vụ chính quyền: Chuyên viên", "Chức vụ đoàn thể: ……………",
                          "Đơn vị công tác: Văn phòng Sở\tChi bộ: Văn phòng"],
    partyLevel: String = "2. Xếp loại đảng viên: ☐ Hoàn thành xuất sắc nhiệm vụ ☒ Hoàn thành tốt nhiệm vụ ☐ Hoàn thành nhiệm vụ ☐ Không hoàn thành nhiệm vụ",
    assessment: [String] = []
) -> [String] {
    header + ["Mẫu 02-HD KĐ.ĐG 2019", "BẢN KIỂM ĐIỂM CÁ NHÂN", "Năm 2020"] + identity + [
        "I. Ưu điểm, kết quả đạt được",
        "1. Về phẩm chất chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc",
        "Luôn trung thành với Đảng.",
        "Tự đánh giá về cấp độ thực hiện: ☐ Xuất sắc ☒ Tốt ☐ Trung bình ☐ Kém",
        "2. Về thực hiện chức trách, nhiệm vụ được giao",
        "Hoàn thành công việc đúng hạn.",
        "Tự đánh giá về cấp độ thực hiện: ☒ Xuất sắc ☐ Tốt ☐ Trung bình ☐ Kém",
        "3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm",
        "Thực hiện tốt cam kết.",
        "II. Hạn chế, khuyết điểm và nguyên nhân",
        "1. Hạn chế, khuyết điểm",
        "Đôi khi chưa mạnh dạn.",
        "2. Nguyên nhân của hạn chế, khuyết điểm",
        "Do khối lượng công việc lớn.",
        "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
        "Đã khắc phục.",
        "Tự đánh giá về cấp độ thực hiện: ☐ Xuất sắc ☒ Tốt ☐ Trung bình ☐ Kém",
        "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
        "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)",
        "……………………",
        "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
        "Tiếp tục học tập.",
        "VII. Tự nhận mức xếp loại chất lượng",
        "1. Xếp loại cán bộ, công chức, viên chức: ☐ Hoàn thành xuất sắc nhiệm vụ ☒ Hoàn thành tốt nhiệm vụ ☐ Hoàn thành nhiệm vụ ☐ Không hoàn thành nhiệm vụ",
        partyLevel,
        "NGƯỜI TỰ KIỂM ĐIỂM",
        "(Ký, ghi rõ họ tên)",
        "Nguyễn Văn An",
    ] + assessment
}
