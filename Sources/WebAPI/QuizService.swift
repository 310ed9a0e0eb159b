import Accounts
import Exams
import Foundation
import Persistence
import Questions
import Quizzes
import Secrets
import Synchronization

/// The public-quiz use cases: staff set up and publish rounds; residents play without an account, identified by
/// a device id (kept only as a keyed digest) and an entry token (kept only as a digest). Decisions come from the
/// pure `Quizzes` module; this type supplies the clock, the store, randomness and the per-address rate limit.
public final class QuizService: Sendable {
    let store: Store
    let clock: AppClock
    let deviceSecret: [UInt8]
    let starts: StartLimiter
    /// Published rounds and question versions never change, so answers read them from memory. The caches hold
    /// shared boxes, so a lookup on the answer path takes one reference instead of copying every field.
    private let publishedRounds = Mutex<[Int: Shared<QuizRound>]>([:])
    private let contents = Mutex<[VersionKey: Shared<QuestionContent>]>([:])
    /// Entries being played, so an answer does not read and decode its entry again. The database stays the arbiter:
    /// a stale copy (another node, a concurrent request) is caught by the answer's unique key and re-read.
    private let playing = Mutex<[String: PlayingEntry]>([:])
    static let maxPlaying = 200_000

    init(store: Store, clock: AppClock, deviceSecret: String, startsPerMinute: Int = 30) {
        self.store = store
        self.clock = clock
        self.deviceSecret = Array(deviceSecret.utf8)
        starts = StartLimiter(perMinute: startsPerMinute)
    }

    // MARK: Staff

    func create(_ settings: QuizRoundSettings, by viewer: User) throws -> QuizRound {
        try check(settings)
        return try store.createRound(settings, createdBy: viewer.id, now: clock.nowMillis())
    }

    func update(_ id: Int, _ settings: QuizRoundSettings) throws -> QuizRound {
        try check(settings)
        return try store.updateRound(id: id, settings: settings, now: clock.nowMillis())
    }

    /// Publishing fixes the draw rules and their commitment, which everyone can see from then on.
    func publish(_ id: Int) throws -> QuizRound {
        guard let round = try store.round(id: id) else { throw QuizError.notFound("竞答 \(id) / round \(id)") }
        try check(round.settings)
        if !round.settings.prizes.isEmpty, clock.nowMillis() >= round.settings.opensAt {
            throw QuizError.invalid(["设奖的轮次须在开始之前发布，抽奖规则要先公开 / a round with prizes must be published before it opens"])
        }
        return try store.publishRound(id: id, rules: QuizDraw.rules(round), now: clock.nowMillis())
    }

    /// Only objective questions that exist: a quiz judges every answer at once.
    func check(_ settings: QuizRoundSettings) throws {
        var problems = settings.problems()
        let pool = try store.questionPool(ids: settings.questionIds)
        let found = Set(pool.map(\.id))
        let missing = settings.questionIds.filter { !found.contains($0) }
        if !missing.isEmpty { problems.append("题目不存在：\(missing.map(String.init).joined(separator: "、")) / unknown questions") }
        let hand = pool.filter { $0.type == .essay }.map(\.id)
        if !hand.isEmpty {
            problems.append("案例分析题需要人工评分，不能用于竞答：\(hand.map(String.init).joined(separator: "、")) / case-analysis questions cannot be used")
        }
        guard problems.isEmpty else { throw QuizError.invalid(problems) }
    }

    // MARK: Residents

    struct Started: Sendable {
        var entry: QuizEntry
        var token: String
        var contents: [Int: QuestionContent]
    }

