// `AudienceBench reach`: the bureau's 80,000 person-time delivery test end to end, then the dashboard's queries over
// millions of stored events (default 10,000,000), as p50/p99 per query and per whole dashboard.
import Accounts
import Audience
import Content
import Database
import Foundation
import Persistence
import Reach
import WebAPI

enum ReachBench {
    static func run(events eventCount: Int, people: Int, calls: Int) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("pufa-rbench-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        // BENCH_KEEP=1 keeps the database for a look with sqlite3 afterwards.
        let keep = ProcessInfo.processInfo.environment["BENCH_KEEP"] == "1"
        defer { if keep { say("kept \(work.path)") } else { try? FileManager.default.removeItem(at: work) } }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let store = try Store.open(path: work.appendingPathComponent("pufa.sqlite").path, now: now)
        defer { store.pool.close() }

        // 1. 80,000 residents and one piece on 民法典·继承编.
        try store.pool.writeWithoutTransaction { db in
            try Population.places(db, now: now)
            try Population.profiles(db, count: 80_000, now: now, day: BeijingDay.of(now - 10 * 86_400_000))
        }
        let meta = ContentMeta(slug: "jicheng-bench", title: "遗产怎么分", summary: "法定继承的顺序。", topics: [Population.topic],
                               audiences: ["resident"], basis: ["《中华人民共和国民法典》第一千一百二十七条"])
        _ = try store.saveContent([ContentDraft(piece: ContentPiece(meta: meta, body: "## 要点\n\n遗产按照法定顺序继承。"),
                                                html: "<h2>要点</h2>", fingerprint: "jicheng-bench")], author: "bench", note: nil, now: now,
                                  actor: .system)
        let contentId = try store.publishedContentId(slug: "jicheng-bench")!

        // 2. The delivery test: segment (every resident of the county), push through the sender, readers, re-tests, dashboard.
        var sent = 0, freeze = 0.0, send = 0.0, segmentSeconds = 0.0, simulate = 0.0, dashboard = 0.0
        var counts = (opened: 0, read: 0, finished: 0)
        var totals = ReachTotals()
        let total = try ReachLoad.seconds {
            let segment = try store.createSegment(SegmentDraft(name: "全县居民", description: "", rule: .regionWithin([1]), holdoutPercent: 0),
                                                  now: now, actor: .system)
            segmentSeconds = try ReachLoad.seconds { _ = try store.recomputeSegment(id: segment.id, now: now) }
            (sent, freeze, send) = try ReachLoad.push(store: store, segment: segment.id, contentId: contentId, now: now)
            let members = try store.segmentMemberIds(segment.id, includeHeldOut: false)
            simulate = try ReachLoad.seconds {
                counts = try ReachLoad.simulateReading(store: store, profiles: members, contentId: contentId, campaignId: 1,
                                                       topic: Population.topic, now: now)
            }
            let range = try ReachRange.parse(from: BeijingDay.of(now), to: BeijingDay.of(now + 86_400_000), now: now).get()
            dashboard = try ReachLoad.seconds { totals = try store.reachTotals(from: range.from, to: range.to, start: range.startMillis,
                                                                             end: range.endMillis, filter: ReachFilter(campaignId: 1)) }
        }
        precondition(sent == 80_000 && totals.delivered == 80_000 && totals.reached == counts.opened,
                     "sent \(sent), delivered \(totals.delivered), reached \(totals.reached) of \(counts.opened) opened")
        say(String(format: "delivery test %.1f s", total))

        // 3. Millions of events over 30 days on 1,000 pieces.
        let pieces = try (0..<1_000).map { i -> Int in
            let m = ContentMeta(slug: "piece-\(i)", title: "内容\(i)", summary: "摘要", topics: ["反诈"], audiences: ["resident"],
                                basis: ["《中华人民共和国反电信网络诈骗法》第二条"])
            _ = try store.saveContent([ContentDraft(piece: ContentPiece(meta: m, body: "正文"), html: "<p>正文</p>", fingerprint: "p\(i)")],
                                      author: "bench", note: nil, now: now, actor: .system)
            return try store.publishedContentId(slug: "piece-\(i)")!
        }
        let load = try ReachLoad.seconds {
            try ReachLoad.events(store: store, count: eventCount, pieces: pieces, people: people, days: 30, now: now - 86_400_000)
        }
        let stored = try store.pool.read { try $0.scalar("SELECT count(*) FROM events") }
        say(String(format: "%d events stored in %.0f s (%@)", eventCount, load, "\(stored)"))

        // 3b. The person sets of the closed days, as the background job builds them (today stays live).
        var built = ReachSetsRun()
        let build = try ReachLoad.seconds { built = try store.buildReachDaySets(today: BeijingDay.of(now)) }
        let footprint = try store.pool.read { db in
            try db.queryOne("SELECT count(*) AS sets, coalesce(sum(length(persons)), 0) AS bytes FROM reach_day_sets")
        }
        say(String(format: "person sets of %d days built in %.1f s", built.days, build))
        // 3c. The day sums of the same days, by the same job.
        var summed = 0
        let sumBuild = try ReachLoad.seconds { summed = try store.buildReachDaySums(today: BeijingDay.of(now)) }
        say(String(format: "day sums of %d days built in %.1f s", summed, sumBuild))
        // 3d. The same job then reads the default range's breakdown sets into memory.
        var kept = 0
        let warm = try ReachLoad.seconds { kept = try store.warmReachBreakdowns(today: BeijingDay.of(now)) }
        say(String(format: "breakdown sets of the last 30 days kept in memory in %.1f s (%.1f MB)", warm, Double(kept) / 1e6))

        // 4. The dashboard's queries, 30 days and 7 days, all and one town.
        print("| measure | result | goal |")
        print("|---|---|---|")
        print(String(format: "| 80,000 person-time delivery test, end to end | %.1f s: segment %.2f s, freeze %.2f s, send %.1f s (%d deliveries, 80,000 inbox rows), reading and re-tests %.1f s (%d opened, %d read, %d finished), dashboard %.0f ms | |",
                     total, segmentSeconds, freeze, send, sent, simulate, counts.opened, counts.read, counts.finished, dashboard * 1000))
        print(String(format: "| events stored for the dashboard | %d over 30 days, 1,000 pieces, %d persons; loaded in %.0f s (%.0f events/s) | |",
                     eventCount, people, load, Double(eventCount) / load))
        print(String(format: "| person sets of the closed days built | %d days in %.1f s (%.2f s a day), %d persons numbered; %@ sets, %.1f MB | |",
                     built.days, build, build / Double(max(built.days, 1)), built.numbered, "\(footprint?.int("sets") ?? 0)",
                     Double(footprint?.int("bytes") ?? 0) / 1e6))
        print(String(format: "| day sums of the closed days built | %d days in %.1f s | |", summed, sumBuild))
        print(String(format: "| region, unit and group sets of the last 30 days read into memory by the job | %.1f s, %.1f MB | |", warm, Double(kept) / 1e6))
        // The first query reads today's rows (not in any built day) into memory; later ones reuse them until a row arrives.
        let todayRows = try store.pool.read { try $0.queryOne("SELECT rows FROM reach_day_rows WHERE day = ?", [BeijingDay.of(now)])?.int("rows") ?? 0 }
        let first = try ReachRange.parse(from: BeijingDay.of(now - 30 * 86_400_000), to: BeijingDay.of(now), now: now).get()
        let cold = try ReachLoad.seconds { _ = try store.reachTotals(from: first.from, to: first.to, start: first.startMillis, end: first.endMillis,
                                                                    filter: ReachFilter()) }
        print(String(format: "| first summary after a change today (30 days; today's %d rows read into sets) | %.0f ms | |", todayRows, cold * 1000))
        // Reference, same run: the summary's persons as they were counted before the sets (exact count(DISTINCT) over the rows).
        let distinct = try ReachLoad.seconds {
            _ = try store.pool.read { db in
                try db.query("""
                    SELECT kind, count(DISTINCT person), count(DISTINCT CASE WHEN campaign_id <> 0 THEN person END) FROM reach_persons
                    WHERE kind IN ('opened', 'read', 'finished', 'quiz_started') AND day BETWEEN ? AND ? GROUP BY kind
                    """, [first.from, first.to])
            }
        }
        print(String(format: "| reference: the summary's persons by count(DISTINCT) over the rows, 30 days, everything | %.0f ms | |", distinct * 1000))
        try dashboards(store: store, now: now, piece: pieces[0], calls: calls)
    }

