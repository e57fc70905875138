// Shared with the fuzz targets: Fuzz/build.sh compiles this file and StoredZip.swift into the
// Word and form targets as one module, where there is nothing to import.
#if canImport(KiemdiemTestSupport)
import KiemdiemTestSupport
#endif

/// Wraps fuzzer-chosen XML into the smallest package the Word reader accepts, so the Word and
/// form targets spend their time in XML → blocks → form instead of in rejecting random ZIPs.
/// Entries are stored (not deflated): building the archive must cost far less than reading it.
enum MiniPackage {
    static let contentTypes = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """.utf8)
    static let packageRels = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>
        """.utf8)
    static let documentRels = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
        </Relationships>
        """.utf8)
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let rNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let document = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(w)" xmlns:r="\(rNS)"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/>\
        <w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>BẢN KIỂM ĐIỂM CÁ NHÂN</w:t></w:r></w:p>\
        <w:sectPr><w:headerReference w:type="default" r:id="rId3"/></w:sectPr></w:body></w:document>
        """.utf8)
    static let styles = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(w)"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr>\
        </w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal">\
        <w:name w:val="Normal"/></w:style></w:styles>
        """.utf8)
    static let numbering = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="\(w)"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>\
        <w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """.utf8)
    static let header = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="\(w)"><w:p><w:r><w:t>ĐẢNG CỘNG SẢN VIỆT NAM</w:t></w:r></w:p></w:hdr>
        """.utf8)

    /// A package whose parts are the defaults above, with `replacing` swapped in by name.
    static func package(replacing name: String, with data: [UInt8]) -> [UInt8] {
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRels),
            ("word/_rels/document.xml.rels", documentRels), ("word/document.xml", document),
            ("word/styles.xml", styles), ("word/numbering.xml", numbering), ("word/header1.xml", header),
        ]
        for index in parts.indices where parts[index].0 == name { parts[index].1 = data }
        return StoredZip.archive(parts, utf8Names: true)
    }
}
