import CLibCrypto

/// MD5 and SHA-256 from OpenSSL's libcrypto (the `CLibCrypto` shim), plus hex rendering.
///
/// MD5 is used only because RFC 3797 fixes it as the mixing function of the selection; everything this module
/// publishes as a fingerprint (rules commitment, eligible-list digest) is SHA-256.
public enum Digest {
    /// The 16-byte MD5 digest of `bytes` (RFC 1321).
    public static func md5(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 16)
        let ok = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { pufa_md5(input.baseAddress, input.count, $0.baseAddress) }
        }
        precondition(ok == 1, "libcrypto refused to compute MD5")
        return out
    }

    /// The 32-byte SHA-256 digest of `bytes` (FIPS 180-4).
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { pufa_sha256(input.baseAddress, input.count, $0.baseAddress) }
        }
        precondition(ok == 1, "libcrypto refused to compute SHA-256")
        return out
    }

    /// Lower-case hex SHA-256 of the UTF-8 bytes of `text`: the form every published digest of this module takes.
    public static func sha256Hex(_ text: String) -> String {
        hex(sha256(Array(text.utf8)))
    }

    /// Bytes as hex, two digits each, lower case unless `uppercase` (RFC 3797's tables print upper case).
    public static func hex(_ bytes: [UInt8], uppercase: Bool = false) -> String {
        let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
