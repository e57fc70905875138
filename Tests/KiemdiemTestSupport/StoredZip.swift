/// Builds a ZIP of stored (not deflated) entries in memory: archives too big to commit, and the
/// fuzzers' packages, where building must cost far less than reading. Self-contained (no
/// Foundation) because Fuzz/build.sh compiles this file into the fuzz targets too.
public enum StoredZip {
    /// - Parameter utf8Names: sets the "names are UTF-8" flag (bit 11), as Word does.
    public static func archive(_ entries: [(String, [UInt8])], utf8Names: Bool) -> [UInt8] {
        let flags = utf8Names ? 0x800 : 0
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32, _ into: inout [UInt8]) {
            for shift in stride(from: 0, to: 32, by: 8) { into.append(UInt8((v >> UInt32(shift)) & 0xFF)) }
        }
        for (name, data) in entries {
            let offset = UInt32(out.count)
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            le32(0x0403_4B50, &out); le16(20, &out); le16(flags, &out); le16(0, &out); le16(0, &out); le16(0x21, &out)
            le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(data.count), &out)
            le16(nameBytes.count, &out); le16(0, &out); out += nameBytes; out += data
            le32(0x0201_4B50, &central); le16(20, &central); le16(20, &central); le16(flags, &central); le16(0, &central)
            le16(0, &central); le16(0x21, &central); le32(crc, &central); le32(UInt32(data.count), &central)
            le32(UInt32(data.count), &central); le16(nameBytes.count, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0, &central); le32(0, &central); le32(offset, &central); central += nameBytes
        }
        let centralOffset = out.count
        out += central
        // Without zip64 records the entry count saturates at 65,535.
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out)
        le16(min(entries.count, 0xFFFF), &out); le16(min(entries.count, 0xFFFF), &out)
        le32(UInt32(central.count), &out); le32(UInt32(centralOffset), &out); le16(0, &out)
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}
