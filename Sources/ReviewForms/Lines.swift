import KiemdiemCore
import WordDocument

/// One paragraph of the document, wherever it sits (body, table cell, header part), with the
/// folded key labels are matched on. `folded` has exactly one Character per Character of `text`,
/// so a position found in one is the same position in the other.
struct Line: Sendable {
    /// Display text (numbering label + text), NFC, tabs kept.
    let text: String
    /// Lower-case, accent-free, đ→d; same Character count as `text`.
    let folded: String
    let checkboxes: [Checkbox]
    let struck: [String]
    /// Where the paragraph was read, for provenance: "body[12]", "body[3].r0.c1[0]", "header[0]".
    let location: String
    /// Paragraphs of one table cell share a cell id, so a label cell and its value cell can be told apart.
    let cellID: Int?
    /// Cells of one table row share a row id: a choice laid out as table rows has its option in one
    /// cell and its mark in the next.
    let rowID: Int?

    /// The folded text with whitespace collapsed, for whole-line comparisons. Stored: the
    /// extraction asks for it several times per line (it was a quarter of all instructions).
    let key: String
    /// `folded` as Characters, for the label searches that work in Character offsets.
    let foldedCharacters: [Character]

    init(text: String, folded: String, checkboxes: [Checkbox], struck: [String], location: String, cellID: Int?,
         rowID: Int? = nil) {
        self.text = text
        self.folded = folded
        self.checkboxes = checkboxes
        self.struck = struck
        self.location = location
        self.cellID = cellID
        self.rowID = rowID
        if let both = Self.keyAndCharacters(folded) {
            (key, foldedCharacters) = both
        } else {
            key = TextFolding.collapseWhitespace(folded)
            foldedCharacters = folded.characterArray
        }
    }

    /// `collapseWhitespace(folded)` and `folded.characterArray` in one pass over the scalars, for
    /// folded text of simple scalars (all of it, in practice; `nil` otherwise). Every paragraph
    /// of every form is made a Line: two passes were a tenth of the reading threads' time.
    private static func keyAndCharacters(_ folded: String) -> (String, [Character])? {
        var key: [UInt8] = []
        key.reserveCapacity(folded.utf8.count)
        var characters: [Character] = []
        characters.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        // Locals: a static table read in the loop is a swift_once check per scalar.
        let latin = String.latinCharacters, latinExtended = String.latinExtendedAdditionalCharacters
        for s in folded.unicodeScalars {
            guard TextFolding.isSimple(s) else { return nil }
            characters.append(String.simpleCharacter(s, latin, latinExtended))
            if TextFolding.isSimpleWhitespace(s) {
                pendingSpace = !key.isEmpty
            } else {
                if pendingSpace { key.append(0x20); pendingSpace = false }
                TextFolding.appendUTF8(s, to: &key)
            }
        }
        return (String(decoding: key, as: UTF8.self), characters)
    }

    var isBlank: Bool { key.isEmpty }

    /// The cells of one table row read as one line, cells apart by a tab: "Hoàn thành tốt nhiệm
    /// vụ | X" is one option with its mark, whatever the layout.
    static func joined(_ parts: [Line]) -> Line {
        guard parts.count > 1 else { return parts[0] }
        var text = ""
        var boxes: [Checkbox] = []
        var struck: [String] = []
        var offset = 0
        for (k, part) in parts.enumerated() {
            if k > 0 { text += "\t"; offset += 1 }
            boxes += part.checkboxes.map { Checkbox(checked: $0.checked, encoding: $0.encoding, offset: $0.offset + offset) }
            struck += part.struck
            text += part.text
            offset += part.foldedCharacters.count
        }
        return Line(text: text, folded: AlignedFold.fold(text), checkboxes: boxes, struck: struck,
                    location: parts[0].location, cellID: parts[0].cellID, rowID: parts[0].rowID)
    }
}

