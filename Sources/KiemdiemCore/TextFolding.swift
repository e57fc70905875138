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

    /// Removes dot leaders ("……", "....", "___") wherever they are, and the colons and spaces
    /// around the value. One or two dots are punctuation ("T.Ư.", a closing full stop) and stay.
    /// A value made only of leaders becomes `nil`: a blank in the template, not a value.
    public static func stripLeaders(_ text: String) -> String? {
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
}
