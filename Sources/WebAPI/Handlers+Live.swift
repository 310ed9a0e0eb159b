import Accounts
import Foundation
import HTTPServer
import Questions
import Quizzes

/// Live contests: the host (quizzes.manage) drives; phones join with the six-digit code; both long-poll for changes.
extension Handlers {
    func handleCreateLive(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(LiveInputDTO.self)
        let contest = try live.create(title: body.title, questionIds: body.questionIds, secondsPerQuestion: body.secondsPerQuestion ?? 20,
                                      speedScoring: body.speedScoring ?? true, by: try context.requireUser())
        return .json(LiveSummaryDTO(contest), status: 201)
    }

    func handleListLive(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ListDTO(items: try store.lives().map(LiveSummaryDTO.init)))
    }

    func handleLiveHostState(_ request: Request, _ context: AppContext) throws -> Response {
        try live.wait(try request.intParameter("id"), after: try intQuery(request, "after") ?? 0, host: true, playerId: nil)
    }

    func handleLiveControl(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(LiveControlBody.self)
        let contest = try live.control(try request.intParameter("id"), body.action)
        return try live.wait(contest.id, after: 0, host: true, playerId: nil)
    }

    func handleJoinLive(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(LiveJoinBody.self)
        let joined = try live.join(code: try request.parameter("code"), nickname: body.nickname, token: body.token)
        return .json(LiveJoinDTO(playerId: joined.playerId, token: joined.token, contestId: joined.contest.id), status: 201)
    }

    func handleLivePlayerState(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try live.contestId(code: try request.parameter("code"))
        let token = request.headers["X-Live-Token"] ?? request.query["token"] ?? ""
        let player = try live.player(try live.room(id).contest, token: token)
        return try live.wait(id, after: try intQuery(request, "after") ?? 0, host: false, playerId: player)
    }

    func handleLiveAnswer(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(QuizAnswerBody.self)
        let response: QuestionResponse
        do { response = try body.response.value() } catch { throw LiveError.invalid(error.description) }
        try live.answer(code: try request.parameter("code"), token: body.token, index: try request.intParameter("index"), response: response)
        return .json(["accepted": true])
    }
}

struct LiveInputDTO: Decodable { var title: String; var questionIds: [Int]; var secondsPerQuestion: Int?; var speedScoring: Bool? }
struct LiveControlBody: Decodable { var action: LiveService.Action }
struct LiveJoinBody: Decodable { var nickname: String; var token: String? }
struct LiveJoinDTO: Encodable { var playerId: Int; var token: String; var contestId: Int }

struct LiveSummaryDTO: Encodable {
    var id: Int
    var code: String
    var title: String
    var phase: LiveContest.Phase
    var questions: Int
    var secondsPerQuestion: Int
    var speedScoring: Bool

    init(_ c: LiveContest) {
        id = c.id; code = c.code; title = c.title; phase = c.phase; questions = c.items.count
        secondsPerQuestion = c.secondsPerQuestion; speedScoring = c.speedScoring
    }
}

/// What the big screen (host) or one phone sees. Keys appear only at the reveal; phones see themselves.
struct LiveViewDTO: Encodable {
    struct Question: Encodable { var type: QuestionType; var stem: String; var options: [String] }
    struct Reveal: Encodable { var key: ResponseDTO?; var explanation: String; var basis: String; var distribution: [Int] }
    struct Rank: Encodable { var rank: Int; var nickname: String; var score: Int }
    struct Me: Encodable {
        var playerId: Int; var nickname: String; var score: Int; var rank: Int
        var answered: Bool; var correct: Bool?; var points: Int?
    }

    var id: Int
    var code: String
    var title: String
    var phase: LiveContest.Phase
    var index: Int
    var total: Int
    var secondsPerQuestion: Int
    var speedScoring: Bool
    var deadline: Date?
    var serverTime: Date
    /// The same two moments in milliseconds, for a countdown finer than ISO's whole seconds.
    var deadlineMs: Int64?
    var serverTimeMs: Int64
    var version: Int
    var stage: Int
    var players: Int
    var answered: Int
    var question: Question?
    var reveal: Reveal?
    var ranking: [Rank]
    var me: Me?

    init(_ room: LiveService.Room, host: Bool, playerId: Int?, now: Int64) {
        let c = room.contest
        id = c.id; code = c.code; title = c.title; phase = c.phase; index = c.index; total = c.items.count
        secondsPerQuestion = c.secondsPerQuestion; speedScoring = c.speedScoring
        deadline = c.phase == .question ? c.deadline.map(Date.init(millis:)) : nil
        serverTime = Date(millis: now); version = c.version
        deadlineMs = c.phase == .question ? c.deadline : nil; serverTimeMs = now; stage = c.stage; players = c.players.count
        answered = c.players.filter { $0.answers[c.index] != nil }.count
        let content = c.items.indices.contains(c.index) ? room.contents[c.items[c.index].questionId] : nil
        if let content, c.phase == .question || c.phase == .reveal {
            question = Question(type: content.type, stem: content.stem, options: content.options)
        }
        if let content, c.phase == .reveal {
            reveal = Reveal(key: AttemptViewDTO.displayKey(content.key, c.items[c.index].optionOrder), explanation: OptionLetters.remap(content.explanation, order: c.items[c.index].optionOrder),
                            basis: content.basis, distribution: LiveRules.distribution(c, optionCount: content.options.count))
        }
        // While a question runs, its points stay hidden: ranks are those of the scores before it.
        var shown = c
        if c.phase == .question {
            for i in shown.players.indices { shown.players[i].score -= shown.players[i].answers[c.index]?.points ?? 0 }
        }
        let ranked = LiveRules.ranking(shown)
        ranking = (c.phase == .reveal || c.phase == .ended || host ? ranked.prefix(10) : [])
            .map { Rank(rank: $0.rank, nickname: $0.player.nickname, score: $0.player.score) }
        if let playerId, let mine = ranked.first(where: { $0.player.id == playerId }) {
            let answer = mine.player.answers[c.index]
            let revealed = c.phase == .reveal || c.phase == .ended
            me = Me(playerId: playerId, nickname: mine.player.nickname, score: mine.player.score, rank: mine.rank,
                    answered: answer != nil, correct: revealed ? answer?.correct : nil, points: revealed ? answer?.points : nil)
        }
    }
}
