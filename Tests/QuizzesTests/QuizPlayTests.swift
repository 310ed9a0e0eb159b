import Draws
import Exams
import Questions
import Quizzes
import Testing

/// A round played the way a resident plays it: start, answer with instant feedback, finish, enter the draw.
@Suite struct QuizPlayTests {
    static let opens: Int64 = 1_800_000_000_000
    static let closes = opens + 7 * 86_400_000

    static func content(_ type: QuestionType, _ key: AnswerKey, options: [String] = []) -> QuestionContent {
        QuestionContent(type: type, stem: "题", options: options, key: key, explanation: "因为法律这样规定。",
                        basis: "《中华人民共和国宪法》第一条", quote: "中华人民共和国是……社会主义国家。", category: "宪法",
                        topics: ["国体"], difficulty: 2, audiences: ["resident"])
    }

    static let single = content(.single, .choice([1]), options: ["甲", "乙", "丙"])
    static let judge = content(.judge, .judge(true))
    static let pool = [PoolQuestion(id: 1, version: 1, type: .single, category: "宪法", difficulty: 2, optionCount: 3),
                       PoolQuestion(id: 2, version: 1, type: .judge, category: "宪法", difficulty: 1, optionCount: 0),
                       PoolQuestion(id: 3, version: 2, type: .judge, category: "宪法", difficulty: 1, optionCount: 0)]

    func round(perQuestion: Int? = nil, threshold: Double = 100) -> QuizRound {
        QuizRound(id: 7, settings: QuizRoundSettings(title: "宪法宣传周", opensAt: Self.opens, closesAt: Self.closes,
                                                     questionIds: [1, 2, 3], questionsPerEntry: 2, secondsPerQuestion: perQuestion,
                                                     entriesPerDay: 2, entriesPerRound: 3, drawThresholdPercent: threshold),
                  status: .published, commitment: nil)
    }

    func entry(_ items: [PaperItem], at start: Int64 = opens + 1000) -> QuizEntry {
        QuizEntry(id: 1, publicId: "E1", roundId: 7, deviceKey: "d", startedAt: start, items: items)
    }

    let items = [PaperItem(slot: 0, questionId: 1, version: 1, points: 1, optionOrder: [0, 1, 2]),
                 PaperItem(slot: 1, questionId: 2, version: 1, points: 1, optionOrder: [])]

    @Test func startsOnlyInsideTheWindowAndWithinTheDevicesLimits() {
        let r = round()
        #expect(throws: QuizError.notOpen) { try QuizRules.checkStart(r, now: Self.opens - 1, deviceEntriesToday: 0, deviceEntriesInRound: 0) }
        #expect(throws: QuizError.closed) { try QuizRules.checkStart(r, now: Self.closes, deviceEntriesToday: 0, deviceEntriesInRound: 0) }
        #expect(throws: QuizError.dailyLimit(2)) { try QuizRules.checkStart(r, now: Self.opens, deviceEntriesToday: 2, deviceEntriesInRound: 2) }
        #expect(throws: QuizError.roundLimit(3)) { try QuizRules.checkStart(r, now: Self.opens, deviceEntriesToday: 0, deviceEntriesInRound: 3) }
        #expect(throws: Never.self) { try QuizRules.checkStart(r, now: Self.opens, deviceEntriesToday: 1, deviceEntriesInRound: 2) }
        var draft = r
        draft.status = .draft
        #expect(throws: QuizError.notOpen) { try QuizRules.checkStart(draft, now: Self.opens + 1, deviceEntriesToday: 0, deviceEntriesInRound: 0) }
    }

    @Test func aSeedDrawsTheSameQuestionsEveryTimeAndOptionsKeepTheirLetters() throws {
        let a = try QuizRules.paper(round().settings, pool: Self.pool, seed: 42)
        #expect(a == (try QuizRules.paper(round().settings, pool: Self.pool, seed: 42)))
        #expect(a.count == 2 && Set(a.map(\.questionId)).count == 2)
        #expect(a.allSatisfy { $0.optionOrder == Array(0..<$0.optionOrder.count) })
        let seeds = (0..<40).map { try? QuizRules.paper(round().settings, pool: Self.pool, seed: UInt64($0)).map(\.questionId) }
        #expect(Set(seeds.compactMap { $0 }.map { $0.sorted() }).count > 1, "different seeds draw different questions")
        #expect(throws: QuizError.self) { try QuizRules.paper(round().settings, pool: Array(Self.pool.prefix(1)), seed: 1) }
    }

