import Database
import Foundation
@testable import Persistence
import Testing
import TestSupport

/// A dashboard filtered to a region or unit: events, person-times (人次) and seconds are exactly the sums of the rollup
/// cells of the subtree — read from the sums under the node when it has children and its days are fresh, from the
/// cells otherwise (a village, today, late events, a day summed with another tree).
@Suite struct ReachTreeSumsStoreTests {
    typealias Sets = ReachSetsStoreTests
    static let filters = [ReachFilter(regionId: 1), ReachFilter(regionId: 2), ReachFilter(regionId: 3), ReachFilter(regionId: 6),
                          ReachFilter(unitId: 1), ReachFilter(unitId: 3), ReachFilter(regionId: 2, groupsMask: 1), ReachFilter(regionId: 2, unitId: 1)]

    /// Every sum of the filtered dashboard, from the store and from the cells with the filter written plainly.
    static func figures(_ store: Store, _ f: ReachFilter, _ from: String, _ to: String) throws -> (store: [String], cells: [String]) {
        let t = try store.reachTotals(from: from, to: to, start: 0, end: 0, filter: f)
        let series = try store.reachSeries(from: from, to: to, hourly: false, filter: f)
            .mapValues { [$0.personTimes, $0.readPersonTimes] }.filter { $0.value != [0, 0] }
        var got = ["events \(t.events.sorted { $0.key < $1.key })", "times \(t.personTimes)", "seconds \(t.engagedSeconds)",
                   "series \(series.sorted { $0.key < $1.key })"]
        var want: [String] = []
        try store.pool.read { db in
            let args = try store.reachArgs(db, from, to, f)
            var events: [String: Int] = [:], times = 0, seconds = 0, perDay: [String: [Int]] = [:]
            for row in try db.query(ReachQuerySQL.hourlyByKind, args) {
                events[row.string("kind") ?? ""] = row.int("events") ?? 0
                if row.string("kind") == "opened" { times = row.int("person_times") ?? 0 }
                if row.string("kind") == "read" { seconds = row.int("seconds") ?? 0 }
            }
            for row in try db.query(ReachQuerySQL.seriesDaily, args) {
                perDay[row.string("bucket") ?? "", default: [0, 0]][row.string("kind") == "opened" ? 0 : 1] = row.int("person_times") ?? 0
            }
            want = ["events \(events.sorted { $0.key < $1.key })", "times \(times)", "seconds \(seconds)",
                    "series \(perDay.filter { $0.value != [0, 0] }.sorted { $0.key < $1.key })"]
        }
        for (by, sql) in [("region", ReachQuerySQL.timesByRegion), ("unit", ReachQuerySQL.timesByUnit), ("groups", ReachQuerySQL.timesByGroups),
                          ("channel", ReachQuerySQL.timesByChannel), ("content", ReachQuerySQL.timesByContent)] {
            let rows = try store.reachRows(by: by, from: from, to: to, filter: f).mapValues(\.personTimes).filter { $0.value != 0 }
            got.append("\(by) \(rows.sorted { $0.key < $1.key })")
            let cells = try store.pool.read { db in
                Dictionary(try db.query(sql, try store.reachArgs(db, from, to, f)).map {
                    ($0["key"].string ?? String($0["key"].int ?? 0), $0.int("person_times") ?? 0)
                }, uniquingKeysWith: +).filter { $0.value != 0 }
            }
            want.append("\(by) \(cells.sorted { $0.key < $1.key })")
        }
        return (got, want)
    }

    static func expectSameAsCells(_ store: Store, _ moment: String) throws {
        for (from, to) in Sets.ranges {
            for f in filters {
                let (got, want) = try figures(store, f, from, to)
                #expect(got == want, "\(moment), \(from)…\(to), \(f)")
            }
        }
    }

    static func ingestDays(_ store: Store, seed: UInt64) throws -> SplitMix {
        var rng = SplitMix(seed: seed)
        for day in Sets.days {
            var events = Sets.events(day: day, persons: Array(1...40), count: 250, rng: &rng, tag: day)
            for i in events.indices where i % 3 == 0 { events[i].channel = ["inbox", "robot", "share"][i % 9 / 3]; events[i].seconds = i % 50 }
            try store.ingest(events, now: 0)
        }
        return rng
    }

