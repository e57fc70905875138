import KiemdiemCore
import OOXMLPackage

/// Walks one story (the body, a header, a text box) of a WordprocessingML part into blocks.
/// One dispatcher per level (block, table, row, paragraph, run; `StoryWalker+….swift`), each
/// reading only its own content elements and giving everything else to the one wrapper filter
/// (`throughWrapper`), which knows the transparent wrappers, the tracked changes, the alternate
/// content, the ignored markers and the unknown elements once for all levels.
final class StoryWalker {
    let cursor: XMLCursor
    let session: ReadSession
    let partName: String
    var headerReferences: [[HeaderReference]] = []

    /// Complex fields open in the current story; text shows only inside every field's result.
    struct OpenField {
        var inResult = false
        var pendingText: String?
    }
    var fields: [OpenField] = []
    /// Block-level content controls enclosing the current position, outermost first.
    var controls: [ContentControl] = []
    /// > 0 while inside a placeholder or a checkbox control's glyph: that text is not content.
    var suppressed = 0
    /// A block-level checkbox control waiting for its first paragraph.
    var pendingCheckbox: Bool?
    /// Paragraphs whose marks are tracked deletions, waiting for the next paragraph of their
    /// container: accepting the deletion makes that paragraph continue them on the same line.
    var joining: Joining?

    struct Joining {
        var builder: ParagraphBuilder
        /// The numbering of the last of them, rendered only if no paragraph follows to absorb them.
        var numbering: NumberingReference?
    }

    init(cursor: XMLCursor, session: ReadSession) {
        self.cursor = cursor
        self.session = session
        self.partName = cursor.partName
    }

    var textVisible: Bool { suppressed == 0 && fields.allSatisfy(\.inResult) }

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

    func countUnknown() {
        session.unknownElements[partName, default: [:]][cursor.qualifiedName, default: 0] += 1
    }

    /// Markers and formatting that carry no text: skipped without being "unknown".
    static let ignoredInWord: Set<String> = [
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
    static let drawingNamespaces: Set<XMLNamespace> = [
        .wp, .wp14, .a, .a14, .pic, .c, .dgm, .wps, .wpg, .wpc, .wpi, .v, .o, .w10,
    ]

    func isIgnored(_ name: XMLName) -> Bool {
        (name.namespace == .w && StoryWalker.ignoredInWord.contains(name.local))
            || StoryWalker.drawingNamespaces.contains(name.namespace)
    }


    // MARK: The wrapper filter

    /// Where in a story a dispatcher reads.
    enum Level { case block, table, row, paragraph, run }

    /// Every element a dispatcher does not read itself. Transparent wrappers (`w:customXml`,
    /// `w:smartTag`, `w:sdtContent`; in a paragraph also `w:hyperlink`, `w:dir`, `w:bdo`,
    /// `w:fldSimple`, `w:ruby`) and inserted or moved-in content give their children to the
    /// level's own `children`; `mc:AlternateContent` gives one branch; deleted content, markers and
    /// drawing internals are skipped; anything else is counted as unknown and its children read,
    /// so no text is lost for an element this reader does not know.
    func throughWrapper(at level: Level, _ children: (Int) throws(PackageFailure) -> Void) throws(PackageFailure) {
        let name = cursor.name
        if name.namespace == .w {
            switch name.local {
            case "customXml", "smartTag", "sdtContent":
                try children(cursor.depth)
                return
            case "hyperlink", "dir", "bdo", "fldSimple", "ruby", "rubyBase":
                // Wrappers of a paragraph's runs; elsewhere they are unknown, read through below.
                if level == .paragraph {
                    try children(cursor.depth)
                    return
                }
            case "ins", "moveTo", "del", "moveFrom":
                try trackedChange { () throws(PackageFailure) in try children(self.cursor.depth) }
                return
            default:
                break
            }
        } else if name.namespace == .mc && name.local == "AlternateContent" {
            try alternateContent(children)
            return
        }
        if isIgnored(name) {
            try cursor.skipElement()
            return
        }
        countUnknown()
        try children(cursor.depth)
    }

    /// A tracked change at the cursor (`ins`/`moveTo`, `del`/`moveFrom`), read as Word shows it
    /// with all changes accepted: inserted or moved-in content through `children`, deleted or
    /// moved-out content skipped. Either way the document is flagged. The same rule at block,
    /// paragraph and run level.
    func trackedChange(_ children: () throws(PackageFailure) -> Void) throws(PackageFailure) {
        session.trackedChanges = true
        switch cursor.name.local {
        case "ins", "moveTo": try children()
        default: try cursor.skipElement()
        }
    }

    /// `mc:AlternateContent`: exactly one branch, the first `mc:Choice` (else the `mc:Fallback`),
    /// so a text box Word wrote twice is read once.
    func alternateContent(_ branch: (Int) throws(PackageFailure) -> Void) throws(PackageFailure) {
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
}
