/// Pre-Unicode Vietnamese font encodings. Text typed in these fonts is stored as Latin-1 code
/// points that only *look* Vietnamese through the font, so the run's font decides the decoding.
enum LegacyVietnamese: Sendable, Equatable {
    /// TCVN 5712 VN3 ("ABC"), fonts `.VnTime`, `.VnArial`…: lower-case letters plus seven
    /// untoned capitals; toned capitals do not exist.
    case tcvn3
    /// The `.Vn…H` fonts draw every code point as a capital: same bytes, upper-case text.
    case tcvn3Capitals
    /// VNI fonts (`VNI-Times`…): a base letter followed by a mark byte.
    case vni

    static func forFont(_ name: String) -> LegacyVietnamese? {
        let trimmed = name.trimmingWhitespace
        if trimmed.lowercased().hasPrefix(".vn") {
            return trimmed.hasSuffix("H") ? .tcvn3Capitals : .tcvn3
        }
        if trimmed.lowercased().hasPrefix("vni-") { return .vni }
        return nil
    }

    func decode(_ text: String) -> String {
        switch self {
        case .tcvn3: return LegacyVietnamese.decodeTCVN3(text)
        case .tcvn3Capitals: return LegacyVietnamese.decodeTCVN3(text).uppercased()
        case .vni: return LegacyVietnamese.decodeVNI(text)
        }
    }

    // MARK: TCVN3

    static func decodeTCVN3(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0xA1, scalar.value <= 0xFE, let mapped = tcvn3Table[UInt8(scalar.value)] {
                out.append(mapped)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// VN3 code → Unicode, built from the letter × tone grid of the standard so each row can be
    /// checked against the printed chart. Tone order: acute, grave, hook above, tilde, dot below.
    static let tcvn3Table: [UInt8: Unicode.Scalar] = {
        var table: [UInt8: Unicode.Scalar] = [:]
        func row(_ base: String, _ plain: UInt8?, _ toned: [UInt8]) {
            let scalars = Vowel.forms(of: base)
            if let plain { table[plain] = scalars[0] }
            for (i, code) in toned.enumerated() { table[code] = scalars[i + 1] }
        }
        row("a", nil, [0xB8, 0xB5, 0xB6, 0xB7, 0xB9])
        row("ă", 0xA8, [0xBE, 0xBB, 0xBC, 0xBD, 0xC6])
        row("â", 0xA9, [0xCA, 0xC7, 0xC8, 0xC9, 0xCB])
        row("e", nil, [0xD0, 0xCC, 0xCE, 0xCF, 0xD1])
        row("ê", 0xAA, [0xD5, 0xD2, 0xD3, 0xD4, 0xD6])
        row("i", nil, [0xDD, 0xD7, 0xD8, 0xDC, 0xDE])
        row("o", nil, [0xE3, 0xDF, 0xE1, 0xE2, 0xE4])
        row("ô", 0xAB, [0xE8, 0xE5, 0xE6, 0xE7, 0xE9])
        row("ơ", 0xAC, [0xED, 0xEA, 0xEB, 0xEC, 0xEE])
        row("u", nil, [0xF3, 0xEF, 0xF1, 0xF2, 0xF4])
        row("ư", 0xAD, [0xF8, 0xF5, 0xF6, 0xF7, 0xF9])
        row("y", nil, [0xFD, 0xFA, 0xFB, 0xFC, 0xFE])
        table[0xAE] = "đ"
        table[0xA1] = "Ă"; table[0xA2] = "Â"; table[0xA3] = "Ê"; table[0xA4] = "Ô"
        table[0xA5] = "Ơ"; table[0xA6] = "Ư"; table[0xA7] = "Đ"
        return table
    }()

    // MARK: VNI

    /// One VNI mark byte: an optional vowel modifier (circumflex, breve) and an optional tone.
    struct Mark {
        var modifier: Unicode.Scalar?
        var tone: Unicode.Scalar?
    }

    static let acute: Unicode.Scalar = "\u{301}", grave: Unicode.Scalar = "\u{300}",
               hook: Unicode.Scalar = "\u{309}", tilde: Unicode.Scalar = "\u{303}", dot: Unicode.Scalar = "\u{323}",
               circumflex: Unicode.Scalar = "\u{302}", breve: Unicode.Scalar = "\u{306}"

    /// Mark bytes (lower-case forms; the upper-case Latin-1 letter is the same mark after capitals).
    static let vniMarks: [UInt32: Mark] = {
        var marks: [UInt32: Mark] = [:]
        func add(_ lower: Unicode.Scalar, _ modifier: Unicode.Scalar?, _ tone: Unicode.Scalar?) {
            marks[lower.value] = Mark(modifier: modifier, tone: tone)
            marks[lower.value - 0x20] = Mark(modifier: modifier, tone: tone)
        }
        add("ù", nil, acute); add("ø", nil, grave); add("û", nil, hook); add("õ", nil, tilde); add("ï", nil, dot)
        add("â", circumflex, nil); add("á", circumflex, acute); add("à", circumflex, grave)
        add("å", circumflex, hook); add("ã", circumflex, tilde); add("ä", circumflex, dot)
        add("ê", breve, nil); add("é", breve, acute); add("è", breve, grave)
        add("ú", breve, hook); add("ü", breve, tilde); add("ë", breve, dot)
        return marks
    }()

    /// Letters VNI encodes in one byte.
    static let vniSingles: [UInt32: Unicode.Scalar] = [
        0xF1: "đ", 0xD1: "Đ", 0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư",
        0xE6: "ỉ", 0xC6: "Ỉ", 0xF3: "ĩ", 0xD3: "Ĩ", 0xF2: "ị", 0xD2: "Ị", 0xEE: "ỵ", 0xCE: "Ỵ",
    ]

    /// Greedy, two-code-points-first: a base vowel takes the following mark byte when the pair
    /// makes a Vietnamese letter; otherwise each code point stands alone.
    static func decodeVNI(_ text: String) -> String {
        let input = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < input.count {
            let base = vniSingles[input[i].value] ?? input[i]
            if i + 1 < input.count, let mark = vniMarks[input[i + 1].value], let letter = compose(base, mark) {
                out.append(letter)
                i += 2
                continue
            }
            out.append(base)
            i += 1
        }
        return String(out)
    }

    private static func compose(_ base: Unicode.Scalar, _ mark: Mark) -> Unicode.Scalar? {
        let lower = Character(base).lowercased()
        switch mark.modifier {
        case circumflex?: guard ["a", "e", "o"].contains(lower) else { return nil }
        case breve?: guard lower == "a" else { return nil }
        default: guard "aăâeêioôơuưy".contains(lower) else { return nil }
        }
        var scalars = String.UnicodeScalarView([base])
        if let m = mark.modifier { scalars.append(m) }
        if let t = mark.tone { scalars.append(t) }
        let composed = String(scalars).precomposedScalars
        return composed.count == 1 ? composed.first : nil
    }
}

/// Vietnamese vowels with their five tones, composed.
enum Vowel {
    /// `[plain, acute, grave, hook, tilde, dot]` of a (possibly modified) base vowel.
    static func forms(of base: String) -> [Unicode.Scalar] {
        let tones: [Unicode.Scalar?] = [nil, LegacyVietnamese.acute, LegacyVietnamese.grave,
                                        LegacyVietnamese.hook, LegacyVietnamese.tilde, LegacyVietnamese.dot]
        return tones.map { tone in
            var scalars = String.UnicodeScalarView(base.decomposedScalars)
            if let tone { scalars.append(tone) }
            return String(scalars).precomposedScalars.first!
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
