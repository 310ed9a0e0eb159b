import CSodium
import Foundation

extension Sodium {
    /// HMAC-SHA256 with a key of any length (libsodium's multi-part API; its one-shot form wants a 32-byte key).
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        ensureInitialized()
        var state = crypto_auth_hmacsha256_state()
        var out = [UInt8](repeating: 0, count: Int(crypto_auth_hmacsha256_BYTES))
        crypto_auth_hmacsha256_init(&state, key, key.count)
        crypto_auth_hmacsha256_update(&state, message, UInt64(message.count))
        crypto_auth_hmacsha256_final(&state, &out)
        return out
    }

    /// DingTalk's robot signature: base64(HMAC-SHA256(secret, "<timestamp ms>\n<secret>")), URL-encoded, ready to
    /// append as `&timestamp=…&sign=…`.
    public static func dingTalkSignature(secret: String, timestampMillis: Int64) -> String {
        let mac = hmacSHA256(key: Array(secret.utf8), message: Array("\(timestampMillis)\n\(secret)".utf8))
        let base64 = Data(mac).base64EncodedString()
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return base64.addingPercentEncoding(withAllowedCharacters: allowed) ?? base64
    }
}
