import KiemdiemCore

/// The identity block between the title and the first section: name, birth date, posts, unit, cell.
extension ExtractionPass {
    mutating func readIdentity(into form: inout ReviewForm, from start: Int, to end: Int) {
        guard start < end else { return }
        var taken = Set<Int>()
        for index in start..<end where !taken.contains(index) {
            let line = lines[index]
            let found = identityLabels(in: line)
            for (k, label) in found.enumerated() {
                let valueEnd = k + 1 < found.count ? found[k + 1].start : line.text.count
                let isLast = k == found.count - 1
                let (value, source) = valueOf(label: (index, label.end, valueEnd), isLast: isLast, before: end) { next in
                    identityLabels(in: next).isEmpty
                }
                if source != index { taken.insert(source) }
                assign(label.kind, value, into: &form, index: source)
                if value == nil { looked(label.kind.field, at: index) }
            }
        }
    }

    struct FoundLabel { let kind: Labels.Identity; let start: Int; let end: Int }

    /// Every identity label variant as Characters, longest first, made once rather than on every line.
    static let identityPatterns: [(Labels.Identity, [Character])] = Labels.Identity.allCases.flatMap { kind in
        kind.variants.map { (kind, $0.characterArray) }
    }.sorted { $0.1.count > $1.1.count }

    /// Identity labels on a line, left to right, each with the offset where its value begins. A
    /// label counts at the start of the line (after any list marker) or when a colon follows it.
    func identityLabels(in line: Line) -> [FoundLabel] {
        let chars = line.foldedCharacters
        var found: [FoundLabel] = []
        for (kind, pattern) in ExtractionPass.identityPatterns {
            var from = 0
            while let at = chars.characterOffset(of: pattern, from: from) {
                from = at + 1
                if at > 0 && chars[at - 1].isLetter { continue }
                var end = at + pattern.count
                if end < chars.count && chars[end].isLetter { continue }
                while end < chars.count && (chars[end] == " " || chars[end] == "\t") { end += 1 }
                let hasColon = end < chars.count && chars[end] == ":"
                let atLineStart = chars[..<at].allSatisfy { !$0.isLetter }
                // Two fields on one line apart by a tab: the second label starts its own field.
                var before = at - 1
                while before >= 0 && chars[before] == " " { before -= 1 }
                let afterTab = before >= 0 && chars[before] == "\t"
                guard hasColon || atLineStart || afterTab else { continue }
                if hasColon { end += 1 }
                if found.contains(where: { at < $0.end && $0.start < at + pattern.count }) { continue }
                found.append(FoundLabel(kind: kind, start: at, end: end))
            }
        }
        return found.sorted { $0.start < $1.start }
    }

    mutating func assign(_ kind: Labels.Identity, _ value: String?, into form: inout ReviewForm, index: Int) {
        switch kind {
        case .fullName: if form.member.fullName == nil { form.member.fullName = value }
        case .dateOfBirth:
            if form.member.dateOfBirth == nil, let value {
                form.member.dateOfBirth = date(DateText.read(value), field: kind.field, index: index, raw: value)
            }
        case .partyPosition: if form.member.partyPosition == nil { form.member.partyPosition = value }
        case .governmentPosition: if form.member.governmentPosition == nil { form.member.governmentPosition = value }
        case .massOrganisationPosition:
            if form.member.massOrganisationPosition == nil { form.member.massOrganisationPosition = value }
        case .workUnit: if form.member.workUnit == nil { form.member.workUnit = value }
        case .partyCell:
            if form.partyCell == nil, let value { form.partyCell = organisationName(value, prefix: "Chi bộ") }
        }
        if value != nil, provenance[kind.field] == nil { note(kind.field, index) }
    }
}
