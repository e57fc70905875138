import KiemdiemCore
import OOXMLPackage

/// Why a file could not be read as a Word document: one finding with a package-level code.
public struct ReadFailure: Error, Sendable {
    public var finding: Finding
    public init(_ finding: Finding) { self.finding = finding }
}

/// Reads a .docx from memory into blocks (stage 1 of the batch).
public struct WordReader: Sendable {
    public var limits: PackageLimits
    /// Parsed styles and numbering parts shared with other reads (`nil`: parse every part).
    public var cache: PartCache?

    public init(limits: PackageLimits = PackageLimits(), cache: PartCache? = nil) {
        self.limits = limits
        self.cache = cache
    }

    public func read(_ bytes: [UInt8]) throws(ReadFailure) -> WordDocument {
        do throws(PackageFailure) {
            return try readPackage(bytes)
        } catch {
            throw ReadFailure(error.finding)
        }
    }

    private func readPackage(_ bytes: [UInt8]) throws(PackageFailure) -> WordDocument {
        let package = try OPCPackage(bytes: bytes, limits: limits)
        let mainName = try package.mainDocumentPartName()
        guard let main = try package.read(mainName) else { throw PackageFailure(.notAWordDocument) }

        var findings: [Finding] = []
        let relationships = try secondary(mainName + " relationships", findings: &findings) { () throws(PackageFailure) in
            try package.relationships(of: mainName)
        } ?? []
        func part(_ kind: String) -> String? {
            relationships.first { $0.kind == kind && !$0.isExternal }?.target
        }
        var styles = StyleSheet.empty
        if let name = part("styles") {
            let value = try cached(.styles, name, in: package, findings: &findings) { data throws(PackageFailure) in
                .styles(try StyleSheet.parse(data, part: name, limits: limits))
            }
            if case .styles(let sheet) = value { styles = sheet }
        }
        var numbering = NumberingDefinitions.empty
        if let name = part("numbering") {
            let value = try cached(.numbering, name, in: package, findings: &findings) { data throws(PackageFailure) in
                .numbering(try NumberingDefinitions.parse(data, part: name, limits: limits))
            }
            if case .numbering(let definitions) = value { numbering = definitions }
        }

        let session = ReadSession(styles: styles, numbering: numbering)
        let (body, sections) = try XMLCursor.read(main, part: mainName, limits: limits) {
            cursor throws(PackageFailure) -> ([Block], [[HeaderReference]]) in
            let walker = StoryWalker(cursor: cursor, session: session)
            guard let blocks = try walker.readPart(expectingRoots: ["document"]) else {
                throw PackageFailure(.notAWordDocument, evidence: mainName)
            }
            return (blocks, walker.headerReferences)
        }

        var headers: [Block] = []
        var seen: Set<String> = []
        let order = ["first": 0, "default": 1, "even": 2]
        for section in sections {
            for reference in section.sorted(by: { order[$0.type, default: 3] < order[$1.type, default: 3] }) {
                guard let target = relationships.first(where: { $0.id == reference.relationshipID && !$0.isExternal })?.target,
                      !seen.contains(target), let data = try package.read(target) else { continue }
                seen.insert(target)
                let blocks = try secondary(target, findings: &findings) { () throws(PackageFailure) in
                    try XMLCursor.read(data, part: target, limits: limits) { cursor throws(PackageFailure) in
                        try StoryWalker(cursor: cursor, session: session).readPart(expectingRoots: ["hdr"]) ?? []
                    }
                } ?? []
                headers.append(contentsOf: blocks)
            }
        }

        if session.trackedChanges { findings.append(Finding(.trackedChanges, field: "file")) }
        if session.legacyFontConverted { findings.append(Finding(.legacyFontConverted, field: "file")) }
        return WordDocument(body: body, headers: headers, findings: findings,
                            unknownElements: session.unknownElements, altChunks: session.altChunks)
    }

    /// A styles or numbering part, parsed as a `secondary` part or taken from the cache. `nil`
    /// when the part is absent or broken. The declared-size limits are checked before the cache
    /// is asked, as for any read; what a hit skips (inflating, parsing) succeeded once on the
    /// same stored bytes under the same limits, so it would again.
    private func cached(
        _ kind: PartCache.Kind, _ name: String, in package: OPCPackage, findings: inout [Finding],
        _ parse: ([UInt8]) throws(PackageFailure) -> PartCache.Value
    ) throws(PackageFailure) -> PartCache.Value? {
        var stored: StoredEntry?
        if let cache { stored = try package.stored(name, upTo: cache.maxEntryCost) }
        if let cache, let stored, let hit = cache.value(kind, stored: stored, limits: limits) { return hit }
        guard let data = try package.read(name) else { return nil }
        let value = try secondary(name, findings: &findings) { () throws(PackageFailure) in try parse(data) }
        if let cache, let stored, let value { cache.insert(value, kind: kind, stored: stored, limits: limits) }
        return value
    }

    /// A part other than the main one: when it is not well-formed the document is still read
    /// (without its styles, numbering or that header) and the damage becomes a warning. Unsafe
    /// XML and resource limits stay fatal whatever part they are in.
    private func secondary<T>(
        _ part: String, findings: inout [Finding], _ body: () throws(PackageFailure) -> T
    ) throws(PackageFailure) -> T? {
        do throws(PackageFailure) {
            return try body()
        } catch where error.code == .malformedXML {
            findings.append(Finding(.malformedXML, field: "file", evidence: part, severity: .warning))
            return nil
        }
    }
}
