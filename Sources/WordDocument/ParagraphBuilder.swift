import KiemdiemCore

/// Accumulates one paragraph's text across runs, wrappers and fields.
struct ParagraphBuilder {
    private var text = String.UnicodeScalarView()
    private var boxes: [(checked: Bool, encoding: Checkbox.Encoding)] = []
    private var struckPieces: [String.UnicodeScalarView] = []
    private var lastWasStruck = false
    var controls: [ContentControl]
    var styleID: String?
    var numberingLabel: String?
    /// Text-box content anchored in this paragraph: emitted as blocks right after it.
    var floating: [Block] = []

    init(controls: [ContentControl]) {
        self.controls = controls
    }

    /// Appends run text after the reader-wide unifications (see `WordDocument`).
    mutating func append(_ piece: String, struck: Bool) {
        for scalar in piece.unicodeScalars {
            switch scalar.value {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            case 0x00A0, 0x202F:
                appendScalar(" ", struck: struck)
            default:
                if let checked = CheckGlyph.state(of: scalar) {
                    appendBox(checked: checked, encoding: .glyph, struck: struck)
                } else {
                    appendScalar(scalar, struck: struck)
                }
            }
        }
    }

    mutating func appendBox(checked: Bool, encoding: Checkbox.Encoding, struck: Bool) {
        boxes.append((checked, encoding))
        appendScalar(checked ? CheckGlyph.checked : CheckGlyph.unchecked, struck: struck)
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar, struck: Bool) {
        text.append(scalar)
        if struck {
            if !lastWasStruck { struckPieces.append(String.UnicodeScalarView()) }
            struckPieces[struckPieces.count - 1].append(scalar)
        }
        lastWasStruck = struck
    }

    func finish() -> Paragraph {
        let final = TextFolding.nfc(String(text))
        // Every ☒/☐ in the text was put there by `appendBox`, in order, so the n-th box glyph
        // of the NFC text is the n-th checkbox.
        var offsets: [Int] = []
        for (offset, character) in final.enumerated() {
            if let first = character.unicodeScalars.first, first == CheckGlyph.checked || first == CheckGlyph.unchecked {
                offsets.append(offset)
            }
        }
        let checkboxes = zip(boxes, offsets).map { Checkbox(checked: $0.0.checked, encoding: $0.0.encoding, offset: $0.1) }
        return Paragraph(text: final, numberingLabel: numberingLabel, styleID: styleID, checkboxes: checkboxes,
                         struck: struckPieces.map { TextFolding.nfc(String($0)) }, contentControls: controls)
    }
}
