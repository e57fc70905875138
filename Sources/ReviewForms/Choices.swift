import KiemdiemCore

/// The outcome of reading one choice group (four boxes, a typed label, or struck-out labels).
enum ChoiceReading<Value: Equatable & Sendable>: Equatable, Sendable {
    case chosen(Value, evidence: String)
    /// More than one option ticked (or left unstruck among struck ones).
    case ambiguous([Value], evidence: String)
    /// Nothing chosen: all boxes empty, or only leaders after the label.
    case none
    /// Text where a choice was expected that names no option (`INVALID_VALUE`).
    case unreadable(String)
}

/// The one choice reader of the form: every choice list (criterion ratings, levels, proposals,
/// decisions) goes through it, whatever its layout: options on one line, one per line, or one per
/// table row with the mark in the cell beside. People tick boxes (any encoding: the reader has made
/// them ☒/☐), type a mark ("X", "x", "[x]", "(x)") before or after an option, type the chosen label
/// (or its abbreviation) after the colon, or strike (or delete) the options they reject.
struct ChoiceGroup<Value: Equatable & Sendable> {
    /// Names an option from a piece of text (`Level.parse`, `CriterionRating.parse`).
    let parse: (String) -> Value?
    /// Every option, to know when all but one are struck through.
    let options: [Value]

    /// A tick in the text: a box, or a typed mark standing in for one.
    private struct Mark {
        let offset: Int
        let length: Int
        let checked: Bool
    }

    /// - Parameters:
    ///   - lines: the line holding the group's label, then the lines that may hold its options
    ///     (a table row already joined into one line, see `Line.joined`).
    ///   - labelEnd: Character offset in the first line where the label (and its colon) ends.
    func read(_ lines: [Line], labelEnd: Int) -> ChoiceReading<Value> {
        var ticked: [Value] = []
        var offered: [Value] = []
        var evidence: [String] = []
        var struckValues: [Value] = []
        var typed: [Value] = []
        var unreadable: String?
        var unmarked: [Value] = []

        for (index, line) in lines.enumerated() {
            let start = index == 0 ? labelEnd : 0
            let body = line.text.slice(start, .max)
            evidence.append(TextFolding.collapseWhitespace(body))
            for piece in line.struck { if let v = parse(piece) { struckValues.append(v) } }
            let chars = line.text.characterArray
            var marks = line.checkboxes.filter { $0.offset >= start }.map { Mark(offset: $0.offset, length: 1, checked: $0.checked) }
            if marks.isEmpty { marks = ChoiceGroup.typedMarks(in: chars, from: start) }
            if !marks.isEmpty {
                for (k, mark) in marks.enumerated() {
                    // An option's label runs from its mark to the next mark (or the line's end);
                    // some people put the mark after the label, so fall back to the text before it.
                    let end = k + 1 < marks.count ? marks[k + 1].offset : chars.count
                    let after = Swift.min(mark.offset + mark.length, end)
                    var label = String(characters: chars[after..<end])
                    if parse(label) == nil {
                        let from = k > 0 ? marks[k - 1].offset + marks[k - 1].length : start
                        label = String(characters: chars[Swift.min(from, mark.offset)..<mark.offset])
                    }
                    guard let value = parse(label) else { continue }
                    offered.append(value)
                    if mark.checked { ticked.append(value) }
                }
                continue
            }
            // No mark: a typed answer, or an option of a list whose chosen one is marked elsewhere.
            let cleaned = TextFolding.stripLeaders(body) ?? ""
            if cleaned.isEmpty { continue }
            // Several options on one line, apart by ";", "/", "|", tabs or wide spaces: a list.
            let listed = ChoiceGroup.pieces(of: cleaned).compactMap(parse)
            if listed.count > 1 {
                unmarked += listed
            } else if let value = parse(cleaned) {
                unmarked.append(value)
            } else if index == 0 {
                unreadable = cleaned
            }
        }
        // Options without a mark are the unticked ones of a list that has marks; alone, typed.
        if offered.isEmpty { typed = unmarked } else { offered += unmarked }

        let text = Finding.shorten(evidence.filter { !$0.isEmpty }.joined(separator: " | "))
        if !ticked.isEmpty {
            let distinct = ticked.distinctValues
            return distinct.count == 1 ? .chosen(distinct[0], evidence: text) : .ambiguous(distinct, evidence: text)
        }
        if !struckValues.isEmpty {
            let pool = offered.isEmpty ? (typed.distinctValues.count > 1 ? typed.distinctValues : options) : offered
            let left = pool.filter { !struckValues.contains($0) }
            if left.count == 1 { return .chosen(left[0], evidence: text) }
            if left.count > 1 && struckValues.count > 1 { return .ambiguous(left, evidence: text) }
        }
        let distinctTyped = typed.distinctValues
        if offered.isEmpty {
            if distinctTyped.count == 1 { return .chosen(distinctTyped[0], evidence: text) }
            // Every option still printed and none marked: the list as the template left it.
            if distinctTyped.count == options.count { return .none }
            if distinctTyped.count > 1 { return .ambiguous(distinctTyped, evidence: text) }
            if let unreadable { return .unreadable(unreadable) }
        }
        return .none
    }

    /// A line cut where people separate the options they list on one line.
    private static func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var spaces = 0
        for ch in text {
            if ch == ";" || ch == "/" || ch == "|" || ch == "\t" || ch == "," {
                pieces.append(current)
                current = ""
                spaces = 0
                continue
            }
            if ch == " " {
                spaces += 1
                if spaces == 2 { pieces.append(current); current = "" }
                if spaces >= 2 { continue }
            } else {
                spaces = 0
            }
            current.append(ch)
        }
        pieces.append(current)
        return pieces.filter { !$0.allSatisfy { $0 == " " } }
    }

    /// Marks typed instead of a box: "[x]", "(x)", "[ ]", "( )", or an "x"/"X" standing alone.
    private static func typedMarks(in chars: [Character], from start: Int) -> [Mark] {
        var marks: [Mark] = []
        func isGap(_ i: Int) -> Bool {
            i < 0 || i >= chars.count || chars[i] == " " || chars[i] == "\t" || chars[i] == ":" || chars[i] == "|"
        }
        var i = Swift.max(start, 0)
        while i < chars.count {
            let c = chars[i]
            if c == "[" || c == "(" {
                let close: Character = c == "[" ? "]" : ")"
                var j = i + 1
                while j < chars.count, j - i <= 3, chars[j] == " " { j += 1 }
                var checked = false
                if j < chars.count, chars[j] == "x" || chars[j] == "X" || chars[j] == "v" || chars[j] == "V" {
                    checked = true
                    j += 1
                    while j < chars.count, chars[j] == " " { j += 1 }
                }
                if j < chars.count, chars[j] == close, j - i <= 4 {
                    marks.append(Mark(offset: i, length: j - i + 1, checked: checked))
                    i = j + 1
                    continue
                }
            } else if (c == "x" || c == "X"), isGap(i - 1), isGap(i + 1) {
                marks.append(Mark(offset: i, length: 1, checked: true))
            }
            i += 1
        }
        return marks
    }
}

extension Array where Element: Equatable {
    /// The values in order of first appearance, each once.
    var distinctValues: [Element] { reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t", "\u{00A0}"]
}
