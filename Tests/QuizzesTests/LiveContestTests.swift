import Exams
import Questions
import Quizzes
import Testing

/// The live contest's state machine: lobby → question (countdown) → reveal → … → ended.
@Suite struct LiveContestTests {
    let judge = QuizPlayTests.judge
    let t0: Int64 = 1_000_000

    func contest(speed: Bool = true) -> LiveContest {
        LiveContest(id: 1, code: "123456", title: "宪法知识竞赛",
                    items: [PaperItem(slot: 0, questionId: 2, version: 1, points: 1, optionOrder: []),
                            PaperItem(slot: 1, questionId: 3, version: 1, points: 1, optionOrder: [])],
                    secondsPerQuestion: 20, speedScoring: speed)
    }

    @Test func speedScoringFollowsTheDocumentedFormula() {
        #expect(LiveRules.points(correct: true, elapsedMillis: 0, limitSeconds: 20, speed: true) == 1000)
        #expect(LiveRules.points(correct: true, elapsedMillis: 10_000, limitSeconds: 20, speed: true) == 750)
        #expect(LiveRules.points(correct: true, elapsedMillis: 20_000, limitSeconds: 20, speed: true) == 500)
        #expect(LiveRules.points(correct: true, elapsedMillis: 21_000, limitSeconds: 20, speed: true) == 500, "within the grace")
        #expect(LiveRules.points(correct: false, elapsedMillis: 1, limitSeconds: 20, speed: true) == 0)
        #expect(LiveRules.points(correct: true, elapsedMillis: 19_000, limitSeconds: 20, speed: false) == 1000)
    }

    @Test func theHostMovesEveryoneThroughTheQuestionsAndTheRankingFollows() throws {
        var c = contest()
        var (a, b) = (0, 0)
        (c, a) = try LiveRules.join(c, nickname: "甲", tokenDigest: "x")
        (c, b) = try LiveRules.join(c, nickname: "乙", tokenDigest: "y")
        #expect(throws: LiveError.wrongPhase(.lobby)) { try LiveRules.answer(c, player: a, index: 0, response: .judge(true), content: judge, now: t0) }
        let before = c.version
        c = try LiveRules.next(c, now: t0)
        #expect(c.phase == .question && c.index == 0 && c.deadline == t0 + 20_000 && c.version > before)
        c = try LiveRules.answer(c, player: a, index: 0, response: .judge(true), content: judge, now: t0 + 2_000)
        c = try LiveRules.answer(c, player: b, index: 0, response: .judge(true), content: judge, now: t0 + 10_000)
        #expect(throws: LiveError.alreadyAnswered) { try LiveRules.answer(c, player: a, index: 0, response: .judge(false), content: judge, now: t0 + 3_000) }
        #expect(throws: LiveError.notCurrent) { try LiveRules.answer(c, player: a, index: 1, response: .judge(true), content: judge, now: t0 + 3_000) }
        #expect(LiveRules.ranking(c).map { $0.player.nickname } == ["甲", "乙"], "the faster right answer leads")
        #expect(LiveRules.distribution(c, optionCount: 2) == [2, 0])
        c = try LiveRules.reveal(c)
        #expect(throws: LiveError.wrongPhase(.reveal)) { try LiveRules.answer(c, player: a, index: 0, response: .judge(true), content: judge, now: t0 + 3_000) }
        c = try LiveRules.next(c, now: t0 + 60_000)
        #expect(throws: LiveError.tooLate) {
            try LiveRules.answer(c, player: a, index: 1, response: .judge(true), content: judge, now: t0 + 60_000 + 20_000 + LiveRules.graceMillis + 1)
        }
        c = try LiveRules.answer(c, player: b, index: 1, response: .judge(true), content: judge, now: t0 + 61_000)
        c = try LiveRules.reveal(c)
        c = try LiveRules.next(c, now: t0 + 90_000)
        #expect(c.phase == .ended)
        let ranking = LiveRules.ranking(c)
        #expect(ranking.first?.player.nickname == "乙" && ranking.first?.player.score == 750 + 975)
    }

    @Test func equalScoresShareARank() throws {
        var c = contest(speed: false)
        for name in ["甲", "乙", "丙"] { c = try LiveRules.join(c, nickname: name, tokenDigest: name).0 }
        c = try LiveRules.next(c, now: t0)
        c = try LiveRules.answer(c, player: 1, index: 0, response: .judge(true), content: judge, now: t0 + 1)
        c = try LiveRules.answer(c, player: 2, index: 0, response: .judge(true), content: judge, now: t0 + 2)
        #expect(LiveRules.ranking(c).map(\.rank) == [1, 1, 3])
        #expect(throws: LiveError.self) { try LiveRules.join(c, nickname: "   ", tokenDigest: "z") }
    }
}
