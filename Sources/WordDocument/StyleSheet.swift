import OOXMLPackage

/// What the reader needs from `styles.xml`: fonts (for legacy-encoding detection), strike,
/// and numbering attached to paragraph styles, each with its `w:basedOn` chain.
struct StyleSheet: Sendable {
    struct Style: Sendable {
        var type: String
        var basedOn: String?
        var run = RunProperties()
        var numbering: NumberingReference?
    }

    var styles: [String: Style] = [:]
    var defaultRun = RunProperties()
    var defaultParagraphStyle: String?

    static let empty = StyleSheet()

    static func parse(_ bytes: [UInt8], part: String, limits: PackageLimits) throws(PackageFailure) -> StyleSheet {
        try XMLCursor.read(bytes, part: part, limits: limits) { cursor throws(PackageFailure) in
            var sheet = StyleSheet()
            while try cursor.next() {
                guard cursor.kind == .startElement, cursor.name.namespace == .w else { continue }
                switch cursor.name.local {
                case "rPrDefault":
                    let depth = cursor.depth
                    while try cursor.nextChild(of: depth) {
                        guard cursor.kind == .startElement else { continue }
                        if cursor.name == XMLName(.w, "rPr") {
                            sheet.defaultRun = try RunProperties.parse(cursor)
                        } else {
                            try cursor.skipElement()
                        }
                    }
                case "style":
                    let type = cursor.attribute(.w, "type") ?? "paragraph"
                    guard let id = cursor.attribute(.w, "styleId") else { try cursor.skipElement(); continue }
                    if type == "paragraph" && OnOff.parse(cursor.attribute(.w, "default") ?? "0") {
                        sheet.defaultParagraphStyle = id
                    }
                    sheet.styles[id] = try parseStyle(cursor, type: type)
                case "latentStyles", "pPrDefault":
                    try cursor.skipElement()
                default:
                    break
                }
            }
            return sheet
        }
    }

    private static func parseStyle(_ cursor: XMLCursor, type: String) throws(PackageFailure) -> Style {
        var style = Style(type: type)
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            guard cursor.name.namespace == .w else { try cursor.skipElement(); continue }
            switch cursor.name.local {
            case "basedOn":
                style.basedOn = cursor.attribute(.w, "val")
                try cursor.skipElement()
            case "rPr":
                style.run = try RunProperties.parse(cursor)
            case "pPr":
                let pDepth = cursor.depth
                while try cursor.nextChild(of: pDepth) {
                    guard cursor.kind == .startElement else { continue }
                    if cursor.name == XMLName(.w, "numPr") {
                        style.numbering = try NumberingReference.parse(cursor)
                    } else {
                        try cursor.skipElement()
                    }
                }
            default:
                try cursor.skipElement()
            }
        }
        return style
    }

    /// Walks `id` and its `basedOn` ancestors (cycle-safe), nearest first.
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var current = id
        while let name = current, !seen.contains(name), let style = styles[name], seen.count < 64 {
            seen.insert(name)
            result.append(style)
            current = style.basedOn
        }
        return result
    }

    /// The numbering a paragraph style brings: the nearest `numPr` pieces in the chain.
    func numbering(ofParagraphStyle id: String?) -> NumberingReference? {
        var ref = NumberingReference()
        var found = false
        for style in chain(id) {
            guard let n = style.numbering else { continue }
            found = true
            if ref.numID == nil { ref.numID = n.numID }
            if ref.level == nil { ref.level = n.level }
        }
        return found ? ref : nil
    }

    /// Effective run fonts and strike, in Word's order: direct formatting, character style,
    /// paragraph style, document defaults.
    func resolve(_ direct: RunProperties, paragraphStyle: String?) -> RunProperties {
        var resolved = direct
        let layers = chain(direct.characterStyle).map(\.run)
            + chain(paragraphStyle ?? defaultParagraphStyle).map(\.run) + [defaultRun]
        for layer in layers {
            if resolved.asciiFont == nil { resolved.asciiFont = layer.asciiFont }
            if resolved.hAnsiFont == nil { resolved.hAnsiFont = layer.hAnsiFont }
            if resolved.strike == nil { resolved.strike = layer.strike }
        }
        return resolved
    }
}