enum LineFlattener {
    /// Header parts first (the organisation is sometimes printed there), then the body; tables
    /// row by row, cell by cell, nested tables in place.
    static func lines(of document: WordDocument) -> [Line] {
        var out: [Line] = []
        var nextCell = 0
        var nextRow = 0
        func walk(_ blocks: [Block], path: String, cell: Int?, row: Int?) {
            for (index, block) in blocks.enumerated() {
                let here = "\(path)[\(index)]"
                switch block {
                case .paragraph(let paragraph):
                    let text = paragraph.displayText
                    var boxes = paragraph.checkboxes
                    if !boxes.isEmpty, paragraph.numberingLabel?.isEmpty == false {
                        let shift = TextFolding.characterCount(text) - TextFolding.characterCount(paragraph.text)
                        boxes = boxes.map { Checkbox(checked: $0.checked, encoding: $0.encoding, offset: $0.offset + shift) }
                    }
                    // A line break inside a paragraph (Shift+Enter) separates lines on the page.
                    var start = 0
                    // Without a LF byte there is no "\n" Character: one piece, no Character split.
                    let pieces = ByteSearch.contains(text, byte: 0x0A)
                        ? text.split(separator: "\n", omittingEmptySubsequences: false) : [Substring(text)]
                    for (k, piece) in pieces.enumerated() {
                        let pieceText = String(piece)
                        var mine: [Checkbox] = []
                        var end = start
                        if !boxes.isEmpty {
                            end = start + TextFolding.characterCount(pieceText)
                            mine = boxes.filter { $0.offset >= start && $0.offset < end }
                                .map { Checkbox(checked: $0.checked, encoding: $0.encoding, offset: $0.offset - start) }
                            boxes.removeAll { $0.offset >= start && $0.offset < end }
                        }
                        out.append(Line(text: pieceText, folded: AlignedFold.fold(pieceText), checkboxes: mine,
                                        struck: paragraph.struck, location: k == 0 ? here : "\(here)+\(k)", cellID: cell,
                                        rowID: row))
                        start = end + 1
                    }
                case .table(let table):
                    for (r, row) in table.rows.enumerated() {
                        nextRow += 1
                        let rowID = nextRow
                        for (c, tableCell) in row.cells.enumerated() where !tableCell.isMergeContinuation {
                            nextCell += 1
                            walk(tableCell.blocks, path: "\(here).r\(r).c\(c)", cell: nextCell, row: rowID)
                        }
                    }
                }
            }
        }
        walk(document.headers, path: "header", cell: nil, row: nil)
        walk(document.body, path: "body", cell: nil, row: nil)
        return out
    }
}

/// Folding that keeps positions: one output Character per input Character.
enum AlignedFold {
    static func fold(_ text: String) -> String {
        if let fast = foldSimple(text) { return fast }
        var out = String.UnicodeScalarView()
        for ch in text {
            let scalars = ch.unicodeScalars
            if scalars.count == 1, let s = scalars.first, s.isASCII {
                out.append(s.properties.lowercaseMapping.unicodeScalars.first ?? s)
                continue
            }
            out.append(base(of: ch))
        }
        return String(out)
    }

