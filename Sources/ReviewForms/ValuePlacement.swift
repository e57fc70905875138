import KiemdiemCore

/// Where a value sits relative to its label, one rule for every field: on the same line after the
/// label (and its colon), else in the next cell of the same table row, else on the next line.
extension ExtractionPass {
    /// - Parameters:
    ///   - label: the label's line, the offset where its value begins and where it ends.
    ///   - isLast: the label is the last one on its line (only then may the value be elsewhere).
    ///   - end: the next line or cell must come before this line.
    ///   - accept: whether a following line may hold the value (it carries no label of its own).
    /// - Returns: the value (leaders stripped, `nil` when only leaders were there) and its line.
    func valueOf(label: (index: Int, start: Int, end: Int), isLast: Bool, before end: Int,
                 accept: (Line) -> Bool) -> (String?, Int) {
        let line = lines[label.index]
        if let value = TextFolding.stripLeaders(line.text.slice(label.start, label.end)) { return (value, label.index) }
        guard isLast, label.index + 1 < end else { return (nil, label.index) }
        let next = lines[label.index + 1]
        guard accept(next), !isHeadingOrLabel(next) else { return (nil, label.index) }
        // The next cell of the label's row, or the next paragraph of the label's own container.
        let nextCell = line.cellID != nil && next.cellID != line.cellID && next.rowID == line.rowID
        let nextParagraph = next.cellID == line.cellID
        guard nextCell || nextParagraph, let value = TextFolding.stripLeaders(next.text) else { return (nil, label.index) }
        return (value, label.index + 1)
    }

    /// A line that opens something else: a section heading or a label of the assessment blocks.
    func isHeadingOrLabel(_ line: Line) -> Bool {
        let (roman, _) = HeadingNumber.split(line.key)
        return roman != nil || ExtractionPass.isAssessmentLabel(line.key) || Labels.isSignatureLabel(line.key)
    }

    /// The first line in `range` whose text (after any list marker or number) starts with one of `labels`.
    func firstLabel(_ labels: [String], in range: Range<Int>) -> (Int, Int, String)? {
        // Once per call, not once per line and label: it was a tenth of the extraction.
        let patterns = labels.map(\.characterArray)
        for index in range {
            let folded = lines[index].foldedCharacters
            var lead: Int?
            for (label, pattern) in zip(labels, patterns) {
                guard let at = folded.characterOffset(of: pattern) else { continue }
                let leading = lead ?? Labels.leadLength(folded)
                lead = leading
                if at <= leading { return (index, at, label) }
            }
        }
        return nil
    }

    /// The label line plus the following lines that may still hold its options; the cells of a
    /// table row come as one line (`Line.joined`), so a list laid out as rows counts by rows.
    func groupLines(from index: Int, limit: Int, maxExtra: Int, stop: (String) -> Bool) -> [Line] {
        let (first, start) = rowLine(at: index, limit: limit)
        var group = [first]
        var k = start
        var rows = 0
        while k < limit, rows < maxExtra {
            let line = lines[k]
            if stop(line.key) || Labels.isSignatureLabel(line.key) { break }
            if line.key.hasPrefix("t/m") || Labels.isNote(line.key) { break }
            let (joined, next) = rowLine(at: k, limit: limit)
            group.append(joined)
            k = next
            rows += 1
        }
        return group
    }

    /// The line at `index` joined with the rest of its table row when each cell of the row holds
    /// one line ("Hoàn thành tốt nhiệm vụ" | "X"); and the index after them.
    func rowLine(at index: Int, limit: Int) -> (Line, Int) {
        let line = lines[index]
        guard let row = line.rowID else { return (line, index + 1) }
        var end = index + 1
        while end < limit, lines[end].rowID == row, lines[end].cellID != lines[end - 1].cellID { end += 1 }
        return end == index + 1 ? (line, end) : (Line.joined(Array(lines[index..<end])), end)
    }

    func afterColon(_ line: Line, from offset: Int) -> Int {
        let chars = line.text.characterArray
        var end = offset
        while end < chars.count, chars[end] == " " || chars[end] == "\t" { end += 1 }
        if end < chars.count, chars[end] == ":" { end += 1 }
        // Labels with a parenthesised remainder ("…mức chất lượng (đề xuất):").
        if let colon = chars[end...].firstIndex(of: ":"), colon - end < 40,
           !chars[end..<colon].contains(where: { $0 == "☒" || $0 == "☐" }) {
            let between = String(characters: chars[end..<colon])
            if Level.parse(between) == nil && CriterionRating.parse(between) == nil { end = colon + 1 }
        }
        return end
    }

    /// A date reading made a field: the date, or a finding for a date that is not one.
    mutating func date(_ reading: DateReading, field: String, index: Int, raw: String? = nil) -> CivilDate? {
        switch reading {
        case .date(let date):
            note(field, index)
            return date
        case .invalid(let text):
            findings.append(finding(.invalidValue, field: field, evidence: raw ?? text, at: index))
            return nil
        case .none:
            if let raw { findings.append(finding(.invalidValue, field: field, evidence: raw, at: index)) }
            return nil
        case .blank:
            looked(field, at: index)
            return nil
        }
    }
}
