import KiemdiemCore

/// What only a collective report (Mẫu 01) carries.
extension ExtractionPass {
    /// The collective's level (read as section VII/VI, or part B in 2025), the review meeting's
    /// date and the signer.
    mutating func readCollective(into form: inout ReviewForm, title: Int, after start: Int) {
        var collective = CollectiveReview(level: form.selfAssessment.partyMemberLevel)
        if let read = provenance.removeValue(forKey: "self_assessment.party_member_level") { provenance["collective.level"] = read }
        if let seen = sought.removeValue(forKey: "self_assessment.party_member_level") { sought["collective.level"] = seen }
        form.selfAssessment = SelfAssessment()
        if let (index, at, label) = firstLabel(Labels.meetingDate, in: title..<lines.count) {
            let line = lines[index]
            let rest = line.text.slice(afterColon(line, from: at + label.count), .max)
            collective.meetingDate = date(DateText.read(rest), field: "collective.meeting_date", index: index, raw: rest)
        }
        if let signer = lines.indices.first(where: { $0 > start && lines[$0].key.hasPrefix("t/m ") }) {
            collective.signerRole = TextFolding.collapseWhitespace(lines[signer].text)
            note("collective.signer_role", signer)
            var k = signer + 1
            while k < min(lines.count, signer + 6) {
                let key = lines[k].key
                k += 1
                if lines[k - 1].isBlank || key.hasPrefix("(") || Labels.signerTitles.contains(key) { continue }
                form.signature = TextFolding.stripLeaders(lines[k - 1].text)
                if form.signature != nil { note("signature", k - 1) }
                break
            }
        }
        form.collective = collective
    }
}
