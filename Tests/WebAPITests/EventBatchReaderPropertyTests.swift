import Foundation
import Testing
@testable import WebAPI
import TestSupport

/// On random valid batches — any key order, whitespace, escapes, nulls, unknown keys — the batch reader and
/// `JSONDecoder` read the same values.
@Suite struct EventBatchReaderPropertyTests {
    struct Writer {
        var rng: SplitMix

        mutating func space() -> String {
            ["", "", "", " ", "\n", "\t", "\r\n  "].randomElement(using: &rng)!
        }

        mutating func string() -> String {
            let alphabet: [Character] = ["a", "Z", "0", "-", "_", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "é", "法", "治", "😀", "\u{7F}"]
            var out = "\""
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                let c = alphabet.randomElement(using: &rng)!
                let escape = Bool.random(using: &rng)
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += escape ? "\\n" : "\\u000a"
                case "\t": out += escape ? "\\t" : "\\u0009"
                case "\u{1}": out += "\\u0001"
                case "/": out += escape ? "\\/" : "/"
                default:
                    guard escape else { out.append(c); break }
                    for unit in String(c).utf16 { out += String(format: Bool.random(using: &rng) ? "\\u%04x" : "\\u%04X", unit) }
                }
            }
            return out + "\""
        }

        mutating func integer(_ range: ClosedRange<Int64>) -> String { "\(Int64.random(in: range, using: &rng))" }

        mutating func double() -> String {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: "\(Double.random(in: 0...1, using: &rng))"
            case 1: "0.\(Int.random(in: 0...999_999, using: &rng))"
            case 2: "\(Int.random(in: -5...5, using: &rng))"
            default: "\(Int.random(in: 1...9, using: &rng)).\(Int.random(in: 0...99, using: &rng))e-\(Int.random(in: 0...3, using: &rng))"
            }
        }

        /// A member that may be left out or null.
        mutating func optional(_ key: String, _ value: String) -> String? {
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: nil
            case 1: "\"\(key)\"\(space()):\(space())null"
            default: "\"\(key)\"\(space()):\(space())\(value)"
            }
        }

        mutating func object(_ members: [String?]) -> String {
            var members = members.compactMap { $0 }
            if Int.random(in: 0..<4, using: &rng) == 0 { members.append("\"unknown\":\(space())[{\"a\":\(string())},1.5e3,true,null]") }
            members.shuffle(using: &rng)
            return "{" + space() + members.map { $0 + space() }.joined(separator: "," + space()) + "}"
        }

        mutating func event() -> String {
            object(["\"id\":" + string(), "\"kind\":" + string(), "\"content\":" + string(), "\"at\":" + integer(Int64.min...Int64.max),
                    optional("campaign", integer(-5...1_000_000)), optional("channel", string()),
                    optional("seconds", integer(-10...200)), optional("depth", double())])
        }

        mutating func batch() -> String {
            let events = (0..<Int.random(in: 0...12, using: &rng)).map { _ in event() }
            return space() + object([optional("device", string()), optional("token", string()),
                                     "\"events\":[" + space() + events.joined(separator: "," + space()) + "]"]) + space()
        }
    }

    @Test func theReaderAgreesWithJSONDecoderOnRandomBatches() throws {
        var writer = Writer(rng: SplitMix(seed: 20_261_123))
        for round in 0..<2_000 {
            let text = Array(writer.batch().utf8)
            let expected = try JSONDecoder().decode(EventBatchDTO.self, from: Data(text))
            #expect(try EventBatchReader.read(text) == expected, "round \(round): \(String(decoding: text, as: UTF8.self))")
        }
    }
}
