import KiemdiemCore

/// Which document this is: the title, then the printed template.
extension ExtractionPass {
    struct Title { let index: Int; let kind: FormKind }

    /// "BẢN KIỂM ĐIỂM CÁ NHÂN", "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN" (2025; individual) or
    /// "BÁO CÁO KIỂM ĐIỂM …" (collective). A probationary member's "BẢN TỰ KIỂM ĐIỂM" (Mẫu 10-KNĐ)
    /// is neither.
    func recogniseTitle() -> Title? {
        if lines.contains(where: { $0.key.containsLabel("10-knd") || $0.key.containsLabel("10 - knd") }) { return nil }
        for (index, line) in lines.enumerated() {
            let key = line.key
            guard key.count < 120 else { continue }
            if key.hasPrefix("ban kiem diem") && key.containsLabel("ca nhan") { return Title(index: index, kind: .individual) }
            if key.hasPrefix("bao cao kiem diem") { return Title(index: index, kind: .collective) }
        }
        return nil
    }

    /// The template from the code line ("Mẫu 02A-HD KĐ.ĐG 2023", "Mẫu 2A", "Mẫu 02A-HD KĐ.ĐG 2025"),
    /// else from the year and the subtitle. The letters mean different things by year: in 2023
    /// 02A is the member without a post and 02B the leader; HD 43 (2025) prints 2A for the leader,
    /// 2B for the member without a post and 2C for one outside the political system, with or
    /// without the leading zero (docs/forms-2025.md §0).
    func template(for form: ReviewForm, titleIndex: Int) -> FormTemplate {
        if form.kind == .collective { return .mau01 }
        let ruleset = form.year.map(Ruleset.init(reviewYear:))
        for line in lines.prefix(titleIndex + 6) {
            let compact = line.key.filter { !$0.isWhitespace }
            guard let at = compact.characterOffset(of: "mau") else { continue }
            var code = compact.slice(at + 3, .max)
            if code.hasPrefix(":") || code.hasPrefix("so") { code = String(code.drop { $0 == ":" || $0 == "s" || $0 == "o" }) }
            let printedYear = ExtractionPass.fourDigitYear(in: Substring(code))
            let hasNumber = code.hasPrefix("02") || code.hasPrefix("2")
            guard hasNumber, code.containsLabel("hd") || printedYear != nil || code.count <= 4 else { continue }
            let letters = code.drop { $0 == "0" }.dropFirst()   // after "2"
            let letter = letters.first
            let of2025 = (printedYear.map { $0 >= 2025 } ?? false) || (printedYear == nil && ruleset == .y2025)
            switch letter {
            case "a": return of2025 ? .mau2Aof2025 : .mau02Aof2023
            case "b": return of2025 ? .mau2Bof2025 : .mau02Bof2023
            case "c": return .mau2Cof2025
            case "-", "h":
                if code.hasPrefix("02") { return .mau02of2019 }
            default: break
            }
        }
        let subtitle = lines[titleIndex..<min(lines.count, titleIndex + 5)].map(\.key).first { $0.hasPrefix("(") }
        let leader = subtitle.map { !$0.containsLabel("khong giu") && $0.containsLabel("giu chuc") }
        let outside = subtitle?.containsLabel("khong lam viec trong he thong") ?? false
        guard let ruleset else { return .unknown }
        switch ruleset {
        case .y2019: return .mau02of2019
        case .y2023:
            guard let leader else { return .unknown }
            return leader ? .mau02Bof2023 : .mau02Aof2023
        case .y2025:
            if outside { return .mau2Cof2025 }
            guard let leader else { return .unknown }
            return leader ? .mau2Aof2025 : .mau2Bof2025
        }
    }

    /// The first run of exactly four digits from 2000 on ("…kd.dg2025" → 2025).
    static func fourDigitYear(in text: Substring) -> Int? {
        var digits = ""
        for ch in text + " " {
            if ch.isASCII && ch.isNumber { digits.append(ch); continue }
            if digits.count == 4, let year = Int(digits), year >= 2000 { return year }
            digits = ""
        }
        return nil
    }
}
