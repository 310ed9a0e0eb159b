extension QuestionContent {
    /// The fields that define the question, in a fixed order. Two contents are the same question exactly
    /// when these are equal; the fingerprint hashes them.
    var canonicalParts: [String] {
        [type.rawValue, stem, options.joined(separator: "\u{1F}"), keyText, explanation, basis, quote, category,
         topics.joined(separator: "\u{1F}"), String(difficulty), audiences.joined(separator: "\u{1F}"),
         rubric.joined(separator: "\u{1F}"), points.map(String.init) ?? ""]
    }

    /// 128 bits of FNV-1a over the canonical fields (UTF-8, each followed by a record separator), as hex.
    public var fingerprint: String {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325, h2: UInt64 = 0x8422_2325_cbf2_9ce4
        func mix(_ byte: UInt8) {
            h1 = (h1 ^ UInt64(byte)) &* 0x100_0000_01b3
            h2 = (h2 ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 0x9e37_79b9
        }
        for part in canonicalParts {
            var part = part
            part.withUTF8 { for byte in $0 { mix(byte) } }
            mix(0x1E)
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

