import Draws
import Foundation
import Testing

/// How sources become key strings: equal values give equal keys whatever way they were typed.
@Suite struct KeyCanonicalizationTests {
    @Test func numbersAreSortedWrittenInDecimalAndEachEndsWithAPeriod() {
        #expect(DrawSource.numbers([47, 9, 38, 18, 34, 26]).rendering == "9.18.26.34.38.47./")
        #expect(DrawSource.numbers([7]).rendering == "7./")
        #expect(DrawSource.numbers([0, 100]).rendering == "0.100./")
        #expect(DrawSource.numbers([]).rendering == "/")
    }

    @Test func sourcesAreConcatenatedInTheGivenOrder() {
        let key = RFC3797.key([.numbers([47, 9, 38, 18, 34, 26]), .numbers([15, 2, 14, 8, 13, 5])])
        #expect(key == "9.18.26.34.38.47./2.5.8.13.14.15./")
        #expect(RFC3797.key([.numbers([1]), .numbers([2])]) != RFC3797.key([.numbers([2]), .numbers([1])]))
        #expect(RFC3797.key([]) == "")
    }

    @Test func repeatedNumbersAreKept() {
        #expect(DrawSource.numbers([5, 5, 1]).rendering == "1.5.5./")
    }

    @Test func textIsTrimmedCollapsedAndUpperCased() {
        #expect(DrawSource.text("  abc   def\t\n9f ").rendering == "ABC DEF 9F/")
        #expect(DrawSource.text("A1B2").rendering == DrawSource.text("a1b2").rendering)
    }

    @Test func slashAndPercentInTextAreEscapedSoSlashOnlyEndsASource() {
        #expect(DrawSource.text("1/2").rendering == "1%2F2/")
        #expect(DrawSource.text("100%").rendering == "100%25/")
        #expect(DrawSource.text("a%2Fb").rendering != DrawSource.text("a/b").rendering)
    }

    @Test func textIsNormalizedToNFCAndKeepsNonASCII() {
        let composed = "caf\u{E9} 双色球"
        let decomposed = "cafe\u{301} 双色球"
        #expect(DrawSource.text(composed).rendering == DrawSource.text(decomposed).rendering)
        #expect(DrawSource.text(composed).rendering == "CAF\u{E9} 双色球/")
    }

    @Test func emptinessLooksAtTheCanonicalValue() {
        #expect(DrawSource.numbers([]).isEmpty)
        #expect(DrawSource.text(" \t ").isEmpty)
        #expect(!DrawSource.numbers([0]).isEmpty)
        #expect(!DrawSource.text("0").isEmpty)
    }

    @Test func sourcesRoundTripThroughJSON() throws {
        for source in [DrawSource.numbers([3, 1, 2]), .text("双色球 2025063")] {
            let data = try JSONEncoder().encode(source)
            #expect(try JSONDecoder().decode(DrawSource.self, from: data) == source)
        }
        let json = try JSONEncoder().encode(DrawSource.numbers([1, 2]))
        #expect(String(decoding: json, as: UTF8.self) == #"{"numbers":[1,2]}"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DrawSource.self, from: Data("{}".utf8)) }
    }
}
