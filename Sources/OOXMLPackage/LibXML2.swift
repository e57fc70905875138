import CLibXML2

/// libxml2 fills its process-wide tables (the encoding handlers, the dictionaries' seed) on first
/// use, and that lazy filling is not thread-safe: on a night that read no form, two threads
/// building their first return notices at once each began the encoding table, and one looked up
/// "UTF-8" in the other's half-made copy (a crash, seen in CI). `xmlInitParser` fills them all;
/// every entry into libxml2 in this module reads `ready` first, and Swift runs a static's
/// initialiser exactly once whatever the threads, the others waiting for it.
enum LibXML2 {
    static let ready: Void = xmlInitParser()
}
