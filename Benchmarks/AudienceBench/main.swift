// Targeted-delivery benchmark (`make bench`; `AudienceBench reach` runs the reach benchmark in ReachBench.swift): on N generated profiles (default 1,000,000), evaluate a three-condition
// segment and freeze a campaign's deliveries to it (~30% of profiles), through the real store code, and compare the
// rows/s with plain prepared inserts of as many delivery rows in the same run; then the feed's latency for a
// profile with 1,000 eligible pieces. Prints a markdown table.
import Accounts
import Audience
import Content
import Database
import Foundation
import Persistence
import Reach
import WebAPI

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let v = Int(arguments[i + 1]) else { return fallback }
    return v
}
if arguments.dropFirst().first == "reach-dashboards", arguments.count >= 4, let now = Int64(arguments[3]) {
    let store = try Store.open(path: arguments[2], now: now)
    let piece = try store.publishedContentId(slug: "piece-0") ?? 0
    // A database kept by an older build: the job brings its sets and sums up to date first, as it would after an upgrade.
    var summed = 0
    let sets = try ReachLoad.seconds { _ = try store.buildReachDaySets(today: BeijingDay.of(now)) }
    let sums = try ReachLoad.seconds { summed = try store.buildReachDaySums(today: BeijingDay.of(now)) }
    say(String(format: "person sets brought up to date in %.1f s; day sums of %d days built in %.1f s", sets, summed, sums))
    var kept = 0
    let warm = try ReachLoad.seconds { kept = try store.warmReachBreakdowns(today: BeijingDay.of(now)) }
    say(String(format: "breakdown sets of the last 30 days kept in memory in %.1f s (%.1f MB)", warm, Double(kept) / 1e6))
    // As in the whole run, the first summary reads today's rows into memory; the loads measured after it reuse them.
    let first = try ReachRange.parse(from: BeijingDay.of(now - 30 * 86_400_000), to: BeijingDay.of(now), now: now).get()
    let cold = try ReachLoad.seconds { _ = try store.reachTotals(from: first.from, to: first.to, start: first.startMillis, end: first.endMillis,
                                                                filter: ReachFilter()) }
    say(String(format: "first summary (today's rows read into sets) %.0f ms", cold * 1000))
    try ReachBench.dashboards(store: store, now: now, piece: piece, calls: option("--calls", 5))
    exit(0)
}
if arguments.dropFirst().first == "reach" {
    try ReachBench.run(events: option("--events", 10_000_000), people: option("--people", 200_000), calls: option("--calls", 20))
    exit(0)
}
let count = option("--profiles", 1_000_000)
let pieces = option("--pieces", 1_000)
let feedCalls = option("--feed-calls", 300)
let work = FileManager.default.temporaryDirectory.appendingPathComponent("pufa-abench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let (s, atto) = (ContinuousClock.now - start).components
    return Double(s) + Double(atto) / 1e18
}
func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

let now = Int64(Date().timeIntervalSince1970 * 1000)
let store = try Store.open(path: work.appendingPathComponent("pufa.sqlite").path, now: now)

// 1. The population and 1,000 published pieces for everyone (set-up, not measured).
try store.pool.writeWithoutTransaction { db in
    try Population.places(db, now: now)
    try Population.profiles(db, count: count, now: now, day: BeijingDay.of(now - 10 * 86_400_000))
}
let drafts = (0..<pieces).map { i in
    let meta = ContentMeta(slug: "bench-piece-\(i)", title: "基准内容\(i)", summary: "第\(i)篇：法定继承的顺序。",
                           topics: [i % 3 == 0 ? Population.topic : "反诈"], audiences: ["resident"],
                           basis: ["《中华人民共和国民法典》第一千一百二十七条"])
    return ContentDraft(piece: ContentPiece(meta: meta, body: "## 要点\n\n遗产按照法定顺序继承。"), html: "<h2>要点</h2><p>遗产按照法定顺序继承。</p>",
                        fingerprint: "bench-\(i)")
}
_ = try store.saveContent(drafts, author: "bench", note: nil, now: now, actor: .system)
say("set-up: \(count) profiles, \(pieces) pieces")

