import CLibZip
import Foundation
import KiemdiemCore
#if canImport(Glibc)
import Glibc
#endif

/// One entry of the central directory, as declared (sizes may lie; reading caps them again).
public struct ZipEntry: Sendable, Equatable {
    public var name: String
    public var size: Int
    public var compressedSize: Int
    let index: UInt64
    /// What, besides the stored bytes, decides what an entry inflates to (see `StoredEntry`).
    var crc: UInt32 = 0
    var method: UInt16 = 0
    /// False when libzip did not declare all of crc, sizes and methods, or the entry is encrypted.
    var storedFormDecides = false
}

/// An entry as stored in the archive, before inflation, with everything else that decides what
/// reading it yields: two equal `StoredEntry` values inflate to the same bytes, or fail the same
/// way, under the same limits. It identifies a part's content without inflating it.
public struct StoredEntry: Sendable, Equatable {
    public let crc: UInt32
    public let method: UInt16
    public let size: Int
    public let bytes: [UInt8]

    public static func == (lhs: StoredEntry, rhs: StoredEntry) -> Bool {
        guard lhs.crc == rhs.crc, lhs.method == rhs.method, lhs.size == rhs.size,
              lhs.bytes.count == rhs.bytes.count else { return false }
        return lhs.bytes.withUnsafeBytes { l in
            rhs.bytes.withUnsafeBytes { r in l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0 }
        }
    }
}

/// A ZIP archive read from memory. It is opened once: libzip parses the central directory on
/// every open (with a `mktime`, hence a `stat` of /etc/localtime, per entry), and a form's read
/// takes six to eight parts. The `zip_t` stays inside `OpenArchive`, never outside this file.
public struct ZipArchive: Sendable {
    public let entries: [ZipEntry]
    public let limits: PackageLimits
    private let archive: OpenArchive
    /// OPC part names compare case-insensitively (and a package with two equal names is refused).
    private let byFoldedName: [String: Int]

