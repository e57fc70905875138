import COpenSSLCrypto

/// Ed25519 through OpenSSL's EVP interface, for the signed result packages a board sends to the
/// level above (docs/contract.md §6): the private key lives in a PEM file the board keeps outside
/// its workspace, the public key travels as 64 hex digits in the superior's rollup.yml. OpenSSL
/// is wrapped here, beside `ContentDigest` and `MessageAuthentication`, so its pointers stay in
/// one module.
public enum Ed25519 {
    /// The length of a raw public key and of a signature.
    public static let publicKeyBytes = 32, signatureBytes = 64

    /// A new key pair: the private key as PKCS#8 PEM (what `openssl genpkey -algorithm ed25519`
    /// writes) and the raw public key.
    public static func generate() -> (privatePEM: [UInt8], publicKey: [UInt8])? {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else { return nil }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_keygen(context, &key) == 1, let key else { return nil }
        defer { EVP_PKEY_free(key) }
        guard let pem = privatePEM(key), let raw = rawPublicKey(key) else { return nil }
        return (pem, raw)
    }

    /// The raw public key of a PEM private key, or `nil` when the PEM is not an Ed25519 key.
    public static func publicKey(privatePEM: [UInt8]) -> [UInt8]? {
        guard let key = loadPrivate(privatePEM) else { return nil }
        defer { EVP_PKEY_free(key) }
        return rawPublicKey(key)
    }

    /// The signature of `message` under a PEM private key, or `nil` when the key is unusable.
    public static func sign(_ message: [UInt8], privatePEM: [UInt8]) -> [UInt8]? {
        guard let key = loadPrivate(privatePEM), let context = EVP_MD_CTX_new() else { return nil }
        defer {
            EVP_MD_CTX_free(context)
            EVP_PKEY_free(key)
        }
        // Ed25519 is "pure": no digest is named, and the message is signed in one call.
        guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1 else { return nil }
        var length = signatureBytes
        var signature = [UInt8](repeating: 0, count: signatureBytes)
        let done = message.withUnsafeBufferPointer { buffer in
            EVP_DigestSign(context, &signature, &length, buffer.baseAddress, buffer.count)
        }
        guard done == 1, length == signatureBytes else { return nil }
        return signature
    }

    /// Whether `signature` is a valid signature of `message` under the raw public key.
    public static func verify(_ signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == signatureBytes, publicKey.count == publicKeyBytes,
              let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count) else { return false }
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else { return false }
        return message.withUnsafeBufferPointer { buffer in
            EVP_DigestVerify(context, signature, signature.count, buffer.baseAddress, buffer.count)
        } == 1
    }

    private static func loadPrivate(_ pem: [UInt8]) -> OpaquePointer? {
        guard let bio = pem.withUnsafeBufferPointer({ BIO_new_mem_buf($0.baseAddress, Int32($0.count)) }) else { return nil }
        defer { BIO_free(bio) }
        // No password callback: a key with a passphrase is refused rather than prompted for at night.
        guard let key = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else { return nil }
        guard EVP_PKEY_get_id(key) == EVP_PKEY_ED25519 else {
            EVP_PKEY_free(key)
            return nil
        }
        return key
    }

    private static func privatePEM(_ key: OpaquePointer) -> [UInt8]? {
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) == 1 else { return nil }
        var data: UnsafeMutablePointer<CChar>?
        // BIO_get_mem_data is a macro over BIO_ctrl(BIO_CTRL_INFO).
        let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data)
        guard length > 0, let data else { return nil }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    private static func rawPublicKey(_ key: OpaquePointer) -> [UInt8]? {
        var length = publicKeyBytes
        var raw = [UInt8](repeating: 0, count: publicKeyBytes)
        guard EVP_PKEY_get_raw_public_key(key, &raw, &length) == 1, length == publicKeyBytes else { return nil }
        return raw
    }
}
