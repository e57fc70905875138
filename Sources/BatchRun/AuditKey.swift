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
        let data = try SecretFile.read(path, key: "audit.key_file", workspace: workspace,
                                       why: "ai sao chép thư mục làm việc không được có khóa")
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = text.count >= 2 * minimumBytes ? Hex.decode(text) ?? Array(data) : Array(data)
        guard bytes.count >= minimumBytes else {
            throw ConfigurationError("audit.key_file: khóa \(path) quá ngắn (cần ít nhất \(minimumBytes) byte, ví dụ 64 chữ số hex); tạo bằng kiemdiem init-key")
        }
        return AuditKey(bytes: bytes)
    }
}

/// `kiemdiem init-key`: makes the secret files an operator keeps outside the workspace.
public enum KeyKind: String, Sendable, CaseIterable {
    /// 32 random bytes as 64 hex digits: `audit.key_file`, the HMAC of the audit logs.
    case auditHMAC = "audit-hmac"
    /// An Ed25519 private key (PKCS#8 PEM): `export.key_file`, which signs the board's result
    /// packages (docs/contract.md §6). Its public key is written beside it (`FILE.pub`).
    case boardEd25519 = "board-ed25519"

    /// Creates the key file at `path` (mode 0600, never over an existing file) and returns what
    /// to tell the operator: the HMAC key's id, or the signing key's public key (64 hex digits,
    /// for the superior's rollup.yml).
    public func create(at path: String) throws(WorkspaceError) -> String {
        switch self {
        case .auditHMAC:
            guard let bytes = MessageAuthentication.randomBytes(AuditKey.minimumBytes) else {
                throw WorkspaceError("không lấy được số ngẫu nhiên từ OpenSSL")
            }
            try Self.writeNew(path, Array((Hex.encode(bytes) + "\n").utf8), mode: 0o600)
            return AuditKey(bytes: bytes).id
        case .boardEd25519:
            guard let pair = Ed25519.generate() else { throw WorkspaceError("OpenSSL không tạo được khóa Ed25519") }
            let publicHex = Hex.encode(pair.publicKey)
            // The public half first: a private key is never left without the half the superior needs.
            try Self.writeNew(path + ".pub", Array((publicHex + "\n").utf8), mode: 0o644)
            do {
                try Self.writeNew(path, pair.privatePEM, mode: 0o600)
            } catch {
                unlink(path + ".pub")
                throw error
            }
            return publicHex
        }
    }

    static func writeNew(_ path: String, _ bytes: [UInt8], mode: mode_t) throws(WorkspaceError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw WorkspaceError("không tạo được \(path): \(SystemError.text(errno))"
                + (errno == EEXIST ? " (không ghi đè một khóa đã có)" : ""))
        }
        defer { close(fd) }
        guard write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            let reason = SystemError.text(errno)
            unlink(path)
            throw WorkspaceError("không ghi được \(path): \(reason)")
        }
    }
}

/// The board's signing key (`export.key_file`): an Ed25519 private key in PEM, kept outside the
/// workspace and readable only by its owner, like the audit key (a copy of the workspace must
/// not carry what signs in the board's name).
public struct BoardSigningKey: Sendable {
    let privatePEM: [UInt8]
    public let publicKey: [UInt8]

    public static func load(path: String, workspace: String) throws(ConfigurationError) -> BoardSigningKey {
        let data = try SecretFile.read(path, key: "export.key_file", workspace: workspace,
                                       why: "ai sao chép thư mục làm việc không được ký thay đảng ủy")
        guard let publicKey = Ed25519.publicKey(privatePEM: Array(data)) else {
            throw ConfigurationError("export.key_file: \(path) không phải khóa riêng Ed25519 dạng PEM; tạo bằng kiemdiem init-key --kind board-ed25519")
        }
        return BoardSigningKey(privatePEM: Array(data), publicKey: publicKey)
    }
}

/// A secret a key names in pipeline.yml (`audit.key_file`, `export.key_file`): refused when it
/// lies inside the workspace (a copy or backup of the workspace must not carry it) or can be read
/// by group or others.
enum SecretFile {
    static func read(_ path: String, key: String, workspace: String, why: String) throws(ConfigurationError) -> Data {
        let resolvedKey = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        let resolvedWorkspace = URL(fileURLWithPath: workspace).resolvingSymlinksInPath().standardizedFileURL.path
        if resolvedKey == resolvedWorkspace || resolvedKey.hasPrefix(resolvedWorkspace + "/") {
            throw ConfigurationError("\(key) phải nằm ngoài thư mục làm việc (\(workspace)): \(why)")
        }
        var info = stat()
        guard stat(path, &info) == 0, let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("\(key): không đọc được \(path): \(SystemError.text(errno))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw ConfigurationError("\(key): \(path) không được để nhóm hoặc người khác đọc; chạy chmod 600 \(path)")
        }
        return data
    }
}
