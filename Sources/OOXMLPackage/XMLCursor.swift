import CLibXML2
import KiemdiemCore

/// What the cursor is positioned on.
public enum XMLNodeKind: Sendable, Equatable {
    case startElement
    case endElement
    /// Character data: text, CDATA or whitespace.
    case text
}

/// A forward-only, streaming view of one XML part over libxml2's `xmlTextReader`.
///
/// Safety policy: the network is off, entities are never substituted, no DTD is loaded, and any
/// DOCTYPE or entity node aborts with `UNSAFE_XML`. Nesting deeper than `maxXMLDepth` is a
/// resource limit (`ARCHIVE_LIMIT_EXCEEDED`), as is libxml2's own depth guard; any other parse
/// error or invalid encoding is `MALFORMED_XML`.
///
/// Empty elements (`<w:p/>`) yield a start *and* an end event, so consumers can pair them.
/// A cursor only exists inside `XMLCursor.read(_:part:limits:_:)`; never store it.
public final class XMLCursor {
    // The cursor's state is read and written for every node of every part (two million nodes
    // per 600 forms), and each access of a class's property is checked for exclusivity at run
    // time: two thirds of the cost of `next()`. A cursor lives on one thread inside `read` and
    // no access to these overlaps another (plain reads and assignments), so the check is off.
    @exclusivity(unchecked) public private(set) var kind: XMLNodeKind = .text
    @exclusivity(unchecked) public private(set) var name = XMLName(.none, "")
    @exclusivity(unchecked) public private(set) var depth = 0
    public let partName: String

    private let reader: xmlTextReaderPtr
    private let maxDepth: Int
    @exclusivity(unchecked) private var pendingEnd = false
    @exclusivity(unchecked) private var names: [NameKey: XMLName] = [:]

    private struct NameKey: Hashable {
        let namespace: UnsafeRawPointer?
        let local: UnsafeRawPointer
    }

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                               | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    private init(reader: xmlTextReaderPtr, partName: String, maxDepth: Int) {
        self.reader = reader
        self.partName = partName
        self.maxDepth = maxDepth
    }

