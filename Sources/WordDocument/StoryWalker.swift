import KiemdiemCore
import OOXMLPackage

/// State shared by every part of one document: list counters run through the body and the
/// headers, and the reader-level flags become one finding each.
final class ReadSession {
    let styles: StyleSheet
    let numbering: NumberingDefinitions
    var counters = NumberingCounters()
    var trackedChanges = false
    var legacyFontConverted = false
    var altChunks = 0
    var unknownElements: [String: [String: Int]] = [:]
    private var runCache: [RunProperties: RunStyle] = [:]
    private var runCacheStyle: String?
    /// The numbering each paragraph style brings, once per style: every paragraph asks.
    private var styleNumbering: [String?: NumberingReference?] = [:]

    init(styles: StyleSheet, numbering: NumberingDefinitions) {
        self.styles = styles
        self.numbering = numbering
    }

    func numbering(ofParagraphStyle id: String?) -> NumberingReference? {
        if let known = styleNumbering[id] { return known }
        let found = styles.numbering(ofParagraphStyle: id)
        styleNumbering[id] = .some(found)
        return found
    }

    func runStyle(_ direct: RunProperties, paragraphStyle: String?) -> RunStyle {
        if runCacheStyle != paragraphStyle {
            runCache.removeAll(keepingCapacity: true)
            runCacheStyle = paragraphStyle
        }
        if let cached = runCache[direct] { return cached }
        let resolved = styles.resolve(direct, paragraphStyle: paragraphStyle)
        var style = RunStyle(struck: resolved.strike ?? false)
        // Bytes ≥ 0x80 are drawn with the hAnsi font, so it decides first.
        for font in [resolved.hAnsiFont, resolved.asciiFont].compactMap({ $0 }) {
            if let legacy = LegacyVietnamese.forFont(font) { style.legacy = legacy; break }
            if let symbol = SymbolFont.forFont(font) { style.symbol = symbol; break }
        }
        runCache[direct] = style
        return style
    }
}

/// How a run's characters are to be read.
struct RunStyle: Sendable {
    var struck: Bool
    var legacy: LegacyVietnamese?
    var symbol: SymbolFont?
}

/// A `w:sectPr` reference to a header part.
struct HeaderReference: Sendable {
    var type: String
    var relationshipID: String
}

/// Walks one story (the body, a header, a text box) of a WordprocessingML part into blocks.
final class StoryWalker {
    private let cursor: XMLCursor
    private let session: ReadSession
    private let partName: String
    private(set) var headerReferences: [[HeaderReference]] = []

    /// Complex fields open in the current story; text shows only inside every field's result.
    private struct OpenField {
        var inResult = false
        var pendingText: String?
    }
    private var fields: [OpenField] = []
    /// Block-level content controls enclosing the current position, outermost first.
    private var controls: [ContentControl] = []
    /// > 0 while inside a placeholder or a checkbox control's glyph: that text is not content.
    private var suppressed = 0
    /// A block-level checkbox control waiting for its first paragraph.
    private var pendingCheckbox: Bool?
    /// Paragraphs whose marks are tracked deletions, waiting for the next paragraph of their
    /// container: accepting the deletion makes that paragraph continue them on the same line.
    private var joining: Joining?

    private struct Joining {
        var builder: ParagraphBuilder
        /// The numbering of the last of them, rendered only if no paragraph follows to absorb them.
        var numbering: NumberingReference?
    }

    init(cursor: XMLCursor, session: ReadSession) {
        self.cursor = cursor
        self.session = session
        self.partName = cursor.partName
    }

    private var textVisible: Bool { suppressed == 0 && fields.allSatisfy(\.inResult) }

