import CLibXML2

/// An XML part written with libxml2's xmlTextWriter into memory: elements, attributes and text
/// escaped by libxml2, in UTF-8 with a standalone declaration, as OOXML parts are. The writer and
/// its buffer never leave this file. A character XML 1.0 cannot carry (a control character) is
/// written as U+FFFD: text from outside (a file name, a form's words) cannot break the part.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed: String?

    public init() throws(PackageWriteError) {
        LibXML2.ready
        guard let buffer = xmlBufferCreate() else { throw PackageWriteError("xmlBufferCreate") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw PackageWriteError("xmlNewTextWriterMemory")
        }
        self.buffer = buffer
        self.writer = writer
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes"), "xmlTextWriterStartDocument")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// `call` is only made into text for a failure: every element and attribute of a part is
    /// checked, and interpolating the name each time cost more than writing it.
    private func check(_ result: Int32, _ call: @autoclosure () -> String) {
        if result < 0, failed == nil { failed = call() }
    }

    /// Opens `name` (a qualified name, "w:p") with its attributes in order.
    public func start(_ name: String, _ attributes: [(String, String)] = []) {
        check(xmlTextWriterStartElement(writer, name), "xmlTextWriterStartElement(\(name))")
        for (key, value) in attributes {
            check(xmlTextWriterWriteAttribute(writer, key, XMLWriter.clean(value)), "xmlTextWriterWriteAttribute(\(key))")
        }
    }

    /// Closes the element opened last (an empty one as `<x/>`).
    public func end() {
        check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
    }

    public func text(_ text: String) {
        check(xmlTextWriterWriteString(writer, XMLWriter.clean(text)), "xmlTextWriterWriteString")
    }

    /// `<name attributes/>`, or with `text` inside.
    public func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) {
        start(name, attributes)
        if let text { self.text(text) }
        end()
    }

    /// The part's bytes: every open element closed, the document ended.
    public func finish() throws(PackageWriteError) -> [UInt8] {
        check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
        if let failed { throw PackageWriteError(failed) }
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !allowed($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(allowed(scalar) ? scalar : "\u{FFFD}") }
        return String(out)
    }

    /// XML 1.0 §2.2 Char.
    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
