import Draws
import Testing
import TestSupport

/// Properties every selection has, over many pool sizes and keys from a seeded generator.
@Suite struct SelectionPropertyTests {
    static let cases: [(pool: Int, count: Int, key: String)] = {
        var random = SplitMix(seed: 3797)
        return (0..<300).map { _ in
            let pool = Int.random(in: 1...400, using: &random)
            let count = Int.random(in: 0...(pool + 5), using: &random)
            let values = (0..<Int.random(in: 1...7, using: &random)).map { _ in Int.random(in: 0...99, using: &random) }
            let digest = Digest.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) })
            return (pool, count, RFC3797.key([.numbers(values), .text(digest)]))
        }
    }()

    @Test func selectionsAreDistinctAndInsideThePool() {
        for (pool, count, key) in Self.cases {
            let selected = RFC3797.select(count: count, from: pool, key: key)
            #expect(selected.count == min(count, pool), "pool \(pool), count \(count)")
            #expect(Set(selected).count == selected.count, "duplicate in pool \(pool), key \(key)")
            #expect(selected.allSatisfy { (1...pool).contains($0) }, "out of range in pool \(pool)")
        }
    }

    @Test func askingForMoreThanThePoolSelectsEveryone() {
        for (pool, _, key) in Self.cases.prefix(50) {
            #expect(RFC3797.select(count: pool + 10, from: pool, key: key).sorted() == Array(1...pool))
        }
    }

    @Test func nothingIsSelectedFromNothing() {
        #expect(RFC3797.select(count: 0, from: 10, key: "1./") == [])
        #expect(RFC3797.select(count: -3, from: 10, key: "1./") == [])
        #expect(RFC3797.select(count: 5, from: 0, key: "1./") == [])
    }

    @Test func sameKeySameSelection() {
        for (pool, count, key) in Self.cases.prefix(50) {
            #expect(RFC3797.select(count: count, from: pool, key: key) == RFC3797.select(count: count, from: pool, key: key))
        }
    }

    /// Over many keys each member of a small pool is drawn first about equally often (a sanity check, not a proof:
    /// with 2^128 / 7 the modulo bias is far below anything a test can see).
    @Test func firstSelectionIsSpreadOverThePool() {
        var tally = [Int](repeating: 0, count: 7)
        for n in 0..<7_000 {
            tally[RFC3797.select(count: 1, from: 7, key: "\(n)./")[0] - 1] += 1
        }
        #expect(tally.allSatisfy { (850...1_150).contains($0) }, "\(tally)")
    }
}
