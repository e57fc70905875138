import Foundation
import KiemdiemCore
import KiemdiemTestSupport
import Testing
@testable import OOXMLPackage

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reader")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(name)))
    }
}

/// Opens the package and reads its main part through the cursor, as the Word reader does.
func openAndScan(_ bytes: [UInt8], limits: PackageLimits = PackageLimits()) -> FindingCode? {
    do throws(PackageFailure) {
        let package = try OPCPackage(bytes: bytes, limits: limits)
        let main = try package.mainDocumentPartName()
        guard let data = try package.read(main) else { return .notAWordDocument }
        try XMLCursor.read(data, part: main, limits: limits) { cursor throws(PackageFailure) in
            while try cursor.next() {}
        }
        return nil
    } catch {
        return error.code
    }
}

func code(_ fixture: String, limits: PackageLimits = PackageLimits()) throws -> FindingCode? {
    openAndScan(try Fixture.bytes("package/" + fixture), limits: limits)
}

@Test func emptyFileIsEmptyFile() throws {
    #expect(try code("empty.docx") == .emptyFile)
}

@Test func randomBytesAreNotAZip() throws {
    #expect(try code("random.docx") == .notAZip)
}

@Test func oleCompoundFileIsLegacyWord() throws {
    #expect(try code("legacy.doc.docx") == .legacyWordFormat)
}

@Test func oleWithEncryptedPackageIsEncrypted() throws {
    #expect(try code("encrypted.docx") == .encryptedDocument)
}

@Test func fileOverTheCapIsTooLarge() throws {
    let bytes = try Fixture.bytes("package/valid-minimal.docx")
    #expect(openAndScan(bytes, limits: PackageLimits(maxFileBytes: bytes.count - 1)) == .fileTooLarge)
    // The default cap is 50 MiB: one byte more is rejected before libzip sees anything.
    // Uninitialised on purpose: the pages are never touched, so this costs no resident memory
    // while the peak-memory test runs alongside.
    let huge = [UInt8](unsafeUninitializedCapacity: (50 << 20) + 1) { _, count in count = (50 << 20) + 1 }
    #expect(openAndScan(huge) == .fileTooLarge)
}

@Test func validMinimalPackageReads() throws {
    #expect(try code("valid-minimal.docx") == nil)
}

@Test func truncatedZipIsCorrupt() throws {
    #expect(try code("truncated.docx") == .corruptArchive)
}

@Test func badCRCIsCorrupt() throws {
    #expect(try code("bad-crc.docx") == .corruptArchive)
}

@Test func zipBombIsRejectedBeforeInflating() throws {
    // 1 GiB of zeros declared in the central directory: over the 256 MiB total cap.
    #expect(try code("zip-bomb.docx") == .archiveLimitExceeded)
}

@Test func bombEntryReadIsCappedByEntrySizeAndRatio() throws {
    let bytes = try Fixture.bytes("package/zip-bomb.docx")
    let byRatio = try OPCPackage(bytes: bytes, limits: PackageLimits(maxEntryBytes: 2 << 30, maxTotalInflatedBytes: 2 << 30))
    #expect(readCode(byRatio, "word/media/zeros.bin") == .archiveLimitExceeded)
    let bySize = try OPCPackage(bytes: bytes, limits: PackageLimits(maxEntryBytes: 8 << 20, maxTotalInflatedBytes: 2 << 30,
                                                                    maxRatio: 1 << 30))
    #expect(readCode(bySize, "word/media/zeros.bin") == .archiveLimitExceeded)
}

func readCode(_ package: OPCPackage, _ part: String) -> FindingCode? {
    do throws(PackageFailure) {
        _ = try package.read(part)
        return nil
    } catch {
        return error.code
    }
}

@Test func lyingSizeHeaderIsCaughtWhileReading() throws {
    // The central directory says 2,000 bytes; the data inflates to 30 MB.
    // Inflating past the declared size is damage (or malice): the read stops at the first chunk.
    #expect(try code("lying-bomb.docx") == .corruptArchive)
}

@Test func tooManyEntriesExceedsLimit() throws {
    #expect(try code("many-entries.docx") == .archiveLimitExceeded)
    #expect(try code("many-entries.docx", limits: PackageLimits(maxEntries: 10_000)) == nil)
}

@Test func sixtyFiveThousandEntriesAreRejectedQuickly() throws {
    // The most a ZIP without zip64 records can count; generated here rather than committed.
    let bytes = StoredZip.archive((0..<65_000).map { ("e/\($0)", []) }, utf8Names: false)
    let start = ContinuousClock.now
    #expect(openAndScan(bytes) == .archiveLimitExceeded)
    #expect(ContinuousClock.now - start < .seconds(10))
}