    /// Starts an entry for a device: checks the window, the device's limits and the address's rate.
    func start(roundId: Int, deviceId: String, address: String) throws -> Started {
        let now = clock.nowMillis()
        let device = deviceId.trimmingCharacters(in: .whitespaces)
        guard (8...128).contains(device.count) else {
            throw QuizError.invalid(["缺少设备标识 / a device id of 8–128 characters is required"])
        }
        guard let round = try store.round(id: roundId), round.status == .published else { throw QuizError.notFound("竞答 \(roundId) / round \(roundId)") }
        if let wait = starts.admit(Sodium.digest(address, key: deviceSecret), now: now) { throw RateLimited(retryAfterSeconds: wait) }
        let deviceKey = Sodium.digest(device, key: deviceSecret)
        let day = QuizDay.of(now)
        let counts = try store.deviceEntries(roundId: roundId, deviceKey: deviceKey, day: day)
        try QuizRules.checkStart(round, now: now, deviceEntriesToday: counts.today, deviceEntriesInRound: counts.round)
        let seedBytes = Sodium.randomBytes(8)
        let seed = seedBytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let items = try QuizRules.paper(round.settings, pool: try store.questionPool(ids: round.settings.questionIds), seed: seed)
        let token = Sodium.randomToken()
        let entry = QuizEntry(id: 0, publicId: Self.publicId(), roundId: roundId, deviceKey: deviceKey, startedAt: now, items: items)
        let stored = try store.insertEntry(entry, tokenDigest: Sodium.digest(token), day: day)
        remember(PlayingEntry(stored, tokenDigest: Sodium.digest(token)))
        return Started(entry: stored, token: token, contents: try store.versions(items.map { ($0.questionId, $0.version) }))
    }

    /// "Q7K2M9XW": 8 characters from an alphabet without look-alikes (about 40 bits), for result cards and draws.
    static func publicId() -> String {
        Sodium.readablePassword(length: 8).uppercased()
    }

    /// The entry if `token` is its token; "not found" otherwise, which tells a guesser nothing.
    func ownEntry(_ publicId: String, token: String) throws -> QuizEntry {
        let digest = Sodium.digest(token)
        if let (cached, answers) = playing.withLock({ all in all[publicId].map { ($0, $0.answers) } }) {
            guard Sodium.constantTimeEquals(cached.tokenDigest, digest) else { throw QuizError.notFound("作答 \(publicId) / entry \(publicId)") }
            var entry = cached.entry
            entry.answers = answers
            return entry
        }
        guard let found = try store.entry(publicId: publicId), Sodium.constantTimeEquals(found.tokenDigest, digest) else {
            throw QuizError.notFound("作答 \(publicId) / entry \(publicId)")
        }
        if found.entry.finishedAt == nil { remember(PlayingEntry(found.entry, tokenDigest: found.tokenDigest)) }
        return found.entry
    }

    private func remember(_ own: PlayingEntry) {
        playing.withLock { all in
            if all.count >= Self.maxPlaying { all.removeAll() }
            all[own.entry.publicId] = own
        }
    }

    /// After an answer is durable: the cached entry gains it in place (unless a newer copy already has it).
    private func remember(_ answer: QuizAnswer, of publicId: String) {
        playing.withLock { all in
            guard let cached = all[publicId], !cached.answers.contains(where: { $0.slot == answer.slot }) else { return }
            cached.answers.append(answer)
        }
    }

    struct Answered: Sendable {
        var feedback: Feedback
        var replayed: Bool
        var answered: Int
        var total: Int
        var readMore: (title: String, url: String)?
    }

    /// Judges an answer at once and has `render` write the reply before the answer goes to the writer, so the writer
    /// thread only hands it over: `completion` gets the reply once the answer is durable (at once for a replay).
    /// Throws at once for what the entry alone can refuse.
    func answer<Reply: Sendable>(_ publicId: String, token: String, slot: Int, response: QuestionResponse,
                                 render: @escaping @Sendable (Answered) -> Reply,
                                 completion: @escaping @Sendable (Result<Reply, any Error>) -> Void) throws {
        let entry = try ownEntry(publicId, token: token)
        let (answer, replayed, ready) = try judge(entry, slot: slot, response: response, render: render)
        guard !replayed else { return completion(.success(ready)) }
        // Runs on the pool's completion thread once the answer is durable; it captures little, as it runs for every answer.
        store.insertAnswer(entryId: entry.id, answer) { [self] inserted in
            switch inserted {
            case .failure(let error):
                completion(.failure(error))
            case .success(true):
                remember(answer, of: publicId)
                completion(.success(ready))
            case .success(false):
                // A concurrent duplicate (or another node) won the race: forget the stale copy, report what is stored.
                // Rare, so reading it here on the completion thread (after its commit) holds little up.
                playing.withLock { _ = $0.removeValue(forKey: publicId) }
                completion(Result {
                    guard let stored = try store.entry(publicId: publicId)?.entry, stored.answers.contains(where: {
                        $0.slot == slot && $0.response == response }) else { throw QuizError.alreadyAnswered }
                    return try judge(stored, slot: slot, response: response, render: render).reply
                })
            }
        }
    }

