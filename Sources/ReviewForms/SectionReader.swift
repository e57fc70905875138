import KiemdiemCore

/// Sections I–VI as text, the criterion ratings inside them, and where section VII (or part B of
/// the 2025 forms) begins.
extension ExtractionPass {
    struct Heading { let section: Labels.Section; let index: Int }

    /// Section headings in order; each must come after the previous one, which is what tells
    /// "II. Hạn chế, khuyết điểm và nguyên nhân" from its own sub-item "1. Hạn chế, khuyết điểm".
    func sectionHeadings(after title: Int) -> [Heading] {
        var headings: [Heading] = []
        var index = title + 1
        while index < lines.count {
            let key = lines[index].key
            if Labels.isSignatureLabel(key) { break }
            if key.utf8.count < 260 || TextFolding.characterCount(key) < 260 {
                let (roman, rest) = HeadingNumber.split(Labels.bare(key))
                let last = headings.last?.section
                for section in Labels.Section.allCases where last == nil || section > last! {
                    if section.matches(rest, romanMatches: roman == section.roman) {
                        headings.append(Heading(section: section, index: index))
                        break
                    }
                }
            }
            if headings.last?.section == .selfRating { break }
            index += 1
        }
        return headings
    }

    /// Where the after-meeting assessment blocks begin, when there is no signature line.
    func assessmentStart(after index: Int) -> Int {
        lines.indices.first { $0 > index && ExtractionPass.isAssessmentLabel(lines[$0].key) } ?? lines.count
    }

    static func isAssessmentLabel(_ key: String) -> Bool {
        let bare = Labels.bare(key)
        return bare.hasPrefix("danh gia, xep loai") || Labels.cellComment.contains { bare.hasPrefix($0) }
            || Labels.civilServantComment.contains { bare.hasPrefix($0) } || Labels.civilServantAssessedLevel.contains { bare.hasPrefix($0) }
            || bare.hasPrefix(Labels.headOfAgency)
            || Labels.cellProposal.contains { bare.hasPrefix($0) } || Labels.committeeDecision.contains { bare.hasPrefix($0) }
            || bare.hasPrefix(Labels.cellSigner) || bare.hasPrefix(Labels.committeeSigner)
    }

    mutating func readSections(into form: inout ReviewForm, headings: [Heading], end: Int) {
        for (k, heading) in headings.enumerated() {
            let stop = k + 1 < headings.count ? headings[k + 1].index : end
            let body = (heading.index + 1)..<max(heading.index + 1, stop)
            if heading.section == .selfRating {
                readSelfRating(into: &form, heading: heading.index, range: body)
                continue
            }
            if heading.section == .strengths || heading.section == .remediation {
                readCriteria(into: &form, section: heading.section, range: body)
            }
            let text = sectionText(body)
            switch heading.section {
            case .strengths: form.sections.strengths = text
            case .shortcomings: form.sections.shortcomings = text
            case .remediation: form.sections.remediation = text
            case .explanations: form.sections.explanations = text
            case .collectiveResponsibility: form.sections.collectiveResponsibility = text
            case .improvementPlan: form.sections.improvementPlan = text
            case .selfRating: break
            }
            if text != nil { note(heading.section.field, heading.index) } else { looked(heading.section.field, at: heading.index) }
        }
    }

    /// The section's paragraphs, whitespace collapsed, rating rows and leader-only lines left out;
    /// `nil` when nothing but the template's own sub-item headings remains.
    func sectionText(_ range: Range<Int>) -> String? {
        var kept: [String] = []
        var hasContent = false
        var skipOptions = false
        for index in range {
            let line = lines[index]
            if line.key.containsLabel(Labels.ratingRow) {
                skipOptions = true
                continue
            }
            // Options of a rating row written one per line ("☐ Xuất sắc") or as table rows.
            if skipOptions, !line.checkboxes.isEmpty || CriterionRating.parse(stripBoxes(line.text)) != nil
                || (line.rowID != nil && ["x", "v", ""].contains(line.key)) {
                continue
            }
            skipOptions = false
            let collapsed = TextFolding.collapseWhitespace(line.text)
            guard TextFolding.stripLeaders(collapsed) != nil else { continue }
            kept.append(collapsed)
            if !hasContent, !isTemplateSubItem(line.key) { hasContent = true }
        }
        return hasContent ? kept.joined(separator: "\n") : nil
    }

    func stripBoxes(_ text: String) -> String {
        // Only a Character holding one of the two scalars can equal them.
        guard text.unicodeScalars.contains(where: { $0 == "☒" || $0 == "☐" }) else { return text }
        return text.filter { $0 != "☒" && $0 != "☐" }
    }

    func isTemplateSubItem(_ key: String) -> Bool {
        let bare = Labels.bare(key)
        let rest = HeadingNumber.split(bare).rest
        guard rest != bare || HeadingNumber.arabic(bare) != nil else { return false }
        guard Labels.templateSubItems.contains(where: { rest.hasPrefix($0) }) else { return false }
        // A sub-item line that carries the member's own words after a colon is content.
        if let colon = rest.firstIndex(of: ":") {
            return TextFolding.stripLeaders(String(rest[rest.index(after: colon)...])) == nil
        }
        return true
    }

    // MARK: - Ratings

    mutating func readCriteria(into form: inout ReviewForm, section: Labels.Section, range: Range<Int>) {
        var subItem: Int?
        var rowsInSection = 0
        for index in range {
            let line = lines[index]
            if let number = HeadingNumber.arabic(Labels.bare(line.key)), !line.key.containsLabel(Labels.ratingRow) { subItem = number }
            guard let at = line.foldedCharacters.characterOffset(of: Labels.ratingRow.characterArray) else { continue }
            rowsInSection += 1
            let item = section == .remediation ? "III" : "I.\(subItem ?? rowsInSection)"
            let labelEnd = afterColon(line, from: at + Labels.ratingRow.count)
            let group = groupLines(from: index, limit: range.upperBound, maxExtra: 4) { key in
                HeadingNumber.arabic(Labels.bare(key)) != nil || key.containsLabel(Labels.ratingRow)
            }
            let field = "criteria.\(item)"
            if let rating = choice(group, labelEnd: labelEnd, field: field, index: index,
                                   parse: CriterionRating.parse, options: CriterionRating.allCases) {
                form.criteria.append(CriterionEntry(item: item, rating: rating))
            }
        }
    }

    /// The one way a choice list becomes a value: the choice reader, then a finding when the
    /// member ticked two or wrote something that is no option.
    mutating func choice<Value: Equatable & Sendable>(_ group: [Line], labelEnd: Int, field: String, index: Int,
                                                      parse: @escaping (String) -> Value?, options: [Value]) -> Value? {
        switch ChoiceGroup(parse: parse, options: options).read(group, labelEnd: labelEnd) {
        case .chosen(let value, _):
            note(field, index)
            return value
        case .ambiguous(_, let evidence):
            findings.append(finding(.ambiguousChoice, field: field, evidence: evidence, at: index))
        case .unreadable(let text):
            findings.append(finding(.invalidValue, field: field, evidence: text, at: index))
        case .none:
            looked(field, at: index)
        }
        return nil
    }
}
