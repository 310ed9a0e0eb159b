import Foundation

/// How question text is indexed for Chinese search. Chinese has no spaces between words and most legal
/// terms are two characters (离婚, 罚款), so the index holds every pair of adjacent characters (bigrams) of the
/// normalized text; a query matches when the question has all the query's bigrams and, for longer queries, the
/// whole normalized query as a substring.
public enum SearchText {
    /// Half-width, lower case, no whitespace or punctuation: the form both texts and queries are compared in.
    public static func normalize(_ text: String) -> String {
        BlankNormalizer.normalize(text)
    }

    /// Distinct adjacent-character pairs of a normalized text, in first-seen order.
    public static func bigrams(_ normalized: String) -> [String] {
        let chars = Array(normalized)
        guard chars.count >= 2 else { return [] }
        var seen = Set<String>()
        var result: [String] = []
        for i in 0..<(chars.count - 1) {
            let gram = String(chars[i]) + String(chars[i + 1])
            if seen.insert(gram).inserted { result.append(gram) }
        }
        return result
    }

    /// The text stored in the bigram index for one question's searchable fields.
    public static func indexText(_ content: QuestionContent) -> (normalized: String, grams: String) {
        let normalized = normalize([content.stem, content.options.joined(separator: " "), content.explanation,
                                    content.basis].joined(separator: " "))
        return (normalized, bigrams(normalized).joined(separator: " "))
    }

    /// An FTS5 query requiring every bigram of the normalized query; nil for queries under two characters.
    public static func matchExpression(_ normalizedQuery: String) -> String? {
        let grams = bigrams(normalizedQuery)
        guard !grams.isEmpty else { return nil }
        return grams.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }
}