// 2. The segment: in 13 of the 20 towns, residents, and under 60% right on 民法典·继承编 in the last 90 days.
let towns = (0..<13).map { 2 + $0 * (Population.villagesPerTown + 1) }
let rule = SegmentRule.all([.regionWithin(towns), .groups([.resident]),
                            .accuracy(topic: Population.topic, below: true, threshold: 0.6, days: 90, minAnswered: 1)])
let segment = try store.createSegment(SegmentDraft(name: "基准分群", description: "", rule: rule, holdoutPercent: 0), now: now, actor: .system)
var members = 0
let segmentSeconds = try seconds { members = try store.recomputeSegment(id: segment.id, now: now).members }

// 3. A campaign to it: the run frozen into one delivery per member (one transaction).
let campaign = try store.createCampaign(CampaignInput(name: "基准推送", contentId: 1, segmentId: segment.id, channels: ["inbox"], robotIds: [],
                                                      message: "", schedule: .now, priority: 0, ratePerMinute: 1_000_000),
                                        now: now, actor: .system)
let run = try store.scheduleCampaign(id: campaign.id, startsAt: now, now: now, actor: .system)
var froze = false
let freezeSeconds = try seconds { froze = try store.freezeRun(id: run.id, now: now, linkBase: "") }
precondition(froze, "the run did not start")
let deliveries = try store.pool.read { try $0.scalar("SELECT count(*) FROM deliveries") }
guard case .integer(let frozen) = deliveries, Int(frozen) == members else { fatalError("froze \(deliveries) of \(members)") }
say(String(format: "segment %.2f s (%d members), freeze %.2f s", segmentSeconds, members, freezeSeconds))

// 4. Reference: the same number of delivery rows as plain prepared inserts, one transaction, same durability, same
// unique key and queue index as the deliveries table.
let raw = try Connection(path: work.appendingPathComponent("raw.sqlite").path)
try raw.execute("""
    PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
    CREATE TABLE d (id INTEGER PRIMARY KEY, source TEXT NOT NULL, profile_id INTEGER NOT NULL, content_id INTEGER NOT NULL,
                    channel TEXT NOT NULL, priority INTEGER NOT NULL, status TEXT NOT NULL, due_at INTEGER NOT NULL,
                    UNIQUE (source, profile_id, channel));
    CREATE INDEX d_queue ON d(status, priority DESC, due_at) WHERE status = 'pending';
    """)
let rawSeconds = try seconds {
    try raw.transaction {
        for i in 0..<members { try raw.run("INSERT INTO d (source, profile_id, content_id, channel, priority, status, due_at) VALUES (?, ?, 1, 'inbox', 0, 'pending', ?)",
                                           ["run:1", i + 1, now]) }
    }
}
raw.close()

// 5. The feed for one member: 1,000 eligible pieces, ranked by gaps, interests and freshness.
let feed = StudyTaskService(store: store, clock: AppClock { now })
let reader = try store.segmentMemberIds(segment.id, includeHeldOut: false)[0]
var latencies: [Double] = []
var shown = 0
for _ in 0..<feedCalls { latencies.append(try seconds { shown = try feed.feed(profileId: reader, limit: 10).count } * 1000) }
let sorted = latencies.sorted()
let p50 = sorted[sorted.count / 2], p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
precondition(shown == 10, "the feed showed \(shown) items")
store.pool.close()

let pufaSeconds = segmentSeconds + freezeSeconds
let pufaRate = Double(members) / pufaSeconds, rawRate = Double(members) / rawSeconds
print("| measure | result | reference | ratio | goal |")
print("|---|---|---|---|---|")
print(String(format: "| three-condition segment on %d profiles + freeze %d deliveries | %.2f s (segment %.2f s, freeze %.2f s) = %.0f rows/s | raw prepared inserts %.0f rows/s (%.2f s) | %.2f× | ≥ 0.30× |",
             count, members, pufaSeconds, segmentSeconds, freezeSeconds, pufaRate, rawRate, rawSeconds, pufaRate / rawRate))
print(String(format: "| feed for a profile with %d eligible pieces, %d calls | p50 %.2f ms, p99 %.2f ms | | | p99 < 20 ms |",
             pieces, feedCalls, p50, p99))