    @Test func eachAnswerIsJudgedOnceWithItsExplanationAndArticle() throws {
        let r = round()
        var e = entry(items)
        let right = try QuizRules.answer(e, round: r, slot: 0, response: .choice([1]), content: Self.single, now: Self.opens + 5000)
        #expect(right.answer.fraction == 1 && !right.replayed)
        let feedback = QuizRules.feedback(right.answer, item: items[0], content: Self.single)
        #expect(feedback.key == .choice([1]) && feedback.basis.contains("第一条") && !feedback.explanation.isEmpty)
        e.answers.append(right.answer)
        let replay = try QuizRules.answer(e, round: r, slot: 0, response: .choice([1]), content: Self.single, now: Self.opens + 9000)
        #expect(replay.replayed && replay.answer == right.answer, "a replayed request counts nothing twice")
        #expect(throws: QuizError.alreadyAnswered) {
            try QuizRules.answer(e, round: r, slot: 0, response: .choice([2]), content: Self.single, now: Self.opens + 9000)
        }
        #expect(throws: QuizError.notInEntry(5)) {
            try QuizRules.answer(e, round: r, slot: 5, response: .judge(true), content: Self.judge, now: Self.opens + 9000)
        }
        let wrong = try QuizRules.answer(e, round: r, slot: 1, response: .judge(false), content: Self.judge, now: Self.opens + 12000)
        #expect(wrong.answer.fraction == 0)
        e.answers.append(wrong.answer)
        #expect(e.percent == 50 && e.correctCount == 1)
    }

    @Test func answersAfterTheCloseOrTheTimePerQuestionDoNotScore() throws {
        let e = entry(items, at: Self.closes - 60_000)
        #expect(throws: Never.self) {
            try QuizRules.answer(e, round: round(), slot: 1, response: .judge(true), content: Self.judge,
                                 now: Self.closes + QuizRules.graceMillis - 1)
        }
        #expect(throws: QuizError.closed) {
            try QuizRules.answer(e, round: round(), slot: 1, response: .judge(true), content: Self.judge, now: Self.closes + QuizRules.graceMillis)
        }
        let timed = round(perQuestion: 20)
        let onTime = try QuizRules.answer(e, round: timed, slot: 1, response: .judge(true), content: Self.judge,
                                          now: e.startedAt + 20_000 + QuizRules.graceMillis)
        #expect(onTime.answer.fraction == 1 && !onTime.answer.late)
        let late = try QuizRules.answer(e, round: timed, slot: 1, response: .judge(true), content: Self.judge,
                                        now: e.startedAt + 20_001 + QuizRules.graceMillis)
        #expect(late.answer.fraction == 0 && late.answer.late)
        // After an answer, the next question's clock starts once the resident has had time to read the explanation.
        var second = e
        second.answers = [QuizAnswer(slot: 0, response: .choice([1]), fraction: 1, answeredAt: e.startedAt + 10_000)]
        let afterReading = try QuizRules.answer(second, round: timed, slot: 1, response: .judge(true), content: Self.judge,
                                                now: e.startedAt + 10_000 + QuizRules.readingMillis + 20_000)
        #expect(!afterReading.answer.late)
    }

    @Test func onlyFinishedEntriesAtTheThresholdWithAPhoneAndNoOpenFlagAreInTheDraw() {
        var e = entry(items)
        e.answers = [QuizAnswer(slot: 0, response: .choice([1]), fraction: 1, answeredAt: Self.opens + 5000),
                     QuizAnswer(slot: 1, response: .judge(true), fraction: 1, answeredAt: Self.opens + 9000)]
        #expect(!e.isEligible(thresholdPercent: 100), "not finished")
        e.finishedAt = Self.opens + 10_000
        #expect(!e.isEligible(thresholdPercent: 100), "no participant")
        e.participant = Participant(nickname: "老王", phone: "13800138000", regionId: 3)
        #expect(e.isEligible(thresholdPercent: 100))
        e.flags = [QuizFlag(.tooFast, "快")]
        #expect(!e.isEligible(thresholdPercent: 100))
        e.review = .cleared
        #expect(e.isEligible(thresholdPercent: 100))
        e.review = .excluded
        #expect(!e.isEligible(thresholdPercent: 100))
        e.review = nil
        e.flags = []
        e.answers[1].fraction = 0
        #expect(!e.isEligible(thresholdPercent: 100) && e.isEligible(thresholdPercent: 50))
    }
}

