import Audience
import Foundation
@testable import Persistence
import Reach
import Testing
import TestSupport

/// The closed days' breakdown sets kept in memory: the reach job's warm-up fills them, the figures stay the exact
/// distinct counts, a day rebuilt after late events is read anew, and the memory stays within its bound.
@Suite struct StoredSetsCacheTests {
    @Test func warmedBreakdownsGiveTheSameFiguresAndARebuiltDayIsReadAnew() throws {
        let (store, done) = try ReachSetsStoreTests.seededStore(readers: 2)
        defer { done() }
        var rng = try ReachSetsStoreTests.ingestDays(store, seed: 411)
        try store.buildReachDaySets(today: ReachSetsStoreTests.today)
        #expect(try store.warmReachBreakdowns(today: ReachSetsStoreTests.today) > 0, "the closed days' region, unit and group sets are kept")
        let before = try store.reachRows(by: "region", from: "2026-11-01", to: "2026-11-05", filter: ReachFilter())
        try ReachSetsStoreTests.expectSameAsDistinctCounts(store, "warmed")

        // Late events for a closed day, then its sets rebuilt: the kept bytes of the old build are not used again.
        try store.ingest(ReachSetsStoreTests.events(day: "2026-11-02", persons: [5, 41, 42, 43], count: 60, rng: &rng, tag: "late"), now: 0)
        #expect(try store.buildReachDaySets(today: ReachSetsStoreTests.today).days == 1)
        try ReachSetsStoreTests.expectSameAsDistinctCounts(store, "rebuilt after warming")
        let after = try store.reachRows(by: "region", from: "2026-11-01", to: "2026-11-05", filter: ReachFilter())
        #expect(after.values.map(\.reached).reduce(0, +) > before.values.map(\.reached).reduce(0, +), "the new persons count")
    }

    @Test func theOldestEntriesGoFirstAndNothingOutgrowsTheBound() {
        let cache = StoredSetsCache(capacityBytes: 100)
        func key(_ day: String) -> StoredSetsCache.Key { .init(day: day, rows: 1, kind: "opened", dimension: "region") }
        func entry(_ n: Int) -> StoredSetsCache.Entry { .init(bytes: [UInt8](repeating: 1, count: n), chunks: [.init(value: 4, range: 0..<n)]) }
        cache.insert(entry(40), for: key("a"))
        cache.insert(entry(40), for: key("b"))
        cache.insert(entry(40), for: key("c"))
        #expect(cache[key("a")] == nil && cache[key("b")] != nil && cache[key("c")] != nil && cache.totalBytes == 80)
        cache.insert(entry(10), for: key("b"))
        #expect(cache.totalBytes == 50, "a replaced entry counts once")
        cache.insert(entry(101), for: key("d"))
        #expect(cache[key("d")] == nil && cache.totalBytes == 50, "an entry larger than the bound is not kept")
        #expect(cache[StoredSetsCache.Key(day: "c", rows: 2, kind: "opened", dimension: "region")] == nil, "another row count is another entry")
    }
}
