import Testing
@testable import Workbooks

/// The row heights of every wrapped cell come from `TextWidth.lines`, which looks widths up by
/// scalar in tables; the definition is per character (`TextWidth.width(Character)`), word by word.
@Suite struct TextWidthTests {
    /// The wrapping as first written: split into paragraphs and words, each character measured.
    static func definedLines(_ text: String, columnWidth: Double, bold: Bool = false, scale: Double = 1) -> Int {
        let capacity = max(1, (columnWidth * 7 + 1) / 7.43 * 0.98 / scale)
        var count = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var used = 0.0
            var lines = 1
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let w = word.reduce(0) { $0 + TextWidth.width($1) } * (bold ? 1.07 : 1)
                let space = used > 0 ? TextWidth.width(" " as Character) : 0
                if used + space + w <= capacity {
                    used += space + w
                } else if w <= capacity {
                    lines += used > 0 ? 1 : 0
                    used = w
                } else {
                    if used > 0 { lines += 1 }
                    var rest = w
                    while rest > capacity { lines += 1; rest -= capacity }
                    used = rest
                }
            }
            count += lines
        }
        return max(1, count)
    }

    static let samples = [
        "", " ", "Nguyễn Văn A", "ĐẢNG BỘ XÃ TRIỆU PHONG", "Hoàn thành xuất sắc nhiệm vụ",
        "Chi bộ đề nghị: hoàn thành tốt nhiệm vụ; Đảng ủy quyết định: hoàn thành nhiệm vụ",
        "MISSING_FIELD: thiếu ngày ký ở mục VII.2 Tự nhận xếp loại, đã thấy \"ngày … tháng … năm 2022\"",
        "hai  dấu   cách", "dòng một\ndòng hai\n\ndòng bốn", "Từ-rất-dài-không-có-dấu-cách-nào-để-ngắt-dòng-ở-giữa-cả",
        "12/05/1970 · 100 % · (x) [x] ☒ ✓", "Nguyễn Văn A", "Thôn 1 – Triệu Phong ™ 中文 😀 e\u{301}",
    ]

    @Test(arguments: [4.0, 8.5, 12, 20, 31.5, 60])
    func tablesWrapAsTheDefinition(columnWidth: Double) {
        for text in Self.samples {
            for bold in [false, true] {
                for scale in [1.0, 14.0 / 11] {
                    #expect(TextWidth.lines(text, columnWidth: columnWidth, bold: bold, scale: scale)
                            == Self.definedLines(text, columnWidth: columnWidth, bold: bold, scale: scale),
                            "\(text) at \(columnWidth), bold \(bold), scale \(scale)")
                }
            }
        }
    }

    @Test func everyVietnameseLetterIsAsWideAsItsBase() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
        for letter in letters + letters.uppercased() {
            #expect(TextWidth.width(letter.unicodeScalars.first!) == TextWidth.width(letter), "\(letter)")
        }
        #expect(TextWidth.width("ệ" as Unicode.Scalar) == TextWidth.width("e" as Character))
        #expect(TextWidth.width("\u{301}" as Unicode.Scalar) == 0)
        #expect(TextWidth.lines("Nguyễn Văn A ".repeated(10), columnWidth: 10) > 1)
    }
}

private extension String {
    func repeated(_ count: Int) -> String { String(repeating: self, count: count) }
}