@Suite struct QuizAbuseAndLeaderboardTests {
    func entry(answerGaps: [Int64], phone: String? = "13800138000") -> QuizEntry {
        var at: Int64 = 1_000
        let answers = answerGaps.enumerated().map { i, gap -> QuizAnswer in
            at += gap
            return QuizAnswer(slot: i, response: .judge(true), fraction: 1, answeredAt: at)
        }
        return QuizEntry(id: 1, publicId: "E", roundId: 1, deviceKey: "d", startedAt: 1_000, items: [], answers: answers,
                         finishedAt: at, participant: phone.map { Participant(nickname: "n", phone: $0, regionId: 1) })
    }

    @Test func answeringFasterThanAnyoneReadsIsFlaggedNotRescored() {
        let bot = AbuseRules.flags(for: entry(answerGaps: [300, 400, 350, 500, 200]), phonesOnDevice: [])
        #expect(bot.map(\.kind) == [.tooFast])
        #expect(AbuseRules.flags(for: entry(answerGaps: [4000, 300, 6000, 5000]), phonesOnDevice: []).isEmpty,
                "one quick answer among read ones is fine")
        #expect(AbuseRules.flags(for: entry(answerGaps: [100, 100]), phonesOnDevice: []).isEmpty, "too few answers to judge")
    }

    @Test func aDeviceThatRegistersSeveralPhonesIsFlagged() {
        let e = entry(answerGaps: [5000, 5000, 5000])
        #expect(AbuseRules.flags(for: e, phonesOnDevice: ["13800138000"]).isEmpty, "its own phone again is fine")
        #expect(AbuseRules.flags(for: e, phonesOnDevice: ["13800138000", "13900139000"]).map(\.kind) == [.sharedDevice])
    }

    @Test func regionsRollVillagesUpIntoTheirTownAndRankByEntries() {
        let regions = [RegionNode(id: 1, parentId: nil, name: "平安县", level: "county"),
                       RegionNode(id: 2, parentId: 1, name: "城关镇", level: "town"),
                       RegionNode(id: 3, parentId: 2, name: "东村", level: "village"),
                       RegionNode(id: 4, parentId: 2, name: "西村", level: "village"),
                       RegionNode(id: 5, parentId: 1, name: "河口乡", level: "town")]
        let scored = [ScoredEntry(publicId: "a", roundId: 1, nickname: "甲", regionId: 3, percent: 100, durationMillis: 30_000),
                      ScoredEntry(publicId: "b", roundId: 1, nickname: "乙", regionId: 4, percent: 50, durationMillis: 20_000),
                      ScoredEntry(publicId: "c", roundId: 1, nickname: "丙", regionId: 5, percent: 100, durationMillis: 10_000)]
        let standings = Leaderboard.regions(scored, regions: regions)
        let town = standings.first { $0.regionId == 2 }
        #expect(town?.entries == 2 && town?.meanPercent == 75 && town?.fullMarks == 1)
        #expect(standings.first?.regionId == 1 && standings.first?.entries == 3, "the county holds everyone")
        #expect(standings.map(\.regionId).firstIndex(of: 2)! < standings.map(\.regionId).firstIndex(of: 5)!)
        #expect(Leaderboard.top(scored, limit: 2).map(\.publicId) == ["c", "a"], "full marks, the faster first")
    }
}

