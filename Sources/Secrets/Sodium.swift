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
        ensureInitialized()
        var out = [UInt8](repeating: 0, count: length)
        crypto_generichash(&out, length, bytes, UInt64(bytes.count), key.isEmpty ? nil : key, key.count)
        return hex(out)
    }

    public static func digest(_ text: String, key: [UInt8] = []) -> String {
        digest(Array(text.utf8), key: key)
    }

    /// Compares two strings without leaking where they differ.
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return sodium_memcmp(x, y, x.count) == 0
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        let maxLength = sodium_base64_encoded_len(bytes.count, sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        var out = [CChar](repeating: 0, count: maxLength)
        sodium_bin2base64(&out, maxLength, bytes, bytes.count, sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
