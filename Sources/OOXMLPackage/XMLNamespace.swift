/// The namespaces the reader knows, with Transitional and Strict URIs folded to one identity so
/// that no code above this layer ever sees which flavour a document was saved in.
public enum XMLNamespace: UInt8, Sendable, Hashable {
    case none
    case w          // wordprocessingml main
    case w14, w15, w16   // Word 2010+ extensions (w16 covers the w16* family)
    case r          // officeDocument relationships (attributes such as r:id)
    case mc         // markup compatibility
    case wp, wp14   // drawing anchors
    case a, a14, pic, c, dgm   // DrawingML
    case wps, wpg, wpc, wpi   // Word shapes, groups, canvases, ink
    case v, o, w10  // VML
    case m          // OfficeMath
    case xml        // the xml: prefix (xml:space)
    case packageRelationships
    case contentTypes
    case other

    /// The prefix used in `unknownElements` keys; `nil` for namespaces without a canonical prefix.
    public var canonicalPrefix: String? {
        switch self {
        case .none, .other, .packageRelationships, .contentTypes: return nil
        default: return String(describing: self)
        }
    }

    public static func identify(_ uri: String) -> XMLNamespace {
        if let known = table[uri] { return known }
        if uri.hasPrefix("http://schemas.microsoft.com/office/word/2015/wordml")
            || uri.hasPrefix("http://schemas.microsoft.com/office/word/2016/")
            || uri.hasPrefix("http://schemas.microsoft.com/office/word/2018/")
            || uri.hasPrefix("http://schemas.microsoft.com/office/word/2020/")
            || uri.hasPrefix("http://schemas.microsoft.com/office/word/2023/") {
            return .w16
        }
        return .other
    }

    static let table: [String: XMLNamespace] = [
        "": .none,
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": .w,
        "http://purl.oclc.org/ooxml/wordprocessingml/main": .w,
        "http://schemas.microsoft.com/office/word/2010/wordml": .w14,
        "http://schemas.microsoft.com/office/word/2012/wordml": .w15,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": .r,
        "http://purl.oclc.org/ooxml/officeDocument/relationships": .r,
        "http://schemas.openxmlformats.org/markup-compatibility/2006": .mc,
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": .wp,
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": .wp,
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing": .wp14,
        "http://schemas.openxmlformats.org/drawingml/2006/main": .a,
        "http://purl.oclc.org/ooxml/drawingml/main": .a,
        "http://schemas.microsoft.com/office/drawing/2010/main": .a14,
        "http://schemas.openxmlformats.org/drawingml/2006/picture": .pic,
        "http://purl.oclc.org/ooxml/drawingml/picture": .pic,
        "http://schemas.openxmlformats.org/drawingml/2006/chart": .c,
        "http://purl.oclc.org/ooxml/drawingml/chart": .c,
        "http://schemas.openxmlformats.org/drawingml/2006/diagram": .dgm,
        "http://purl.oclc.org/ooxml/drawingml/diagram": .dgm,
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": .wps,
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup": .wpg,
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas": .wpc,
        "http://schemas.microsoft.com/office/word/2010/wordprocessingInk": .wpi,
        "urn:schemas-microsoft-com:vml": .v,
        "urn:schemas-microsoft-com:office:office": .o,
        "urn:schemas-microsoft-com:office:word": .w10,
        "http://schemas.openxmlformats.org/officeDocument/2006/math": .m,
        "http://purl.oclc.org/ooxml/officeDocument/math": .m,
        "http://www.w3.org/XML/1998/namespace": .xml,
        "http://schemas.openxmlformats.org/package/2006/relationships": .packageRelationships,
        "http://schemas.openxmlformats.org/package/2006/content-types": .contentTypes,
    ]
}

/// A namespace-qualified name, interned per cursor: comparing two is an enum compare plus a
/// short (inline, allocation-free) string compare.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
    public let namespace: XMLNamespace
    public let local: String

    public init(_ namespace: XMLNamespace, _ local: String) {
        self.namespace = namespace
        self.local = local
    }

    public var description: String {
        namespace.canonicalPrefix.map { "\($0):\(local)" } ?? local
    }
}
