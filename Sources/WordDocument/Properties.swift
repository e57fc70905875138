import OOXMLPackage

/// The run properties the reader cares about: fonts (legacy encodings, symbol fonts), the
/// character style, strike-through. Everything else in `w:rPr` is formatting and ignored.
struct RunProperties: Sendable, Hashable {
    var asciiFont: String?
    var hAnsiFont: String?
    var characterStyle: String?
    var strike: Bool?
    /// `w:ins`/`w:del` inside a paragraph mark's `w:rPr`: the mark itself is a revision.
    var markInserted = false
    var markDeleted = false

    /// `w:rPr` at the cursor, consumed to its end.
    static func parse(_ cursor: XMLCursor) throws(PackageFailure) -> RunProperties {
        var props = RunProperties()
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name.namespace == .w {
                switch cursor.name.local {
                case "rFonts":
                    props.asciiFont = cursor.attribute(.w, "ascii")
                    props.hAnsiFont = cursor.attribute(.w, "hAnsi")
                case "rStyle":
                    props.characterStyle = cursor.attribute(.w, "val")
                case "strike", "dstrike":
                    let on = OnOff.parse(cursor.attribute(.w, "val"))
                    props.strike = (props.strike ?? false) || on
                case "ins", "moveTo":
                    props.markInserted = true
                case "del", "moveFrom":
                    props.markDeleted = true
                default:
                    break
                }
            }
            try cursor.skipElement()
        }
        return props
    }
}

/// ST_OnOff: an absent `w:val` means on.
enum OnOff {
    static func parse(_ value: String?) -> Bool {
        guard let value else { return true }
        switch value.lowercased() {
        case "0", "false", "off", "none": return false
        default: return true
        }
    }
}

/// `w:numPr` as written (either part may be missing and inherited from the style).
struct NumberingReference: Sendable, Equatable {
    var numID: Int?
    var level: Int?

    static func parse(_ cursor: XMLCursor) throws(PackageFailure) -> NumberingReference {
        var ref = NumberingReference()
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name.namespace == .w {
                switch cursor.name.local {
                case "numId": ref.numID = cursor.attribute(.w, "val").flatMap { Int($0) }
                case "ilvl": ref.level = cursor.attribute(.w, "val").flatMap { Int($0) }
                default: break
                }
            }
            try cursor.skipElement()
        }
        return ref
    }
}
