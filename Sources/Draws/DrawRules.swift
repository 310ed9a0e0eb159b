import Foundation

/// The rules of one prize draw, fixed and published (with their ``commitment()``) before the round opens.
///
/// Once the commitment is out, nobody can change the prizes, the eligibility condition or the choice of public
/// random source without the change showing: ``Draw/verify(rules:eligible:publicValue:published:)`` recomputes
/// the commitment from the rules it is given.
public struct DrawRules: Codable, Hashable, Sendable {
    /// The algorithm this module implements; stored in the rules so a future algorithm cannot be confused with it.
    public static let currentAlgorithm = "rfc3797-md5-v1"

    /// A prize and how many winners receive it. Prizes are awarded in the order the rules list them.
    public struct Prize: Codable, Hashable, Sendable {
        public var name: String
        public var count: Int

        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }

    /// Which future public event supplies the random value, named precisely enough that anyone can look it up.
    public struct PublicSeed: Codable, Hashable, Sendable {
        /// The lottery or other source, e.g. "中国福利彩票 双色球".
        public var name: String
        /// The issue or draw number, e.g. "2025061".
        public var issue: String
        /// The draw date as published by the source, e.g. "2025-06-03" (text: this module has no clock).
        public var drawDate: String
        /// How the result becomes the public value, e.g. "6 red balls and the blue ball, as numbers".
        public var howRead: String

        public init(name: String, issue: String, drawDate: String, howRead: String) {
            self.name = name
            self.issue = issue
            self.drawDate = drawDate
            self.howRead = howRead
        }
    }

    public var roundId: String
    public var title: String
    public var prizes: [Prize]
    /// Who qualifies, in words, e.g. "满分".
    public var eligibility: String
    public var seed: PublicSeed
    public var algorithm: String

    public init(roundId: String, title: String, prizes: [Prize], eligibility: String, seed: PublicSeed,
                algorithm: String = DrawRules.currentAlgorithm) {
        self.roundId = roundId
        self.title = title
        self.prizes = prizes
        self.eligibility = eligibility
        self.seed = seed
        self.algorithm = algorithm
    }

    /// Total number of winners the prizes call for.
    public var winnerCount: Int { prizes.reduce(0) { $0 + $1.count } }

    /// The canonical JSON of the rules: keys sorted, no white space, "/" not escaped, UTF-8.
    /// This is the exact text the commitment hashes; publish it next to the commitment.
    public func canonicalJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, integers, arrays and nested structs only: encoding cannot fail.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self)
    }

    /// Lower-case hex SHA-256 of ``canonicalJSON()``.
    public func commitment() -> String {
        Digest.sha256Hex(canonicalJSON())
    }
}