    /// The answer to `slot` (a stored one for a replay) and its reply.
    private func judge<Reply>(_ entry: QuizEntry, slot: Int, response: QuestionResponse,
                              render: (Answered) -> Reply) throws -> (answer: QuizAnswer, replayed: Bool, reply: Reply) {
        let round = try publishedRound(entry.roundId)
        guard let item = entry.items.first(where: { $0.slot == slot }) else { throw QuizError.notInEntry(slot) }
        let content = try content(of: item)
        let (answer, replayed) = try QuizRules.answer(entry, round: round.value, slot: slot, response: response,
                                                     content: content.value, now: clock.nowMillis())
        let answered = entry.answers.count + (replayed ? 0 : 1)  // one stored answer per slot (the table's key)
        let settings = round.value.settings
        let more = settings.readMoreURL.flatMap { url in url.isEmpty ? nil : (settings.readMoreTitle ?? url, url) }
        let reply = render(Answered(feedback: QuizRules.feedback(answer, item: item, content: content.value), replayed: replayed,
                                    answered: answered, total: entry.items.count, readMore: more))
        return (answer, replayed, reply)
    }

    /// A published round, from memory after the first read (its settings are fixed once published).
    func publishedRound(_ id: Int) throws -> Shared<QuizRound> {
        if let round = publishedRounds.withLock({ $0[id] }) { return round }
        guard let round = try store.round(id: id) else { throw QuizError.notFound("竞答 \(id) / round \(id)") }
        let shared = Shared(round)
        if round.status == .published { publishedRounds.withLock { $0[id] = shared } }
        return shared
    }

    /// The exact question version an entry uses; versions are immutable, so they are kept once read.
    func content(of item: PaperItem) throws -> Shared<QuestionContent> {
        let key = VersionKey(questionId: item.questionId, version: item.version)
        if let found = contents.withLock({ $0[key] }) { return found }
        guard let content = try store.versions([(item.questionId, item.version)])[item.questionId] else {
            throw QuizError.notFound("题目 / question")
        }
        let shared = Shared(content)
        contents.withLock { if $0.count > 50_000 { $0.removeAll() }; $0[key] = shared }
        return shared
    }

    /// Ends an entry; with a participant (nickname, phone, town or village) it may enter the draw.
    func finish(_ publicId: String, token: String, nickname: String?, phone: String?, regionId: Int?) throws -> (QuizEntry, QuizRound) {
        var entry = try ownEntry(publicId, token: token)
        guard entry.finishedAt == nil else { throw QuizError.finished }
        guard let round = try store.round(id: entry.roundId) else { throw QuizError.notFound("竞答 / round") }
        var participant: Participant?
        if nickname != nil || phone != nil || regionId != nil {
            participant = try Self.participant(nickname: nickname, phone: phone, regionId: regionId, regions: try store.regions())
        }
        let now = clock.nowMillis()
        entry.finishedAt = now
        entry.participant = participant
        let phones = try store.deviceEntries(roundId: round.id, deviceKey: entry.deviceKey, day: QuizDay.of(now)).phones
        entry.flags = AbuseRules.flags(for: entry, phonesOnDevice: phones)
        try store.finishEntry(entryId: entry.id, at: now, participant: participant, flags: entry.flags)
        playing.withLock { _ = $0.removeValue(forKey: publicId) }
        return (entry, round)
    }

