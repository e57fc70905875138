import Foundation
import KiemdiemCore
import OOXMLPackage

/// The bytes of a result package (docs/contract.md §6): UTF-8 text, one JSON object per line,
/// each line ending in LF —
///
///     {"part":"board","content":{…}}
///     {"part":"statistics","content":{…}}
///     {"part":"organisations","content":[…]}
///     {"part":"members","content":[…]}
///     {"part":"rejected","content":[…]}
///     {"part":"manifest","content":{"key":…,"parts":[{"bytes":…,"part":"board","sha256":…},…],"schema":…}}
///     {"part":"signature","content":{"algorithm":"Ed25519","key":…,"signature":…}}
///
/// The manifest names each part line's SHA-256 and length; the signature is Ed25519 over
/// `signedPrefix` followed by the manifest line's exact bytes. Nothing is re-serialised to be
/// checked: the digests and the signature cover the bytes as they travelled, so no canonical
/// form of JSON has to be agreed on, and a reader checks them before it parses anything.
/// Writing is deterministic: keys sorted, no time but the store's own (`BoardPart.asOf`).
public enum PackageFile {
    /// What the signature covers before the manifest line: a signature made for anything else
    /// under the same key (a future format) can never pass as a package's.
    static let signedPrefix = Array("kiemdiem.package/1 manifest\n".utf8)
    static let partNames = ["board", "statistics", "organisations", "members", "rejected"]
    /// A province-sized board (thousands of members, their findings) stays far below this.
    public static let maximumBytes = 256 << 20

    struct Manifest: Codable {
        struct Entry: Codable {
            var part: String
            var sha256: String
            var bytes: Int
        }
        var schema: String
        /// The signing key, raw, as 64 hex digits.
        var key: String
        var parts: [Entry]
    }

    struct Signature: Codable {
        var algorithm: String
        var key: String
        var signature: String
    }

    struct Line<Content: Codable>: Codable {
        var part: String
        var content: Content
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// The package signed with a board's Ed25519 private key (PEM).
    public static func write(_ package: ResultPackage, privatePEM: [UInt8]) throws(PackageWriteError) -> [UInt8] {
        guard let publicKey = Ed25519.publicKey(privatePEM: privatePEM) else {
            throw PackageWriteError("khóa ký không phải khóa riêng Ed25519 dạng PEM")
        }
        let key = Hex.encode(publicKey)
        let lines: [[UInt8]]
        do {
            lines = [
                try line("board", package.board), try line("statistics", package.statistics),
                try line("organisations", package.organisations), try line("members", package.members),
                try line("rejected", package.rejected),
            ]
        } catch {
            throw PackageWriteError("không mã hóa được gói kết quả: \(error)")
        }
        let entries = zip(partNames, lines).map { name, bytes in
            Manifest.Entry(part: name, sha256: ContentDigest.sha256Hex(bytes), bytes: bytes.count)
        }
        let manifest: [UInt8]
        do {
            manifest = try line("manifest", Manifest(schema: ResultPackage.schema, key: key, parts: entries))
        } catch {
            throw PackageWriteError("không mã hóa được bảng kê: \(error)")
        }
        guard let signature = Ed25519.sign(signedPrefix + manifest, privatePEM: privatePEM) else {
            throw PackageWriteError("OpenSSL không ký được gói kết quả")
        }
        let signed: [UInt8]
        do {
            signed = try line("signature", Signature(algorithm: "Ed25519", key: key, signature: Hex.encode(signature)))
        } catch {
            throw PackageWriteError("không mã hóa được chữ ký: \(error)")
        }
        var out: [UInt8] = []
        for bytes in lines + [manifest, signed] {
            out += bytes
            out.append(0x0A)
        }
        return out
    }

    static func line<T: Codable>(_ part: String, _ content: T) throws -> [UInt8] {
        Array(try encoder.encode(Line(part: part, content: content)))
    }
}

public struct PackageWriteError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A board the superior trusts (rollup.yml `boards:`): its name and its Ed25519 public key.
public struct TrustedBoard: Sendable, Equatable {
    public var name: String
    public var publicKey: [UInt8]
    /// `OrganisationKey.organisation` of the name: the package must report for this organisation.
    public var key: String { OrganisationKey.organisation(name) }

