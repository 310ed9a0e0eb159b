import Foundation
@testable import HTTPServer
import Testing
import TestSupport

@Suite struct JSONWriterTests {
    func text(_ w: JSONWriter) -> String { String(decoding: w.bytes, as: UTF8.self) }

    @Test(arguments: [0, 7, -7, 10, 99, 100, -1_000_000, 1_763_856_000_123, Int.max, Int.min])
    func integersAreWrittenAsSwiftPrintsThem(n: Int) {
        var w = JSONWriter()
        w.int(n)
        #expect(text(w) == String(n))
    }

    @Test func digitsArePaddedToTheWidthAndNeverCut() {
        var bytes: [UInt8] = []
        JSONWriter.appendDigits(7, width: 2, to: &bytes)
        JSONWriter.appendDigits(2026, width: 2, to: &bytes)
        JSONWriter.appendDigits(0, width: 4, to: &bytes)
        JSONWriter.appendDigits(-5, width: 3, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "0720260000-005")
    }

    @Test func valuesAreSeparatedInObjectsAndArrays() {
        var w = JSONWriter()
        w.object { o in
            o.key("a"); o.int(1)
            o.key("b"); o.bool(false)
            o.key("c"); o.asciiString { $0.append(contentsOf: "x-1".utf8) }
            o.key("d"); o.string(nil)
            o.key("e"); o.array([1, 2]) { w, n in w.int(n) }
        }
        #expect(text(w) == #"{"a":1,"b":false,"c":"x-1","d":null,"e":[1,2]}"#)
    }

    @Test func stringsEscapeExactlyWhatJSONNeedsAndReadBackTheSame() throws {
        var rng = SplitMix(seed: 0x15_0ACE)
        let pieces = ["第", "条", "a", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "/", "《民法典》", "😀", " "]
        for _ in 0..<500 {
            let s = (0..<Int.random(in: 0...20, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            var w = JSONWriter()
            w.array([s]) { w, item in w.string(item) }
            let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
            #expect(back == [s], "\(s.debugDescription) → \(text(w))")
        }
        var w = JSONWriter()
        w.string("a\"b\\c\nd\u{01}")
        #expect(text(w) == #""a\"b\\c\nd\u0001""#)
    }
}