    /// Sniffs the bytes, opens the archive and checks the directory-level limits.
    public init(bytes: [UInt8], limits: PackageLimits) throws(PackageFailure) {
        try FileSniffer.check(bytes, limits: limits)
        self.limits = limits
        let archive = try OpenArchive(bytes)
        self.archive = archive
        let entries = try archive.with { archive throws(PackageFailure) -> [ZipEntry] in
            let count = zip_get_num_entries(archive, 0)
            guard count >= 0 else { throw PackageFailure(.corruptArchive) }
            guard count <= Int64(limits.maxEntries) else {
                throw PackageFailure(.archiveLimitExceeded, detail: "\(count) entries > \(limits.maxEntries)")
            }
            var result: [ZipEntry] = []
            result.reserveCapacity(Int(count))
            var declaredTotal = 0
            for index in 0..<UInt64(count) {
                var stat = zip_stat_t()
                zip_stat_init(&stat)
                guard zip_stat_index(archive, index, 0, &stat) == 0 else { throw PackageFailure(.corruptArchive) }
                let name = stat.name.map { String(cString: $0) } ?? ""
                let size = (stat.valid & UInt64(ZIP_STAT_SIZE)) != 0 ? ZipArchive.clamp(stat.size) : 0
                let compressed = (stat.valid & UInt64(ZIP_STAT_COMP_SIZE)) != 0 ? ZipArchive.clamp(stat.comp_size) : 0
                declaredTotal = declaredTotal &+ size
                if size > limits.maxTotalInflatedBytes || declaredTotal > limits.maxTotalInflatedBytes {
                    throw PackageFailure(.archiveLimitExceeded, evidence: name,
                                         detail: "declared inflated size > \(limits.maxTotalInflatedBytes) bytes")
                }
                var entry = ZipEntry(name: name, size: size, compressedSize: compressed, index: index)
                let declared = UInt64(ZIP_STAT_CRC | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD
                                      | ZIP_STAT_ENCRYPTION_METHOD)
                entry.crc = stat.crc
                entry.method = stat.comp_method
                entry.storedFormDecides = (stat.valid & declared) == declared
                    && stat.encryption_method == UInt16(ZIP_EM_NONE)
                result.append(entry)
            }
            return result
        }
        self.entries = entries
        var folded: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            let key = ZipArchive.fold(entry.name)
            // Part names are unique, ASCII case-insensitively (OPC, ECMA-376-2 §9.1.1.1 [M1.12]).
            // Word refuses such a file, and readers differ on which copy counts (first or last),
            // so one upload could show the secretary one member's form and the batch another.
            if folded[key] != nil {
                throw PackageFailure(.corruptArchive, evidence: entry.name, detail: "×2")
            }
            folded[key] = position
        }
        self.byFoldedName = folded
    }

    public func contains(_ partName: String) -> Bool {
        byFoldedName[ZipArchive.fold(partName)] != nil
    }

    /// The inflated bytes of one part, or `nil` when the archive has no such entry.
    public func read(_ partName: String) throws(PackageFailure) -> [UInt8]? {
        guard let position = byFoldedName[ZipArchive.fold(partName)] else { return nil }
        let entry = entries[position]
        let limits = self.limits
        try checkDeclaredSizes(of: entry)
        return try archive.with { archive throws(PackageFailure) -> [UInt8] in
            guard let file = zip_fopen_index(archive, entry.index, 0) else {
                throw PackageFailure(.corruptArchive, evidence: entry.name)
            }
            defer { zip_fclose(file) }
            // The declared size is only a hint: a lying header must still hit the caps below.
            // Inflated straight into a buffer of the declared size plus one byte, which is
            // enough to tell that it inflates past it (no zeroed chunk to copy from).
            var failure: PackageFailure?
            let wanted = entry.size + 1
            let data = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                while count < wanted {
                    let got = zip_fread(file, base + count, zip_uint64_t(wanted - count))
                    if got < 0 {
                        failure = PackageFailure(.corruptArchive, evidence: entry.name)
                        return
                    }
                    if got == 0 { break }
                    count += Int(got)
                }
            }
            if let failure { throw failure }
            if data.count > entry.size {
                throw PackageFailure(.corruptArchive, evidence: entry.name, detail: "inflates past its declared size")
            }
            if data.count > limits.maxEntryBytes {
                throw PackageFailure(.archiveLimitExceeded, evidence: entry.name,
                                     detail: "more than \(limits.maxEntryBytes) bytes")
            }
            if ZipArchive.ratioExceeded(inflated: data.count, compressed: entry.compressedSize, limits: limits) {
                throw PackageFailure(.archiveLimitExceeded, evidence: entry.name, detail: "compression ratio")
            }
            if data.count != entry.size { throw PackageFailure(.corruptArchive, evidence: entry.name) }
            return data
        }
    }

    /// The stored (not inflated) form of a part, when reading it would otherwise go ahead: the
    /// same declared-size checks as `read` apply first. `nil` when the archive has no such entry,
    /// when its stored plus inflated size is over `maxBytes` (no copy of a part too big to keep),
    /// or when its stored bytes alone do not decide its content (encrypted, or libzip cannot hand
    /// them over); the caller then reads the part as usual.
    public func stored(_ partName: String, upTo maxBytes: Int) throws(PackageFailure) -> StoredEntry? {
        guard let position = byFoldedName[ZipArchive.fold(partName)] else { return nil }
        let entry = entries[position]
        try checkDeclaredSizes(of: entry)
        guard entry.storedFormDecides, entry.size <= maxBytes, entry.compressedSize <= maxBytes - entry.size else { return nil }
        let outcome = try? archive.with { archive throws(PackageFailure) -> [UInt8] in
            guard let file = zip_fopen_index(archive, entry.index, zip_flags_t(ZIP_FL_COMPRESSED)) else {
                throw PackageFailure(.corruptArchive, evidence: entry.name)
            }
            defer { zip_fclose(file) }
            var data = [UInt8](repeating: 0, count: entry.compressedSize)
            var filled = 0
            while filled < data.count {
                let got = data.withUnsafeMutableBytes {
                    zip_fread(file, $0.baseAddress! + filled, zip_uint64_t($0.count - filled))
                }
                if got <= 0 { throw PackageFailure(.corruptArchive, evidence: entry.name) }
                filled += Int(got)
            }
            var probe: UInt8 = 0
            if zip_fread(file, &probe, 1) != 0 { throw PackageFailure(.corruptArchive, evidence: entry.name) }
            return data
        }
        guard let outcome else { return nil }
        return StoredEntry(crc: entry.crc, method: entry.method, size: entry.size, bytes: outcome)
    }

    private func checkDeclaredSizes(of entry: ZipEntry) throws(PackageFailure) {
        if entry.size > limits.maxEntryBytes {
            throw PackageFailure(.archiveLimitExceeded, evidence: entry.name,
                                 detail: "\(entry.size) bytes > \(limits.maxEntryBytes)")
        }
        if ZipArchive.ratioExceeded(inflated: entry.size, compressed: entry.compressedSize, limits: limits) {
            throw PackageFailure(.archiveLimitExceeded, evidence: entry.name, detail: "compression ratio")
        }
    }

    /// Small parts legitimately compress far beyond any bomb ratio (repetitive XML), and cannot
    /// hurt us; the ratio only means "bomb" once an entry is big enough to matter.
    static let ratioFloorBytes = 1 << 20

    static func ratioExceeded(inflated: Int, compressed: Int, limits: PackageLimits) -> Bool {
        guard inflated >= ratioFloorBytes else { return false }
        guard compressed > 0 else { return true }
        return inflated / compressed > limits.maxRatio
    }

    static func fold(_ name: String) -> String {
        var name = Substring(name)
        while name.first == "/" { name = name.dropFirst() }
        return name.lowercased()
    }

    static func clamp(_ value: UInt64) -> Int {
        value > UInt64(Int.max) ? Int.max : Int(value)
    }
}