    public init(name: String, publicKey: [UInt8]) {
        self.name = name
        self.publicKey = publicKey
    }
}

/// What checking one package's bytes decided: the package, or the one finding that refuses it.
public struct PackageCheck: Sendable {
    public var sha256: String
    /// The trusted board whose key signed it, once the signature is known to be that board's.
    public var board: TrustedBoard?
    public var package: ResultPackage?
    public var refusal: Finding?
}

extension PackageFile {
    /// Checks a package, cheapest and most telling first: its shape, the signature line, whose
    /// key it is, the signature over the manifest, each part against the manifest, then the
    /// parts' content and the year. The first failure is the package's finding. With
    /// `members: false` the members part is checked against the manifest but not decoded (its
    /// list is empty): the largest part, for a reader that needs the rest.
    public static func check(_ bytes: [UInt8], trusted: [TrustedBoard], year: Int, members: Bool = true) -> PackageCheck {
        var result = PackageCheck(sha256: ContentDigest.sha256Hex(bytes))
        func refuse(_ code: FindingCode, _ evidence: String?, detail: FindingDetail? = nil) -> PackageCheck {
            result.refusal = Finding(code, field: "file", evidence: evidence, detail: detail)
            return result
        }
        guard !bytes.isEmpty else { return refuse(.packageMalformed, "0 byte") }
        guard bytes.count <= maximumBytes else { return refuse(.packageMalformed, "\(bytes.count) byte", detail: .technical("> \(maximumBytes)")) }
        guard bytes.last == 0x0A else { return refuse(.packageMalformed, "dòng cuối không kết thúc (gói bị cắt?)") }
        let lines = bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard let last = lines.last else { return refuse(.packageMalformed, nil) }
        guard let signature = try? decoder.decode(Line<Signature>.self, from: Data(last)), signature.part == "signature" else {
            if (try? decoder.decode(Line<Manifest>.self, from: Data(last)))?.part == "manifest" {
                return refuse(.packageUnsigned, "không có dòng chữ ký sau bảng kê")
            }
            return refuse(.packageMalformed, "dòng \(lines.count): không phải dòng chữ ký")
        }
        guard signature.content.algorithm == "Ed25519", !signature.content.signature.isEmpty else {
            return refuse(.packageUnsigned, "chữ ký rỗng hoặc thuật toán \(signature.content.algorithm)")
        }
        guard let publicKey = Hex.decode(signature.content.key), publicKey.count == Ed25519.publicKeyBytes else {
            return refuse(.packageMalformed, "khóa công khai không phải 64 chữ số hex")
        }
        guard let board = trusted.first(where: { $0.publicKey == publicKey }) else {
            return refuse(.packageUnknownKey, "khóa \(signature.content.key)")
        }
        guard lines.count >= 2, let signatureBytes = Hex.decode(signature.content.signature),
              Ed25519.verify(signatureBytes, message: signedPrefix + lines[lines.count - 2], publicKey: publicKey) else {
            return refuse(.packageTampered, "chữ ký Ed25519 không khớp bảng kê (khóa của \(board.name))")
        }
        result.board = board
        guard let manifest = try? decoder.decode(Line<Manifest>.self, from: Data(lines[lines.count - 2])),
              manifest.part == "manifest", manifest.content.schema == ResultPackage.schema else {
            return refuse(.packageMalformed, "bảng kê không đọc được hoặc không phải \(ResultPackage.schema)")
        }
        guard manifest.content.key == signature.content.key else {
            return refuse(.packageTampered, "bảng kê ghi khóa khác khóa đã ký")
        }
        let parts = Array(lines.dropLast(2))
        guard parts.count == manifest.content.parts.count, manifest.content.parts.map(\.part) == partNames else {
            return refuse(.packageTampered, "gói có \(parts.count) phần, bảng kê ghi \(manifest.content.parts.count)")
        }
        for (entry, part) in zip(manifest.content.parts, parts)
        where entry.bytes != part.count || entry.sha256 != ContentDigest.sha256Hex(part) {
            return refuse(.packageTampered, "phần \(entry.part): SHA-256 khác bảng kê")
        }
        let package: ResultPackage
        do {
            package = ResultPackage(
                board: try content(parts[0], "board"), statistics: try content(parts[1], "statistics"),
                organisations: try content(parts[2], "organisations"), members: members ? try content(parts[3], "members") : [],
                rejected: try content(parts[4], "rejected"))
        } catch {
            return refuse(.packageMalformed, "\(error)")
        }
        guard package.board.schema == ResultPackage.schema else {
            return refuse(.packageMalformed, "schema \(package.board.schema)")
        }
        guard package.board.key == board.key else {
            return refuse(.packageBoardMismatch, "gói của \(package.board.name), khóa của \(board.name)")
        }
        result.package = package
        guard package.board.year == year else {
            return refuse(.packageYearMismatch, "năm \(package.board.year)", detail: .batchYear(year))
        }
        return result
    }

    struct PartError: Error, CustomStringConvertible {
        var description: String
    }

    static func content<T: Codable>(_ bytes: [UInt8], _ name: String) throws -> T {
        let line: Line<T>
        do {
            line = try decoder.decode(Line<T>.self, from: Data(bytes))
        } catch {
            throw PartError(description: "phần \(name) không đọc được")
        }
        guard line.part == name else { throw PartError(description: "phần \(line.part) ở chỗ của phần \(name)") }
        return line.content
    }
}

extension PackageCheck {
    init(sha256: String) {
        self.sha256 = sha256
    }
}
