import KiemdiemCore

/// Section VII (part B in 2025), the signature, and the blocks filled after the meeting: the head
/// of agency, the chi bộ, the grassroots committee.
extension ExtractionPass {
    mutating func readSelfRating(into form: inout ReviewForm, heading: Int, range: Range<Int>) {
        let labelSets: [(labels: [String], field: String)] = [
            (Labels.civilServantLevel, "self_assessment.civil_servant_level"),
            (Labels.partyMemberLevel, "self_assessment.party_member_level"),
        ]
        var foundAny = false
        for (labels, field) in labelSets {
            guard let (index, at, label) = firstLabel(labels, in: range) else { continue }
            foundAny = true
            let labelEnd = afterColon(lines[index], from: at + label.count)
            let group = groupLines(from: index, limit: range.upperBound, maxExtra: 5) { key in
                labelSets.contains { set in set.labels.contains { key.containsLabel($0) } }
            }
            let level = levelChoice(group, labelEnd: labelEnd, field: field, index: index)
            if field.hasSuffix("civil_servant_level") { form.selfAssessment.civilServantLevel = level }
            else { form.selfAssessment.partyMemberLevel = level }
        }
        // Forms without the sub-lines put the choice under the heading itself.
        if !foundAny {
            let headingLine = lines[heading]
            let labelEnd = headingLine.text.firstIndex(of: ":").map { headingLine.text.distance(from: headingLine.text.startIndex, to: $0) + 1 }
                ?? headingLine.text.count
            let group = [headingLine] + range.prefix(5).map { lines[$0] }
            form.selfAssessment.partyMemberLevel = levelChoice(group, labelEnd: labelEnd,
                                                               field: "self_assessment.party_member_level", index: heading)
        }
    }

    mutating func levelChoice(_ group: [Line], labelEnd: Int, field: String, index: Int) -> Level? {
        choice(group, labelEnd: labelEnd, field: field, index: index, parse: Level.parse, options: Level.allCases)
    }

    /// The 2025 part B groups as HD 43 prints them: "1. Nhóm tiêu chí chung: 27/30", "2. Nhóm tiêu
    /// chí về kết quả thực hiện nhiệm vụ: 60/70", "Tổng điểm: 87/100" (value on the line, in the
    /// next cell or on the next line). `nil` when the form prints none of them with a number.
    func scoreGroups() -> ScoreSheet? {
        let start = headings.last.map { $0.section == .selfRating ? $0.index : $0.index + 1 } ?? titleIndex
        var sheet = ScoreSheet()
        var anyNumber = false
        var index = start
        while index < lines.count {
            let line = lines[index]
            let bare = Labels.bare(line.key)
            let rest = HeadingNumber.split(bare).rest
            guard let label = Labels.scoreGroups.first(where: { rest.hasPrefix($0.label) }) else { index += 1; continue }
            guard let at = line.foldedCharacters.characterOffset(of: label.label.characterArray) else { index += 1; continue }
            // A table with columns (criterion | maximum | score) is a unit's annex: `ScoreTable`.
            if let row = line.rowID, index + 1 < lines.count, lines[index + 1].rowID == row,
               lines[index + 1].cellID != line.cellID, ScoreText.read(line.text.slice(at + label.label.count, .max)).own == nil {
                return nil
            }
            let (value, _) = valueOf(label: (index, afterColon(line, from: at + label.label.count), line.text.count),
                                     isLast: true, before: lines.count) { next in
                Labels.scoreGroups.allSatisfy { !HeadingNumber.split(Labels.bare(next.key)).rest.hasPrefix($0.label) }
            }
            let (own, max) = ScoreText.read(value ?? "")
            if own != nil { anyNumber = true }
            if label.isTotal {
                sheet.total = own
            } else {
                let criterion = TextFolding.collapseWhitespace(line.text.slice(at, at + label.label.count))
                sheet.items.append(ScoreSheet.Item(criterion: criterion, max: max ?? label.max, selfScore: own))
            }
            if label.isTotal { break }
            index += 1
        }
        return anyNumber ? sheet : nil
    }

    // MARK: - Signature and the assessment blocks

    mutating func readSignature(into form: inout ReviewForm, at index: Int) {
        var k = index + 1
        while k < min(lines.count, index + 6) {
            let line = lines[k]
            let key = line.key
            k += 1
            if line.isBlank || key.hasPrefix("(") || key.containsLabel("ky, ghi ro") || key.containsLabel("ky ghi ro") { continue }
            if DateText.read(line.text) != .none, place(in: line) != nil { continue }
            if ExtractionPass.isAssessmentLabel(key) || key.hasPrefix("danh gia") { break }
            if let name = TextFolding.stripLeaders(line.text) {
                form.signature = name
                note("signature", k - 1)
                return
            }
            break
        }
        looked("signature", at: index)
    }