@Test func pathTraversalNamesAreHarmless() throws {
    #expect(try code("path-traversal.docx") == nil)
    let package = try OPCPackage(bytes: try Fixture.bytes("package/path-traversal.docx"), limits: PackageLimits())
    #expect(package.archive.entries.contains { $0.name == "../../evil.xml" })
    #expect(OPCPackage.resolve("../../../etc/passwd", from: "word/") == "etc/passwd")
    #expect(OPCPackage.resolve("/word/styles.xml", from: "doc/") == "word/styles.xml")
}

@Test func duplicateEntryNamesAreACorruptArchive() throws {
    #expect(try code("duplicate-names.docx") == .corruptArchive)
}

@Test func spreadsheetMainPartIsTheWorkbook() throws {
    let package = try OPCPackage(bytes: try Fixture.bytes("package/spreadsheet.xlsx.docx"), limits: PackageLimits())
    #expect(try package.mainDocumentPartName() == "xl/workbook.xml")
}

@Test func zipWithoutMainPartIsNotAWordDocument() throws {
    #expect(try code("no-main-part.docx") == .notAWordDocument)
}

@Test func doctypeWithExternalEntityIsUnsafe() throws {
    #expect(try code("doctype-xxe.docx") == .unsafeXML)
}

@Test func billionLaughsIsUnsafe() throws {
    let start = ContinuousClock.now
    #expect(try code("billion-laughs.docx") == .unsafeXML)
    #expect(ContinuousClock.now - start < .seconds(5))
}

@Test func undeclaredEntityReferenceIsUnsafe() throws {
    #expect(try code("undeclared-entity.docx") == .unsafeXML)
}

@Test func deepNestingHitsTheDepthLimit() throws {
    #expect(try code("deep-nesting.docx") == .archiveLimitExceeded)
    // Above our own cap, libxml2's built-in guard still trips, and maps to the same code.
    #expect(try code("deep-nesting.docx", limits: PackageLimits(maxXMLDepth: 1_000_000)) == .archiveLimitExceeded)
}

@Test func invalidUTF8IsMalformed() throws {
    #expect(try code("invalid-utf8.docx") == .malformedXML)
}

@Test func unclosedElementIsMalformed() throws {
    #expect(try code("malformed.docx") == .malformedXML)
}

@Test func relocatedMainPartIsFoundThroughRels() throws {
    let package = try OPCPackage(bytes: try Fixture.bytes("18-relocated-main.docx"), limits: PackageLimits())
    #expect(try package.mainDocumentPartName() == "doc/main.xml")
    let rels = try package.relationships(of: "doc/main.xml")
    #expect(rels.first?.kind == "styles")
    #expect(rels.first?.target == "word/styles.xml")
}

@Test func strictRelationshipTypesAreRecognised() throws {
    let package = try OPCPackage(bytes: try Fixture.bytes("07-strict.docx"), limits: PackageLimits())
    #expect(try package.mainDocumentPartName() == "word/document.xml")
    #expect(try package.relationships(of: "word/document.xml").map(\.kind).contains("styles"))
}

@Test func cursorMapsStrictAndTransitionalToOneNamespace() throws {
    let strict = Array(#"<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>"#.utf8)
    let transitional = Array(#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body/></x:document>"#.utf8)
    for bytes in [strict, transitional] {
        let names = try XMLCursor.read(bytes, part: "t", limits: PackageLimits()) { cursor throws(PackageFailure) in
            var names: [String] = []
            while try cursor.next() { names.append("\(cursor.kind == .startElement ? "+" : "-")\(cursor.name)") }
            return names
        }
        #expect(names == ["+w:document", "+w:body", "-w:body", "-w:document"])
    }
}

@Test func cursorReadsAttributesAndText() throws {
    let xml = Array(#"<w:t xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="a&amp;b" xml:space="preserve"> Họ &lt;tên&gt; </w:t>"#.utf8)
    let (val, space, text) = try XMLCursor.read(xml, part: "t", limits: PackageLimits()) { cursor throws(PackageFailure) in
        _ = try cursor.next()
        let val = cursor.attribute(.w, "val")
        let space = cursor.attribute(.xml, "space")
        _ = try cursor.next()
        return (val, space, cursor.text)
    }
    #expect(val == "a&b")
    #expect(space == "preserve")
    #expect(text == " Họ <tên> ")
}
