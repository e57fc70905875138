import CLibZip
#if canImport(Glibc)
import Glibc
#endif

/// A failure to write a package (out of memory, a libzip error); the message names the call.
public struct PackageWriteError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// A ZIP archive built in memory with libzip: the parts of a package in the order added, each
/// deflated, all stamped with one modification time so the same parts give the same bytes. The
/// `zip_t` and its sources live only inside `archive(modified:)`.
public struct ZipWriter: Sendable {
    private var entries: [(name: String, bytes: [UInt8])] = []
    /// Parts smaller than this are stored, not deflated.
    static let storedBelow = 1024

    public init() {}

    public mutating func add(_ name: String, _ bytes: [UInt8]) {
        entries.append((name, bytes))
    }

    /// The archive's bytes; `modified` (seconds since 1970) is every entry's time.
    public func archive(modified: Int64) throws(PackageWriteError) -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw PackageWriteError("zip_source_buffer_create: \(String(cString: zip_error_strerror(&error)))")
        }
        // The archive frees its source on close; the bytes are read from it afterwards.
        zip_source_keep(source)
        defer { zip_source_free(source) }
        guard let zip = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            throw PackageWriteError("zip_open_from_source: \(String(cString: zip_error_strerror(&error)))")
        }
        for entry in entries {
            // libzip reads the bytes at zip_close: they are handed over as a malloc'd copy it frees.
            let copy = malloc(max(entry.bytes.count, 1))!
            entry.bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { memcpy(copy, base, raw.count) }
            }
            guard let part = zip_source_buffer(zip, copy, UInt64(entry.bytes.count), 1) else {
                free(copy)
                zip_discard(zip)
                throw PackageWriteError("zip_source_buffer(\(entry.name))")
            }
            let index = zip_file_add(zip, entry.name, part, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(part)
                let message = String(cString: zip_strerror(zip))
                zip_discard(zip)
                throw PackageWriteError("zip_file_add(\(entry.name)): \(message)")
            }
            // A part of a few hundred bytes is stored: deflating it saves less than its share of
            // the archive's headers and costs a compressor's set-up (its tables cleared) per part.
            let method = entry.bytes.count < Self.storedBelow ? ZIP_CM_STORE : ZIP_CM_DEFLATE
            let stamped = zip_set_file_compression(zip, UInt64(index), method, method == ZIP_CM_STORE ? 0 : 6) == 0
                && zip_file_set_mtime(zip, UInt64(index), time_t(modified), 0) == 0
            guard stamped else {
                let message = String(cString: zip_strerror(zip))
                zip_discard(zip)
                throw PackageWriteError("zip_set_file_compression(\(entry.name)): \(message)")
            }
        }
        guard zip_close(zip) == 0 else {
            let message = String(cString: zip_strerror(zip))
            zip_discard(zip)
            throw PackageWriteError("zip_close: \(message)")
        }
        return try ZipWriter.contents(of: source)
    }

    private static func contents(of source: OpaquePointer) throws(PackageWriteError) -> [UInt8] {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(source, &stat) == 0, (stat.valid & UInt64(ZIP_STAT_SIZE)) != 0 else {
            throw PackageWriteError("zip_source_stat")
        }
        guard zip_source_open(source) == 0 else { throw PackageWriteError("zip_source_open") }
        defer { zip_source_close(source) }
        var bytes = [UInt8](repeating: 0, count: Int(stat.size))
        let read = bytes.withUnsafeMutableBytes { raw in zip_source_read(source, raw.baseAddress, UInt64(raw.count)) }
        guard read == Int64(stat.size) else { throw PackageWriteError("zip_source_read") }
        return bytes
    }
}
