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

    /// Runs of whitespace (tabs, NBSP, line breaks) become one space; ends trimmed.
    public static func collapseWhitespace(_ text: String) -> String {
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

    /// Removes dot leaders ("……", "....", "…") and the punctuation that hangs on them, and trims.
    /// A value made only of leaders becomes `nil`: a blank in the template, not a value.
    public static func stripLeaders(_ text: String) -> String? {
        var s = Substring(text)
        let leaderChars: Set<Character> = [".", "…", "_", ":", " ", "\t", "\u{00A0}", "-", "–", ","]
        while let first = s.first, leaderChars.contains(first) { s = s.dropFirst() }
        while let last = s.last, leaderChars.contains(last) || last == ";" { s = s.dropLast() }
        // Interior leader runs ("Nguyễn Văn An ..... ") collapse to a space.
        var out = ""
        var dots = 0
        for ch in s {
            if ch == "." || ch == "…" || ch == "_" {
                dots += ch == "…" ? 3 : 1
                continue
            }
            if dots > 0 {
                // Three or more is a leader; one or two are real punctuation ("T.Ư.", "v.v").
                if dots >= 3 { out.append(" ") } else { out.append(String(repeating: ".", count: dots)) }
                dots = 0
            }
            out.append(ch)
        }
        let result = collapseWhitespace(out)
        return result.isEmpty ? nil : result
    }
}
