import KiemdiemCore

/// The lines above the title: the organisations, the place and the form's date; the year under it.
extension ExtractionPass {
    mutating func readHeader(into form: inout ReviewForm, before titleIndex: Int) {
        for index in 0..<titleIndex {
            let line = lines[index]
            let key = Labels.bare(line.key)
            if form.partyCommittee == nil, key.hasPrefix("dang bo") {
                form.partyCommittee = organisationName(line.text, prefix: nil)
                if form.partyCommittee != nil { note("party_committee", index) } else { looked("party_committee", at: index) }
            } else if form.partyCell == nil, key.hasPrefix("chi bo") {
                form.partyCell = organisationName(line.text, prefix: nil)
                if form.partyCell != nil { note("party_cell", index) } else { looked("party_cell", at: index) }
            } else if form.date == nil, provenance["date"] == nil {
                readPlaceAndDate(into: &form, at: index)
            }
        }
    }

    /// "Quảng Trị, ngày 06 tháng 12 năm 2022", "Quảng Trị, ngày 06/12/2022", "Quảng Trị, 6.12.2022":
    /// any line the date reader reads as a date (or as the template's blanks) is the form's date.
    /// Returns whether the line was one.
    @discardableResult
    mutating func readPlaceAndDate(into form: inout ReviewForm, at index: Int) -> Bool {
        let line = lines[index]
        guard line.key.containsLabel("ngay") || line.key.contains(where: { $0.isNumber }) else { return false }
        let reading = DateText.read(line.text)
        guard reading != .none else { return false }
        form.place = place(in: line)
        switch reading {
        case .blank:
            looked("date", at: index)
        default:
            form.date = date(reading, field: "date", index: index, raw: line.text)
        }
        return true
    }

    /// The place written before the date: up to the comma, else up to "ngày".
    func place(in line: Line) -> String? {
        let chars = line.foldedCharacters
        var end = chars.firstIndex(of: ",")
        if end == nil, let ngay = chars.characterOffset(of: "ngay".characterArray) { end = ngay }
        guard let end, end > 0 else { return nil }
        let text = TextFolding.stripLeaders(line.text.slice(0, end))
        // "Ngày 5/12/2020" alone, or a number before the comma: no place there.
        guard let text, !text.contains(where: { $0.isNumber }) else { return nil }
        return text
    }

    /// A form whose header carries no date has it above (or just under) the signature label
    /// ("Đông Hà, ngày 02 tháng 12 năm 2021" / "NGƯỜI TỰ KIỂM ĐIỂM").
    mutating func readDateNearSignature(into form: inout ReviewForm) {
        guard let signatureIndex else { return }
        let from = max(titleIndex + 1, signatureIndex - 3)
        for index in from..<min(lines.count, signatureIndex + 3) where index != signatureIndex {
            if readPlaceAndDate(into: &form, at: index) { return }
        }
    }

    /// "Năm 2020", "Năm: 2020", or the year on the title line itself.
    mutating func readYear(into form: inout ReviewForm, title: Int) {
        for index in title..<min(lines.count, title + 4) {
            let key = lines[index].key
            guard let at = key.characterOffset(of: "nam") else { continue }
            if index > title && at > 0 { continue }
            let digits = key.slice(at + 3, .max).drop { !$0.isNumber }.prefix { $0.isNumber }
            if digits.count == 4, let year = Int(digits) {
                form.year = year
                note("year", index)
                return
            }
            looked("year", at: index)
        }
    }

    /// An organisation name as written, with its "Đảng bộ"/"Chi bộ" word; `prefix` is added when
    /// the form wrote only the name after a label.
    func organisationName(_ text: String, prefix: String?) -> String? {
        guard let cleaned = TextFolding.stripLeaders(text) else { return nil }
        let folded = AlignedFold.fold(cleaned)
        if let prefix {
            return folded.hasPrefix(AlignedFold.fold(prefix).lowercased()) ? cleaned : "\(prefix) \(cleaned)"
        }
        // "ĐẢNG BỘ ……" alone is a blank in the template.
        let words = cleaned.split(separator: " ")
        guard words.count > 2 else { return nil }
        return cleaned
    }
}