    /// Reads the part from its root: `w:document` (body) or `w:hdr`/`w:ftr`.
    /// `nil` when the root is not a WordprocessingML story container.
    func readPart(expectingRoots roots: Set<String>) throws(PackageFailure) -> [Block]? {
        while try cursor.next() {
            guard cursor.kind == .startElement else { continue }
            guard cursor.name.namespace == .w, roots.contains(cursor.name.local) else { return nil }
            var blocks: [Block] = []
            let depth = cursor.depth
            if cursor.name.local == "document" {
                while try cursor.nextChild(of: depth) {
                    guard cursor.kind == .startElement else { continue }
                    if cursor.name == XMLName(.w, "body") {
                        try blockChildren(of: cursor.depth, into: &blocks)
                        flushJoining(into: &blocks)
                    } else if cursor.name == XMLName(.w, "background") {
                        try cursor.skipElement()
                    } else {
                        try blockElement(into: &blocks)
                    }
                }
            } else {
                try blockChildren(of: depth, into: &blocks)
            }
            flushJoining(into: &blocks)
            return blocks
        }
        return nil
    }

    // MARK: Unknown and ignored elements

    private func countUnknown() {
        session.unknownElements[partName, default: [:]][cursor.qualifiedName, default: 0] += 1
    }

    /// Markers and formatting that carry no text: skipped without being "unknown".
    private static let ignoredInWord: Set<String> = [
        "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "commentReference",
        "permStart", "permEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
        "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd", "lastRenderedPageBreak", "footnoteReference", "endnoteReference", "footnoteRef",
        "endnoteRef", "annotationRef", "separator", "continuationSeparator", "pgNum", "dayShort", "dayLong",
        "monthShort", "monthLong", "yearShort", "yearLong", "pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr",
        "tblPrEx", "tblPrChange", "sdtEndPr", "sdtPr", "subDoc", "contentPart", "smartTagPr", "customXmlPr",
        "fldData", "rubyPr", "rt", "sectPr", "pPrChange", "rPrChange", "background", "bidiVisual",
    ]

    /// Drawing internals: walked only to find text boxes, never counted.
    private static let drawingNamespaces: Set<XMLNamespace> = [
        .wp, .wp14, .a, .a14, .pic, .c, .dgm, .wps, .wpg, .wpc, .wpi, .v, .o, .w10,
    ]

    private func isIgnored(_ name: XMLName) -> Bool {
        (name.namespace == .w && StoryWalker.ignoredInWord.contains(name.local))
            || StoryWalker.drawingNamespaces.contains(name.namespace)
    }

    // MARK: Block level (body, cells, text boxes, headers, block-level sdt)

