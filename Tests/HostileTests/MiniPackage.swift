// Shared with the fuzz targets: Fuzz/build.sh compiles this file into the Word and form targets.
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
        return storedZip(parts)
    }

    static func storedZip(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32, _ into: inout [UInt8]) {
            for shift in stride(from: 0, to: 32, by: 8) { into.append(UInt8((v >> UInt32(shift)) & 0xFF)) }
        }
        for (name, data) in entries {
            let offset = UInt32(out.count)
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            le32(0x0403_4B50, &out); le16(20, &out); le16(0x800, &out); le16(0, &out); le16(0, &out); le16(0x21, &out)
            le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(data.count), &out)
            le16(nameBytes.count, &out); le16(0, &out); out += nameBytes; out += data
            le32(0x0201_4B50, &central); le16(20, &central); le16(20, &central); le16(0x800, &central); le16(0, &central)
            le16(0, &central); le16(0x21, &central); le32(crc, &central); le32(UInt32(data.count), &central)
            le32(UInt32(data.count), &central); le16(nameBytes.count, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0, &central); le32(0, &central); le32(offset, &central); central += nameBytes
        }
        let centralOffset = out.count
        out += central
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out)
        le16(entries.count, &out); le16(entries.count, &out)
        le32(UInt32(central.count), &out); le32(UInt32(centralOffset), &out); le16(0, &out)
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}
