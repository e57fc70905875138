import Foundation
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
        // Every ☒/☐ in the text was put there by `appendBox`, in order, so the n-th box glyph
        // of the NFC text is the n-th checkbox.
        var offsets: [Int] = []
        let final: String
        if text.allSatisfy(NFCStable.contains) {
            // Already NFC, one Character per scalar: no Foundation normalisation, no grapheme walk.
            final = String(text)
            for (offset, scalar) in text.enumerated() where scalar == CheckGlyph.checked || scalar == CheckGlyph.unchecked {
                offsets.append(offset)
            }
        } else {
            final = TextFolding.nfc(String(text))
            for (offset, character) in final.enumerated() {
                if let first = character.unicodeScalars.first, first == CheckGlyph.checked || first == CheckGlyph.unchecked {
                    offsets.append(offset)
                }
            }
        }
        let checkboxes = zip(boxes, offsets).map { Checkbox(checked: $0.0.checked, encoding: $0.0.encoding, offset: $0.1) }
        return Paragraph(text: final, numberingLabel: numberingLabel, styleID: styleID, checkboxes: checkboxes,
                         struck: struckPieces.map { $0.allSatisfy(NFCStable.contains) ? String($0) : TextFolding.nfc(String($0)) },
                         contentControls: controls)
    }
}

/// Scalars that NFC leaves alone wherever they stand: simple (`TextFolding.isSimple`: always a
/// Character of their own, no combining marks among them), combining class 0, and their own NFC
/// (which rules out singletons such as U+2000 → U+2002). No composition pairs two of them, so a
/// text made only of these is already NFC. The table is built once from Foundation's own NFC.
enum NFCStable {
    private static let latin: [Bool] = (0..<0x250).map { stable(UInt32($0)) }
    private static let latinExtendedAdditional: [Bool] = (0x1E00..<0x1F00).map { stable(UInt32($0)) }
    private static let others: [UInt32: Bool] = Dictionary(uniqueKeysWithValues:
        (Array(0x2000...0x2029) + [0x202F, 0x205F, 0x3000] + Array(0x2610...0x2612)).map { (UInt32($0), stable(UInt32($0))) })

    private static func stable(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value), TextFolding.isSimple(scalar),
              scalar.properties.canonicalCombiningClass == .notReordered else { return false }
        let alone = String(Character(scalar))
        return alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars)
    }

    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x250 { return latin[Int(v)] }
        if v >= 0x1E00 && v < 0x1F00 { return latinExtendedAdditional[Int(v - 0x1E00)] }
        return others[v] ?? false
    }
}