    private func blockChildren(of depth: Int, into blocks: inout [Block]) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            if cursor.kind == .startElement { try blockElement(into: &blocks) }
        }
    }

    private func blockElement(into blocks: inout [Block]) throws(PackageFailure) {
        let name = cursor.name
        if name.namespace == .mc && name.local == "AlternateContent" {
            try alternateContent { depth throws(PackageFailure) in try self.blockChildren(of: depth, into: &blocks) }
            return
        }
        if name.namespace == .w {
            switch name.local {
            case "p":
                blocks.append(contentsOf: try paragraph())
                return
            case "tbl":
                // Word never joins a paragraph with a table: the mark before a table stays.
                flushJoining(into: &blocks)
                blocks.append(.table(try table()))
                return
            case "sdt":
                // A block-level control holds whole paragraphs: joining across its edge would
                // give one paragraph two different sets of enclosing controls.
                flushJoining(into: &blocks)
                try blockContentControl { depth throws(PackageFailure) in try self.blockChildren(of: depth, into: &blocks) }
                flushJoining(into: &blocks)
                return
            case "customXml", "smartTag", "sdtContent":
                try blockChildren(of: cursor.depth, into: &blocks)
                return
            case "ins", "moveTo", "del", "moveFrom":
                try trackedChange { () throws(PackageFailure) in try self.blockChildren(of: self.cursor.depth, into: &blocks) }
                return
            case "altChunk":
                session.altChunks += 1
                try cursor.skipElement()
                return
            case "sectPr":
                try sectionProperties()
                return
            default:
                break
            }
        }
        if name.namespace == .m {
            // A display equation at block level is a paragraph of its own.
            flushJoining(into: &blocks)
            var builder = ParagraphBuilder(controls: controls)
            try math(into: &builder)
            blocks.append(.paragraph(builder.finish()))
            return
        }
        if isIgnored(name) {
            try cursor.skipElement()
            return
        }
        countUnknown()
        try blockChildren(of: cursor.depth, into: &blocks)
    }

    /// `mc:AlternateContent`: exactly one branch, the first `mc:Choice` (else the `mc:Fallback`),
    /// so a text box Word wrote twice is read once.
    private func alternateContent(_ branch: (Int) throws(PackageFailure) -> Void) throws(PackageFailure) {
        let depth = cursor.depth
        var taken = false
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            let isBranch = cursor.name.namespace == .mc && (cursor.name.local == "Choice" || cursor.name.local == "Fallback")
            if isBranch && !taken {
                taken = true
                try branch(cursor.depth)
            } else {
                try cursor.skipElement()
            }
        }
    }

    private func sectionProperties() throws(PackageFailure) {
        var references: [HeaderReference] = []
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "headerReference"), let id = cursor.attribute(.r, "id") {
                references.append(HeaderReference(type: cursor.attribute(.w, "type") ?? "default", relationshipID: id))
            }
            try cursor.skipElement()
        }
        headerReferences.append(references)
    }

    // MARK: Content controls

    private struct ControlProperties {
        var control = ContentControl(tag: nil, alias: nil, showingPlaceholder: false)
        var checkbox: Bool?
    }

    private func controlProperties() throws(PackageFailure) -> ControlProperties {
        var props = ControlProperties()
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            switch (cursor.name.namespace, cursor.name.local) {
            case (.w, "tag"): props.control.tag = cursor.attribute(.w, "val").map(TextFolding.nfc)
            case (.w, "alias"): props.control.alias = cursor.attribute(.w, "val").map(TextFolding.nfc)
            case (.w, "showingPlcHdr"): props.control.showingPlaceholder = OnOff.parse(cursor.attribute(.w, "val"))
            case (.w14, "checkbox"):
                props.checkbox = false
                let cDepth = cursor.depth
                while try cursor.nextChild(of: cDepth) {
                    guard cursor.kind == .startElement else { continue }
                    if cursor.name == XMLName(.w14, "checked") {
                        props.checkbox = OnOff.parse(cursor.attribute(.w14, "val"))
                    }
                    try cursor.skipElement()
                }
                continue
            default: break
            }
            try cursor.skipElement()
        }
        return props
    }

    /// Enters a control's `w:sdtContent`: what is shown there is either a placeholder or a stale
    /// copy of the checkbox glyph, and in both cases not content.
    private func enterControl(_ props: ControlProperties) -> Int {
        var extra = 0
        if props.control.showingPlaceholder { extra += 1 }
        if props.checkbox != nil { extra += 1 }
        suppressed += extra
        return extra
    }

    private func blockContentControl(_ content: (Int) throws(PackageFailure) -> Void) throws(PackageFailure) {
        let depth = cursor.depth
        var props = ControlProperties()
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "sdtPr") {
                props = try controlProperties()
            } else if cursor.name == XMLName(.w, "sdtContent") {
                if let checked = props.checkbox, textVisible { pendingCheckbox = checked }
                controls.append(props.control)
                let extra = enterControl(props)
                try content(cursor.depth)
                suppressed -= extra
                controls.removeLast()
            } else {
                try cursor.skipElement()
            }
        }
    }

    private func inlineContentControl(into builder: inout ParagraphBuilder, run: RunStyle?) throws(PackageFailure) {
        let depth = cursor.depth
        var props = ControlProperties()
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "sdtPr") {
                props = try controlProperties()
            } else if cursor.name == XMLName(.w, "sdtContent") {
                builder.controls.append(props.control)
                if let checked = props.checkbox, textVisible {
                    builder.appendBox(checked: checked, encoding: .contentControl, struck: run?.struck ?? false)
                }
                let extra = enterControl(props)
                try inlineChildren(of: cursor.depth, into: &builder)
                suppressed -= extra
            } else {
                try cursor.skipElement()
            }
        }
    }

    // MARK: Tables

    private func table() throws(PackageFailure) -> Table {
        var rows: [TableRow] = []
        try tableChildren(of: cursor.depth, into: &rows)
        return Table(rows: rows)
    }

    private func tableChildren(of depth: Int, into rows: inout [TableRow]) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            let name = cursor.name
            switch (name.namespace, name.local) {
            case (.w, "tr"):
                if let row = try row() { rows.append(row) }
            case (.w, "sdt"):
                try blockContentControl { d throws(PackageFailure) in try self.tableChildren(of: d, into: &rows) }
            case (.w, "customXml"), (.w, "sdtContent"):
                try tableChildren(of: cursor.depth, into: &rows)
            case (.w, "ins"), (.w, "moveTo"):
                session.trackedChanges = true
                try tableChildren(of: cursor.depth, into: &rows)
            case (.w, "del"), (.w, "moveFrom"):
                session.trackedChanges = true
                try cursor.skipElement()
            case (.mc, "AlternateContent"):
                try alternateContent { d throws(PackageFailure) in try self.tableChildren(of: d, into: &rows) }
            default:
                if isIgnored(name) { try cursor.skipElement() } else {
                    countUnknown()
                    try tableChildren(of: cursor.depth, into: &rows)
                }
            }
        }
    }

    /// `nil` for a row whose deletion is tracked: accepting the revision removes it.
    private func row() throws(PackageFailure) -> TableRow? {
        var cells: [TableCell] = []
        var deleted = false
        try rowChildren(of: cursor.depth, into: &cells, deleted: &deleted)
        return deleted ? nil : TableRow(cells: cells)
    }

    private func rowChildren(of depth: Int, into cells: inout [TableCell], deleted: inout Bool) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            let name = cursor.name
            switch (name.namespace, name.local) {
            case (.w, "tc"):
                cells.append(try cell())
            case (.w, "trPr"):
                let pDepth = cursor.depth
                while try cursor.nextChild(of: pDepth) {
                    guard cursor.kind == .startElement else { continue }
                    if cursor.name == XMLName(.w, "del") { deleted = true; session.trackedChanges = true }
                    if cursor.name == XMLName(.w, "ins") { session.trackedChanges = true }
                    try cursor.skipElement()
                }
            case (.w, "sdt"):
                try blockContentControl { d throws(PackageFailure) in
                    try self.rowChildren(of: d, into: &cells, deleted: &deleted)
                }
            case (.w, "customXml"), (.w, "sdtContent"):
                try rowChildren(of: cursor.depth, into: &cells, deleted: &deleted)
            case (.mc, "AlternateContent"):
                try alternateContent { d throws(PackageFailure) in
                    try self.rowChildren(of: d, into: &cells, deleted: &deleted)
                }
            default:
                if isIgnored(name) { try cursor.skipElement() } else {
                    countUnknown()
                    try rowChildren(of: cursor.depth, into: &cells, deleted: &deleted)
                }
            }
        }
    }

    private func cell() throws(PackageFailure) -> TableCell {
        var result = TableCell(blocks: [])
        var blocks: [Block] = []
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            guard cursor.name == XMLName(.w, "tcPr") else {
                try blockElement(into: &blocks)
                continue
            }
            let pDepth = cursor.depth
            while try cursor.nextChild(of: pDepth) {
                guard cursor.kind == .startElement else { continue }
                if cursor.name.namespace == .w {
                    switch cursor.name.local {
                    case "gridSpan":
                        result.gridSpan = max(1, cursor.attribute(.w, "val").flatMap { Int($0) } ?? 1)
                    case "vMerge":
                        // No value means "continue": the cell above holds the content.
                        result.isMergeContinuation = (cursor.attribute(.w, "val") ?? "continue") == "continue"
                    case "hMerge":
                        if (cursor.attribute(.w, "val") ?? "continue") == "continue" { result.isMergeContinuation = true }
                    case "cellIns", "cellDel", "cellMerge":
                        session.trackedChanges = true
                    default:
                        break
                    }
                }
                try cursor.skipElement()
            }
        }
        flushJoining(into: &blocks)
        result.blocks = blocks
        return result
    }

    /// A tracked change at the cursor (`ins`/`moveTo`, `del`/`moveFrom`), read as Word shows it
    /// with all changes accepted: inserted or moved-in content through `children`, deleted or
    /// moved-out content skipped. Either way the document is flagged. The same rule at block,
    /// paragraph and run level.
    private func trackedChange(_ children: () throws(PackageFailure) -> Void) throws(PackageFailure) {
        session.trackedChanges = true
        switch cursor.name.local {
        case "ins", "moveTo": try children()
        default: try cursor.skipElement()
        }
    }

    // MARK: Paragraphs

    /// The paragraph, then the paragraphs of any text box anchored in it; nothing while its mark
    /// is a tracked deletion, as the next paragraph of the container will continue it.
    private func paragraph() throws(PackageFailure) -> [Block] {
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
    private func flushJoining(into blocks: inout [Block]) {
        guard var pending = joining else { return }
        joining = nil
        label(&pending.builder, direct: pending.numbering)
        blocks.append(.paragraph(pending.builder.finish()))
        blocks.append(contentsOf: pending.builder.floating)
    }

    /// What `w:pPr` says that the walker acts on.
    private struct ParagraphMark {
        var numbering: NumberingReference?
        /// The mark is a tracked deletion (`w:del`/`w:moveFrom` in its `w:rPr`).
        var deleted = false
    }

    /// Renders the numbering label at the paragraph's place in document order.
    private func label(_ builder: inout ParagraphBuilder, direct: NumberingReference?) {
        let inherited = session.numbering(ofParagraphStyle: builder.styleID ?? session.styles.defaultParagraphStyle)
        guard let numID = direct?.numID ?? inherited?.numID else { return }
        let level = direct?.level ?? inherited?.level ?? 0
        builder.numberingLabel = session.counters.label(numID: numID, level: level,
                                                        definitions: session.numbering, styles: session.styles)
    }

    private func paragraphProperties(into builder: inout ParagraphBuilder) throws(PackageFailure) -> ParagraphMark {
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

    private func inlineChildren(of depth: Int, into builder: inout ParagraphBuilder) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            if cursor.kind == .startElement { try inlineElement(into: &builder, run: nil) }
        }
    }

    /// Paragraph content: runs and every wrapper that may hold runs.
    private func inlineElement(into builder: inout ParagraphBuilder, run: RunStyle?) throws(PackageFailure) {
        let name = cursor.name
        if name.namespace == .w {
            switch name.local {
            case "r":
                try self.run(into: &builder)
                return
            case "hyperlink", "smartTag", "customXml", "dir", "bdo", "fldSimple", "sdtContent", "ruby", "rubyBase":
                try inlineChildren(of: cursor.depth, into: &builder)
                return
            case "ins", "moveTo", "del", "moveFrom":
                try trackedChange { () throws(PackageFailure) in try self.inlineChildren(of: self.cursor.depth, into: &builder) }
                return
            case "sdt":
                try inlineContentControl(into: &builder, run: run)
                return
            default:
                break
            }
        }
        if name.namespace == .mc && name.local == "AlternateContent" {
            try alternateContent { d throws(PackageFailure) in try self.inlineChildren(of: d, into: &builder) }
            return
        }
        if name.namespace == .m {
            try math(into: &builder)
            return
        }
        if isIgnored(name) {
            try cursor.skipElement()
            return
        }
        countUnknown()
        try inlineChildren(of: cursor.depth, into: &builder)
    }

    /// OfficeMath: the text of `m:t`, property elements skipped.
    private func math(into builder: inout ParagraphBuilder) throws(PackageFailure) {
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
    private func characterData() throws(PackageFailure) -> String {
        var text = ""
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            if cursor.kind == .text { text += cursor.text } else if cursor.kind == .startElement { try cursor.skipElement() }
        }
        return text
    }

    // MARK: Runs

    private func run(into builder: inout ParagraphBuilder) throws(PackageFailure) {
        var style = session.runStyle(RunProperties(), paragraphStyle: builder.styleID)
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "rPr") {
                style = session.runStyle(try RunProperties.parse(cursor), paragraphStyle: builder.styleID)
                continue
            }
            try runElement(into: &builder, style: style)
        }
    }

    private func runChildren(of depth: Int, into builder: inout ParagraphBuilder, style: RunStyle) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            if cursor.kind == .startElement { try runElement(into: &builder, style: style) }
        }
    }

    private func runElement(into builder: inout ParagraphBuilder, style: RunStyle) throws(PackageFailure) {
        let name = cursor.name
        if name.namespace == .w {
            switch name.local {
            case "t":
                let raw = try characterData()
                if textVisible { emit(raw, style: style, into: &builder) }
                return
            case "delText", "delInstrText":
                session.trackedChanges = true
                try cursor.skipElement()
                return
            case "instrText":
                try cursor.skipElement()
                return
            case "tab", "ptab":
                if textVisible { builder.append("\t", struck: style.struck) }
                try cursor.skipElement()
                return
            case "br":
                let type = cursor.attribute(.w, "type") ?? "textWrapping"
                if type == "textWrapping" && textVisible { builder.append("\n", struck: style.struck) }
                try cursor.skipElement()
                return
            case "cr":
                if textVisible { builder.append("\n", struck: style.struck) }
                try cursor.skipElement()
                return
            case "noBreakHyphen":
                if textVisible { builder.append("-", struck: style.struck) }
                try cursor.skipElement()
                return
            case "softHyphen":
                try cursor.skipElement()
                return
            case "sym":
                symbol(into: &builder, style: style)
                try cursor.skipElement()
                return
            case "fldChar":
                try fieldCharacter(into: &builder, style: style)
                return
            case "drawing", "pict", "object":
                try drawing(into: &builder)
                return
            case "sdt":
                try inlineContentControl(into: &builder, run: style)
                return
            case "smartTag", "customXml", "sdtContent":
                try runChildren(of: cursor.depth, into: &builder, style: style)
                return
            case "ins", "moveTo", "del", "moveFrom":
                try trackedChange { () throws(PackageFailure) in
                    try self.runChildren(of: self.cursor.depth, into: &builder, style: style)
                }
                return
            default:
                break
            }
        } else if name.namespace == .mc && name.local == "AlternateContent" {
            try alternateContent { d throws(PackageFailure) in try self.runChildren(of: d, into: &builder, style: style) }
            return
        } else if name.namespace == .m {
            try math(into: &builder)
            return
        }
        if isIgnored(name) {
            try cursor.skipElement()
            return
        }
        countUnknown()
        try runChildren(of: cursor.depth, into: &builder, style: style)
    }

    private func emit(_ raw: String, style: RunStyle, into builder: inout ParagraphBuilder) {
        var text = raw
        if let legacy = style.legacy {
            let decoded = legacy.decode(raw)
            if decoded != raw { session.legacyFontConverted = true }
            text = decoded
        } else if let symbol = style.symbol {
            for scalar in raw.unicodeScalars {
                if let checked = symbol.checkbox(scalar.value) {
                    builder.appendBox(checked: checked, encoding: .symbol, struck: style.struck)
                } else {
                    builder.append(String(scalar), struck: style.struck)
                }
            }
            return
        }
        builder.append(text, struck: style.struck)
    }

    private func symbol(into builder: inout ParagraphBuilder, style: RunStyle) {
        guard textVisible,
              let font = cursor.attribute(.w, "font").flatMap(SymbolFont.forFont),
              let code = cursor.attribute(.w, "char").flatMap({ UInt32($0, radix: 16) }),
              let checked = font.checkbox(code) else { return }
        builder.appendBox(checked: checked, encoding: .symbol, struck: style.struck)
    }

    /// `w:fldChar`: begin/separate/end of a complex field. Legacy form fields keep their state in
    /// `w:ffData` on the begin character: a FORMCHECKBOX has no visible run at all.
    private func fieldCharacter(into builder: inout ParagraphBuilder, style: RunStyle) throws(PackageFailure) {
        switch cursor.attribute(.w, "fldCharType") {
        case "begin":
            let visible = textVisible
            var field = OpenField()
            let data = try formFieldData()
            if visible, let checked = data.checkbox {
                builder.appendBox(checked: checked, encoding: .formField, struck: style.struck)
            }
            if visible { field.pendingText = data.dropDownChoice }
            fields.append(field)
            return
        case "separate":
            if !fields.isEmpty { fields[fields.count - 1].inResult = true }
        case "end":
            if let field = fields.popLast(), !field.inResult, let text = field.pendingText, textVisible {
                builder.append(text, struck: style.struck)
            }
        default:
            break
        }
        try cursor.skipElement()
    }

    private struct FormFieldData {
        var checkbox: Bool?
        var dropDownChoice: String?
    }

    private func formFieldData() throws(PackageFailure) -> FormFieldData {
        var data = FormFieldData()
        var checkedDefault: Bool?
        var checked: Bool?
        var isCheckbox = false
        var entries: [String] = []
        var chosen: Int?
        let depth = cursor.depth
        while try cursor.next() {
            if cursor.kind == .endElement && cursor.depth == depth { break }
            guard cursor.kind == .startElement, cursor.name.namespace == .w else { continue }
            switch cursor.name.local {
            case "checkBox": isCheckbox = true
            case "default":
                if isCheckbox { checkedDefault = OnOff.parse(cursor.attribute(.w, "val")) }
            case "checked": checked = OnOff.parse(cursor.attribute(.w, "val"))
            case "listEntry": entries.append(cursor.attribute(.w, "val") ?? "")
            case "result": chosen = cursor.attribute(.w, "val").flatMap { Int($0) }
            default: break
            }
        }
        if isCheckbox { data.checkbox = checked ?? checkedDefault ?? false }
        if !entries.isEmpty {
            let index = chosen ?? 0
            if entries.indices.contains(index) { data.dropDownChoice = entries[index] }
        }
        return data
    }

    /// DrawingML/VML: only text boxes carry text. Their paragraphs are a story of their own,
    /// placed after the anchoring paragraph.
    private func drawing(into builder: inout ParagraphBuilder) throws(PackageFailure) {
        try drawingChildren(of: cursor.depth, into: &builder)
    }

    private func drawingChildren(of depth: Int, into builder: inout ParagraphBuilder) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "txbxContent") {
                let savedFields = fields
                let savedPending = pendingCheckbox
                let savedJoining = joining
                fields = []
                pendingCheckbox = nil
                joining = nil
                var blocks: [Block] = []
                try blockChildren(of: cursor.depth, into: &blocks)
                flushJoining(into: &blocks)
                fields = savedFields
                pendingCheckbox = savedPending
                joining = savedJoining
                builder.floating.append(contentsOf: blocks)
            } else if cursor.name.namespace == .mc && cursor.name.local == "AlternateContent" {
                try alternateContent { d throws(PackageFailure) in try self.drawingChildren(of: d, into: &builder) }
            } else {
                try drawingChildren(of: cursor.depth, into: &builder)
            }
        }
    }
}
