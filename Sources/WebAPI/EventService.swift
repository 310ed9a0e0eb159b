import Audience
import Foundation
import HTTPServer
import Persistence
import Reach
import Secrets
import Synchronization

/// A batch as the browser sends it to `recordEvents` (JSON; sent as text/plain by navigator.sendBeacon too).
struct EventBatchDTO: Decodable, Equatable {
    struct Item: Decodable, Equatable {
        var id: String
        var kind: String
        var content: String
        var campaign: Int?
        var channel: String?
        var at: Int64
        var seconds: Int?
        var depth: Double?
    }
    /// The page's random device id (kept in localStorage); stored only as a keyed digest.
    var device: String?
    /// A resident's profile token, when the page holds one.
    var token: String?
    var events: [Item]
}

/// What a batch came to: how many were taken and, by reason, how many were not.
struct EventReceipt: Encodable {
    var accepted: Int
    var rejected: [String: Int]

    /// The receipt as `Response.json` writes it (keys sorted), written directly: it answers every beacon, and the
    /// reasons are fixed snake_case words that need no escaping.
    var json: [UInt8] {
        var text = "{\"accepted\":\(accepted),\"rejected\":{"
        for (n, reason) in rejected.keys.sorted().enumerated() {
            text += (n == 0 ? "\"" : ",\"") + reason + "\":\(rejected[reason]!)"
        }
        return Array((text + "}}").utf8)
    }
}

/// Event ingestion (issue "reach and effect"): judges each event by `EventRules`, labels non-persons, resolves the
/// person without keeping any address, and hands accepted events to a buffer that a flusher writes every
/// `flushMillis` in one transaction with the rollups (0 = write at once, as the tests do). Duplicates are found at
/// write time (UNIQUE person + client id) and counted in the refused figures. Events are analytics, not answers: a
/// crash can lose at most the last flush interval, which is documented.
public final class EventService: Sendable {
    let store: Store
    let clock: AppClock
    let secret: [UInt8]
    let flushMillis: Int
    /// The most events the queue holds between flushes; past it a batch waits (see `EventService+Queue.swift`).
    let maxQueued: Int
    let pending = Mutex<(events: [IngestEvent], rejected: [String: Int])>(([], [:]))
    private let slugs = Mutex<(at: Int64, ids: [String: Int])>((-1, [:]))
    /// The salt for anonymous visitors without a device id: random, per Beijing day, never stored.
    private let daily = Mutex<(day: String, salt: [UInt8])>(("", []))
    private let stopping = Atomic<Bool>(false)
    /// Visitor labels by user agent: most batches come from a handful of browsers, and labelling is string searching.
    private let labels = Mutex<[String: String]>([:])
    /// Known persons' reach dimensions by profile (see `dimensions`).
    private let people = Mutex<[Int: (at: Int64, dims: (Int, Int, Int))]>([:])
    /// The longest the queue has been since the last flush, to size it once for the next interval instead of
    /// growing it by doubling (each doubling copies the whole queue while request threads wait for the lock).
    let queuePeak = Atomic<Int>(0)
    /// Batches judged while the queue was full, oldest first, each answered once the flusher has made room.
    let waiting = Mutex<[WaitingBatch]>([])
    let waitingCount = Atomic<Int>(0)
    /// The most batches that may wait; past it a batch is answered 503.
    let maxWaiting: Int

    public init(store: Store, clock: AppClock, secret: String, flushMillis: Int, maxQueued: Int = 250_000,
                maxWaiting: Int = 2_048) {
        self.store = store
        self.clock = clock
        self.secret = Array(secret.utf8)
        self.flushMillis = flushMillis
        self.maxQueued = maxQueued
        self.maxWaiting = maxWaiting
    }

