import KiemdiemCore
import OOXMLPackage

extension StoryWalker {
    // MARK: Paragraphs

    /// The paragraph, then the paragraphs of any text box anchored in it; nothing while its mark
    /// is a tracked deletion, as the next paragraph of the container will continue it.
    func paragraph() throws(PackageFailure) -> [Block] {
        var builder: ParagraphBuilder
        if let joined = joining {
            // The text goes on; the properties are this paragraph's, whose mark survives.
            joining = nil
            builder = joined.builder
            builder.styleID = nil
            builder.numberingLabel = nil
        } else {
            builder = ParagraphBuilder(controls: controls)
        }
        if let checked = pendingCheckbox {
            pendingCheckbox = nil
            builder.appendBox(checked: checked, encoding: .contentControl, struck: false)
        }
        var mark = ParagraphMark()
        var labelled = false
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "pPr") {
                mark = try paragraphProperties(into: &builder)
                continue
            }
            if !labelled {
                labelled = true
                // A paragraph that will be joined has no number of its own: it must not count.
                if !mark.deleted { label(&builder, direct: mark.numbering) }
            }
            try inlineElement(into: &builder, run: nil)
        }
        if mark.deleted {
            joining = Joining(builder: builder, numbering: mark.numbering)
            return []
        }
        if !labelled { label(&builder, direct: mark.numbering) }
        return [.paragraph(builder.finish())] + builder.floating
    }

    /// Emits the paragraphs waiting to be joined as one paragraph, as they are: the container
    /// ends (or a table follows) and no paragraph comes to take their text.
    func flushJoining(into blocks: inout [Block]) {
        guard var pending = joining else { return }
        joining = nil
        label(&pending.builder, direct: pending.numbering)
        blocks.append(.paragraph(pending.builder.finish()))
        blocks.append(contentsOf: pending.builder.floating)
    }

    /// What `w:pPr` says that the walker acts on.
    struct ParagraphMark {
        var numbering: NumberingReference?
        /// The mark is a tracked deletion (`w:del`/`w:moveFrom` in its `w:rPr`).
        var deleted = false
    }

    /// Renders the numbering label at the paragraph's place in document order.
    func label(_ builder: inout ParagraphBuilder, direct: NumberingReference?) {
        let inherited = session.numbering(ofParagraphStyle: builder.styleID ?? session.styles.defaultParagraphStyle)
        guard let numID = direct?.numID ?? inherited?.numID else { return }
        let level = direct?.level ?? inherited?.level ?? 0
        builder.numberingLabel = session.counters.label(numID: numID, level: level,
                                                        definitions: session.numbering, styles: session.styles)
    }

    func paragraphProperties(into builder: inout ParagraphBuilder) throws(PackageFailure) -> ParagraphMark {
        var result = ParagraphMark()
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            guard cursor.name.namespace == .w else { try cursor.skipElement(); continue }
            switch cursor.name.local {
            case "pStyle":
                builder.styleID = cursor.attribute(.w, "val")
                try cursor.skipElement()
            case "numPr":
                result.numbering = try NumberingReference.parse(cursor)
            case "rPr":
                let mark = try RunProperties.parse(cursor)
                if mark.markDeleted || mark.markInserted { session.trackedChanges = true }
                result.deleted = mark.markDeleted
            case "sectPr":
                try sectionProperties()
            default:
                try cursor.skipElement()
            }
        }
        return result
    }

    func inlineChildren(of depth: Int, into builder: inout ParagraphBuilder) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            if cursor.kind == .startElement { try inlineElement(into: &builder, run: nil) }
        }
    }

    /// Paragraph content: runs and every wrapper that may hold runs.
    func inlineElement(into builder: inout ParagraphBuilder, run: RunStyle?) throws(PackageFailure) {
        let name = cursor.name
        if name.namespace == .w {
            switch name.local {
            case "r":
                try self.run(into: &builder)
                return
            case "sdt":
                try inlineContentControl(into: &builder, run: run)
                return
            default:
                break
            }
        }
        if name.namespace == .m {
            try math(into: &builder)
            return
        }
        try throughWrapper(at: .paragraph) { d throws(PackageFailure) in try self.inlineChildren(of: d, into: &builder) }
    }

    /// OfficeMath: the text of `m:t`, property elements skipped.
    func math(into builder: inout ParagraphBuilder) throws(PackageFailure) {
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.m, "t") {
                let text = try characterData()
                if textVisible { builder.append(text, struck: false) }
            } else if cursor.name.namespace == .m && !cursor.name.local.hasSuffix("Pr") {
                try math(into: &builder)
            } else {
                try cursor.skipElement()
            }
        }
    }

    /// The character data of the current element (`w:t`, `m:t`), consumed to its end.
    func characterData() throws(PackageFailure) -> String {
        var text = ""
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            if cursor.kind == .text { text += cursor.text } else if cursor.kind == .startElement { try cursor.skipElement() }
        }
        return text
    }
}
