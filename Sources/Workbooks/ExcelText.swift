import Foundation
import KiemdiemCore

/// Makes arbitrary text safe to store in an Excel cell.
///
/// Text extracted from Word forms carries characters XML 1.0 forbids (vertical tab from
/// Shift+Enter in some editors, BEL, form feed) and free-text answers can exceed Excel's cell
/// limit; either makes Excel offer to "repair" the file (field notes §2.2, items 1–2).
enum ExcelText {
    /// Excel's limit on the length of one cell, in UTF-16 code units.
    static let maxCellLength = 32_767
    /// Appended to a cut cell so the reader sees the cut instead of silently losing text.
    static let truncationMarker = "… [đã cắt]"

    /// The text as it should be handed to libxlsxwriter: illegal characters removed, line ends
    /// normalised, Excel's `_xHHHH_` escape neutralised, and cut to the cell limit with a marker.
    static func cell(_ text: String) -> String {
        isPlainCell(text) ? text : cleanedCell(text)
    }

    /// `cell` of any text, step by step.
    static func cleanedCell(_ text: String) -> String {
        let clean = stripIllegal(text)
        var budget = maxCellLength
        while true {
            let cut = truncate(clean, toUTF16: budget)
            let escaped = escapeLiteralEscapes(cut)
            // libxlsxwriter measures the string it is given (in code points), escapes included;
            // the escapes only inflate text that contains literal `_xHHHH_`, so this rarely loops.
            let excess = escaped.unicodeScalars.count - maxCellLength
            if excess <= 0 { return escaped }
            budget -= excess
        }
    }

    /// Whether `cell` gives `text` back as it is, in one pass over its bytes: nothing to strip
    /// (no control but tab and LF, no 0xEF lead byte of U+FFFE/U+FFFF), no "_x" to escape, and at
    /// most `maxCellLength` bytes (UTF-8 never has fewer bytes than UTF-16 units or scalars, so
    /// nothing is cut). Nearly every cell of every sheet.
    static func isPlainCell(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count <= maxCellLength else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0xEF { return false }
                if previous == UInt8(ascii: "_") && byte == UInt8(ascii: "x") { return false }
                previous = byte
            }
            return true
        }
    }

    /// Whether `text` will be cut by `cell(_:)`.
    static func exceedsCellLimit(_ text: String) -> Bool {
        stripIllegal(text).utf16.count > maxCellLength
    }

    /// Removes what XML 1.0 cannot carry: C0 controls other than tab and line feed, and the
    /// non-characters U+FFFE/U+FFFF. CR LF and lone CR become LF, because an XML parser would
    /// fold a raw CR anyway and Excel shows LF as the in-cell line break. Vertical tab and form
    /// feed are Word's line and page breaks, so they become LF too rather than gluing words.
    static func stripIllegal(_ text: String) -> String {
        // Most cells have nothing to strip: no byte below 0x20 but tab and LF, and no 0xEF (the
        // lead byte of U+FFFE/U+FFFF in UTF-8) means the text stays as it is.
        if !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0xEF }) { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0B || value == 0x0C {
                scalars.append("\n")
                previousWasCR = false
                continue
            }
            if value == 0x0D {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            defer { previousWasCR = false }
            if value == 0x0A && previousWasCR { continue }
            if value < 0x20 && value != 0x09 && value != 0x0A { continue }
            if value == 0xFFFE || value == 0xFFFF { continue }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Cuts `text` so that it, plus the marker, fits in `limit` UTF-16 units; never splits a
    /// grapheme, so a Vietnamese letter never loses its tone mark.
    static func truncate(_ text: String, toUTF16 limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        let room = max(0, limit - truncationMarker.utf16.count)
        return truncateWithoutMarker(text, toUTF16: room) + truncationMarker
    }

    /// Excel reads `_xHHHH_` in cell text as an escaped character, so data that literally
    /// contains such a sequence must have its underscore escaped as `_x005F_`.
    static func escapeLiteralEscapes(_ text: String) -> String {
        guard containsLiteralEscapeStart(text) else { return text }
        let units = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(units.count + 16)
        var i = 0
        while i < units.count {
            if units[i] == UInt8(ascii: "_"), i + 6 < units.count, units[i + 1] == UInt8(ascii: "x"),
               units[(i + 2)...(i + 5)].allSatisfy(isHexDigit), units[i + 6] == UInt8(ascii: "_") {
                out.append(contentsOf: Array("_x005F".utf8))
            }
            out.append(units[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether "_x" occurs, by bytes (Foundation's `contains` went through NSString per cell).
    private static func containsLiteralEscapeStart(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "_") && byte == UInt8(ascii: "x") { return true }
            previous = byte
        }
        return false
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
             UInt8(ascii: "A")...UInt8(ascii: "F"): return true
        default: return false
        }
    }

    /// Estimated display width of `text` in Excel column units (one unit ≈ one digit of the
    /// default font). Counts graphemes, so decomposed Vietnamese is not over-counted, and
    /// measures the longest line of multi-line text.
    static func displayWidth(_ text: String) -> Double {
        if !ByteSearch.contains(text, byte: UInt8(ascii: "\n")) { return Double(TextFolding.characterCount(text)) }
        var widest = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            widest = max(widest, TextFolding.characterCount(String(line)))
        }
        return Double(widest)
    }
}

/// Sheet names Excel accepts, derived from data such as party-cell names.
public enum SheetName {
    /// Excel's limit on a sheet name, in UTF-16 code units.
    public static let maxLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Turns `candidate` into a valid sheet name not already in `taken`.
    ///
    /// The name is NFC-normalised first (decomposed Vietnamese would use up the 31-character
    /// budget on combining marks), forbidden characters `[ ] : * ? / \` become `-`, controls are
    /// dropped, leading/trailing apostrophes and spaces are trimmed, and the result is cut to 31
    /// characters. Excel compares sheet names case-insensitively, so uniqueness is checked the
    /// same way; a clash gets a ` (2)`, ` (3)`… suffix, cutting the stem to keep within 31.
    /// An empty result becomes `Trang`.
    public static func sanitise(_ candidate: String, avoiding taken: some Sequence<String> = [String]()) -> String {
        let nfc = ExcelText.stripIllegal(candidate).precomposedStringWithCanonicalMapping
        var cleaned = ""
        for character in nfc {
            if forbidden.contains(character) {
                cleaned.append("-")
            } else if character == "\t" || character == "\n" {
                cleaned.append(" ")
            } else {
                cleaned.append(character)
            }
        }
        let trimSet: Set<Character> = ["'", " "]
        func trimmed(_ text: String) -> String {
            var slice = Substring(text)
            while let first = slice.first, trimSet.contains(first) { slice = slice.dropFirst() }
            while let last = slice.last, trimSet.contains(last) { slice = slice.dropLast() }
            return String(slice)
        }
        var stem = trimmed(cleaned)
        if stem.isEmpty { stem = "Trang" }

        let used = Set(taken.map(foldKey))
        var attempt = 1
        while true {
            let suffix = attempt == 1 ? "" : " (\(attempt))"
            let name = trimmed(ExcelText.truncateWithoutMarker(stem, toUTF16: maxLength - suffix.utf16.count)) + suffix
            if !used.contains(foldKey(name)) { return name }
            attempt += 1
        }
    }

    /// The key Excel uses to decide that two sheet names clash.
    static func foldKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}

extension ExcelText {
    /// Cuts at a grapheme boundary to at most `limit` UTF-16 units, without a marker.
    static func truncateWithoutMarker(_ text: String, toUTF16 limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf16.count
            if used + width > limit { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[..<end])
    }
}
