import Foundation

/// The text normalisations every stage agrees on.
///
/// `nfc` is what the pipeline stores and prints; `fold` is only for *matching* labels: accents,
/// case, "hoá"/"hóa" tone placement and spacing differences all fold to the same key.
public enum TextFolding {
    /// Unicode NFC, the form of every string that leaves the Word reader.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// Lower-case, accent-free, đ→d, whitespace collapsed and trimmed.
    public static func fold(_ text: String) -> String {
        if let fast = foldSimple(text) { return fast }
        return foldByDecomposition(text)
    }

    /// `fold` for any text: Foundation's decomposition, then scalar by scalar.
    static func foldByDecomposition(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            switch scalar {
            case "đ", "Đ": scalars.append("d")
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { scalars.append(lower) }
            }
        }
        return String(scalars)
    }

    /// What one simple scalar folds to: its decomposition is a starter (the decomposition of a
    /// simple scalar never begins with a combining mark, so the decomposition of a text of simple
    /// scalars is theirs end to end) and marks of U+0300–U+036F; the starter is either whitespace
    /// or gives `bytes`. `nil` for a scalar that does not fit this shape: the text takes the
    /// Foundation path.
    struct FoldEntry: Sendable {
        var whitespace: Bool
        var bytes: [UInt8]
    }

    static func foldEntry(_ s: Unicode.Scalar) -> FoldEntry? {
        let kept = String(s).decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
        guard kept.count == 1, let d = kept.first else { return nil }
        if d.properties.isWhitespace { return FoldEntry(whitespace: true, bytes: []) }
        var bytes: [UInt8] = []
        if d == "đ" || d == "Đ" { bytes = [0x64] } else {
            for lower in d.properties.lowercaseMapping.unicodeScalars { appendUTF8(lower, to: &bytes) }
        }
        return FoldEntry(whitespace: false, bytes: bytes)
    }

    /// Entries for U+0000–U+02FF, U+1E00–U+1EFF and U+2000–U+205F, the simple scalars of
    /// Vietnamese text, built once from `foldEntry`.
    private static let foldLatin: [FoldEntry?] = (0..<0x300).map { foldEntry(Unicode.Scalar($0)!) }
    private static let foldLatinExtendedAdditional: [FoldEntry?] = (0x1E00..<0x1F00).map { foldEntry(Unicode.Scalar($0)!) }
    private static let foldPunctuation: [FoldEntry?] = (0x2000..<0x2060).map { foldEntry(Unicode.Scalar($0)!) }

    /// `fold` for text made only of simple scalars (`nil` otherwise): a table lookup per scalar
    /// instead of a Foundation decomposition of the whole text. It was 7 % of the instructions
    /// per form (`Level.parse`, `CriterionRating.parse` on every option of every choice).
    static func foldSimple(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        let latin = foldLatin, latinExtended = foldLatinExtendedAdditional, punctuation = foldPunctuation
        for s in text.unicodeScalars {
            guard isSimple(s) else { return nil }
            let v = Int(s.value)
            let found: FoldEntry?
            if v < 0x300 {
                found = latin[v]
            } else if v >= 0x1E00 && v < 0x1F00 {
                found = latinExtended[v - 0x1E00]
            } else if v >= 0x2000 && v < 0x2060 {
                found = punctuation[v - 0x2000]
            } else {
                found = foldEntry(s)
            }
            guard let entry = found else { return nil }
            if entry.whitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out += entry.bytes
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs of whitespace (tabs, NBSP, line breaks) become one space; ends trimmed.
    public static func collapseWhitespace(_ text: String) -> String {
        if let fast = collapseSimpleWhitespace(text) { return fast }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    /// A scalar that is always a Character of its own, whatever surrounds it, and whose
    /// Character properties are its own: ASCII and Latin up to U+024F, Latin Extended Additional
    /// (precomposed Vietnamese), general punctuation and spaces (not ZWJ/ZWNJ/format controls),
    /// and the ballot boxes. Not CR, which joins a following LF into one Character. Combining marks, Prepend and
    /// Hangul scalars (which join Characters) are not simple.
    @inlinable @inline(__always)
    public static func isSimple(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x300 && v != 0x0D) || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x2000 && v <= 0x200A)
            || (v >= 0x2010 && v <= 0x2029) || v == 0x202F || v == 0x205F || v == 0x3000
            || (v >= 0x2610 && v <= 0x2612)
    }

    /// `text.count`, by counting scalars when each is a Character of its own (`isSimple`):
    /// counting Characters runs the grapheme breaking rules over the whole text.
    public static func characterCount(_ text: String) -> Int {
        var count = 0
        for s in text.unicodeScalars {
            guard isSimple(s) else { return text.count }
            count += 1
        }
        return count
    }

    /// `s.properties.isWhitespace` for a simple scalar, without the Unicode property lookup
    /// (a few hundred instructions for every non-ASCII scalar of every line).
    @inlinable @inline(__always)
    public static func isSimpleWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `collapseWhitespace` on scalars, for text made only of simple scalars (`nil` otherwise):
    /// there one scalar is one Character, so the result is the same, without grapheme breaking.
    private static func collapseSimpleWhitespace(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for s in text.unicodeScalars {
            guard isSimple(s) else { return nil }
            if isSimpleWhitespace(s) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                appendUTF8(s, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a scalar's UTF-8 bytes (much cheaper than `String.UnicodeScalarView.append`).
    @inlinable @inline(__always)
    public static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Removes dot leaders ("……", "....", "___") wherever they are, and the colons and spaces
    /// around the value. One or two dots are punctuation ("T.Ư.", a closing full stop) and stay.
    /// A value made only of leaders becomes `nil`: a blank in the template, not a value.
    public static func stripLeaders(_ text: String) -> String? {
        if let fast = stripSimpleLeaders(text) { return fast }
        return stripLeadersByCharacter(text)
    }

    /// `stripLeaders` for any text, one Character at a time.
    static func stripLeadersByCharacter(_ text: String) -> String? {
        var out = ""
        var run = ""
        func flush() {
            let isLeader = run.contains("…") || run.contains("_") || run.count >= 3
            out += isLeader ? " " : run
            run = ""
        }
        for ch in text {
            if ch == "." || ch == "…" || ch == "_" {
                run.append(ch)
                continue
            }
            if !run.isEmpty { flush() }
            out.append(ch)
        }
        if !run.isEmpty { flush() }
        var s = Substring(collapseWhitespace(out))
        let leading: Set<Character> = [":", ",", ";", " "]
        let trailing: Set<Character> = [":", ",", ";", " "]
        while let first = s.first, leading.contains(first) { s = s.dropFirst() }
        while let last = s.last, trailing.contains(last) { s = s.dropLast() }
        return s.isEmpty ? nil : String(s)
    }

    /// `stripLeaders` for text made only of simple scalars (`nil` otherwise), where one scalar
    /// is one Character: the same steps over UTF-8 bytes, whitespace collapsed on the way. It was
    /// a twelfth of the instructions per form (a Character comparison and append per Character of
    /// every section line).
    static func stripSimpleLeaders(_ text: String) -> String?? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var run: [UInt8] = []
        var runIsLeader = false
        func emit(_ s: Unicode.Scalar) {
            if isSimpleWhitespace(s) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                appendUTF8(s, to: &out)
            }
        }
        func flush() {
            // A run that is not a leader is one or two full stops.
            if runIsLeader || run.count >= 3 { emit(" ") } else { for _ in run { emit(".") } }
            run.removeAll(keepingCapacity: true)
            runIsLeader = false
        }
        for s in text.unicodeScalars {
            guard isSimple(s) else { return nil }
            switch s {
            case ".": run.append(0x2E)
            case "…", "_": run.append(0x2E); runIsLeader = true
            default:
                if !run.isEmpty { flush() }
                emit(s)
            }
        }
        if !run.isEmpty { flush() }
        func trimmed(_ b: UInt8) -> Bool { b == 0x3A || b == 0x2C || b == 0x3B || b == 0x20 }   // : , ; space
        var lo = 0
        var hi = out.count
        while lo < hi, trimmed(out[lo]) { lo += 1 }
        while hi > lo, trimmed(out[hi - 1]) { hi -= 1 }
        return .some(lo == hi ? nil : String(decoding: out[lo..<hi], as: UTF8.self))
    }
}

extension String {
    /// `contains(label)` as Foundation answers it (canonical equivalence), by a byte search when
    /// the answer is the same: an ASCII label in text of simple scalars, where no combining mark
    /// can follow a match and no scalar is canonically equivalent to an ASCII one. Foundation's
    /// search bridges to CFString on every call: a tenth of the extraction, on folded keys.
    public func containsLabel(_ label: String) -> Bool {
        var haystack = self
        var needle = label
        // By the bytes (the generic utf8 views walk an index at a time; every label of every line).
        guard !label.isEmpty, needle.withUTF8({ $0.allSatisfy { $0 < 0x80 } }) else { return contains(label) }
        let found: Bool? = haystack.withUTF8 { h in
            // ASCII but CR (which joins a LF) is one Character per byte; else ask the scalars.
            var ascii = true
            for byte in h where byte >= 0x80 || byte == 0x0D {
                ascii = false
                break
            }
            guard ascii || unicodeScalars.allSatisfy(TextFolding.isSimple) else { return nil }
            return needle.withUTF8 { n in ByteSearch.contains(h, n) }
        }
        return found ?? contains(label)
    }
}
