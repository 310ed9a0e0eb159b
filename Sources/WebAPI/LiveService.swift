import Accounts
import Exams
import Foundation
import HTTPServer
import Persistence
import Questions
import Quizzes
import Secrets
import Synchronization

/// Live contests in a hall: the contest lives in memory (and in the database, so a restart loses nothing); phones and
/// the big screen long-poll for the next change on suspended connections, woken all at once by the host's signal.
public final class LiveService: Sendable {
    /// A long poll is answered after this long even if nothing changed, so proxies never cut it first.
    static let pollSeconds = 25.0

    struct Waiter {
        var after: Int
        var host: Bool
        var playerId: Int?
        var deferred: DeferredResponse
    }

    struct Room {
        var contest: LiveContest
        var contents: [Int: QuestionContent]
        var waiters: [Waiter] = []
    }

    let store: Store
    let clock: AppClock
    private let rooms = Mutex<[Int: Room]>([:])

    init(store: Store, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    // MARK: Host

    func create(title: String, questionIds: [Int], secondsPerQuestion: Int, speedScoring: Bool, by user: User) throws -> LiveContest {
        var problems: [String] = []
        let name = title.trimmingCharacters(in: .whitespaces)
        if !(1...80).contains(name.count) { problems.append("标题应为 1–80 个字符 / the title must be 1–80 characters") }
        if !(5...300).contains(secondsPerQuestion) { problems.append("每题限时应为 5–300 秒 / 5–300 s per question") }
        if questionIds.isEmpty || questionIds.count > 100 || Set(questionIds).count != questionIds.count {
            problems.append("请选择 1–100 道不重复的题目 / choose 1–100 distinct questions")
        }
        let pool = try store.questionPool(ids: questionIds)
        let byId = Dictionary(pool.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let missing = questionIds.filter { byId[$0] == nil }
        if !missing.isEmpty { problems.append("题目不存在：\(missing.map(String.init).joined(separator: "、")) / unknown questions") }
        if pool.contains(where: { $0.type == .essay || $0.type == .blank }) {
            problems.append("现场竞赛只用选择题和判断题 / a live contest uses choice and true/false questions only")
        }
        guard problems.isEmpty else { throw LiveError.invalid(problems.joined(separator: "; ")) }
        let items = questionIds.enumerated().compactMap { slot, id in
            byId[id].map { PaperItem(slot: slot, questionId: id, version: $0.version, points: 1, optionOrder: Array(0..<$0.optionCount)) }
        }
        for _ in 0..<5 {
            let code = String(format: "%06d", Int(Sodium.randomBytes(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } % 1_000_000))
            let contest = LiveContest(id: 0, code: code, title: name, items: items, secondsPerQuestion: secondsPerQuestion,
                                      speedScoring: speedScoring)
            if let stored = try? store.createLive(contest, createdBy: user.id, now: clock.nowMillis()) { return stored }
        }
        throw LiveError.invalid("无法生成竞赛码，请重试 / could not make a join code; try again")
    }

    enum Action: String, Decodable { case next, reveal, end }

    func control(_ id: Int, _ action: Action) throws -> LiveContest {
        let now = clock.nowMillis()
        return try mutate(id) { c in
            switch action {
            case .next: return try LiveRules.next(c, now: now)
            case .reveal: return try LiveRules.reveal(c)
            case .end: return LiveRules.end(c)
            }
        } persist: { try self.store.saveLiveStage($0) }
    }

    // MARK: Players

    /// Joins (or, with the token of an earlier join, rejoins as the same player after a dropped connection).
    func join(code: String, nickname: String, token: String?) throws -> (contest: LiveContest, playerId: Int, token: String) {
        let id = try contestId(code: code)
        if let token, let player = try room(id).contest.players.first(where: { Sodium.constantTimeEquals($0.tokenDigest, Sodium.digest(token)) }) {
            return (try room(id).contest, player.id, token)
        }
        let fresh = Sodium.randomToken()
        var joined = 0
        let contest = try mutate(id) { c in
            let (next, player) = try LiveRules.join(c, nickname: nickname, tokenDigest: Sodium.digest(fresh))
            joined = player
            return next
        } persist: { c in
            guard let player = c.players.first(where: { $0.id == joined }) else { return }
            try self.store.insertLivePlayer(contestId: c.id, player: player)
        }
        return (contest, joined, fresh)
    }

    func player(_ contest: LiveContest, token: String) throws -> Int {
        guard let p = contest.players.first(where: { Sodium.constantTimeEquals($0.tokenDigest, Sodium.digest(token)) }) else {
            throw LiveError.invalid("请重新加入竞赛 / join the contest again")
        }
        return p.id
    }

    func answer(code: String, token: String, index: Int, response: QuestionResponse) throws {
        let id = try contestId(code: code)
        let room = try room(id)
        let playerId = try player(room.contest, token: token)
        guard room.contest.items.indices.contains(index), let content = room.contents[room.contest.items[index].questionId] else {
            throw LiveError.notCurrent
        }
        let now = clock.nowMillis()
        _ = try mutate(id) { c in
            try LiveRules.answer(c, player: playerId, index: index, response: response, content: content, now: now)
        } persist: { c in
            guard let answer = c.players.first(where: { $0.id == playerId })?.answers[index] else { return }
            try self.store.insertLiveAnswer(contestId: c.id, player: playerId, index: index, answer)
        }
    }

    // MARK: Waiting

    /// The view after `after` (a stage for phones, a version for the host): at once if there is one, otherwise when
    /// the next change comes or after `pollSeconds`.
    func wait(_ id: Int, after: Int, host: Bool, playerId: Int?) throws -> Response {
        _ = try room(id)
        let deferred = DeferredResponse()
        let ready: Room? = rooms.withLock { all in
            guard var room = all[id] else { return nil }
            if Self.watched(host, room.contest) > after { return room }
            room.waiters.removeAll { $0.deferred.isCompleted }
            room.waiters.append(Waiter(after: after, host: host, playerId: playerId, deferred: deferred))
            all[id] = room
            return nil
        }
        if let ready { return view(ready, host: host, playerId: playerId) }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.pollSeconds) { [weak self] in
            guard let self, let room = self.rooms.withLock({ $0[id] }) else {
                deferred.complete(.error(HTTPError(503, code: "unavailable", message: "Try again", headers: [("Retry-After", "1")])))
                return
            }
            deferred.complete(self.view(room, host: host, playerId: playerId))
        }
        return .deferred(deferred)
    }

    /// What a waiter follows: the host every change, a phone only stage changes.
    static func watched(_ host: Bool, _ c: LiveContest) -> Int { host ? c.version : c.stage }

    /// Answers every waiting request with 503 (on shutdown: the server must not stop with suspended connections).
    func releaseAll() {
        let waiting = rooms.withLock { all in all.values.flatMap(\.waiters).map(\.deferred) }
        for d in waiting {
            d.complete(.error(HTTPError(503, code: "shutting_down", message: "The server is restarting; try again", headers: [("Retry-After", "2")])))
        }
    }

    // MARK: State

    func contestId(code: String) throws -> Int {
        if let id = rooms.withLock({ $0.first { $0.value.contest.code == code && $0.value.contest.phase != .ended }?.key }) { return id }
        guard let contest = try store.live(code: code) else { throw LiveError.notFound }
        return contest.id
    }

    func room(_ id: Int) throws -> Room {
        if let room = rooms.withLock({ $0[id] }) { return room }
        guard let contest = try store.live(id: id) else { throw LiveError.notFound }
        let contents = try store.versions(contest.items.map { ($0.questionId, $0.version) })
        return rooms.withLock { all in
            if let raced = all[id] { return raced }
            let room = Room(contest: contest, contents: contents)
            all[id] = room
            return room
        }
    }

    /// Applies `change` under the room's lock, stores it, then wakes the requests waiting for it. If storing fails
    /// the room is dropped from memory, so the next request reloads what the database holds.
    @discardableResult
    private func mutate(_ id: Int, _ change: (LiveContest) throws -> LiveContest,
                        persist: (LiveContest) throws -> Void) throws -> LiveContest {
        _ = try room(id)
        let next: LiveContest = try rooms.withLock { all in
            guard var room = all[id] else { throw LiveError.notFound }
            room.contest = try change(room.contest)
            all[id] = room
            return room.contest
        }
        do {
            try persist(next)
        } catch {
            rooms.withLock { _ = $0.removeValue(forKey: id) }
            throw error
        }
        wake(id)
        return next
    }

    private func wake(_ id: Int) {
        let (room, due): (Room?, [Waiter]) = rooms.withLock { all in
            guard var room = all[id] else { return (nil, []) }
            let due = room.waiters.filter { Self.watched($0.host, room.contest) > $0.after }
            room.waiters.removeAll { Self.watched($0.host, room.contest) > $0.after || $0.deferred.isCompleted }
            all[id] = room
            return (room, due)
        }
        guard let room else { return }
        for w in due { w.deferred.complete(view(room, host: w.host, playerId: w.playerId)) }
    }

    func view(_ room: Room, host: Bool, playerId: Int?) -> Response {
        .json(LiveViewDTO(room, host: host, playerId: playerId, now: clock.nowMillis()))
    }
}