    /// The same fold for text whose every scalar is its own Character (`TextFolding.isSimple`),
    /// which is all of Vietnamese NFC text: one table lookup per scalar instead of a Foundation
    /// decomposition per Character. `nil` for any other text.
    private static func foldSimple(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        // Locals: a static table read in the loop is a swift_once check per scalar.
        let latin = latinBase, latinExtended = latinExtendedAdditionalBase, punctuation = punctuationBase
        for s in text.unicodeScalars {
            guard TextFolding.isSimple(s) else { return nil }
            let v = s.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
            } else if v < 0x250 {
                TextFolding.appendUTF8(latin[Int(v - 0x80)], to: &out)
            } else if v >= 0x1E00 && v < 0x1F00 {
                TextFolding.appendUTF8(latinExtended[Int(v - 0x1E00)], to: &out)
            } else if v >= 0x2000 && v < 0x2613 {
                TextFolding.appendUTF8(punctuation[Int(v - 0x2000)], to: &out)
            } else {
                TextFolding.appendUTF8(base(of: Character(s)), to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let latinBase: [Unicode.Scalar] = (0x80..<0x250).map { base(of: Character(Unicode.Scalar($0)!)) }
    private static let latinExtendedAdditionalBase: [Unicode.Scalar] =
        (0x1E00..<0x1F00).map { base(of: Character(Unicode.Scalar($0)!)) }
    /// Up to the ballot boxes: dashes, quotes and ellipses are common in the forms.
    private static let punctuationBase: [Unicode.Scalar] =
        (0x2000..<0x2613).map { Unicode.Scalar($0).map { base(of: Character($0)) } ?? " " }

    private static func base(of ch: Character) -> Unicode.Scalar {
        if ch == "đ" || ch == "Đ" { return "d" }
        let decomposed = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let first = decomposed.first else { return " " }
        if first.properties.isWhitespace { return " " }
        let lower = first.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : first
    }
}

extension String {
    /// Character offset of the first match of `needle` in `self`, from `start`.
    func characterOffset(of needle: String, from start: Int = 0) -> Int? {
        characterArray.characterOffset(of: needle.characterArray, from: start)
    }

    /// The substring between two Character offsets, each clamped to the text (`.max`: to the end).
    func slice(_ from: Int, _ to: Int) -> String {
        // In text of simple scalars a Character offset is a scalar offset: no Array of Characters.
        var count = 0
        for s in unicodeScalars {
            guard TextFolding.isSimple(s) else { return sliceByCharacter(from, to) }
            count += 1
        }
        let lo = Swift.max(0, Swift.min(from, count))
        let hi = Swift.max(lo, Swift.min(to, count))
        let scalars = unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: lo)
        return String(scalars[start..<scalars.index(start, offsetBy: hi - lo)])
    }

    private func sliceByCharacter(_ from: Int, _ to: Int) -> String {
        let chars = Array(self)
        let lo = Swift.max(0, Swift.min(from, chars.count))
        let hi = Swift.max(lo, Swift.min(to, chars.count))
        return String(characters: chars[lo..<hi])
    }

    /// `String(characters)` through their UTF-8: appending Characters one at a time re-checks
    /// grapheme boundaries at every append. The bytes, hence the string, are the same.
    init(characters: ArraySlice<Character>) {
        var bytes: [UInt8] = []
        for character in characters { bytes += character.utf8 }
        self.init(decoding: bytes, as: UTF8.self)
    }

    /// The Characters of `self`, from its scalars when each is a Character of its own.
    var characterArray: [Character] {
        var out: [Character] = []
        out.reserveCapacity(utf8.count)
        let latin = String.latinCharacters, latinExtended = String.latinExtendedAdditionalCharacters
        for s in unicodeScalars {
            guard TextFolding.isSimple(s) else { return Array(self) }
            out.append(Self.simpleCharacter(s, latin, latinExtended))
        }
        return out
    }

    /// The Character of a simple scalar (`TextFolding.isSimple`), from the tables below where
    /// they hold it (the caller reads them once, outside its loop).
    @inline(__always)
    static func simpleCharacter(_ s: Unicode.Scalar, _ latin: [Character], _ latinExtended: [Character]) -> Character {
        let v = Int(s.value)
        if v < 0x300 { return latin[v] }
        if v >= 0x1E00 && v < 0x1F00 { return latinExtended[v - 0x1E00] }
        return Character(s)
    }

    /// Small Characters copy without allocating; making each from its scalar does not.
    static let latinCharacters: [Character] = (0..<0x300).map { Character(Unicode.Scalar($0)!) }
    static let latinExtendedAdditionalCharacters: [Character] =
        (0x1E00..<0x1F00).map { Character(Unicode.Scalar($0)!) }
}

extension Array where Element == Character {
    /// Offset of the first occurrence of `pattern` at or after `start`, comparing in place.
    func characterOffset(of pattern: [Character], from start: Int = 0) -> Int? {
        guard !pattern.isEmpty, start >= 0, start <= count, pattern.count <= count else { return nil }
        var i = start
        while i + pattern.count <= count {
            if self[i] == pattern[0] {
                var k = 1
                while k < pattern.count && self[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }
}
