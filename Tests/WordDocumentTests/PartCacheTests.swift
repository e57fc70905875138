import Foundation
import KiemdiemCore
import KiemdiemTestSupport
import OOXMLPackage
import Testing
@testable import WordDocument

/// A document whose only run takes its font from the styles part's defaults: with a VNI font
/// the text is decoded ("Ñaûng" → "Đảng"), with any other it is kept as typed. `padding` goes
/// into a comment of the styles part; `nesting` adds that many levels inside it.
private func docx(font: String, padding: String = "", nesting: Int = 0) -> (package: [UInt8], styles: [UInt8]) {
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let deep = String(repeating: "<w:x>", count: nesting) + String(repeating: "</w:x>", count: nesting)
    let styles = """
        <?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="\(w)"><!--\(padding)--><w:docDefaults><w:rPrDefault>\
        <w:rPr><w:rFonts w:ascii="\(font)" w:hAnsi="\(font)"/></w:rPr></w:rPrDefault></w:docDefaults>\
        <w:latentStyles>\(deep)</w:latentStyles></w:styles>
        """
    let entries: [(String, String)] = [
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """),
        ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="word/document.xml"/></Relationships>
            """),
        ("word/_rels/document.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/styles" Target="styles.xml"/></Relationships>
            """),
        ("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="\(w)"><w:body><w:p><w:r><w:t>Ñaûng</w:t></w:r></w:p>\
            </w:body></w:document>
            """),
        ("word/styles.xml", styles),
    ]
    return (StoredZip.archive(entries.map { ($0.0, Array($0.1.utf8)) }, utf8Names: false), Array(styles.utf8))
}

/// Flips bit 4 ('a' ↔ 'q') of some of the `slots` bytes so that the CRC-32 of `bytes` becomes
/// `target`: CRC-32 is affine in the message, so this is a linear system over GF(2).
private func forgeCRC(_ bytes: [UInt8], slots: [Int], target: UInt32) -> [UInt8]? {
    let base = StoredZip.crc32(bytes)
    var pivots: [Int: (vector: UInt32, combination: UInt64)] = [:]
    func reduce(_ vector: UInt32, _ combination: UInt64, insert: Bool) -> (UInt32, UInt64) {
        var (v, c) = (vector, combination)
        for bit in (0..<32).reversed() where v & (1 << UInt32(bit)) != 0 {
            if let row = pivots[bit] {
                v ^= row.vector
                c ^= row.combination
            } else if insert {
                pivots[bit] = (v, c)
                return (0, 0)
            }
        }
        return (v, c)
    }
    for (i, slot) in slots.enumerated() {
        var flipped = bytes
        flipped[slot] ^= 0x10
        _ = reduce(StoredZip.crc32(flipped) ^ base, 1 << UInt64(i), insert: true)
    }
    let (rest, combination) = reduce(target ^ base, 0, insert: false)
    guard rest == 0 else { return nil }
    var out = bytes
    for (i, slot) in slots.enumerated() where combination & (1 << UInt64(i)) != 0 { out[slot] ^= 0x10 }
    return out
}

private func readAll(_ files: [[UInt8]], limits: PackageLimits = PackageLimits(), cache: PartCache?)
    -> [Result<WordDocument, ReadFailure>] {
    files.map { bytes in Result { () throws(ReadFailure) in try WordReader(limits: limits, cache: cache).read(bytes) } }
}

@Test func cachedReadsEqualUncachedReadsForEveryReaderFixture() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Fixture.root.path)
        .filter { $0.hasSuffix(".docx") }.sorted()
    #expect(names.count >= 20)
    let files = try names.map(Fixture.bytes)
    let cache = PartCache()
    let uncached = readAll(files, cache: nil)
    // Twice: the first pass fills the cache, the second is served from it.
    for _ in 0..<2 {
        let cached = readAll(files, cache: cache)
        for (name, (a, b)) in zip(names, zip(uncached, cached)) {
            switch (a, b) {
            case (.success(let x), .success(let y)): #expect(x == y, "\(name)")
            case (.failure(let x), .failure(let y)): #expect(x.finding == y.finding, "\(name)")
            default: Issue.record("\(name): \(a) vs \(b)")
            }
        }
    }
    #expect(cache.statistics.hits > 0)
}

