import Foundation

/// Reading a public value as a person types it: on the command line (`pufa draw verify --public …`) or in the
/// organizer's form when the lottery has drawn.
///
/// - `numbers:3,12,25` — lottery balls. The numbers may be separated by spaces, commas (`,` or `，`) or `、`,
///   in any mix; leading zeros are fine (`03` is 3); ASCII or full-width digits. Order does not matter (the key
///   sorts them).
/// - `text:…` — everything after the prefix is the value, canonicalized as ``DrawSource/canonicalText(_:)`` says.
/// - Without a prefix: a value made only of digits and those separators (`03 07 12 19 25 31 08`) is numbers;
///   anything else is text. Prefixes are case-insensitive and may use the full-width colon `：`.
///   Write `text:` to keep an all-digit value (a stock index, say) as text.
extension DrawSource {
    /// Parses `value` as described on the extension; throws ``DrawError/emptyPublicValue`` when there is nothing
    /// to draw with and ``DrawError/invalidPublicValue(_:)`` for a `numbers:` value with a non-number in it.
    public static func parse(_ value: String) throws(DrawError) -> DrawSource {
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if let body = body(of: text, prefix: "numbers") {
            return .numbers(try numbers(body))
        }
        if let body = body(of: text, prefix: "text") {
            let value = body.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !canonicalText(value).isEmpty else { throw .emptyPublicValue }
            return .text(value)
        }
        guard !text.isEmpty else { throw .emptyPublicValue }
        if text.contains(where: { digit($0) != nil }), text.allSatisfy({ digit($0) != nil || isSeparator($0) }) {
            return .numbers(try numbers(Substring(text)))
        }
        return .text(text)
    }

    /// What follows `prefix:` (or `prefix：`), when `text` starts with it in any letter case.
    private static func body(of text: String, prefix: String) -> Substring? {
        let head = text.prefix(prefix.count + 1)
        guard head.count == prefix.count + 1, head.dropLast().lowercased() == prefix,
              head.last == ":" || head.last == "：" else { return nil }
        return text.dropFirst(prefix.count + 1)
    }

    private static func numbers(_ body: Substring) throws(DrawError) -> [Int] {
        var values: [Int] = []
        for token in body.split(whereSeparator: isSeparator) {
            let digits = token.map(digit)
            guard digits.allSatisfy({ $0 != nil }) else {
                throw .invalidPublicValue("\"\(token)\" is not a whole number 0 or more")
            }
            var value = 0
            for case let d? in digits {
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(d)
                guard !overflow1, !overflow2 else { throw .invalidPublicValue("\"\(token)\" is too large") }
                value = sum
            }
            values.append(value)
        }
        guard !values.isEmpty else { throw .emptyPublicValue }
        return values
    }

    private static func isSeparator(_ c: Character) -> Bool {
        c.isWhitespace || c == "," || c == "，" || c == "、"
    }

    /// The value of an ASCII or full-width decimal digit; nil for anything else (other scripts' digits too).
    private static func digit(_ c: Character) -> Int? {
        guard c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }
}
