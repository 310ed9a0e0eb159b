import Database
import Foundation
@testable import Persistence
import Testing
import TestSupport

/// With the day sums built, the unfiltered dashboard's events, person-times (人次) and seconds are exactly the sums
/// of the rollup cells — for built days, a closed day made stale by late events, and today.
@Suite struct ReachSumsStoreTests {
    typealias Sets = ReachSetsStoreTests
    static let ranges = Sets.ranges + [("2026-10-01", "2026-12-31")]

    /// Every sum the unfiltered dashboard shows, beside the same figure from the cells.
    static func expectSameAsCells(_ store: Store, _ moment: String) throws {
        let none = ReachFilter()
        for (from, to) in ranges {
            let label = "\(moment), \(from)…\(to)"
            let t = try store.reachTotals(from: from, to: to, start: 0, end: 0, filter: none)
            var events: [String: Int] = [:], personTimes = 0, seconds = 0, perDay: [String: [Int]] = [:]
            try store.pool.read { db in
                for row in try db.query(ReachQuerySQL.hourlyByKind, try store.reachArgs(db, from, to, none)) {
                    events[row.string("kind") ?? ""] = row.int("events") ?? 0
                    if row.string("kind") == "opened" { personTimes = row.int("person_times") ?? 0 }
                    if row.string("kind") == "read" { seconds = row.int("seconds") ?? 0 }
                }
                for row in try db.query(ReachQuerySQL.seriesDaily, try store.reachArgs(db, from, to, none)) {
                    perDay[row.string("bucket") ?? "", default: [0, 0]][row.string("kind") == "opened" ? 0 : 1] = row.int("person_times") ?? 0
                }
            }
            #expect(t.events == events && t.personTimes == personTimes && t.engagedSeconds == seconds, "\(label)")
            let series = try store.reachSeries(from: from, to: to, hourly: false, filter: none)
            #expect(series.mapValues { [$0.personTimes, $0.readPersonTimes] }.filter { $0.value != [0, 0] } == perDay, "\(label) series")
            for (by, sql) in [("region", ReachQuerySQL.timesByRegion), ("unit", ReachQuerySQL.timesByUnit), ("groups", ReachQuerySQL.timesByGroups),
                              ("channel", ReachQuerySQL.timesByChannel), ("content", ReachQuerySQL.timesByContent)] {
                let got = try store.reachRows(by: by, from: from, to: to, filter: none).mapValues(\.personTimes).filter { $0.value != 0 }
                let want = try store.pool.read { db in
                    Dictionary(try db.query(sql, try store.reachArgs(db, from, to, none)).map {
                        ($0["key"].string ?? String($0["key"].int ?? 0), $0.int("person_times") ?? 0)
                    }, uniquingKeysWith: +).filter { $0.value != 0 }
                }
                #expect(got == want, "\(label) by \(by)")
            }
        }
        let year = try store.yearlyReach(from: "2026-01-01", to: "2026-12-31", start: 0, end: 0)
        let want = try store.pool.read { db in
            Dictionary(try db.query(ReachQuerySQL.yearTimesByGroups, ["2026-01-01", "2026-12-31"]).map {
                ($0["key"].int ?? 0, $0.int("person_times") ?? 0)
            }, uniquingKeysWith: +)
        }
        #expect(year.personTimesByGroups == want, "\(moment), yearly")
    }

    @Test func everySumIsTheCellsSumBeforeAndAfterTheDaySumsAreBuilt() throws {
        let (store, done) = try Sets.seededStore(readers: 2)
        defer { done() }
        var rng = SplitMix(seed: 2027)
        for day in Sets.days {
            var events = Sets.events(day: day, persons: Array(1...40), count: 250, rng: &rng, tag: day)
            for i in events.indices where i % 3 == 0 { events[i].channel = ["inbox", "robot", "share"][i % 9 / 3]; events[i].seconds = i % 50 }
            try store.ingest(events, now: 0)
        }
        try Self.expectSameAsCells(store, "nothing built")
        #expect(try store.buildReachDaySums(today: Sets.today) == 4, "the four closed days")
        #expect(try store.buildReachDaySums(today: Sets.today) == 0, "nothing left to build")
        try Self.expectSameAsCells(store, "closed days built")

        try store.ingest(Sets.events(day: "2026-11-02", persons: [3, 14, 41], count: 30, rng: &rng, tag: "late"), now: 0)
        try store.ingest(Sets.events(day: Sets.today, persons: [60, 61], count: 20, rng: &rng, tag: "new"), now: 0)
        try Self.expectSameAsCells(store, "a closed day stale")
        #expect(try store.buildReachDaySums(today: Sets.today) == 1, "only the stale day is built again")
        try Self.expectSameAsCells(store, "the stale day rebuilt")
        #expect(try store.buildReachDaySums(today: "2026-11-06") == 1, "today, once it has closed")
        try Self.expectSameAsCells(store, "every day built")
    }

    @Test func aPieceFilterReadsThePiecesCellsThroughItsIndexWithTheSameFigures() throws {
        let (store, done) = try Sets.seededStore(readers: 2)
        defer { done() }
        var rng = SplitMix(seed: 11)
        for day in Sets.days { try store.ingest(Sets.events(day: day, persons: Array(1...30), count: 200, rng: &rng, tag: day), now: 0) }
        for (sql, variant) in ReachQuerySQL.pieceVariants {
            let plan = try store.pool.read { db in
                try db.query("EXPLAIN QUERY PLAN " + variant, try store.reachArgs(db, Sets.days[0], Sets.days[4], ReachFilter(contentId: 2)))
                    .compactMap { $0.string("detail") }.joined(separator: "; ")
            }
            #expect(plan.contains("reach_hourly_piece"), "\(plan)")
            for f in [ReachFilter(contentId: 2), ReachFilter(contentId: 3, regionId: 2, channel: "")] {
                let (a, b) = try store.pool.read { db in
                    let args = try store.reachArgs(db, Sets.days[0], Sets.days[4], f)
                    func rows(_ text: String) throws -> [String] { try db.query(text, args).map { "\($0.values)" }.sorted() }
                    return (try rows(sql), try rows(variant))
                }
                #expect(a == b && !a.isEmpty, "\(f)")
            }
        }
    }
}