@Test func aBrokenStylesPartIsReportedInEveryFile() throws {
    let bytes = try Fixture.bytes("17-broken-styles.docx")
    let cache = PartCache()
    for _ in 0..<3 {
        let doc = try WordReader(cache: cache).read(bytes)
        #expect(doc.findings == [Finding(.malformedXML, field: "file", evidence: "word/styles.xml", severity: .warning)])
        #expect(texts(doc) == ["Vẫn đọc được"])
    }
}

@Test func stylesOfTheSameSizeAndCRCDoNotShareAnEntry() throws {
    let padding = String(repeating: "a", count: 64)
    let legacy = docx(font: "VNI-Times", padding: padding)
    let plain = docx(font: "XYZ-Times", padding: padding)
    // Same length; then the same CRC-32, by flipping letters of the plain one's comment.
    let start = plain.styles.firstIndex(of: UInt8(ascii: "!"))! + 3
    let forged = try #require(forgeCRC(plain.styles, slots: Array(start..<start + 64),
                                       target: StoredZip.crc32(legacy.styles)))
    #expect(forged.count == legacy.styles.count && forged != legacy.styles)
    #expect(StoredZip.crc32(forged) == StoredZip.crc32(legacy.styles))
    let forgedPadding = String(decoding: forged[start..<start + 64], as: UTF8.self)
    let impostor = docx(font: "XYZ-Times", padding: forgedPadding)
    #expect(impostor.styles == forged)

    let cache = PartCache()
    let first = try WordReader(cache: cache).read(legacy.package)
    let second = try WordReader(cache: cache).read(impostor.package)
    #expect(texts(first) == ["Đảng"])
    #expect(first.findings.map(\.code) == [.legacyFontConverted])
    #expect(texts(second) == ["Ñaûng"])
    #expect(second.findings.isEmpty)
    #expect(second == (try WordReader().read(impostor.package)))
    #expect(cache.statistics.hits == 0)
    #expect(try WordReader(cache: cache).read(legacy.package) == first)
    #expect(cache.statistics.hits == 1)
}

@Test func limitsAreCheckedOnEveryReadEvenWhenTheStylesAreCached() throws {
    let deep = docx(font: "Arial", nesting: 6)
    let cache = PartCache()
    _ = try WordReader(cache: cache).read(deep.package)
    let tight = PackageLimits(maxXMLDepth: 6)
    #expect(throws: ReadFailure.self) { try WordReader(limits: tight, cache: cache).read(deep.package) }
    #expect(throws: ReadFailure.self) { try WordReader(limits: tight).read(deep.package) }
}

@Test func theCacheStaysWithinItsBounds() throws {
    let cache = PartCache(capacity: 4)
    let files = (0..<10).map { docx(font: "VNI-Times", padding: "form \($0)").package }
    for (a, b) in zip(readAll(files, cache: nil), readAll(files, cache: cache)) {
        #expect(try a.get() == b.get())
    }
    #expect(cache.statistics.entries == 4)
    #expect(cache.statistics.hits == 0)

    let tiny = PartCache(byteBudget: 1_000)
    _ = readAll(files, cache: tiny)
    #expect(tiny.statistics.entries == 0)
}

@Test func concurrentReadersShareOneCache() async throws {
    let files = (0..<4).map { docx(font: "VNI-Times", padding: "template \($0)").package }
    let expected = readAll(files, cache: nil).map { try? $0.get() }
    let cache = PartCache()
    await withTaskGroup(of: Bool.self) { group in
        for i in 0..<64 {
            group.addTask {
                let bytes = files[i % files.count]
                return (try? WordReader(cache: cache).read(bytes)) == expected[i % files.count]
            }
        }
        for await same in group { #expect(same) }
    }
    #expect(cache.statistics.entries == 4)
}
