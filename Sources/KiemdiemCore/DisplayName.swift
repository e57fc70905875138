/// How a file name, or any text taken from outside, is shown to a person: in a log line, the
/// summary, the store, the workbook. A name is bytes to the kernel; here it becomes one line of
/// valid UTF-8 that cannot end a log line or start a forged one (README, "Nothing silently
/// skipped"): bytes that are not UTF-8 become `\xE9`, control characters `\x0A` or `\u{2028}`.
public enum DisplayName {
    /// The raw bytes of a name (from `readdir`), escaped.
    public static func escaped(bytes: some Collection<UInt8>) -> String {
        var out = ""
        var index = bytes.startIndex
        var pending: [UInt8] = []
        // Decode one scalar at a time so an invalid byte is escaped alone and the rest kept.
        while index != bytes.endIndex {
            let lead = bytes[index]
            let width = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            pending.removeAll(keepingCapacity: true)
            var cursor = index
            for _ in 0..<max(width, 1) where cursor != bytes.endIndex {
                pending.append(bytes[cursor])
                cursor = bytes.index(after: cursor)
            }
            if width > 0, pending.count == width, let text = String(validating: pending, as: UTF8.self),
               let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 {
                append(scalar, to: &out)
                index = cursor
            } else {
                out += hex(lead)
                index = bytes.index(after: index)
            }
        }
        return out
    }

    /// Text that is already a Swift string, with its control characters escaped.
    public static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 >= 0xC2 }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return out
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar.value {
        case 0..<0x20, 0x7F: out += hex(UInt8(scalar.value))
        case 0x80..<0xA0, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            // C1 controls, line and paragraph separators, and bidi overrides: each can make a
            // line read as something else.
            out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: out.unicodeScalars.append(scalar)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