/// One open `zip_t` over libzip's own copy of the bytes (libzip reads from the buffer for as
/// long as the archive is open, and frees it with the source). A `zip_t` is not thread-safe and
/// a `ZipArchive` value may be shared, so every call goes through the lock.
private final class OpenArchive: @unchecked Sendable {
    private let archive: OpaquePointer
    private let lock = NSLock()

    init(_ bytes: [UInt8]) throws(PackageFailure) {
        guard let buffer = malloc(max(bytes.count, 1)) else { throw PackageFailure(.corruptArchive) }
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { buffer.copyMemory(from: base, byteCount: raw.count) }
        }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer, zip_uint64_t(bytes.count), 1, &error) else {
            free(buffer)
            throw PackageFailure(.corruptArchive)
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            let code = zip_error_code_zip(&error)
            // A truncated upload loses the end-of-central-directory record, which libzip
            // reports as "not a zip": the leading local header tells the two apart.
            let looksLikeZip = bytes.count >= 2 && bytes[0] == 0x50 && bytes[1] == 0x4B
            if code == ZIP_ER_NOZIP && !looksLikeZip { throw PackageFailure(.notAZip) }
            throw PackageFailure(.corruptArchive)
        }
        self.archive = archive
    }

    deinit {
        zip_discard(archive)
    }

    func with<R>(_ body: (OpaquePointer) throws(PackageFailure) -> R) throws(PackageFailure) -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(archive)
    }
}

/// Decides from the first bytes what kind of file this is before libzip sees it.
enum FileSniffer {
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func check(_ bytes: [UInt8], limits: PackageLimits) throws(PackageFailure) {
        if bytes.isEmpty { throw PackageFailure(.emptyFile) }
        if bytes.count > limits.maxFileBytes {
            throw PackageFailure(.fileTooLarge, detail: "\(bytes.count) bytes > \(limits.maxFileBytes)")
        }
        if bytes.count >= oleMagic.count && Array(bytes[0..<oleMagic.count]) == oleMagic {
            // Office wraps a password-protected OOXML package in an OLE container with these streams.
            if contains(bytes, utf16: "EncryptionInfo") || contains(bytes, utf16: "EncryptedPackage") {
                throw PackageFailure(.encryptedDocument)
            }
            throw PackageFailure(.legacyWordFormat)
        }
    }

    static func contains(_ bytes: [UInt8], utf16 name: String) -> Bool {
        var needle: [UInt8] = []
        for unit in name.utf16 { needle.append(UInt8(unit & 0xFF)); needle.append(UInt8(unit >> 8)) }
        return bytes.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in ByteSearch.contains(h, n) } }
    }
}
