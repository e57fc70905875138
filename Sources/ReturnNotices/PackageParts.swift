import KiemdiemCore
import OOXMLPackage

/// The parts of a WordprocessingML package besides the body (ECMA-376 Part 1 and Part 2, OPC):
/// content types, relationships, core properties, and a style sheet whose defaults are the
/// letter's (Times New Roman 13 pt, Vietnamese).
enum PackageParts {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes() throws(PackageWriteError) -> [UInt8] {
        let xml = try XMLWriter()
        xml.start("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        xml.element("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        xml.element("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        xml.element("Override", [("PartName", "/word/document.xml"),
                                 ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")])
        xml.element("Override", [("PartName", "/word/styles.xml"),
                                 ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")])
        xml.element("Override", [("PartName", "/docProps/core.xml"),
                                 ("ContentType", "application/vnd.openxmlformats-package.core-properties+xml")])
        xml.end()
        return try xml.finish()
    }

    static func packageRelationships() throws(PackageWriteError) -> [UInt8] {
        try relationships([
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ])
    }

    static func documentRelationships() throws(PackageWriteError) -> [UInt8] {
        try relationships([("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")])
    }

    private static func relationships(_ list: [(String, String, String)]) throws(PackageWriteError) -> [UInt8] {
        let xml = try XMLWriter()
        xml.start("Relationships", [("xmlns", packageRelationshipNamespace)])
        for (id, type, target) in list { xml.element("Relationship", [("Id", id), ("Type", type), ("Target", target)]) }
        xml.end()
        return try xml.finish()
    }

    static func coreProperties(title: String, modified: Int64) throws(PackageWriteError) -> [UInt8] {
        let xml = try XMLWriter()
        xml.start("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ])
        xml.element("dc:title", text: title)
        xml.element("dc:creator", text: "kiemdiem")
        xml.element("dc:language", text: "vi-VN")
        let stamp = w3cdtf(modified)
        xml.element("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
        xml.element("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
        xml.end()
        return try xml.finish()
    }

    static func styles() throws(PackageWriteError) -> [UInt8] {
        let xml = try XMLWriter()
        xml.start("w:styles", [("xmlns:w", wordNamespace)])
        xml.start("w:docDefaults")
        xml.start("w:rPrDefault")
        xml.start("w:rPr")
        xml.element("w:rFonts", [("w:ascii", "Times New Roman"), ("w:hAnsi", "Times New Roman"),
                                 ("w:eastAsia", "Times New Roman"), ("w:cs", "Times New Roman")])
        xml.element("w:sz", [("w:val", "26")])
        xml.element("w:szCs", [("w:val", "26")])
        xml.element("w:lang", [("w:val", "vi-VN")])
        xml.end()
        xml.end()
        xml.start("w:pPrDefault")
        xml.start("w:pPr")
        xml.element("w:spacing", [("w:after", "0"), ("w:line", "264"), ("w:lineRule", "auto")])
        xml.end()
        xml.end()
        xml.end()
        xml.start("w:style", [("w:type", "paragraph"), ("w:default", "1"), ("w:styleId", "Normal")])
        xml.element("w:name", [("w:val", "Normal")])
        xml.end()
        xml.end()
        return try xml.finish()
    }

    /// "2026-12-03T00:00:00Z".
    static func w3cdtf(_ seconds: Int64) -> String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        let date = CivilDate(daysSince1970: days) ?? CivilDate(year: 1980, month: 1, day: 1)!
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.iso)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }
}
