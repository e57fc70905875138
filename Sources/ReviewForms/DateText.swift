import KiemdiemCore

/// What a date on the form says.
enum DateReading: Equatable, Sendable {
    case date(CivilDate)
    /// The template's blanks ("ngày … tháng … năm …"), or nothing at all.
    case blank
    /// Something that looks like a date but is not one (31/11/2020, 2020-13-01…).
    case invalid(String)
    /// No date-like text here.
    case none
}

/// The one date reader of the form: every date (header, birth, signers, meeting) goes through it.
/// It reads the formats people type: "ngày 5 tháng 12 năm 2020" (any spacing, leading zeros or
/// not), "05/12/2020", "5-12-2020", "5.12.2020", after "ngày" or alone (a no-break hyphen is
/// already "-" from the reader).
enum DateText {
    static func read(_ text: String) -> DateReading {
        let folded = AlignedFold.fold(text)
        if let spelled = spelledOut(folded) { return spelled }
        if let numeric = numeric(folded) { return numeric }
        return .none
    }

    /// "ngay 5 thang 12 nam 2020", leading zeros or not; blanks made of dots stay blank.
    private static func spelledOut(_ folded: String) -> DateReading? {
        guard let ngay = folded.characterOffset(of: "ngay") else { return nil }
        let rest = folded.slice(ngay, .max)
        guard let thang = rest.characterOffset(of: "thang"), let nam = rest.characterOffset(of: "nam", from: thang) else {
            return nil
        }
        let dayText = rest.slice(4, thang)
        let monthText = rest.slice(thang + 5, nam)
        let yearText = rest.slice(nam + 3, .max)
        let day = leadingNumber(dayText)
        let month = leadingNumber(monthText)
        let year = leadingNumber(yearText)
        // A part left as the template's dots ("ngày … tháng … năm 2022") is not written: never a guess.
        guard let d = day, let m = month, let y = year else { return .blank }
        guard let date = CivilDate(year: y, month: m, day: d) else { return .invalid("\(d)/\(m)/\(y)") }
        return .date(date)
    }

    private static func numeric(_ folded: String) -> DateReading? {
        let chars = folded.characterArray
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isNumber) else { i += 1; continue }
            // d{1,2} sep d{1,2} sep d{4}, same separator both times.
            var j = i
            var parts: [Int] = []
            var separator: Character?
            var ok = true
            for part in 0..<3 {
                var digits = ""
                while j < chars.count, chars[j].isASCII, chars[j].isNumber, digits.count < 4 { digits.append(chars[j]); j += 1 }
                let maxLength = part == 2 ? 4 : 2
                guard !digits.isEmpty, digits.count <= maxLength, let value = Int(digits) else { ok = false; break }
                if part == 2 && digits.count != 4 { ok = false; break }
                parts.append(value)
                if part < 2 {
                    guard j < chars.count, ["/", "-", "."].contains(chars[j]) else { ok = false; break }
                    if let s = separator, s != chars[j] { ok = false; break }
                    separator = chars[j]
                    j += 1
                }
            }
            if ok, parts.count == 3, j == chars.count || !chars[j].isNumber {
                let text = "\(parts[0])\(separator!)\(parts[1])\(separator!)\(parts[2])"
                guard let date = CivilDate(year: parts[2], month: parts[1], day: parts[0]) else { return .invalid(text) }
                return .date(date)
            }
            i += 1
        }
        return nil
    }

    private static func leadingNumber(_ text: String) -> Int? {
        var digits = ""
        for ch in text {
            if ch.isASCII && ch.isNumber { digits.append(ch) } else if !digits.isEmpty { break } else if ch.isLetter { return nil }
        }
        return digits.isEmpty || digits.count > 4 ? nil : Int(digits)
    }
}
