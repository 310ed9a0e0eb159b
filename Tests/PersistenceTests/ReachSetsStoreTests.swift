import Audience
import Database
import Foundation
@testable import Persistence
import Reach
import Testing
import TestSupport

/// With the day sets built, every persons figure of the dashboard is still the exact `count(DISTINCT person)` over
/// `reach_persons` — for built days, stale days (late events), today, and persons seen only today.
@Suite struct ReachSetsStoreTests {
    static let days = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]
    static let today = "2026-11-05"

    /// The statements the dashboard used before the sets: the reference answer.
    enum Reference {
        static let personsByKind = """
            SELECT rp.kind, count(DISTINCT rp.person) AS persons, count(DISTINCT CASE WHEN rp.campaign_id <> 0 THEN rp.person END) AS via
            FROM reach_persons rp WHERE rp.day BETWEEN ?1 AND ?2 AND \(ReachQuerySQL.filter("rp")) GROUP BY rp.kind
            """
        static let reachedPerDay = """
            SELECT rp.day AS key, count(DISTINCT rp.person) AS persons FROM reach_persons rp
            WHERE rp.kind = 'opened' AND rp.day BETWEEN ?1 AND ?2 AND \(ReachQuerySQL.filter("rp")) GROUP BY rp.day
            """
        static func personsBy(_ column: String) -> String {
            """
            SELECT rp.\(column) AS key, rp.kind, count(DISTINCT rp.person) AS persons FROM reach_persons rp
            WHERE rp.kind IN ('opened', 'read', 'finished') AND rp.day BETWEEN ?1 AND ?2 AND \(ReachQuerySQL.filter("rp")) GROUP BY rp.\(column), rp.kind
            """
        }
        static let yearPersons = "SELECT count(DISTINCT person) FROM reach_persons WHERE kind = 'opened' AND day BETWEEN ?1 AND ?2"
    }

    /// Regions: county 1, towns 2 and 3, villages 4–7 (two per town); units: bureau 1, offices 2 and 3.
    static func seed(_ store: Store) throws {
        try store.pool.write { db in
            try db.run("INSERT INTO regions (id, parent_id, name, level, created_at) VALUES (1, NULL, '县', 'county', 0)")
            for (id, parent, level) in [(2, 1, "town"), (3, 1, "town"), (4, 2, "village"), (5, 2, "village"), (6, 3, "village"), (7, 3, "village")] {
                try db.run("INSERT INTO regions (id, parent_id, name, level, created_at) VALUES (?, ?, ?, ?, 0)", [id, parent, "地\(id)", level])
            }
            try db.run("INSERT INTO units (id, parent_id, name, created_at) VALUES (1, NULL, '司法局', 0)")
            for id in [2, 3] { try db.run("INSERT INTO units (id, parent_id, name, created_at) VALUES (?, 1, ?, 0)", [id, "科\(id)"]) }
            for id in 1...4 { try db.run("INSERT INTO content (id, slug, title, created_at, updated_at) VALUES (?, ?, '篇', 0, 0)", [id, "piece-\(id)"]) }
        }
    }

    /// A fresh store with those regions, units and pieces, in its own directory; call the closure when done.
    static func seededStore(readers: Int = 2) throws -> (Store, () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reach-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try Store.open(path: dir.appendingPathComponent("p.sqlite").path, readers: readers, now: 0)
        let done = { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        do { try seed(store) } catch { done(); throw error }
        return (store, done)
    }

    /// Events of `persons` on `day`: each person keeps one region, unit and audience set; pieces and campaigns vary,
    /// so a person can open one piece directly and another through a campaign.
    /// 250 events a day on each of `days`, from persons 1–40; returns the generator, for more events after them.
    @discardableResult
    static func ingestDays(_ store: Store, seed: UInt64) throws -> SplitMix {
        var rng = SplitMix(seed: seed)
        for day in days {
            try store.ingest(events(day: day, persons: Array(1...40), count: 250, rng: &rng, tag: day), now: 0)
        }
        return rng
    }

    static func events(day: String, persons: [Int], count: Int, rng: inout SplitMix, tag: String) -> [IngestEvent] {
        let kinds = ["opened", "opened", "read", "finished", "quiz_started", "shared"]
        return (0..<count).map { i in
            let p = persons[Int.random(in: 0..<persons.count, using: &rng)]
            let content = Int.random(in: 1...4, using: &rng)
            let campaign = [nil, nil, 1, 2][Int.random(in: 0..<4, using: &rng)]
            let at = BeijingDay.midnight(day)! + Int64.random(in: 0..<86_400_000, using: &rng)
            return IngestEvent(person: p % 7 == 0 ? "d:\(p)" : "p:\(p)", clientId: "\(tag)\(i)", kind: kinds[Int.random(in: 0..<kinds.count, using: &rng)],
                               contentId: content, campaignId: campaign, at: at, day: day, hour: BeijingDay.minuteOfDay(at) / 60,
                               label: Int.random(in: 0..<30, using: &rng) == 0 ? "bot" : "",
                               regionId: p % 7 == 0 ? 0 : 4 + p % 4, unitId: p % 7 == 0 ? 0 : 2 + p % 2, groupsMask: p % 7 == 0 ? 0 : [1, 2, 3, 4][p % 4])
        }
    }

    static let filters: [ReachFilter] = [
        ReachFilter(), ReachFilter(contentId: 1), ReachFilter(campaignId: 1), ReachFilter(contentId: 2, campaignId: 1),
        ReachFilter(contentId: 3, campaignId: 2), ReachFilter(regionId: 2), ReachFilter(regionId: 6), ReachFilter(unitId: 3),
        ReachFilter(groupsMask: 2), ReachFilter(groupsMask: 5), ReachFilter(contentId: 1, regionId: 3, groupsMask: 1),
        ReachFilter(campaignId: 2, unitId: 2), ReachFilter(regionId: 1, unitId: 1, groupsMask: 7),
    ]
    static let ranges = [("2026-11-01", "2026-11-05"), ("2026-11-02", "2026-11-03"), ("2026-11-05", "2026-11-05"), ("2026-11-01", "2026-11-01")]

    /// Every persons figure of every filter and range, next to the reference.
    static func expectSameAsDistinctCounts(_ store: Store, _ moment: String) throws {
        for (from, to) in ranges {
            for f in filters {
                let label = "\(moment), \(from)…\(to), \(f)"
                let t = try store.reachTotals(from: from, to: to, start: 0, end: 0, filter: f)
                var want: [String: (persons: Int, via: Int)] = [:]
                try store.pool.read { db in
                    for row in try db.query(Reference.personsByKind, try store.reachArgs(db, from, to, f, channel: false)) {
                        want[row.string("kind") ?? ""] = (row.int("persons") ?? 0, row.int("via") ?? 0)
                    }
                }
                #expect(t.reached == want["opened"]?.persons ?? 0 && t.readers == want["read"]?.persons ?? 0, "\(label)")
                #expect(t.finished == want["finished"]?.persons ?? 0 && t.quizzed == want["quiz_started"]?.persons ?? 0, "\(label)")
                #expect(t.reachedFromCampaigns == want["opened"]?.via ?? 0, "\(label)")

                let series = try store.reachSeries(from: from, to: to, hourly: false, filter: f)
                let perDay = try store.pool.read { db in
                    try db.query(Reference.reachedPerDay, try store.reachArgs(db, from, to, f, channel: false)).map { ($0.string("key") ?? "", $0.int("persons") ?? 0) }
                }
                #expect(Dictionary(uniqueKeysWithValues: perDay) == series.compactMapValues { $0.reached == 0 ? nil : $0.reached }, "\(label)")

                for (by, column) in [("region", "region_id"), ("unit", "unit_id"), ("groups", "groups_mask"), ("content", "content_id")] {
                    let rows = try store.reachRows(by: by, from: from, to: to, filter: f)
                    var expected: [String: [Int]] = [:]
                    try store.pool.read { db in
                        for row in try db.query(Reference.personsBy(column), try store.reachArgs(db, from, to, f, channel: false)) {
                            let i = ["opened": 0, "read": 1, "finished": 2][row.string("kind") ?? ""]!
                            expected[String(row["key"].int ?? 0), default: [0, 0, 0]][i] = row.int("persons") ?? 0
                        }
                    }
                    let got = rows.mapValues { [$0.reached, $0.readers, $0.finished] }.filter { $0.value != [0, 0, 0] }
                    #expect(got == expected, "\(label) by \(by)")
                }
            }
        }
        let year = try store.yearlyReach(from: "2026-01-01", to: "2026-12-31", start: 0, end: 0)
        let want = try store.pool.read { try $0.scalar(Reference.yearPersons, ["2026-01-01", "2026-12-31"]).int ?? 0 }
        #expect(year.persons == want && want > 0, "\(moment): yearly persons")
    }

    @Test func everyPersonsFigureIsTheExactDistinctCountBeforeAndAfterTheSetsAreBuilt() throws {
        let (store, done) = try Self.seededStore(readers: 2)
        defer { done() }
        var rng = try Self.ingestDays(store, seed: 2026)
        try Self.expectSameAsDistinctCounts(store, "nothing built")

        let first = try store.buildReachDaySets(today: Self.today)
        #expect(first.days == 4 && first.deferred == 0, "the four closed days are built, today is not")
        #expect(try store.buildReachDaySets(today: Self.today).days == 0, "built days are not built again")
        try Self.expectSameAsDistinctCounts(store, "closed days built")

        // Late events for a closed day, one of them from someone never seen before; someone new today.
        try store.ingest(Self.events(day: "2026-11-02", persons: [3, 14, 41, 55], count: 30, rng: &rng, tag: "late"), now: 0)
        try store.ingest(Self.events(day: Self.today, persons: [60, 61, 62], count: 20, rng: &rng, tag: "new"), now: 0)
        try Self.expectSameAsDistinctCounts(store, "a closed day stale")

        let again = try store.buildReachDaySets(today: Self.today)
        #expect(again.days == 1 && again.numbered > 0, "only the stale day is built again, its new persons numbered")
        try Self.expectSameAsDistinctCounts(store, "the stale day rebuilt")

        // The next day, today is closed too: everything comes from sets.
        #expect(try store.buildReachDaySets(today: "2026-11-06").days == 1)
        try Self.expectSameAsDistinctCounts(store, "every day built")
        let numbers = try store.pool.read { try $0.query("SELECT number FROM reach_person_numbers ORDER BY number").compactMap { $0.int("number") } }
        #expect(numbers == Array(0..<numbers.count), "persons are numbered densely from 0")
    }

    @Test func aDamagedStoredSetFailsTheQueryInsteadOfMiscounting() throws {
        let (store, done) = try Self.seededStore(readers: 1)
        defer { done() }
        var rng = SplitMix(seed: 7)
        try store.ingest(Self.events(day: "2026-11-01", persons: Array(1...10), count: 40, rng: &rng, tag: "a"), now: 0)
        try store.buildReachDaySets(today: Self.today)
        try store.pool.write { try $0.run("UPDATE reach_day_sets SET persons = x'0102' WHERE dim = 'all' AND kind = 'opened'") }
        #expect(throws: PersonSetError.self) { try store.reachTotals(from: "2026-11-01", to: "2026-11-01", start: 0, end: 0, filter: ReachFilter()) }
    }
}
