import COpenSSLCrypto
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 of a file's bytes: the identity of a submission in the store and the logs.
public enum ContentDigest {
    /// The digest of a file read in 1 MiB pieces, so a file too large to read whole can still be
    /// named in the store and the logs. `nil` when the file cannot be read.
    public static func sha256Hex(fileAt path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return sha256Hex(descriptor: fd)
    }

    /// The digest of what an open file holds from its current offset, at most `limit` bytes:
    /// the caller fstat'd the descriptor and bounds the read by the size it saw.
    public static func sha256Hex(descriptor fd: Int32, limit: Int = .max) -> String? {
        guard let context = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var left = limit
        while left > 0 {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, left)) }
            if count < 0 { if errno == EINTR { continue } else { return nil } }
            if count == 0 { break }
            left -= count
            guard buffer.withUnsafeBytes({ EVP_DigestUpdate(context, $0.baseAddress, count) }) == 1 else { return nil }
        }
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else { return nil }
        return hex(digest.prefix(Int(length)))
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        bytes.withUnsafeBytes { buffer in
            _ = EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil)
        }
        return hex(digest.prefix(Int(length)))
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String { Hex.encode(bytes) }
}