    /// Judges and queues a batch. `profile` is the signed-in or token-holding person, if any. The receipt is what
    /// the batch came to; `later` is set when the queue was full: answer with it, it completes once the batch is taken.
    func record(_ batch: EventBatchDTO, profile: Int?, userAgent: String?, purpose: String?,
                address: String) throws -> (receipt: EventReceipt, later: DeferredResponse?) {
        let now = clock.nowMillis()
        let today = BeijingDay.of(now)
        guard batch.events.count <= EventRules.maxBatch else {
            reject([RejectReason.batchTooLarge.rawValue: batch.events.count], day: today)
            throw HTTPError(413, code: "batch_too_large", message: "一次最多 \(EventRules.maxBatch) 个事件 / at most \(EventRules.maxBatch) events per batch")
        }
        let person = try personKey(profile: profile, device: batch.device, userAgent: userAgent, address: address, day: today)
        let label = self.label(userAgent: userAgent, purpose: purpose)
        let dims = try profile.map { try dimensions(profile: $0, now: now) } ?? (0, 0, 0)
        var ids = try contentIds(now: now), lookups = 0
        var accepted: [IngestEvent] = []
        accepted.reserveCapacity(batch.events.count)
        var refused: [String: Int] = [:]
        for item in batch.events {
            let reported = ReportedEvent(id: item.id, kind: item.kind, content: item.content, campaign: item.campaign, at: item.at,
                                         seconds: item.seconds, depth: item.depth)
            let channel = item.channel ?? ""
            var contentId = 0, failure: (any Error)?
            let verdict = EventRules.judge(reported, now: now) { slug in
                do { contentId = try ids[slug] ?? lookUp(slug, into: &ids, lookups: &lookups) } catch { failure = error }
                return contentId != 0
            }
            if let failure { throw failure }
            switch verdict {
            case .failure(let reason): refused[reason.rawValue, default: 0] += 1
            case .success(_) where !Self.channels.contains(channel):
                refused[RejectReason.badValue.rawValue, default: 0] += 1
            case .success(let e):
                accepted.append(IngestEvent(person: person, clientId: e.id, kind: e.kind.rawValue, contentId: contentId,
                                            campaignId: e.campaign, channel: channel, at: e.at, day: e.day, hour: e.hour, seconds: e.seconds,
                                            depth: e.depth, label: label, clamped: e.clamped, regionId: dims.0, unitId: dims.1,
                                            groupsMask: dims.2))
            }
        }
        let receipt = EventReceipt(accepted: accepted.count, rejected: refused)
        if flushMillis == 0 {
            try store.ingest(accepted, rejected: refused.map { (today, $0.key, $0.value) }, now: now)
            return (receipt, nil)
        }
        return (receipt, try enqueue(accepted, refused: refused, day: today, receipt: receipt))
    }

    /// Where a page may say a reader came from.
    private static let channels: Set<String> = ["", "inbox", "robot", "share", "feed", "quiz"]

    /// An event the server itself saw (credited reading, a delivery, a completed task): attributed to the profile,
    /// never labelled. `clientId` makes it once-only when given (e.g. "finished-<content>").
    func recordServer(_ kind: EventKind, contentId: Int, profile: Int, seconds: Int = 0, depth: Double = 0, campaign: Int? = nil,
                      channel: String = "", clientId: String? = nil) throws {
        let now = clock.nowMillis()
        let dims = try store.reachDimensions(profile: profile)
        let event = IngestEvent(person: "p:\(profile)", clientId: clientId ?? "srv-" + Sodium.randomToken(), kind: kind.rawValue,
                                contentId: contentId, campaignId: campaign, channel: channel, at: now, day: BeijingDay.of(now),
                                hour: BeijingDay.minuteOfDay(now) / 60, seconds: min(seconds, EventRules.maxSecondsPerReport), depth: depth,
                                regionId: dims.region, unitId: dims.unit, groupsMask: dims.groups)
        if flushMillis == 0 { try store.ingest([event], now: now) } else { pending.withLock { $0.events.append(event) } }
    }

    func label(userAgent: String?, purpose: String?) -> String {
        guard purpose == nil, let agent = userAgent, agent.utf8.count <= 512 else {
            return Visitor.label(userAgent: userAgent, purpose: purpose) ?? ""
        }
        if let known = labels.withLock({ $0[agent] }) { return known }
        let found = Visitor.label(userAgent: agent, purpose: nil) ?? ""
        labels.withLock { cache in
            if cache.count >= 4_096 { cache.removeAll() }
            cache[agent] = found
        }
        return found
    }

