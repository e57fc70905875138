import KiemdiemCore

/// A Word document read into blocks: what the form layer sees of a .docx.
///
/// Text is NFC, with these unifications already done by the reader:
/// - every checkbox, whatever its encoding (w14 content control, legacy FORMCHECKBOX, `w:sym`
///   Wingdings glyph, typed ☒ ☑ ✓ ✗ ■ / ☐ □), appears in `text` as U+2612 "☒" (checked) or
///   U+2610 "☐" (unchecked) at its position, and is listed in `checkboxes`;
/// - tabs stay "\t", line breaks (`w:br`, `w:cr`) are "\n", NBSP is a space, soft hyphens and
///   zero-width characters are gone, a no-break hyphen is "-";
/// - tracked insertions are kept, deletions dropped; a deleted paragraph mark joins its paragraph
///   to the next one of the same container (body, cell, text box, header), which keeps its own
///   style and numbering; fields show only their result;
/// - a content control showing its placeholder contributes no text;
/// - the automatic numbering label (from numbering.xml) is in `numberingLabel`, not in `text`.
public struct WordDocument: Sendable, Equatable {
    /// The body of the main document part, in order.
    public var body: [Block]
    /// Blocks of the header parts the sections refer to (first, default, even), in that order.
    public var headers: [Block]
    /// Reader-level findings: `TRACKED_CHANGES`, `LEGACY_FONT_CONVERTED`, a broken secondary part…
    public var findings: [Finding]
    /// Elements the reader did not understand, counted per qualified name ("w:foo": 2), per part.
    public var unknownElements: [String: [String: Int]]
    /// `w:altChunk` parts found (imported content the reader cannot see).
    public var altChunks: Int

    public init(body: [Block] = [], headers: [Block] = [], findings: [Finding] = [],
                unknownElements: [String: [String: Int]] = [:], altChunks: Int = 0) {
        self.body = body
        self.headers = headers
        self.findings = findings
        self.unknownElements = unknownElements
        self.altChunks = altChunks
    }
}

/// A body-level block: a paragraph or a table.
public enum Block: Sendable, Equatable {
    case paragraph(Paragraph)
    case table(Table)
}

/// One paragraph with its whole text: labels are matched here, never on single runs.
public struct Paragraph: Sendable, Equatable {
    /// NFC text of all runs (see `WordDocument` for what is unified).
    public var text: String
    /// The rendered automatic-numbering label ("I.", "1.", "a)"), when the paragraph is numbered.
    public var numberingLabel: String?
    /// The paragraph style id (`w:pStyle`), when set.
    public var styleID: String?
    /// Checkboxes in the order they appear in `text`.
    public var checkboxes: [Checkbox]
    /// Pieces of text formatted with `w:strike`/`w:dstrike`, in order (NFC).
    public var struck: [String]
    /// Content controls (`w:sdt`) that enclose this paragraph or some of its runs, outermost first.
    public var contentControls: [ContentControl]

    public init(text: String, numberingLabel: String? = nil, styleID: String? = nil, checkboxes: [Checkbox] = [],
                struck: [String] = [], contentControls: [ContentControl] = []) {
        self.text = text
        self.numberingLabel = numberingLabel
        self.styleID = styleID
        self.checkboxes = checkboxes
        self.struck = struck
        self.contentControls = contentControls
    }

    /// The text as a reader of the printed page sees it: numbering label, a space, the text.
    public var displayText: String {
        guard let label = numberingLabel, !label.isEmpty else { return text }
        return label + " " + text
    }
}

/// A checkbox, unified from any of the four encodings.
public struct Checkbox: Sendable, Equatable {
    public enum Encoding: String, Sendable {
        case contentControl   // w14:checkbox
        case formField        // legacy FORMCHECKBOX (w:ffData)
        case symbol           // w:sym in Wingdings / Wingdings 2
        case glyph            // a typed character: ☒ ☑ ✓ ✗ ■ / ☐ □
    }
    public var checked: Bool
    public var encoding: Encoding
    /// Offset of the box in the paragraph's `text`, in Characters.
    public var offset: Int

    public init(checked: Bool, encoding: Encoding, offset: Int) {
        self.checked = checked
        self.encoding = encoding
        self.offset = offset
    }
}

/// A content control's identity: the best key a form can offer for a field.
public struct ContentControl: Sendable, Equatable {
    public var tag: String?
    public var alias: String?
    /// True when the control still shows its placeholder ("Click here to enter text."): empty.
    public var showingPlaceholder: Bool

    public init(tag: String?, alias: String?, showingPlaceholder: Bool) {
        self.tag = tag
        self.alias = alias
        self.showingPlaceholder = showingPlaceholder
    }
}

/// A table: rows of cells; each cell is a block container (paragraphs and nested tables).
public struct Table: Sendable, Equatable {
    public var rows: [TableRow]
    public init(rows: [TableRow]) { self.rows = rows }
}

public struct TableRow: Sendable, Equatable {
    public var cells: [TableCell]
    public init(cells: [TableCell]) { self.cells = cells }
}

public struct TableCell: Sendable, Equatable {
    public var blocks: [Block]
    /// Grid columns this cell spans (`w:gridSpan`), 1 by default.
    public var gridSpan: Int
    /// True for a `w:vMerge` continuation cell: its content belongs to the cell above.
    public var isMergeContinuation: Bool

    public init(blocks: [Block], gridSpan: Int = 1, isMergeContinuation: Bool = false) {
        self.blocks = blocks
        self.gridSpan = gridSpan
        self.isMergeContinuation = isMergeContinuation
    }

    /// Paragraph texts of the cell, nested tables included, joined by "\n".
    public var text: String {
        var lines: [String] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let p): lines.append(p.displayText)
                case .table(let t): for row in t.rows { for cell in row.cells { collect(cell.blocks) } }
                }
            }
        }
        collect(blocks)
        return lines.joined(separator: "\n")
    }
}
