import Database
import Exams
import Foundation
import Questions
import Quizzes

/// Live contests: the phase in one row, players and answers in their own rows, so a restart rebuilds the contest.
extension Store {
    public func createLive(_ contest: LiveContest, createdBy: Int?, now: Int64) throws -> LiveContest {
        let items = String(decoding: try JSONEncoder().encode(contest.items), as: UTF8.self)
        return try pool.write { db in
            do {
                try db.run(LiveSQL.insertContest, [contest.code, contest.title, items, contest.secondsPerQuestion, contest.speedScoring,
                                                   createdBy, now])
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw LiveError.invalid("竞赛码冲突，请重试 / the join code is taken; try again")
            }
            var stored = contest
            stored.id = Int(db.lastInsertRowID)
            return stored
        }
    }

    public func saveLiveStage(_ c: LiveContest) throws {
        try pool.write { db in
            _ = try db.run(LiveSQL.saveStage, [c.phase.rawValue, c.index, c.questionStartedAt, c.deadline, c.version, c.stage, c.id])
        }
    }

    public func insertLivePlayer(contestId: Int, player: LiveContest.Player) throws {
        try pool.write { db in _ = try db.run(LiveSQL.insertPlayer, [contestId, player.id, player.nickname, player.tokenDigest]) }
    }

    public func insertLiveAnswer(contestId: Int, player: Int, index: Int, _ answer: LiveAnswer) throws {
        let response = String(decoding: try JSONEncoder().encode(answer.response), as: UTF8.self)
        try pool.write { db in
            _ = try db.run(LiveSQL.insertAnswer, [contestId, player, index, response, answer.correct, answer.points, answer.elapsedMillis])
        }
    }

    public func live(id: Int) throws -> LiveContest? {
        try pool.read { db in try db.queryOne(LiveSQL.contestById, [id]).map { try Self.live(db, $0) } }
    }

    public func live(code: String) throws -> LiveContest? {
        try pool.read { db in try db.queryOne(LiveSQL.contestByCode, [code]).map { try Self.live(db, $0) } }
    }

    /// The newest contests, without their players (for the list).
    public func lives() throws -> [LiveContest] {
        try pool.read { db in try db.query(LiveSQL.contests).map { try Self.live(db, $0, withPlayers: false) } }
    }

    static func live(_ db: Connection, _ row: Row, withPlayers: Bool = true) throws -> LiveContest {
        let items = (try? JSONDecoder().decode([PaperItem].self, from: Data((row.string("items_json") ?? "[]").utf8))) ?? []
        var c = LiveContest(id: row.int("id") ?? 0, code: row.string("code") ?? "", title: row.string("title") ?? "", items: items,
                            secondsPerQuestion: row.int("seconds_per_question") ?? 20, speedScoring: row.bool("speed_scoring") ?? false)
        c.phase = LiveContest.Phase(rawValue: row.string("phase") ?? "") ?? .lobby
        c.index = row.int("idx") ?? -1
        c.questionStartedAt = row.int64("question_started_at")
        c.deadline = row.int64("deadline")
        c.version = row.int("version") ?? 1
        c.stage = row.int("stage") ?? 1
        guard withPlayers else { return c }
        var players = try db.query(LiveSQL.players, [c.id]).map {
            LiveContest.Player(id: $0.int("player_id") ?? 0, nickname: $0.string("nickname") ?? "",
                               tokenDigest: $0.string("token_digest") ?? "", score: 0, answers: [:])
        }
        let at = Dictionary(players.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for r in try db.query(LiveSQL.answers, [c.id]) {
            guard let i = r.int("player_id").flatMap({ at[$0] }), let index = r.int("idx"),
                  let response = try? JSONDecoder().decode(QuestionResponse.self, from: Data((r.string("response_json") ?? "").utf8)) else { continue }
            let answer = LiveAnswer(response: response, correct: r.bool("correct") ?? false, points: r.int("points") ?? 0,
                                    elapsedMillis: r.int64("elapsed_ms") ?? 0)
            players[i].answers[index] = answer
            players[i].score += answer.points
        }
        c.players = players
        // Answers since the last stage save still count: the version must not go backwards after a restart.
        c.version += players.reduce(0) { $0 + $1.answers.count } + players.count
        return c
    }
}
