import Foundation
import OOXMLPackage
import Testing

@Suite struct SigningTests {
    /// RFC 8032 §7.1 test 1, the private key wrapped as PKCS#8 PEM: the signature of the result
    /// packages is the standard Ed25519.
    @Test func ed25519MatchesRFC8032() throws {
        let seed = try #require(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
        let der = try #require(Hex.decode("302e020100300506032b657004220420")) + seed
        let pem = Array("-----BEGIN PRIVATE KEY-----\n\(Data(der).base64EncodedString())\n-----END PRIVATE KEY-----\n".utf8)
        let publicKey = try #require(Ed25519.publicKey(privatePEM: pem))
        #expect(Hex.encode(publicKey) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        let signature = try #require(Ed25519.sign([], privatePEM: pem))
        #expect(Hex.encode(signature) == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
                + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        #expect(Ed25519.verify(signature, message: [], publicKey: publicKey))
    }

    @Test func aChangedMessageSignatureOrKeyDoesNotVerify() throws {
        let pair = try #require(Ed25519.generate())
        let other = try #require(Ed25519.generate())
        let message = Array("kiemdiem.package/1".utf8)
        let signature = try #require(Ed25519.sign(message, privatePEM: pair.privatePEM))
        #expect(Ed25519.publicKey(privatePEM: pair.privatePEM) == pair.publicKey)
        #expect(Ed25519.verify(signature, message: message, publicKey: pair.publicKey))
        #expect(!Ed25519.verify(signature, message: message + [0x20], publicKey: pair.publicKey))
        var flipped = signature
        flipped[10] ^= 1
        #expect(!Ed25519.verify(flipped, message: message, publicKey: pair.publicKey))
        #expect(!Ed25519.verify(signature, message: message, publicKey: other.publicKey))
        #expect(!Ed25519.verify(Array(signature.prefix(63)), message: message, publicKey: pair.publicKey))
        #expect(Ed25519.publicKey(privatePEM: Array("not a key".utf8)) == nil)
    }
}