    /// Counts refusals that happened before a batch could be read (malformed bodies).
    func reject(_ counts: [String: Int], day: String? = nil) {
        let day = day ?? BeijingDay.of(clock.nowMillis())
        if flushMillis == 0 {
            _ = try? store.ingest([], rejected: counts.map { (day, $0.key, $0.value) }, now: clock.nowMillis())
        } else {
            pending.withLock { p in for (r, n) in counts { p.rejected[day + "|" + r, default: 0] += n } }
        }
    }

    /// Writes what is queued (the flusher calls this; shutdown calls it once more).
    public func flush() throws {
        let (events, rejected) = pending.withLock { p in
            defer { p = ([], [:]) }
            return (p.events, p.rejected)
        }
        guard !events.isEmpty || !rejected.isEmpty else { return }
        let parts = rejected.map { key, n in
            let cut = key.split(separator: "|", maxSplits: 1)
            return (day: String(cut[0]), reason: String(cut[1]), count: n)
        }
        try store.ingest(events, rejected: parts, now: clock.nowMillis())
    }

    /// "p:<id>" for a known person; else a keyed digest of the device id; else of the address and agent with a salt
    /// that changes every Beijing day, so an anonymous reader cannot be followed from one day to the next.
    func personKey(profile: Int?, device: String?, userAgent: String?, address: String, day: String) throws -> String {
        if let profile { return "p:\(profile)" }
        if let device {
            guard (8...64).contains(device.utf8.count), device.utf8.allSatisfy({ $0 == 45 || $0 == 95 || (48...57).contains($0)
                    || (65...90).contains($0) || (97...122).contains($0) }) else {
                throw HTTPError.badRequest("设备编号无效 / the device id is invalid", code: "bad_device")
            }
            return "d:" + String(Sodium.digest(Array(device.utf8), length: 16, key: secret))
        }
        let salt = daily.withLock { d in
            if d.day != day { d = (day, Array(Sodium.randomToken().utf8)) }
            return d.salt
        }
        return "a:" + String(Sodium.digest(Array((address + "\n" + (userAgent ?? "")).utf8), length: 16, key: salt))
    }

    /// Published slugs → ids, re-read every 30 seconds. The common batch (every slug known) uses the cached
    /// dictionary as it is, with no copy.
    func contentIds(now: Int64) throws -> [String: Int] {
        var cached = slugs.withLock { $0 }
        if cached.at < 0 || now - cached.at >= 30_000 {
            cached = (now, try store.publishedContentIds())
            slugs.withLock { $0 = cached }
        }
        return cached.ids
    }

    /// A slug the cache does not know, looked up on its own (one indexed read) so a piece published a moment ago
    /// is counted from its first reader. At most `maxLookups` per batch: a batch of made-up slugs costs no more
    /// than that, and its events are refused as unknown content. Returns 0 when there is no such published piece.
    func lookUp(_ slug: String, into ids: inout [String: Int], lookups: inout Int) throws -> Int {
        guard slug.utf8.count <= 80, lookups < Self.maxLookups else { return 0 }
        lookups += 1
        guard let id = try store.publishedContentId(slug: slug) else { return 0 }
        ids[slug] = id
        slugs.withLock { $0.ids[slug] = id }
        return id
    }

    static let maxLookups = 4

    /// A known person's region, unit and groups, kept for 30 seconds (a reader sends a batch every ten or so): a
    /// move to another unit shows in the figures at most that much later.
    func dimensions(profile: Int, now: Int64) throws -> (Int, Int, Int) {
        if let known = people.withLock({ $0[profile] }), now - known.at < 30_000 { return known.dims }
        let d = try store.reachDimensions(profile: profile)
        people.withLock { cache in
            if cache.count >= 10_000 { cache.removeAll() }
            cache[profile] = (now, (d.region, d.unit, d.groups))
        }
        return (d.region, d.unit, d.groups)
    }

    /// Flushes every `flushMillis` until `stop()`.
    func startFlusher(logger: @escaping @Sendable (String) -> Void) {
        guard flushMillis > 0 else { return }
        let thread = Thread { [self] in
            while !stopping.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: Double(flushMillis) / 1000)
                do { try flush() } catch { logger("event flush: \(error)") }
                admitWaiting()
            }
        }
        thread.name = "pufa-events"
        thread.start()
    }

    func stop() {
        stopping.store(true, ordering: .relaxed)
        try? flush()
        while admitWaiting() > 0 { try? flush() }
        refuseWaiting()
    }
}
