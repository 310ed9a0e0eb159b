import CSodium

/// Argon2id password hashes through libsodium's `crypto_pwhash_str`, which embeds the algorithm,
/// parameters and salt in the stored string, so parameters can rise later without breaking old hashes.
public struct PasswordHasher: Sendable {
    /// Argon2id cost. The default is OWASP's minimum (m = 19 MiB, t = 2, p = 1), measured in
    /// BENCHMARKS.md; tests use `.fast` so suites stay quick.
    public struct Cost: Sendable {
        public var operations: Int
        public var memoryBytes: Int
        public static let owaspMinimum = Cost(operations: 2, memoryBytes: 19 * 1024 * 1024)
        /// libsodium's minimum, for tests only.
        public static let fast = Cost(operations: 1, memoryBytes: 8 * 1024)
    }

    public let cost: Cost

    public init(cost: Cost = .owaspMinimum) {
        Sodium.ensureInitialized()
        self.cost = cost
    }

    /// A self-describing `$argon2id$…` string.
    public func hash(_ password: String) -> String {
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let length = UInt64(password.utf8.count)
        let status = password.withCString {
            crypto_pwhash_str(&out, $0, length, UInt64(cost.operations), cost.memoryBytes)
        }
        precondition(status == 0, "crypto_pwhash_str ran out of memory")
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `password` matches `stored`. Constant-time inside libsodium.
    public func verify(_ password: String, against stored: String) -> Bool {
        let length = UInt64(password.utf8.count)
        var storedC = Array(stored.utf8CString)
        return password.withCString { crypto_pwhash_str_verify(&storedC, $0, length) == 0 }
    }

    /// True when `stored` was made with weaker parameters than `cost` and should be rehashed at next login.
    public func needsRehash(_ stored: String) -> Bool {
        var storedC = Array(stored.utf8CString)
        return crypto_pwhash_str_needs_rehash(&storedC, UInt64(cost.operations), cost.memoryBytes) != 0
    }
}