    static func participant(nickname: String?, phone: String?, regionId: Int?, regions: [Region]) throws -> Participant {
        var problems: [String] = []
        let name = (nickname ?? "").trimmingCharacters(in: .whitespaces)
        if !(1...20).contains(name.count) { problems.append("昵称应为 1–20 个字 / the nickname must be 1–20 characters") }
        let normalized = phone.flatMap(Phone.normalized)
        if normalized == nil { problems.append("请填写 11 位手机号码 / enter an 11-digit mobile number") }
        let region = regionId.flatMap { id in regions.first { $0.id == id } }
        if region == nil || region?.level == .county {
            problems.append("请选择所在的乡镇（街道）或村（社区）/ choose your town or village")
        }
        guard problems.isEmpty, let normalized, let region else { throw QuizError.invalid(problems) }
        return Participant(nickname: name, phone: normalized, regionId: region.id)
    }

    func openRounds() throws -> [QuizRound] {
        let now = clock.nowMillis()
        // Open rounds first, then the recent past (results and draws), then the upcoming.
        return try store.rounds().filter { $0.status == .published && $0.settings.closesAt > now - 60 * 86_400_000 }
            .sorted { a, b in
                let ra = a.isOpen(at: now) ? 0 : (a.settings.closesAt <= now ? 1 : 2)
                let rb = b.isOpen(at: now) ? 0 : (b.settings.closesAt <= now ? 1 : 2)
                return ra != rb ? ra < rb : a.settings.opensAt > b.settings.opensAt
            }
    }

    func leaderboard(roundId: Int?) throws -> (regions: [RegionStanding], top: [ScoredEntry]) {
        let rounds = try roundId.map { id in [try store.round(id: id)].compactMap { $0 } } ?? store.rounds()
        let scored = try rounds.filter { $0.status == .published }.flatMap { round in
            try store.entries(roundId: round.id).compactMap { e -> ScoredEntry? in
                // Entries held for review (too fast, a shared device) join the board once staff clear them, as for the draw.
                guard let done = e.finishedAt, let p = e.participant, e.isInGoodStanding else { return nil }
                return ScoredEntry(publicId: e.publicId, roundId: round.id, nickname: p.nickname, regionId: p.regionId,
                                   percent: e.percent, durationMillis: done - e.startedAt)
            }
        }
        let regions = try store.regions().map { RegionNode(id: $0.id, parentId: $0.parentId, name: $0.name, level: $0.level.rawValue) }
        return (Leaderboard.regions(scored, regions: regions), Leaderboard.top(scored, limit: 20))
    }
}

/// An entry being played, as the answer path's cache holds it: the entry as started (shared, never copied), its
/// token's digest, and its answers so far, which an answer appends in place once it is durable.
final class PlayingEntry: @unchecked Sendable {
    /// Without its answers: those are `answers`.
    let entry: QuizEntry
    let tokenDigest: String
    /// Read and appended only under `QuizService.playing`'s lock (hence `@unchecked`).
    var answers: [QuizAnswer]

    init(_ entry: QuizEntry, tokenDigest: String) {
        var started = entry
        started.answers = []
        self.entry = started
        self.tokenDigest = tokenDigest
        answers = entry.answers
    }
}

/// An immutable value shared by reference: caches hand it out without copying its fields.
final class Shared<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A question version: the key of the content cache.
struct VersionKey: Hashable, Sendable {
    var questionId: Int
    var version: Int
}

/// Too many requests from one address; the client may retry after the given time.
struct RateLimited: Error { var retryAfterSeconds: Int }

/// At most `perMinute` entries started per address per minute (a sliding window in memory; addresses are digests).
final class StartLimiter: Sendable {
    let perMinute: Int
    private let windows = Mutex<[String: [Int64]]>([:])

    init(perMinute: Int) { self.perMinute = perMinute }

    /// nil = admitted; otherwise seconds to wait.
    func admit(_ key: String, now: Int64) -> Int? {
        windows.withLock { all in
            if all.count > 100_000 { all = all.filter { $0.value.last.map { $0 > now - 60_000 } ?? false } }
            var times = (all[key] ?? []).filter { $0 > now - 60_000 }
            guard times.count < perMinute else {
                return Int(((times.first ?? now) + 60_000 - now + 999) / 1000)
            }
            times.append(now)
            all[key] = times
            return nil
        }
    }
}
