/// The four quality levels of a member or collective (124 Điều 12; same four words since 2018).
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    case excellent, good, satisfactory, unsatisfactory

    /// Rank 1 is best; used to compare levels and to apply caps.
    public var rank: Int {
        switch self {
        case .excellent: return 1
        case .good: return 2
        case .satisfactory: return 3
        case .unsatisfactory: return 4
        }
    }

    /// `a < b` means a is a *lower* level than b.
    public static func < (a: Level, b: Level) -> Bool { a.rank > b.rank }

    /// The label printed on the forms and in the workbooks.
    public var vietnamese: String {
        switch self {
        case .excellent: return "Hoàn thành xuất sắc nhiệm vụ"
        case .good: return "Hoàn thành tốt nhiệm vụ"
        case .satisfactory: return "Hoàn thành nhiệm vụ"
        case .unsatisfactory: return "Không hoàn thành nhiệm vụ"
        }
    }

    /// The abbreviation boards use as column headers.
    public var abbreviation: String {
        switch self {
        case .excellent: return "HTXSNV"
        case .good: return "HTTNV"
        case .satisfactory: return "HTNV"
        case .unsatisfactory: return "KHTNV"
        }
    }

    /// The letters of `folded` when they could spell an abbreviation (six at most), else "".
    /// ASCII text, the common case, is read by bytes: `Character.isLetter` is a Unicode
    /// property lookup per Character, and this runs on every line that might hold a level.
    static func abbreviation(_ folded: String) -> String {
        var text = folded
        // ASCII text read from its bytes (the generic utf8 view walks an index at a time);
        // `nil` for other text, whose letters are Characters.
        let ascii: String? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var letters: [UInt8] = []
            for byte in bytes where (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
                letters.append(byte)
                if letters.count > 6 { return "" }
            }
            return String(decoding: letters, as: UTF8.self)
        }
        if let ascii { return ascii }
        let letters = folded.filter { $0.isLetter }
        return letters.count <= 6 ? letters : ""
    }

    /// Reads a level from what people type: the full label in any case, with or without
    /// accents, or an abbreviation (HTXSNV, HTXS, H.T.X.S…). `nil` when the text names no level.
    public static func parse(_ text: String) -> Level? {
        let folded = TextFolding.fold(text)
        switch abbreviation(folded) {
        case "htxsnv", "htxs": return .excellent
        case "httnv", "htt": return .good
        case "htnv", "ht": return .satisfactory
        case "khtnv", "kht": return .unsatisfactory
        default: break
        }
        // Longest label first: "không hoàn thành nhiệm vụ" contains "hoàn thành nhiệm vụ".
        if folded.containsLabel("khong hoan thanh") { return .unsatisfactory }
        if folded.containsLabel("hoan thanh xuat sac") { return .excellent }
        if folded.containsLabel("hoan thanh tot") { return .good }
        if folded.containsLabel("hoan thanh nhiem vu") || folded == "hoan thanh" { return .satisfactory }
        return nil
    }
}

/// The four-step rating of one criterion ("Tự đánh giá về cấp độ thực hiện").
public enum CriterionRating: String, Sendable, Codable, CaseIterable {
    case excellent, good, average, poor

    public var vietnamese: String {
        switch self {
        case .excellent: return "Xuất sắc"
        case .good: return "Tốt"
        case .average: return "Trung bình"
        case .poor: return "Kém"
        }
    }

    public static func parse(_ text: String) -> CriterionRating? {
        switch TextFolding.fold(text) {
        case "xuat sac": return .excellent
        case "tot": return .good
        case "trung binh": return .average
        case "kem": return .poor
        default: return nil
        }
    }
}