@Suite struct QuizDrawTests {
    @Test func aRoundWithPrizesCommitsToItsRulesAndDrawsFromEligibleEntriesOnly() throws {
        let seed = DrawRules.PublicSeed(name: "中国福利彩票 双色球", issue: "2027010", drawDate: QuizDay.of(QuizPlayTests.closes + 86_400_000), howRead: "红球和蓝球号码")
        var settings = QuizRoundSettings(title: "宪法宣传周", opensAt: QuizPlayTests.opens, closesAt: QuizPlayTests.closes,
                                         questionIds: [1], questionsPerEntry: 1, prizes: [Prize(name: "普法读本", count: 2)])
        #expect(settings.problems().contains { $0.contains("公开随机数来源") })
        settings.publicSeed = DrawRules.PublicSeed(name: "双色球", issue: "1", drawDate: QuizDay.of(QuizPlayTests.opens), howRead: "")
        #expect(settings.problems().contains { $0.contains("开奖日期不能早于") }, "the lottery must be drawn after the close")
        settings.publicSeed = seed
        #expect(settings.problems().isEmpty, "\(settings.problems())")
        let round = QuizRound(id: 9, settings: settings, status: .published, commitment: nil)
        let rules = try #require(QuizDraw.rules(round))
        #expect(rules.commitment().count == 64)

        func finished(_ id: String, _ phone: String, percent: Double, flags: [QuizFlag] = []) -> QuizEntry {
            QuizEntry(id: 0, publicId: id, roundId: 9, deviceKey: id, startedAt: 0,
                      items: [PaperItem(slot: 0, questionId: 1, version: 1, points: 1, optionOrder: [])],
                      answers: [QuizAnswer(slot: 0, response: .judge(true), fraction: percent / 100, answeredAt: 5000)],
                      finishedAt: 6000, participant: Participant(nickname: id, phone: phone, regionId: 1), flags: flags)
        }
        let entries = [finished("E3", "13800000003", percent: 100), finished("E1", "13800000001", percent: 100),
                       finished("E2", "13800000002", percent: 0), finished("E4", "13800000004", percent: 100, flags: [QuizFlag(.tooFast, "快")]),
                       finished("E5", "13800000005", percent: 100)]
        let list = try QuizDraw.eligible(entries, round: round, regionNames: [1: "城关镇"])
        #expect(list.entries.map(\.entryId) == ["E1", "E3", "E5"])
        #expect(list.entries.allSatisfy { $0.maskedPhone.contains("****") && $0.region == "城关镇" })
        let result = try Draw.run(rules: rules, eligible: list, publicValue: .numbers([3, 9, 14, 22, 27, 31, 6]))
        #expect(result.winners.count == 2)
        #expect(result == (try Draw.run(rules: rules, eligible: list, publicValue: .numbers([3, 9, 14, 22, 27, 31, 6]))))
        #expect(Draw.verify(rules: rules, eligible: list, publicValue: .numbers([3, 9, 14, 22, 27, 31, 6]), published: result).isEmpty)
    }

    @Test func beijingDaysTurnAtSixteenHundredUTC() {
        #expect(QuizDay.of(1_798_732_799_999) == "2026-12-31", "15:59:59.999 UTC on 12-31 is 23:59 in Beijing")
        #expect(QuizDay.of(1_798_732_800_000) == "2027-01-01")
        #expect(QuizDay.parse("2026-2-30") == nil && QuizDay.parse("2026-12-4") == "2026-12-04")
    }
}

@Suite struct QuizStatsTests {
    @Test func theFiguresCountDaysPlacesScoresAndTheHardestQuestion() {
        let items = [PaperItem(slot: 0, questionId: 10, version: 1, points: 1, optionOrder: []),
                     PaperItem(slot: 1, questionId: 20, version: 1, points: 1, optionOrder: [])]
        func entry(_ id: Int, day: Int64, right: [Double], region: Int?, finished: Bool = true) -> QuizEntry {
            QuizEntry(id: id, publicId: "E\(id)", roundId: 1, deviceKey: "d\(id)", startedAt: 1_798_732_800_000 + day * 86_400_000,
                      items: items, answers: right.enumerated().map { QuizAnswer(slot: $0.offset, response: .judge(true), fraction: $0.element, answeredAt: 0) },
                      finishedAt: finished ? 1 : nil,
                      participant: region.map { Participant(nickname: "n", phone: "1380000000\(id)", regionId: $0) })
        }
        let regions = [RegionNode(id: 1, parentId: nil, name: "县", level: "county"), RegionNode(id: 2, parentId: 1, name: "镇", level: "town"),
                       RegionNode(id: 3, parentId: 2, name: "村", level: "village")]
        let stats = QuizStats.build(entries: [entry(1, day: 0, right: [1, 1], region: 3), entry(2, day: 0, right: [1, 0], region: 3),
                                              entry(3, day: 1, right: [0, 0], region: nil), entry(4, day: 1, right: [1], region: nil, finished: false)],
                                    regions: regions, readers: [2, 3])
        #expect(stats.entries == 4 && stats.finished == 3 && stats.withContact == 2 && stats.readMore == 2)
        #expect(stats.byDay.map(\.day) == ["2027-01-01", "2027-01-02"] && stats.byDay.map(\.entries) == [2, 2])
        #expect(stats.distribution[9] == 1 && stats.distribution[5] == 1 && stats.distribution[0] == 1)
        #expect(stats.questions.first?.questionId == 20 && stats.questions.first?.facility == 1.0 / 3, "the hardest question first")
        #expect(stats.byRegion.map(\.name) == ["镇", "村"] || stats.byRegion.map(\.name) == ["村", "镇"])
        #expect(stats.byRegion.allSatisfy { $0.entries == 2 })
    }
}