    @Test func aRegionOrUnitFilterSumsTheSubtreesCellsBeforeAndAfterTheSumsAreBuilt() throws {
        let (store, done) = try Sets.seededStore(readers: 2)
        defer { done() }
        var rng = try Self.ingestDays(store, seed: 4242)
        try Self.expectSameAsCells(store, "nothing built")
        #expect(try store.buildReachDaySums(today: Sets.today) == 4)
        let nodes = try store.pool.read { db in
            try db.query("SELECT DISTINCT tree || ':' || node AS n FROM reach_day_tree_sums ORDER BY n").compactMap { $0.string("n") }
        }
        #expect(nodes == ["region:1", "region:2", "region:3", "unit:1"], "only nodes with children have sums")
        try Self.expectSameAsCells(store, "closed days built")

        try store.ingest(Sets.events(day: "2026-11-02", persons: [3, 14, 41], count: 30, rng: &rng, tag: "late"), now: 0)
        try store.ingest(Sets.events(day: Sets.today, persons: [60, 61], count: 20, rng: &rng, tag: "new"), now: 0)
        try Self.expectSameAsCells(store, "a closed day stale")
        #expect(try store.buildReachDaySums(today: Sets.today) == 1, "only the stale day is summed again")
        try Self.expectSameAsCells(store, "the stale day rebuilt")
    }

    @Test func aChangedTreeLeavesTheDaysTreeSumsUnusedUntilTheyAreBuiltAgain() throws {
        let (store, done) = try Sets.seededStore(readers: 2)
        defer { done() }
        _ = try Self.ingestDays(store, seed: 99)
        try store.buildReachDaySums(today: Sets.today)
        // Village 6 moves from town 3 to town 2: the sums under towns 2 and 3 no longer match the tree.
        try store.pool.write { try $0.run("UPDATE regions SET parent_id = 2 WHERE id = 6") }
        try Self.expectSameAsCells(store, "tree changed")
        #expect(try store.buildReachDaySums(today: Sets.today) == 4, "every closed day is summed again with the new tree")
        try Self.expectSameAsCells(store, "summed with the new tree")
    }

    @Test func aTownsFiguresComeFromItsSumsAndAVillagesFromItsOwnCells() throws {
        let (store, done) = try Sets.seededStore(readers: 2)
        defer { done() }
        _ = try Self.ingestDays(store, seed: 7)
        try store.buildReachDaySums(today: "2026-11-06")
        let town = try Self.figures(store, ReachFilter(regionId: 2), Sets.days[0], Sets.days[4])
        // With every day summed, the town's figures no longer need the cells at all.
        try store.pool.write { try $0.run("DELETE FROM reach_hourly") }
        let after = try Self.figures(store, ReachFilter(regionId: 2), Sets.days[0], Sets.days[4])
        #expect(after.store == town.store && town.store == town.cells && after.cells != town.cells)

        try Self.expectCellsReadThrough("reach_hourly_region", ReachQuerySQL.regionVariants, ReachFilter(regionId: 6), store)
    }

    @Test func anOfficesFiguresComeFromItsOwnCellsThroughTheUnitIndex() throws {
        let (store, done) = try Sets.seededStore(readers: 2)
        defer { done() }
        _ = try Self.ingestDays(store, seed: 11)
        try store.buildReachDaySums(today: "2026-11-06")
        let office = try Self.figures(store, ReachFilter(unitId: 3), Sets.days[0], Sets.days[4])
        #expect(office.store == office.cells && office.store[1] != "times 0", "\(office.store)")
        try Self.expectCellsReadThrough("reach_hourly_unit", ReachQuerySQL.unitVariants, ReachFilter(unitId: 3), store)
    }

    /// Every variant has its condition written plainly, and SQLite's plan reads the cells through `index`.
    static func expectCellsReadThrough(_ index: String, _ variants: [String: String], _ filter: ReachFilter, _ store: Store) throws {
        for sql in variants.values {
            #expect(!ReachQuerySQL.pieceVariants.keys.contains(sql), "the condition is written plainly")
            let plan = try store.pool.read { db in
                try db.query("EXPLAIN QUERY PLAN " + sql, try store.reachArgs(db, Sets.days[0], Sets.days[4], filter))
                    .compactMap { $0.string("detail") }.joined(separator: "; ")
            }
            #expect(plan.contains(index), "\(plan)")
        }
    }
}
