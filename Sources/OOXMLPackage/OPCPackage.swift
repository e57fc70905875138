import KiemdiemCore

/// One relationship of a part, with its target resolved to a part name inside the package.
public struct Relationship: Sendable, Equatable {
    public var id: String
    /// The last segment of the relationship type ("officeDocument", "styles", "header"…) when the
    /// type belongs to the Transitional or Strict officeDocument vocabulary, else the full URI.
    public var kind: String
    /// Part name without a leading "/" ("word/styles.xml"); the raw target for external ones.
    public var target: String
    public var isExternal: Bool
}

/// An Office Open XML package: a ZIP archive plus the relationship graph that names its parts.
public struct OPCPackage: Sendable {
    public let archive: ZipArchive

    static let relationshipBases = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/",
    ]

    public init(bytes: [UInt8], limits: PackageLimits) throws(PackageFailure) {
        archive = try ZipArchive(bytes: bytes, limits: limits)
    }

    public var limits: PackageLimits { archive.limits }

    public func read(_ partName: String) throws(PackageFailure) -> [UInt8]? {
        try archive.read(partName)
    }

    /// See `ZipArchive.stored(_:upTo:)`.
    public func stored(_ partName: String, upTo maxBytes: Int) throws(PackageFailure) -> StoredEntry? {
        try archive.stored(partName, upTo: maxBytes)
    }

    /// The main WordprocessingML part: the package's officeDocument relationship, else the
    /// conventional `word/document.xml`.
    public func mainDocumentPartName() throws(PackageFailure) -> String {
        if let main = try relationships(of: nil).first(where: { $0.kind == "officeDocument" && !$0.isExternal }),
           archive.contains(main.target) {
            return main.target
        }
        if archive.contains("word/document.xml") { return "word/document.xml" }
        throw PackageFailure(.notAWordDocument)
    }

    /// Relationships of `partName` (`nil` = the package itself); empty when the rels part is absent.
    public func relationships(of partName: String?) throws(PackageFailure) -> [Relationship] {
        let relsName = OPCPackage.relationshipsPartName(for: partName)
        guard let bytes = try archive.read(relsName) else { return [] }
        let base = partName.map(OPCPackage.directory(of:)) ?? ""
        return try XMLCursor.read(bytes, part: relsName, limits: limits) { cursor throws(PackageFailure) in
            var result: [Relationship] = []
            while try cursor.next() {
                guard cursor.kind == .startElement, cursor.name.local == "Relationship" else { continue }
                guard let id = cursor.attribute(.none, "Id"), let type = cursor.attribute(.none, "Type"),
                      let target = cursor.attribute(.none, "Target") else { continue }
                let external = cursor.attribute(.none, "TargetMode") == "External"
                var kind = type
                for prefix in OPCPackage.relationshipBases where type.hasPrefix(prefix) {
                    kind = String(type.dropFirst(prefix.count))
                }
                result.append(Relationship(id: id, kind: kind,
                                           target: external ? target : OPCPackage.resolve(target, from: base),
                                           isExternal: external))
            }
            return result
        }
    }

    static func relationshipsPartName(for partName: String?) -> String {
        guard let partName else { return "_rels/.rels" }
        let directory = directory(of: partName)
        let file = partName.dropFirst(directory.count)
        return directory + "_rels/" + file + ".rels"
    }

    /// "word/document.xml" → "word/".
    static func directory(of partName: String) -> String {
        guard let slash = partName.lastIndex(of: "/") else { return "" }
        return String(partName[...slash])
    }

    /// Resolves a relationship target against its source directory, purely as a name: targets
    /// are never used as file paths, and ".." can never climb above the package root.
    static func resolve(_ target: String, from base: String) -> String {
        let absolute = target.hasPrefix("/")
        var segments: [Substring] = absolute ? [] : base.split(separator: "/")
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