    mutating func readAssessment(into form: inout ReviewForm, after start: Int) {
        guard start < lines.count else { return }
        let range = (start + 1)..<lines.count
        readCivilServantReview(into: &form, range: range)
        let comment = firstLabel(Labels.cellComment, in: range)
        let proposal = firstLabel(Labels.cellProposal, in: range)
        let decision = firstLabel(Labels.committeeDecision, in: range)
        let stops: (String) -> Bool = ExtractionPass.isAssessmentLabel

        if let found = comment {
            form.cellReview.comment = commentText(found)
            if form.cellReview.comment != nil { note("cell_review.comment", found.0) }
        }
        if let (index, at, label) = proposal {
            let labelEnd = afterColon(lines[index], from: at + label.count)
            let group = groupLines(from: index, limit: lines.count, maxExtra: 4, stop: stops)
            form.cellReview.proposedLevel = levelChoice(group, labelEnd: labelEnd, field: "cell_review.proposed_level", index: index)
            let dateEnd = decision?.0 ?? lines.count
            form.cellReview.date = signedDate(after: index, before: dateEnd, field: "cell_review.date")
        }
        if let (index, at, label) = decision {
            let labelEnd = afterColon(lines[index], from: at + label.count)
            let group = groupLines(from: index, limit: lines.count, maxExtra: 4, stop: stops)
            form.committeeDecision.level = levelChoice(group, labelEnd: labelEnd, field: "committee_decision.level", index: index)
            form.committeeDecision.date = signedDate(after: index, before: lines.count, field: "committee_decision.date")
        }
    }

    /// A comment: the rest of its label's line and the lines after it, up to the next label of the
    /// assessment blocks; `nil` when only leaders were there.
    func commentText(_ found: (Int, Int, String)) -> String? {
        let (index, at, label) = found
        let labelEnd = afterColon(lines[index], from: at + label.count)
        var parts: [String] = []
        if let first = TextFolding.stripLeaders(lines[index].text.slice(labelEnd, .max)) { parts.append(first) }
        var k = index + 1
        while k < lines.count, !ExtractionPass.isAssessmentLabel(lines[k].key) {
            if let text = TextFolding.stripLeaders(lines[k].text) { parts.append(text) }
            k += 1
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// The head of agency's block, for members who are civil servants; absent when blank.
    mutating func readCivilServantReview(into form: inout ReviewForm, range: Range<Int>) {
        var review = CivilServantReview()
        let stops: (String) -> Bool = ExtractionPass.isAssessmentLabel
        var end = range.upperBound
        if let found = firstLabel(Labels.civilServantComment, in: range) { review.comment = commentText(found) }
        // The Party block follows; the head of agency's date is the one before it.
        if let party = firstLabel(Labels.cellComment + Labels.cellProposal, in: range) { end = party.0 }
        if let (index, at, label) = firstLabel(Labels.civilServantAssessedLevel, in: range.lowerBound..<end) {
            let labelEnd = afterColon(lines[index], from: at + label.count)
            let group = groupLines(from: index, limit: end, maxExtra: 4, stop: stops)
            review.level = levelChoice(group, labelEnd: labelEnd, field: "civil_servant_review.level", index: index)
            review.date = signedDate(after: index, before: end, field: "civil_servant_review.date")
        }
        if !review.isEmpty { form.civilServantReview = review }
    }

    /// The date a signer wrote under "(Xác lập thời điểm, ký, ghi rõ họ tên)".
    mutating func signedDate(after index: Int, before end: Int, field: String) -> CivilDate? {
        var k = index + 1
        while k < end {
            let line = lines[k]
            if !line.key.containsLabel(Labels.signatureNote) {
                let reading = DateText.read(line.text)
                if reading != .none { return date(reading, field: field, index: k) }
            }
            k += 1
        }
        return nil
    }
}

/// "27/30", "27 / 30", "27,5", "…/30" (blank), "27 điểm".
enum ScoreText {
    static func read(_ text: String) -> (own: Double?, max: Double?) {
        guard let slash = text.firstIndex(of: "/") else { return (ScoreTable.number(text), nil) }
        return (ScoreTable.number(String(text[..<slash])), ScoreTable.number(String(text[text.index(after: slash)...])))
    }
}
