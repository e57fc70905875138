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

/// Reads a choice group from the lines that carry it. People tick boxes (any encoding: the reader
/// has made them ☒/☐), type the chosen label after the colon, or strike the labels they reject.
struct ChoiceGroup<Value: Equatable & Sendable> {
    /// Names an option from a piece of text (`Level.parse`, `CriterionRating.parse`).
    let parse: (String) -> Value?
    /// Every option, to know when all but one are struck through.
    let options: [Value]

    /// - Parameters:
    ///   - lines: the line holding the group's label, then the lines that may hold its options.
    ///   - labelEnd: Character offset in the first line where the label (and its colon) ends.
    func read(_ lines: [Line], labelEnd: Int) -> ChoiceReading<Value> {
        var ticked: [Value] = []
        var offered: [Value] = []
        var evidence: [String] = []
        var struckValues: [Value] = []
        var typed: [Value] = []
        var unreadable: String?

        for (index, line) in lines.enumerated() {
            let start = index == 0 ? labelEnd : 0
            let body = line.text.slice(start, line.text.count)
            evidence.append(TextFolding.collapseWhitespace(body))
            for piece in line.struck { if let v = parse(piece) { struckValues.append(v) } }
            let boxes = line.checkboxes.filter { $0.offset >= start }
            if !boxes.isEmpty {
                let chars = line.text.characterArray
                for (k, box) in boxes.enumerated() {
                    // An option's label runs from its box to the next box (or the line's end);
                    // some people put the box after the label, so fall back to the text before it.
                    let end = k + 1 < boxes.count ? boxes[k + 1].offset : chars.count
                    var label = String(characters: chars[Swift.min(box.offset + 1, end)..<end])
                    if parse(label) == nil {
                        let from = k > 0 ? boxes[k - 1].offset + 1 : start
                        label = String(characters: chars[Swift.min(from, box.offset)..<box.offset])
                    }
                    guard let value = parse(label) else { continue }
                    offered.append(value)
                    if box.checked { ticked.append(value) }
                }
                continue
            }
            // No boxes: a typed answer, or "X"/"x" marks in front of a label in a table cell.
            let cleaned = TextFolding.stripLeaders(body) ?? ""
            if cleaned.isEmpty { continue }
            if let marked = xMarked(cleaned) {
                offered.append(marked.value)
                if marked.checked { ticked.append(marked.value) }
                continue
            }
            if let value = parse(cleaned) {
                typed.append(value)
            } else if index == 0 {
                unreadable = cleaned
            }
        }

        let text = Finding.shorten(evidence.filter { !$0.isEmpty }.joined(separator: " | "))
        if !ticked.isEmpty {
            let distinct = ticked.reduce(into: [Value]()) { if !$0.contains($1) { $0.append($1) } }
            return distinct.count == 1 ? .chosen(distinct[0], evidence: text) : .ambiguous(distinct, evidence: text)
        }
        if !struckValues.isEmpty {
            let pool = offered.isEmpty ? options : offered
            let left = pool.filter { !struckValues.contains($0) }
            if left.count == 1 { return .chosen(left[0], evidence: text) }
            if left.count > 1 && struckValues.count > 1 { return .ambiguous(left, evidence: text) }
        }
        let distinctTyped = typed.reduce(into: [Value]()) { if !$0.contains($1) { $0.append($1) } }
        if distinctTyped.count == 1 && offered.isEmpty { return .chosen(distinctTyped[0], evidence: text) }
        if distinctTyped.count > 1 && offered.isEmpty { return .ambiguous(distinctTyped, evidence: text) }
        if let unreadable, offered.isEmpty { return .unreadable(unreadable) }
        return .none
    }

    /// "X Tốt", "[x] Tốt", "Tốt: X" in a table cell: a hand-typed tick.
    private func xMarked(_ text: String) -> (value: Value, checked: Bool)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["[x]", "[X]", "(x)", "(X)", "x ", "X "] where trimmed.hasPrefix(prefix) {
            if let v = parse(String(trimmed.dropFirst(prefix.count))) { return (v, true) }
        }
        for prefix in ["[ ]", "( )", "[]", "()"] where trimmed.hasPrefix(prefix) {
            if let v = parse(String(trimmed.dropFirst(prefix.count))) { return (v, false) }
        }
        return nil
    }
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
