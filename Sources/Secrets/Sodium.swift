import CSodium

/// Randomness, digests and comparisons from libsodium.
public enum Sodium {
    private static let initialized: Bool = { sodium_init() >= 0 }()

    public static func ensureInitialized() {
        precondition(initialized, "libsodium failed to initialize")
    }

    /// Cryptographically secure random bytes.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        ensureInitialized()
        var bytes = [UInt8](repeating: 0, count: count)
        randombytes_buf(&bytes, count)
        return bytes
    }

    /// A random token as URL-safe base64 without padding (32 bytes → 43 characters).
    public static func randomToken(bytes: Int = 32) -> String {
        base64url(randomBytes(bytes))
    }

    /// A password people can read aloud and type: `length` characters from 31 letters and digits that are never
    /// confused (no 0/o, 1/l/i), uniformly drawn (libsodium's `randombytes_uniform`). 10 characters ≈ 49 bits.
    public static func readablePassword(length: Int = 10) -> String {
        ensureInitialized()
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        return String((0..<length).map { _ in alphabet[Int(randombytes_uniform(UInt32(alphabet.count)))] })
    }

    /// BLAKE2b digest (libsodium's generic hash), hex encoded. Used to store session tokens and to fingerprint data.
    public static func digest(_ bytes: [UInt8], length: Int = 32, key: [UInt8] = []) -> String {
        bytes.withUnsafeBufferPointer { digest($0, length: length, key: key) }
    }

    /// The digest of a string's UTF-8 bytes, read in place. Every token check (sessions, quiz entries) runs it.
    public static func digest(_ text: String, key: [UInt8] = []) -> String {
        if let hashed = text.utf8.withContiguousStorageIfAvailable({ digest($0, length: 32, key: key) }) { return hashed }
        return digest(Array(text.utf8), key: key)
    }

    private static func digest(_ bytes: UnsafeBufferPointer<UInt8>, length: Int, key: [UInt8]) -> String {
        ensureInitialized()
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { out in
            crypto_generichash(out.baseAddress!, length, bytes.baseAddress, UInt64(bytes.count), key.isEmpty ? nil : key, key.count)
            return hex(UnsafeBufferPointer(out))
        }
    }

    /// Compares two strings without leaking where they differ (their lengths aside).
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        a.makeContiguousUTF8()
        b.makeContiguousUTF8()
        return a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && sodium_memcmp(x.baseAddress, y.baseAddress, x.count) == 0
            } ?? false
        } ?? false
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer(hex)
    }

    static func hex(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (i, b) in bytes.enumerated() {
                out[2 * i] = hexDigit(b >> 4)
                out[2 * i + 1] = hexDigit(b & 15)
            }
            return bytes.count * 2
        }
    }

    private static func hexDigit(_ n: UInt8) -> UInt8 { n < 10 ? 48 + n : 87 + n }  // "0"… "9", "a"… "f"

    static func base64url(_ bytes: [UInt8]) -> String {
        let maxLength = sodium_base64_encoded_len(bytes.count, sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        var out = [CChar](repeating: 0, count: maxLength)
        sodium_bin2base64(&out, maxLength, bytes, bytes.count, sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