    /// The dashboard loads of the table: 30 days and 7 days, all, one town, one piece, one office (also run alone on a kept database
    /// by `AudienceBench reach-dashboards <path> <now millis>`).
    static func dashboards(store: Store, now: Int64, piece: Int, calls: Int) throws {
        for (label, days, filter) in [("30 days, everything", 30, ReachFilter()), ("30 days, one town", 30, ReachFilter(regionId: 2)),
                                      ("7 days, everything", 7, ReachFilter()), ("30 days, one piece", 30, ReachFilter(contentId: piece)),
                                      ("30 days, one office (a unit without children)", 30, ReachFilter(unitId: 7))] {
            let range = try ReachRange.parse(from: BeijingDay.of(now - Int64(days) * 86_400_000), to: BeijingDay.of(now), now: now).get()
            var whole: [Double] = []
            var parts: [String: [Double]] = [:]
            for _ in 0..<calls {
                var sum = 0.0
                func time(_ name: String, _ body: () throws -> Void) throws {
                    let t = try ReachLoad.seconds(body) * 1000
                    parts[name, default: []].append(t)
                    sum += t
                }
                try time("summary") { _ = try store.reachTotals(from: range.from, to: range.to, start: range.startMillis, end: range.endMillis,
                                                                filter: filter) }
                try time("series") { _ = try store.reachSeries(from: range.from, to: range.to, hourly: false, filter: filter) }
                for by in ["region", "unit", "groups", "channel"] {
                    try time(by) { _ = try store.reachRows(by: by, from: range.from, to: range.to, filter: filter) }
                }
                // The page's top content: the 20 pieces with the most person-times.
                try time("content") { _ = try store.reachTopContent(from: range.from, to: range.to, filter: filter, limit: 20) }
                whole.append(sum)
            }
            let order = ["summary", "series", "region", "unit", "groups", "channel", "content"]
            let each = order.map { String(format: "%@ %.0f", $0, percentile(parts[$0]!, 0.99)) }.joined(separator: ", ")
            let slowest = parts.map { percentile($0.value, 0.99) }.max()!
            print(String(format: "| dashboard, %@ (summary + series + 5 breakdowns), %d loads | p50 %.0f ms, p99 %.0f ms; p99 per query (ms): %@ | each query p99 < 100 ms — %@ |",
                         label, calls, percentile(whole, 0.5), percentile(whole, 0.99), each, slowest < 100 ? "met" : "not met"))
        }
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
}
