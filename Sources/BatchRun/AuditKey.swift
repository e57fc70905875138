import Foundation
import KiemdiemCore
import OOXMLPackage

/// The secret of the keyed chain (`audit.key_file`, docs/contract.md §4): with it each line's
/// link and each anchor in the store is an HMAC-SHA-256, so nobody without the key can recompute
/// the chain after changing a line. Kept outside the workspace: a copy of the workspace (or a
/// backup of it) must not carry the key that would let its holder rewrite it.
public struct AuditKey: Sendable {
    let bytes: [UInt8]

    /// Sixteen hex digits naming the key without revealing it, stored with every anchor, so
    /// `verify-log` can tell "another key" from "a changed line".
    public var id: String { String(mac(Array("kiemdiem.audit.key-id".utf8)).prefix(16)) }

    init(bytes: [UInt8]) { self.bytes = bytes }

    func mac(_ data: [UInt8]) -> String { MessageAuthentication.hmacSHA256Hex(key: bytes, data) }

    /// At least this many bytes of secret (the HMAC-SHA-256 block is 64, its output 32).
    static let minimumBytes = 32

    /// Reads a key file: 64 or more hex digits (what `init-key` and `openssl rand -hex 32`
    /// write), else the raw bytes. Refused when shorter than 32 bytes, readable by group or
    /// others, or inside the workspace.
    public static func load(path: String, workspace: String) throws(ConfigurationError) -> AuditKey {
        let resolvedKey = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        let resolvedWorkspace = URL(fileURLWithPath: workspace).resolvingSymlinksInPath().standardizedFileURL.path
        if resolvedKey == resolvedWorkspace || resolvedKey.hasPrefix(resolvedWorkspace + "/") {
            throw ConfigurationError("audit.key_file phải nằm ngoài thư mục làm việc (\(workspace)): ai sao chép thư mục làm việc không được có khóa")
        }
        var info = stat()
        guard stat(path, &info) == 0, let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("audit.key_file: không đọc được \(path): \(SystemError.text(errno))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw ConfigurationError("audit.key_file: \(path) không được để nhóm hoặc người khác đọc; chạy chmod 600 \(path)")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = text.count >= 2 * minimumBytes ? Hex.decode(text) ?? Array(data) : Array(data)
        guard bytes.count >= minimumBytes else {
            throw ConfigurationError("audit.key_file: khóa \(path) quá ngắn (cần ít nhất \(minimumBytes) byte, ví dụ 64 chữ số hex); tạo bằng kiemdiem init-key")
        }
        return AuditKey(bytes: bytes)
    }
}

/// `kiemdiem init-key`: makes the secret files an operator keeps outside the workspace. One kind
/// today; the result packages of a later issue add a signing key as another case, made by the
/// same command (`--kind`).
public enum KeyKind: String, Sendable, CaseIterable {
    /// 32 random bytes as 64 hex digits: `audit.key_file`, the HMAC of the audit logs.
    case auditHMAC = "audit-hmac"

    /// Creates the key file at `path` (mode 0600, never over an existing file) and returns what
    /// to tell the operator: the key's id.
    public func create(at path: String) throws(WorkspaceError) -> String {
        guard let bytes = MessageAuthentication.randomBytes(AuditKey.minimumBytes) else {
            throw WorkspaceError("không lấy được số ngẫu nhiên từ OpenSSL")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw WorkspaceError("không tạo được \(path): \(SystemError.text(errno))"
                + (errno == EEXIST ? " (không ghi đè một khóa đã có)" : ""))
        }
        defer { close(fd) }
        let text = Array((Hex.encode(bytes) + "\n").utf8)
        guard write(fd, text, text.count) == text.count, fsync(fd) == 0 else {
            let reason = SystemError.text(errno)
            unlink(path)
            throw WorkspaceError("không ghi được \(path): \(reason)")
        }
        return AuditKey(bytes: bytes).id
    }
}
