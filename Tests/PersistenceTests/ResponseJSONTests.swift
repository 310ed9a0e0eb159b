import Foundation
@testable import Persistence
import Questions
import Testing
import TestSupport

/// Stored responses written by hand are byte for byte what Foundation's encoder wrote before.
@Suite struct ResponseJSONTests {
    func encoder(_ r: QuestionResponse) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(r), as: UTF8.self)
    }

    @Test func everyKindAndEveryControlCharacterMatchTheEncoder() throws {
        let awkward = String(decoding: (0..<32).map { UInt8($0) } + Array("\"\\/é法😀\u{2028}".utf8), as: UTF8.self)
        for r: QuestionResponse in [.choice([]), .choice([0, 3, 12]), .judge(true), .judge(false), .blanks([]), .blanks(["三十日", awkward]),
                                    .text(""), .text(awkward)] {
            #expect(ResponseJSON.encode(r) == (try encoder(r)))
        }
    }

    @Test(arguments: 0..<100) func randomResponsesMatchTheEncoder(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed))
        let pieces = ["法", "a", " ", "\"", "\\", "\n", "\t", "\u{7}", "/", "😀", "第三十条"]
        func text() -> String { (0..<rng.int(0...12)).map { _ in pieces[rng.int(0...pieces.count - 1)] }.joined() }
        let r: QuestionResponse = switch rng.int(0...3) {
        case 0: .choice((0..<rng.int(0...5)).map { _ in rng.int(0...20) })
        case 1: .judge(rng.bool())
        case 2: .blanks((0..<rng.int(0...4)).map { _ in text() })
        default: .text(text())
        }
        #expect(ResponseJSON.encode(r) == (try encoder(r)))
        #expect(try JSONDecoder().decode(QuestionResponse.self, from: Data(ResponseJSON.encode(r).utf8)) == r)
    }
}
