import Foundation

/// One public source of randomness, as it enters an RFC 3797 key string.
///
/// RFC 3797 §4 canonicalizes numeric sources: the values are sorted ascending, each is written in decimal
/// without leading zeros and followed by a period, and the source ends with "/" — so lottery balls 12 5 8
/// become `5.8.12./`. The RFC speaks of numbers only; for a text source (a digest, a stock index quoted as
/// text) this module fixes its own rule, described on ``canonicalText(_:)``.
public enum DrawSource: Hashable, Sendable {
    /// A set of integers (lottery balls, a sales volume); order does not matter, it is sorted.
    case numbers([Int])
    /// A string; it is canonicalized, so spacing and letter case do not matter.
    case text(String)

    /// The source's part of the key string, including the trailing "/".
    public var rendering: String {
        switch self {
        case .numbers(let values):
            return values.sorted().map { "\($0)." }.joined() + "/"
        case .text(let value):
            return Self.canonicalText(value) + "/"
        }
    }

    /// True when the source carries no value at all (no numbers, or text that is blank once canonicalized).
    public var isEmpty: Bool {
        switch self {
        case .numbers(let values): return values.isEmpty
        case .text(let value): return Self.canonicalText(value).isEmpty
        }
    }

    /// The canonical form of a text source: Unicode NFC; leading and trailing white space removed; each inner
    /// run of white space replaced by one space; ASCII letters upper-cased (so a hex digest reads the same in
    /// either case); and "%" and "/" escaped as "%25" and "%2F" so that "/" only ever ends a source.
    public static func canonicalText(_ value: String) -> String {
        let words = value.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace })
        var out = ""
        for scalar in words.joined(separator: " ").unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "/": out += "%2F"
            case "a"..."z": out.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

// Encoded as {"numbers":[…]} or {"text":"…"}, which reads better in a published result than the synthesized form.
extension DrawSource: Codable {
    private enum CodingKeys: String, CodingKey { case numbers, text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let numbers = try container.decodeIfPresent([Int].self, forKey: .numbers) {
            self = .numbers(numbers)
        } else if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "a draw source needs \"numbers\" or \"text\""))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .numbers(let values): try container.encode(values, forKey: .numbers)
        case .text(let value): try container.encode(value, forKey: .text)
        }
    }
}