    /// Runs `body` with a cursor over `bytes`, positioned before the first node.
    public static func read<R>(
        _ bytes: [UInt8], part: String, limits: PackageLimits, _ body: (XMLCursor) throws(PackageFailure) -> R
    ) throws(PackageFailure) -> R {
        LibXML2.ready
        // XML_PARSE_NOERROR silences the parser, but errors raised outside a parser context (an
        // input that fails encoding conversion: "encoding error : input conversion failed…",
        // "I/O error : encoder error") still went to libxml2's default handler, i.e. to our
        // stderr, which carries only progress. Found by fuzz-word. The handler is per thread in
        // libxml2, so it is set on every read; errors are still recorded for xmlGetLastError.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        let outcome: Result<R, PackageFailure> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return .failure(PackageFailure(.malformedXML, evidence: part, detail: "empty part"))
            }
            let start = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(start, Int32(clamping: buffer.count), nil, nil, options) else {
                return .failure(PackageFailure(.malformedXML, evidence: part))
            }
            defer { xmlFreeTextReader(reader) }
            let cursor = XMLCursor(reader: reader, partName: part, maxDepth: limits.maxXMLDepth)
            do throws(PackageFailure) {
                return .success(try body(cursor))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Advances to the next element boundary or text node; `false` at the end of the part.
    public func next() throws(PackageFailure) -> Bool {
        try advance(naming: true)
    }

    /// `next()`; with `naming: false` the element name is not looked up (`name` keeps its value),
    /// for `skipElement`, which needs only kinds and depths. Every check is the same.
    @inline(__always)
    private func advance(naming: Bool) throws(PackageFailure) -> Bool {
        if pendingEnd {
            pendingEnd = false
            kind = .endElement
            return true
        }
        while true {
            xmlResetLastError()
            let status = xmlTextReaderRead(reader)
            if status == 0 { return false }
            if status < 0 { throw failureFromLastError() }
            let type = xmlTextReaderNodeType(reader)
            switch UInt32(type) {
            case XML_READER_TYPE_ELEMENT.rawValue:
                depth = Int(xmlTextReaderDepth(reader))
                if depth >= maxDepth {
                    throw PackageFailure(.archiveLimitExceeded, evidence: partName,
                                         detail: "XML nesting deeper than \(maxDepth)")
                }
                if naming { name = currentName() }
                kind = .startElement
                pendingEnd = xmlTextReaderIsEmptyElement(reader) == 1
                return true
            case XML_READER_TYPE_END_ELEMENT.rawValue:
                depth = Int(xmlTextReaderDepth(reader))
                if naming { name = currentName() }
                kind = .endElement
                return true
            case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue,
                 XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue:
                depth = Int(xmlTextReaderDepth(reader))
                kind = .text
                return true
            case XML_READER_TYPE_DOCUMENT_TYPE.rawValue, XML_READER_TYPE_ENTITY_REFERENCE.rawValue,
                 XML_READER_TYPE_ENTITY.rawValue, XML_READER_TYPE_END_ENTITY.rawValue,
                 XML_READER_TYPE_NOTATION.rawValue:
                throw PackageFailure(.unsafeXML, evidence: partName)
            default:
                continue   // comments, processing instructions, the XML declaration
            }
        }
    }

    /// Moves to the next child of the element at `parentDepth`: `false` once that element ends.
    /// Callers must consume each child element entirely (handle it or `skipElement()`).
    public func nextChild(of parentDepth: Int) throws(PackageFailure) -> Bool {
        guard try next() else { return false }
        return !(kind == .endElement && depth == parentDepth)
    }

    /// From a start element, advances to its matching end without looking inside. Names of the
    /// nodes inside are not looked up (a third of the cost of skipping); at the end `name` is the
    /// skipped element's own, as set at its start.
    public func skipElement() throws(PackageFailure) {
        guard kind == .startElement else { return }
        let start = depth
        let own = name
        while try advance(naming: false) {
            if kind == .endElement && depth == start {
                name = own
                return
            }
        }
    }

    /// The value of an attribute of the current start element.
    public func attribute(_ namespace: XMLNamespace, _ local: String) -> String? {
        guard kind == .startElement || pendingEnd else { return nil }
        var status = xmlTextReaderMoveToFirstAttribute(reader)
        defer { xmlTextReaderMoveToElement(reader) }
        while status == 1 {
            let candidate = currentName()
            if candidate.local == local && candidate.namespace == namespace {
                guard let value = xmlTextReaderConstValue(reader) else { return "" }
                return String(cString: value)
            }
            status = xmlTextReaderMoveToNextAttribute(reader)
        }
        return nil
    }

    /// Convenience for the very common `w:val`-style lookup.
    public func attribute(_ name: XMLName) -> String? { attribute(name.namespace, name.local) }

    /// The character data of a text node.
    public var text: String {
        guard kind == .text, let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    /// The element name as written, canonical prefix for known namespaces ("w:foo", "w15:bar").
    public var qualifiedName: String {
        if let prefix = name.namespace.canonicalPrefix { return "\(prefix):\(name.local)" }
        if let written = xmlTextReaderConstName(reader) { return String(cString: written) }
        return name.local
    }

    private func currentName() -> XMLName {
        guard let rawLocal = xmlTextReaderConstLocalName(reader) else { return XMLName(.none, "") }
        // Interned through the reader's dictionary so the pointer is stable for the reader's life
        // and equal pointers mean equal names: one hash lookup per node, no String allocation.
        let local = UnsafeRawPointer(xmlTextReaderConstString(reader, rawLocal) ?? rawLocal)
        let namespace = xmlTextReaderConstNamespaceUri(reader).map { UnsafeRawPointer($0) }
        let key = NameKey(namespace: namespace, local: local)
        if let known = names[key] { return known }
        let uri = namespace.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
        let made = XMLName(XMLNamespace.identify(uri), String(cString: local.assumingMemoryBound(to: CChar.self)))
        names[key] = made
        return made
    }

    private func failureFromLastError() -> PackageFailure {
        guard let error = xmlGetLastError() else { return PackageFailure(.malformedXML, evidence: partName) }
        let code = Int(error.pointee.code)
        let message = error.pointee.message.map { String(cString: $0) } ?? ""
        if message.contains("Excessive depth") {
            return PackageFailure(.archiveLimitExceeded, evidence: partName, detail: "XML nesting too deep")
        }
        switch code {
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue),
             Int(XML_ERR_UNPARSED_ENTITY.rawValue), Int(XML_ERR_ENTITY_LOOP.rawValue),
             Int(XML_ERR_ENTITY_PE_INTERNAL.rawValue), Int(XML_ERR_EXT_ENTITY_STANDALONE.rawValue):
            return PackageFailure(.unsafeXML, evidence: partName)
        default:
            return PackageFailure(.malformedXML, evidence: partName,
                                  detail: "line \(error.pointee.line): \(message.trimmingSpaces)")
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        return String(s)
    }
}
