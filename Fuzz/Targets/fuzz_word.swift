import KiemdiemCore
import OOXMLPackage
import WordDocument

/// Word layer: XML → blocks. The first byte picks which part of a minimal package the rest
/// replaces (document, styles, numbering, header), so the style, numbering and header readers
/// are fuzzed too, each in the company of valid other parts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWord(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let parts = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml"]
    let part = parts[Int(data[0]) % parts.count]
    let xml = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let bytes = MiniPackage.package(replacing: part, with: xml)
    do throws(ReadFailure) {
        let document = try WordReader().read(bytes)
        _ = document.body.count
    } catch {
        _ = error.finding.code
    }
    return 0
}
