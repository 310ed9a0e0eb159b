import Reach
import Testing
import TestSupport

/// Person sets behave as Swift's `Set<UInt32>` whatever their representation, and their bytes round-trip.
@Suite struct PersonSetTests {
    /// Sets from empty to dense, over small and large universes.
    static func randomSet(_ rng: inout SplitMix) -> Set<UInt32> {
        let universe = [1, 64, 1_000, 200_000, 5_000_000].randomElement(using: &rng)!
        let size = Int.random(in: 0...min(universe, 3_000), using: &rng)
        return Set((0..<size).map { _ in UInt32.random(in: 0..<UInt32(universe), using: &rng) })
    }

    @Test func unionIntersectionAndCountAgreeWithSwiftSets() throws {
        var rng = SplitMix(seed: 16)
        for round in 0..<400 {
            let (a, b) = (Self.randomSet(&rng), Self.randomSet(&rng))
            let (x, y) = (PersonSet(a), PersonSet(b))
            #expect(x.count == a.count && Set(x.numbers) == a && x.numbers == x.numbers.sorted(), "round \(round)")
            #expect(x.union(y).numbers == a.union(b).sorted(), "round \(round)")
            #expect(x.intersection(y).numbers == a.intersection(b).sorted(), "round \(round)")
            #expect(x.union(y) == PersonSet(a.union(b)), "one value per set, whichever way it was made (round \(round))")
            #expect(x.intersection(y) == PersonSet(a.intersection(b)), "round \(round)")
            #expect(PersonSet.union([x, y, x]) == x.union(y), "round \(round)")
            // A scratch bitmap much larger than the sets, so the sets' own words are cleared one by one.
            var scratch: [UInt64] = round % 2 == 0 ? [] : [UInt64](repeating: 0, count: 100_000)
            #expect(PersonSet.unionCount([x, y, x], scratch: &scratch) == a.union(b).count, "round \(round)")
            #expect(scratch.allSatisfy { $0 == 0 }, "the scratch bitmap is left empty (round \(round))")
            #expect(PersonSet.Probe(x).intersection(y) == x.intersection(y), "a probe intersects as the set does (round \(round))")
            let probe = UInt32.random(in: 0..<5_000_000, using: &rng)
            #expect(x.contains(probe) == a.contains(probe) && a.allSatisfy { x.contains($0) }, "round \(round)")
            #expect(try PersonSet(decoding: x.encoded()) == x, "round \(round)")
        }
    }

    @Test func theUnionCounterCountsStoredBytesAndSetsAsTheirUnionWithinAProbe() throws {
        var rng = SplitMix(seed: 61)
        var counter = PersonSet.UnionCounter()
        for round in 0..<200 {
            let (a, b, c, within) = (Self.randomSet(&rng), Self.randomSet(&rng), Self.randomSet(&rng), Self.randomSet(&rng))
            let probe = round % 3 == 0 ? nil : PersonSet.Probe(PersonSet(within))
            for s in [a, b] { try PersonSet(s).encoded().withUnsafeBytes { try counter.add(encoded: $0, within: probe) } }
            counter.add(PersonSet(c), within: probe)
            let all = a.union(b).union(c)
            #expect(counter.finish() == (probe == nil ? all : all.intersection(within)).count, "round \(round)")
            counter.add(PersonSet(a))
            #expect(counter.finish() == a.count, "the counter is empty again after finish (round \(round))")
        }
        for damaged: [UInt8] in [[], [1, 2, 0], [1, 2, 0, 0, 0, 9, 0, 0, 0, 3, 0, 0, 0], [2, 1, 0, 0, 0], [7, 0, 0, 0, 0]] {
            #expect(throws: PersonSetError.self, "\(damaged)") { try damaged.withUnsafeBytes { try counter.add(encoded: $0) } }
            _ = counter.finish()
        }
    }

    @Test func aSparseSetIsAnArrayAndADenseOneABitmapWhicheverIsSmaller() {
        let sparse = PersonSet([7, 100_000])
        #expect(sparse.encoded() == [1, 2, 0, 0, 0, 7, 0, 0, 0, 0xA0, 0x86, 1, 0], "format 1, little-endian count and numbers")
        let dense = PersonSet(0..<1_000)
        #expect(dense.encoded().first == 2 && dense.encoded().count == 5 + 8 * 16, "1,000 numbers below 1,024 fit 16 words")
        // Removing most of a dense set turns it back into an array.
        #expect(dense.intersection(PersonSet([3, 999, 5_000])).encoded() == PersonSet([3, 999]).encoded())
        #expect(PersonSet().encoded() == [1, 0, 0, 0, 0] && PersonSet().isEmpty)
    }

    @Test func aDamagedBlobIsRefusedNotCounted() {
        #expect(throws: PersonSetError.empty) { try PersonSet(decoding: []) }
        #expect(throws: PersonSetError.unknownFormat(9)) { try PersonSet(decoding: [9, 0, 0, 0, 0]) }
        #expect(throws: PersonSetError.length(expected: 5, got: 3)) { try PersonSet(decoding: [1, 0, 0]) }
        #expect(throws: PersonSetError.length(expected: 13, got: 9)) { try PersonSet(decoding: [1, 2, 0, 0, 0, 7, 0, 0, 0]) }
        #expect(throws: PersonSetError.length(expected: 5, got: 6)) { try PersonSet(decoding: [1, 0, 0, 0, 0, 0]) }
        #expect(throws: PersonSetError.length(expected: 13, got: 12)) { try PersonSet(decoding: [2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]) }
        #expect(throws: PersonSetError.notIncreasing(at: 1)) { try PersonSet(decoding: [1, 2, 0, 0, 0, 7, 0, 0, 0, 7, 0, 0, 0]) }
        #expect(throws: PersonSetError.notIncreasing(at: 1)) { try PersonSet(decoding: [1, 2, 0, 0, 0, 8, 0, 0, 0, 7, 0, 0, 0]) }
        // A huge count in a short blob is a length error, not an allocation.
        #expect(throws: PersonSetError.self) { try PersonSet(decoding: [1, 0xFF, 0xFF, 0xFF, 0xFF]) }
    }

    @Test func aBitmapWithTrailingZeroWordsReadsAsTheSameSet() throws {
        let bytes: [UInt8] = [2, 2, 0, 0, 0] + [0b101, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 8)
        #expect(try PersonSet(decoding: bytes) == PersonSet([0, 2]))
    }

    @Test func anAccumulatorCountsAUnionAndStartsAgainEmpty() {
        var acc = PersonSet.Accumulator()
        acc.formUnion(PersonSet([1, 5, 9]))
        acc.formUnion(PersonSet(0..<300))
        acc.insert(1_000)
        #expect(acc.count == 301 && acc.set == PersonSet(Array(0..<300) + [1_000]))
        acc.removeAll()
        #expect(acc.count == 0 && acc.set == PersonSet())
    }
}
