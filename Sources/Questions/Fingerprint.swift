extension QuestionContent {
    /// A canonical text of everything that defines the question, used to spot identical questions and to
    /// store the version. Two contents are the same question exactly when their fingerprints are equal.
    public var canonicalText: String {
        var parts: [String] = [type.rawValue, stem, options.joined(separator: "\u{1F}"), keyText, explanation, basis, quote,
                               category, topics.joined(separator: "\u{1F}"), String(difficulty),
                               audiences.joined(separator: "\u{1F}"), rubric.joined(separator: "\u{1F}"),
                               points.map(String.init) ?? ""]
        parts = parts.map { $0.replacingAll("\u{1E}", with: " ") }
        return parts.joined(separator: "\u{1E}")
    }

    /// 128 bits of FNV-1a over the canonical text, as hex.
    public var fingerprint: String {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325, h2: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in canonicalText.utf8 {
            h1 = (h1 ^ UInt64(byte)) &* 0x100_0000_01b3
            h2 = (h2 ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 0x9e37_79b9
        }
        return String(h1, radix: 16) + String(h2, radix: 16)
    }

    var keyText: String {
        switch key {
        case .choice(let keys): keys.map(String.init).joined(separator: ",")
        case .judge(let value): value ? "true" : "false"
        case .blanks(let blanks): blanks.map { $0.joined(separator: "\u{1F}") }.joined(separator: "\u{1D}")
        case .reference(let text): text
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
