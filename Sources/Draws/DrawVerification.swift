import Foundation

/// What ``DrawPublication/verify(publicValue:)`` recomputed from the published files, and every way the published
/// result differs from it. Printed by `pufa draw verify` as ``report()`` or ``json()``.
public struct DrawVerification: Codable, Hashable, Sendable {
    /// Where the public value came from.
    public enum PublicValueOrigin: String, Codable, Sendable {
        /// Given by the verifier (`--public`), ideally copied from the lottery's own announcement.
        case given
        /// Taken from `result.json`, so only the arithmetic is checked, not the lottery numbers.
        case result
    }

    /// SHA-256 of the rules file's bytes: compare it with the commitment published before the round.
    public var commitment: String
    /// SHA-256 of the eligible list's canonical text (= of the file, which parsing requires to be canonical).
    public var eligibleDigest: String
    public var eligibleCount: Int
    public var publicValue: DrawSource
    public var publicValueOrigin: PublicValueOrigin
    /// The RFC 3797 key string recomputed from the public value and the eligible digest.
    public var key: String
    /// The winners recomputed (empty when the draw cannot be run, which is then among the mismatches).
    public var winners: [DrawResult.Winner]
    /// Sentences such as `eligible digest differs: published …, recomputed …`; empty when verified.
    public var mismatches: [String]

    public init(commitment: String, eligibleDigest: String, eligibleCount: Int, publicValue: DrawSource,
                publicValueOrigin: PublicValueOrigin, key: String, winners: [DrawResult.Winner], mismatches: [String]) {
        self.commitment = commitment
        self.eligibleDigest = eligibleDigest
        self.eligibleCount = eligibleCount
        self.publicValue = publicValue
        self.publicValueOrigin = publicValueOrigin
        self.key = key
        self.winners = winners
        self.mismatches = mismatches
    }

    public var verified: Bool { mismatches.isEmpty }

    /// The report for people, Chinese first and English after " / ", ending in a line break.
    public func report() -> String {
        let origin = switch publicValueOrigin {
        case .given: "（命令行给出 / as given）"
        case .result: "（取自结果文件，请与彩票官方开奖公告核对 / taken from the result file; check it against the lottery's own announcement）"
        }
        var lines = [
            "规则承诺 / rules commitment: \(commitment)",
            "名单摘要 / eligible digest: \(eligibleDigest)",
            "名单人数 / eligible count: \(eligibleCount)",
            "公开随机值 / public value: \(publicValue.rendering)\(origin)",
            "密钥串 / key: \(key)",
            "中奖者（重新计算）/ winners (recomputed):",
        ]
        for (index, winner) in winners.enumerated() {
            lines.append("  \(index + 1). \(winner.prize)  \(winner.entryId)  \(winner.maskedPhone)  "
                         + "第 \(winner.position) 位 / position \(winner.position)")
        }
        if winners.isEmpty { lines.append("  （无 / none）") }
        for mismatch in mismatches {
            lines.append("不一致 / mismatch: \(mismatch)")
        }
        lines.append(verified ? "核验通过 / verified"
                     : "核验未通过：\(mismatches.count) 处不一致 / NOT verified: \(mismatches.count) mismatches")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"verified", "commitment", "eligibleDigest", "eligibleCount", "publicValue", "publicValueOrigin", "key",
    /// "winners", "mismatches"}` with sorted keys, indented, ending in a line break.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings, integers, booleans and arrays only: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }

    private enum CodingKeys: String, CodingKey {
        case verified, commitment, eligibleDigest, eligibleCount, publicValue, publicValueOrigin, key, winners, mismatches
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(commitment: try c.decode(String.self, forKey: .commitment),
                  eligibleDigest: try c.decode(String.self, forKey: .eligibleDigest),
                  eligibleCount: try c.decode(Int.self, forKey: .eligibleCount),
                  publicValue: try c.decode(DrawSource.self, forKey: .publicValue),
                  publicValueOrigin: try c.decode(PublicValueOrigin.self, forKey: .publicValueOrigin),
                  key: try c.decode(String.self, forKey: .key),
                  winners: try c.decode([DrawResult.Winner].self, forKey: .winners),
                  mismatches: try c.decode([String].self, forKey: .mismatches))
    }

    // `verified` is written out for readers of the JSON; it is derived, so decoding ignores it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(verified, forKey: .verified)
        try c.encode(commitment, forKey: .commitment)
        try c.encode(eligibleDigest, forKey: .eligibleDigest)
        try c.encode(eligibleCount, forKey: .eligibleCount)
        try c.encode(publicValue, forKey: .publicValue)
        try c.encode(publicValueOrigin, forKey: .publicValueOrigin)
        try c.encode(key, forKey: .key)
        try c.encode(winners, forKey: .winners)
        try c.encode(mismatches, forKey: .mismatches)
    }
}
