import KiemdiemCore

/// Accumulates one paragraph's text across runs, wrappers and fields.
struct ParagraphBuilder {
    /// UTF-8: appending to a `String.UnicodeScalarView` cost a tenth of the read.
    private var text: [UInt8] = []
    private var boxes: [(checked: Bool, encoding: Checkbox.Encoding)] = []
    private var struckPieces: [[UInt8]] = []
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
            // ASCII is never unified nor a box: straight to the bytes.
            if scalar.value < 0x80 && !struck {
                text.append(UInt8(truncatingIfNeeded: scalar.value))
                lastWasStruck = false
                continue
            }
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
        TextFolding.appendUTF8(scalar, to: &text)
        if struck {
            if !lastWasStruck { struckPieces.append([]) }
            TextFolding.appendUTF8(scalar, to: &struckPieces[struckPieces.count - 1])
        }
        lastWasStruck = struck
    }

    func finish() -> Paragraph {
        // A fresh String of the bytes' own size: `text` grew by appends and has spare capacity,
        // which a document of 420,000 paragraphs would keep alive (+9 MB at peak).
        let built = String(decoding: text, as: UTF8.self)
        let final = ParagraphBuilder.isTriviallyNFC(built.unicodeScalars) ? built : TextFolding.nfc(built)
        // Every ☒/☐ in the text was put there by `appendBox`, in order, so the n-th box glyph
        // of the NFC text is the n-th checkbox.
        var offsets: [Int] = []
        if !boxes.isEmpty {
            for (offset, character) in final.enumerated() {
                if let first = character.unicodeScalars.first, first == CheckGlyph.checked || first == CheckGlyph.unchecked {
                    offsets.append(offset)
                }
            }
        }
        let checkboxes = zip(boxes, offsets).map { Checkbox(checked: $0.0.checked, encoding: $0.0.encoding, offset: $0.1) }
        return Paragraph(text: final, numberingLabel: numberingLabel, styleID: styleID, checkboxes: checkboxes,
                         struck: struckPieces.map { TextFolding.nfc(String(decoding: $0, as: UTF8.self)) },
                         contentControls: controls)
    }

    /// True when `text` is NFC already and Foundation's normalisation (a bridge to CFString and
    /// back) can be skipped: it was a third of the read time of a 50 MB main part (issue 8), and
    /// nearly every paragraph of a Vietnamese form qualifies. Each scalar in these ranges is
    /// NFC_Quick_Check=Yes and never the second half of a canonical composition (those are all
    /// combining marks or conjoining jamo, at U+0300 and above, outside the ranges), so no
    /// sequence of them can change under NFC. `WordDocumentTests.triviallyNFCRangesAreStable`
    /// checks every scalar and every adjacent pair of the ranges against Foundation.
    static let triviallyNFCRanges: [ClosedRange<UInt32>] = [
        0x0000...0x02FF,   // Latin-1, Latin Extended-A/B (ơ, ư, đ), IPA, spacing modifiers
        0x1E00...0x1EFF,   // Latin Extended Additional: the precomposed Vietnamese letters
        0x2010...0x2027,   // dashes, quotes, bullets, ellipsis
        0x2030...0x205E,   // per mille, primes, more punctuation
        0x2610...0x2612,   // ☐ ☑ ☒
    ]

    static func isTriviallyNFC(_ text: String.UnicodeScalarView) -> Bool {
        for scalar in text {
            let value = scalar.value
            if value < 0x300 { continue }
            guard triviallyNFCRanges.contains(where: { $0.contains(value) }) else { return false }
        }
        return true
    }
}
