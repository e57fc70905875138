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
