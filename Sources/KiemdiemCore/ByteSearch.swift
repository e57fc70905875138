/// Whether `needle` occurs in `haystack`, byte for byte. A plain scan: the needles are short
/// (folded labels, OLE stream names) and a form's texts are small.
public enum ByteSearch {
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

extension ByteSearch {
    /// Whether `text`'s UTF-8 holds `byte`: a scan of its contiguous bytes (the generic
    /// `utf8.contains` iterates the view an index at a time, a thousand instructions a line).
    public static func contains(_ text: String, byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(byte) }
    }
}
