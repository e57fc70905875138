/// How wide text prints, in Excel's column unit (the width of the digit "0" in the default
/// Calibri 11), so that a sheet can give a wrapped cell the row height that shows every line.
///
/// Widths are Calibri's advance widths (the metric-compatible Carlito LibreOffice prints with has
/// the same), relative to the digit; a letter with Vietnamese marks is as wide as its base letter.
/// The estimate errs wide: a row a little too tall prints, a row too short cuts the text.
///
/// Every wrapped cell of every sheet is measured (a 10,000-member night measures about 150,000),
/// so the widths are looked up by scalar in tables made once from `width(_:)`, the definition.
enum TextWidth {
    /// Advance widths of Calibri's ASCII letters in font units (2048 per em); the digits are 1038.
    private static let ascii: [Character: Double] = [
        " ": 463, "a": 981, "b": 1076, "c": 866, "d": 1076, "e": 1019, "f": 625, "g": 964, "h": 1076, "i": 470,
        "j": 490, "k": 931, "l": 470, "m": 1636, "n": 1076, "o": 1080, "p": 1076, "q": 1076, "r": 714, "s": 801,
        "t": 686, "u": 1076, "v": 925, "w": 1464, "x": 887, "y": 927, "z": 809,
        "A": 1185, "B": 1114, "C": 1092, "D": 1260, "E": 1000, "F": 941, "G": 1292, "H": 1276, "I": 516, "J": 653,
        "K": 1064, "L": 861, "M": 1751, "N": 1322, "O": 1356, "P": 1058, "Q": 1378, "R": 1112, "S": 941, "T": 998,
        "U": 1314, "V": 1162, "W": 1822, "X": 1063, "Y": 998, "Z": 959,
        ".": 517, ",": 511, ":": 548, ";": 548, "-": 627, "(": 621, ")": 621, "/": 792, "%": 1463, "*": 941,
        "_": 1024, "'": 452, "\"": 819,
    ]
    private static let digit = 1038.0

    /// One character's width in digit widths: the definition the tables are made from.
    static func width(_ character: Character) -> Double {
        if let known = ascii[character] { return known / digit }
        if character.isNumber { return 1 }
        // "Đ"/"đ" and the letters with marks: the base letter's width.
        if let base = character.unicodeScalars.first.map({ Character(String($0).decomposedStringWithCanonicalMapping.unicodeScalars.first!) }),
           let known = ascii[base] {
            return known / digit
        }
        if character == "Đ" { return 1260 / digit }
        if character == "đ" { return 1076 / digit }
        return 1.1
    }

    /// The widths of U+0000…U+024F (ASCII and the Latin letters with marks) and of U+1E00…U+1EFF
    /// (Latin Extended Additional: most Vietnamese letters with a tone mark).
    private static let latin: [Double] = (0..<0x250).map { width(Character(Unicode.Scalar($0)!)) }
    private static let latinAdditional: [Double] = (0x1E00..<0x1F00).map { width(Character(Unicode.Scalar($0)!)) }

    /// One scalar's width. A mark that follows its letter (text is NFC, so rare) adds nothing,
    /// as it adds nothing to the width of the character it is part of.
    static func width(_ scalar: Unicode.Scalar) -> Double {
        let value = Int(scalar.value)
        if value < 0x250 { return latin[value] }
        if value >= 0x1E00 && value < 0x1F00 { return latinAdditional[value - 0x1E00] }
        if (0x300..<0x370).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return 0
        default: return width(Character(scalar))
        }
    }

    static func width(_ text: Substring, bold: Bool = false) -> Double {
        text.unicodeScalars.reduce(0) { $0 + width($1) } * (bold ? 1.07 : 1)
    }

    /// The lines `text` takes in a column `columnWidth` wide: explicit line breaks, then words
    /// wrapped greedily as Excel and LibreOffice do (a word longer than the line breaks inside).
    /// `scale` is the font size over 11.
    static func lines(_ text: String, columnWidth: Double, bold: Bool = false, scale: Double = 1) -> Int {
        // A column `w` wide is `7w + 5` pixels at 96 dpi, less the cell's padding, over the digit's
        // 7.43 pixels at 11 pt; 2 % kept back for the renderer's rounding.
        let capacity = max(1, (columnWidth * 7 + 1) / 7.43 * 0.98 / scale)
        let space = latin[0x20]
        let factor = bold ? 1.07 : 1
        var count = 0
        // One pass over the scalars: a space ends a word, a line feed a word and a paragraph.
        var used = 0.0
        var lines = 1
        var word = 0.0
        func endWord() {
            let w = word * factor
            word = 0
            let gap = used > 0 ? space : 0
            if used + gap + w <= capacity {
                used += gap + w
            } else if w <= capacity {
                lines += used > 0 ? 1 : 0
                used = w
            } else {
                // A word wider than the line is broken inside.
                if used > 0 { lines += 1 }
                var rest = w
                while rest > capacity {
                    lines += 1
                    rest -= capacity
                }
                used = rest
            }
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20:
                endWord()
            case 0x0A:
                endWord()
                count += lines
                used = 0
                lines = 1
            default:
                word += width(scalar)
            }
        }
        endWord()
        count += lines
        return max(1, count)
    }
}
