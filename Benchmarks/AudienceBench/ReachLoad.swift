// Reach load for `make bench`: the bureau's "80,000 person-time delivery test" (push to 80,000 profiles through the
// real sender, simulate their reading and quizzing) and millions of stored events for the dashboard queries.
import Accounts
import Audience
import Database
import Foundation
import Persistence
import WebAPI

enum ReachLoad {
    /// Pushes piece `contentId` to every profile of `segment` through a campaign and the real sender (no caps, no quiet
    /// hours), until nothing is pending. Returns (deliveries sent, seconds to freeze, seconds to send).
    static func push(store: Store, segment: Int, contentId: Int, now: Int64) throws -> (sent: Int, freeze: Double, send: Double) {
        let campaign = try store.createCampaign(CampaignInput(name: "八万人次推送", contentId: contentId, segmentId: segment, channels: ["inbox"],
                                                              robotIds: [], message: "请阅读", schedule: .now, priority: 0,
                                                              ratePerMinute: 1_000_000),
                                                now: now, actor: .system)
        let run = try store.scheduleCampaign(id: campaign.id, startsAt: now, now: now, actor: .system)
        var froze = false
        let freeze = try seconds { froze = try store.freezeRun(id: run.id, now: now, linkBase: "") }
        precondition(froze, "the run did not start")
        let service = CampaignService(store: store, clock: AppClock { now })
        // Quiet hours off (start = end), caps above one a day: the test pushes one piece once.
        let sender = CampaignSender(service: service, policy: DeliveryPolicy(perDay: 10, perWeek: 50, quietStart: 0, quietEnd: 0),
                                    batchSize: 5_000)
        var sent = 0
        let send = try seconds {
            var step = now
            while true {
                let pass = try sender.sendOnce(now: step)
                sent += pass.sent
                if pass.sent == 0 && pass.deferred == 0 { break }
                step += 60_000   // a minute per pass, so the rate budget refills
            }
        }
        return (sent, freeze, send)
    }

    /// Readers of the pushed piece, as the page and the server would record them: everyone's inbox opened by
    /// `openShare`, of those `readShare` read for 15–120 s, `finishShare` finished; readers answer a re-test on the
    /// piece's knowledge point two days later. Written through the ingestion store path in batches.
    static func simulateReading(store: Store, profiles: [Int], contentId: Int, campaignId: Int, topic: String, now: Int64) throws
        -> (opened: Int, read: Int, finished: Int) {
        var rng = SplitMix(state: 80_000)
        var events: [IngestEvent] = []
        var counts = (opened: 0, read: 0, finished: 0)
        var answers: [(Int, Int, Double)] = []
        for p in profiles {
            guard rng.below(100) < 70 else { continue }
            let at = now + Int64(rng.below(6 * 3_600_000))
            func event(_ kind: String, _ id: String, seconds: Int = 0) -> IngestEvent {
                IngestEvent(person: "p:\(p)", clientId: id, kind: kind, contentId: contentId, campaignId: campaignId, channel: "inbox", at: at,
                            day: BeijingDay.of(at), hour: BeijingDay.minuteOfDay(at) / 60, seconds: seconds, depth: 1)
            }
            events.append(event("opened", "o\(p)"))
            counts.opened += 1
            if rng.below(100) < 60 {
                events.append(event("read", "r\(p)", seconds: 15 + rng.below(106)))
                counts.read += 1
                if rng.below(100) < 60 {
                    events.append(event("finished", "f\(p)"))
                    counts.finished += 1
                    let n = 2 + rng.below(3)
                    answers.append((p, n, Double(min(n, rng.below(n + 1) + 1))))
                }
            }
            if events.count >= 50_000 { try store.ingest(events, now: now); events.removeAll(keepingCapacity: true) }
        }
        try store.ingest(events, now: now)
        let day = BeijingDay.of(now + 2 * 86_400_000)
        try store.pool.write { db in
            for (p, n, right) in answers {
                try db.run("INSERT INTO profile_topic_days (profile_id, topic, day, answered, correct) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           [p, topic, day, n, right])
            }
        }
        return counts
    }

    /// `count` events over `days` Beijing days before `now`, on `pieces`, from `people` persons (a tenth of them
    /// anonymous devices, another tenth officials in the bureau's 49 offices, 1% labelled as bots), through the
    /// ingestion store path in transactions of 100,000.
    static func events(store: Store, count: Int, pieces: [Int], people: Int, days: Int, now: Int64) throws {
        var rng = SplitMix(state: 10_000_000)
        let kinds = ["opened", "opened", "read", "read", "finished", "shared"]
        var batch: [IngestEvent] = []
        batch.reserveCapacity(100_000)
        for i in 0..<count {
            let person = rng.below(people)
            let at = now - Int64(rng.below(days * 86_400)) * 1000
            let kind = kinds[rng.below(kinds.count)]
            let bot = rng.below(100) == 0
            batch.append(IngestEvent(person: person % 10 == 0 ? "d:\(person)" : "p:\(person + 1)", clientId: "e\(i)", kind: kind,
                                     contentId: pieces[rng.below(pieces.count)], campaignId: nil, channel: ["", "inbox", "feed"][rng.below(3)],
                                     at: at, day: BeijingDay.of(at), hour: BeijingDay.minuteOfDay(at) / 60,
                                     seconds: kind == "read" ? 15 + rng.below(60) : 0, depth: 0.5, label: bot ? "bot" : "",
                                     regionId: Population.village(rng.below(Population.towns), rng.below(Population.villagesPerTown)),
                                     unitId: person % 10 == 1 ? 2 + (person / 10) % (Population.units - 1) : 0, groupsMask: 128))
            if batch.count == 100_000 {
                try store.ingest(batch, now: now)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try store.ingest(batch, now: now)
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let (s, atto) = (ContinuousClock.now - start).components
        return Double(s) + Double(atto) / 1e18
    }
}
