import KiemdiemCore
import OOXMLPackage

/// Package layer: arbitrary bytes → sniffing, libzip, the relationship graph, every part read
/// under the limits. Any outcome is fine except a crash, a sanitizer report or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Tighter than the defaults so that one execution stays fast; the code paths are the same.
    let limits = PackageLimits(maxFileBytes: 1 << 20, maxEntryBytes: 4 << 20, maxTotalInflatedBytes: 16 << 20,
                               maxRatio: 200, maxEntries: 500, maxXMLDepth: 256)
    do throws(PackageFailure) {
        let package = try OPCPackage(bytes: bytes, limits: limits)
        let main = try? package.mainDocumentPartName()
        for entry in package.archive.entries {
            _ = try? package.read(entry.name)
            if entry.name.hasSuffix(".rels") || entry.name.hasSuffix(".xml") {
                _ = try? XMLCursor.read(package.read(entry.name) ?? [], part: entry.name, limits: limits) {
                    cursor throws(PackageFailure) in
                    while try cursor.next() {
                        if cursor.kind == .startElement { _ = cursor.attribute(.w, "val"); _ = cursor.qualifiedName }
                        if cursor.kind == .text { _ = cursor.text }
                    }
                }
            }
        }
        _ = try? package.relationships(of: nil)
        if let main { _ = try? package.relationships(of: main) }
    } catch {
        _ = error.finding.code
    }
    return 0
}
