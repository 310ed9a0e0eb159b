import Foundation
@testable import Persistence
import Reach
import Testing
import TestSupport

/// Top content works out persons for the top pieces only; its rows are still exactly the content breakdown sorted by
/// person-times and cut — whatever is built, whatever the filter, with fewer pieces than places or more.
@Suite struct ReachTopContentStoreTests {
    typealias Sets = ReachSetsStoreTests

    static func expectSameAsBreakdown(_ store: Store, _ moment: String) throws {
        for (from, to) in Sets.ranges {
            for f in Sets.filters + [ReachFilter(channel: "inbox"), ReachFilter(campaignId: 1, regionId: 2)] {
                let all = Store.ranked(Array(try store.reachRows(by: "content", from: from, to: to, filter: f).values))
                for limit in [1, 2, 3, 20] {
                    let top = try store.reachTopContent(from: from, to: to, filter: f, limit: limit)
                    #expect(top == Array(all.prefix(limit)), "\(moment), \(from)…\(to), \(f), top \(limit)")
                }
            }
        }
    }

    @Test func theTopPiecesHaveTheBreakdownsFiguresBeforeAndAfterTheSetsAndSumsAreBuilt() throws {
        let (store, done) = try Sets.seededStore(readers: 2)
        defer { done() }
        var rng = SplitMix(seed: 77)
        for day in Sets.days {
            var events = Sets.events(day: day, persons: Array(1...40), count: 250, rng: &rng, tag: day)
            for i in events.indices where i % 4 == 0 { events[i].channel = "inbox" }
            try store.ingest(events, now: 0)
        }
        try Self.expectSameAsBreakdown(store, "nothing built")
        try store.buildReachDaySets(today: Sets.today)
        try store.buildReachDaySums(today: Sets.today)
        try Self.expectSameAsBreakdown(store, "closed days built")
        try store.ingest(Sets.events(day: "2026-11-02", persons: [3, 14, 41], count: 30, rng: &rng, tag: "late"), now: 0)
        try Self.expectSameAsBreakdown(store, "a closed day stale")
    }

    @Test func aPieceOnlyReadButNeverOpenedStillFillsAnEmptyPlace() throws {
        let (store, done) = try Sets.seededStore(readers: 1)
        defer { done() }
        var rng = SplitMix(seed: 5)
        var events = Sets.events(day: "2026-11-01", persons: Array(1...10), count: 40, rng: &rng, tag: "a")
        for i in events.indices {
            events[i].label = ""
            // Piece 4 is only ever read: persons, but no person-times of opened.
            events[i].kind = events[i].contentId == 4 ? "read" : "opened"
        }
        try store.ingest(events, now: 0)
        try store.buildReachDaySets(today: Sets.today)
        let top = try store.reachTopContent(from: "2026-11-01", to: "2026-11-01", filter: ReachFilter(), limit: 20)
        #expect(top.map(\.key).sorted() == ["1", "2", "3", "4"], "\(top)")
        #expect(top.last?.key == "4" && top.last?.personTimes == 0 && (top.last?.readers ?? 0) > 0)
        let one = try store.reachTopContent(from: "2026-11-01", to: "2026-11-01", filter: ReachFilter(), limit: 1)
        #expect(one.count == 1 && one[0].personTimes > 0 && one[0].reached > 0)
    }

    @Test func nothingInTheRangeGivesNoPieces() throws {
        let (store, done) = try Sets.seededStore(readers: 1)
        defer { done() }
        #expect(try store.reachTopContent(from: "2026-11-01", to: "2026-11-05", filter: ReachFilter(), limit: 20).isEmpty)
    }
}
