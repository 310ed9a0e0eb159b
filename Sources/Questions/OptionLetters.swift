/// Option letters in explanations, for papers that show options in a shuffled order.
///
/// Explanations are written against the bank's order ("C项与法定含义一致；A项…"). A candidate whose options were
/// shown as B, D, A, C must read the same letters they saw, or the explanation contradicts the page.
public enum OptionLetters {
    /// Rewrites every standalone option letter (A…, one per option; not part of a Latin word or number such as
    /// "APP" or "B2") to the letter under which that option was shown. `order[i]` is the bank index of the option
    /// shown in position i. Text without option letters, and letters beyond the options, are left as they are.
    public static func remap(_ text: String, order: [Int]) -> String {
        guard order.count > 1, order.count <= 26, order != Array(order.indices) else { return text }
        var shownAt = [Int](repeating: -1, count: order.count)
        for (position, original) in order.enumerated() where original >= 0 && original < order.count {
            shownAt[original] = position
        }
        let bytes = Array(text.utf8)
        var out = bytes
        for i in bytes.indices {
            let letter = Int(bytes[i]) - 65
            guard letter >= 0, letter < order.count, shownAt[letter] >= 0 else { continue }
            if i > 0, isLatinOrDigit(bytes[i - 1]) { continue }
            if i + 1 < bytes.count, isLatinOrDigit(bytes[i + 1]) { continue }
            out[i] = UInt8(65 + shownAt[letter])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isLatinOrDigit(_ b: UInt8) -> Bool {
        (65...90).contains(b) || (97...122).contains(b) || (48...57).contains(b)
    }
}
