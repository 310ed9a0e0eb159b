import Exams
import Questions
import Testing

@Suite struct ExamClockTests {
    let minute: Int64 = 60_000

    @Test func theDeadlineIsStartPlusDurationButNeverAfterClose() {
        #expect(ExamClock.deadline(startedAt: 0, durationMinutes: 60, extraMinutes: 0, closesAt: 120 * minute) == 60 * minute)
        #expect(ExamClock.deadline(startedAt: 100 * minute, durationMinutes: 60, extraMinutes: 0, closesAt: 120 * minute) == 120 * minute)
        #expect(ExamClock.deadline(startedAt: 0, durationMinutes: 60, extraMinutes: 15, closesAt: 999 * minute) == 75 * minute)
    }

    @Test func savesAreAcceptedUntilTheGraceEndsAndNotAMillisecondLater() {
        let deadline: Int64 = 1_000_000
        #expect(ExamClock.acceptsSave(now: deadline, deadline: deadline))
        #expect(ExamClock.acceptsSave(now: deadline + ExamClock.graceMillis, deadline: deadline))
        #expect(!ExamClock.acceptsSave(now: deadline + ExamClock.graceMillis + 1, deadline: deadline))
        #expect(!ExamClock.isExpired(now: deadline + ExamClock.graceMillis, deadline: deadline))
        #expect(ExamClock.isExpired(now: deadline + ExamClock.graceMillis + 1, deadline: deadline))
    }

    @Test func startingNeedsAnOpenWindowAndAnAttemptLeft() {
        #expect(ExamClock.canStart(now: 9, opensAt: 10, closesAt: 20, attemptsUsed: 0, attemptsAllowed: 1) == .notOpenYet)
        #expect(ExamClock.canStart(now: 10, opensAt: 10, closesAt: 20, attemptsUsed: 0, attemptsAllowed: 1) == .allowed)
        #expect(ExamClock.canStart(now: 20, opensAt: 10, closesAt: 20, attemptsUsed: 0, attemptsAllowed: 1) == .closed)
        #expect(ExamClock.canStart(now: 15, opensAt: 10, closesAt: 20, attemptsUsed: 1, attemptsAllowed: 1) == .noAttemptsLeft)
    }
}

@Suite struct PaperTests {
    let pool = (1...30).map { i in
        PoolQuestion(id: i, version: 1, type: i % 3 == 0 ? .judge : .single, category: i <= 15 ? "宪法/国家机构" : "民法典/总则编",
                     difficulty: i % 2 + 1, optionCount: i % 3 == 0 ? 0 : 4)
    }

    @Test func theSameSeedGivesTheSamePaperAndOthersDiffer() throws {
        let spec = PaperSpec.blueprint([BlueprintRule(category: "宪法", type: .single, count: 5, points: 2),
                                        BlueprintRule(category: "民法典", type: .judge, count: 3, points: 1)])
        let a = try PaperBuilder.build(spec, pool: pool, shuffleQuestions: true, shuffleOptions: true, seed: 42)
        #expect(a == (try PaperBuilder.build(spec, pool: pool, shuffleQuestions: true, shuffleOptions: true, seed: 42)))
        #expect(a != (try PaperBuilder.build(spec, pool: pool, shuffleQuestions: true, shuffleOptions: true, seed: 43)))
        #expect(a.count == 8 && Set(a.map(\.questionId)).count == 8, "no duplicates")
        #expect(a.map(\.points).reduce(0, +) == 13)
        #expect(a.allSatisfy { $0.optionOrder.sorted() == Array(0..<$0.optionOrder.count) }, "option orders are permutations")
    }

    @Test func aBlueprintThatAsksForMoreThanThePoolHasSaysWhich() {
        #expect(throws: PaperError.notEnough(rule: 0, wanted: 50, available: 10)) {
            try PaperBuilder.build(.blueprint([BlueprintRule(category: "宪法", type: .single, count: 50, points: 1)]),
                                   pool: pool, shuffleQuestions: false, shuffleOptions: false, seed: 1)
        }
    }

    @Test func aFixedPaperKeepsItsOrderWhenNotShuffled() throws {
        let paper = try PaperBuilder.build(.fixed([FixedItem(questionId: 7, points: 2), FixedItem(questionId: 3, points: 1)]),
                                           pool: pool, shuffleQuestions: false, shuffleOptions: false, seed: 9)
        #expect(paper.map(\.questionId) == [7, 3] && paper[0].optionOrder == [0, 1, 2, 3])
        #expect(throws: PaperError.missingQuestion(99)) {
            try PaperBuilder.build(.fixed([FixedItem(questionId: 99, points: 1)]), pool: pool, shuffleQuestions: false,
                                   shuffleOptions: false, seed: 1)
        }
    }
}

@Suite struct ExamGradingTests {
    let single = QuestionContent(type: .single, stem: "s", options: ["a", "b", "c", "d"], key: .choice([1]), explanation: "e", basis: "b")
    let judge = QuestionContent(type: .judge, stem: "j", key: .judge(true), explanation: "e", basis: "b")

    @Test func answersInShuffledPositionsAreGradedAgainstTheOriginalKey() {
        // Shown order: d, b, a, c — the key "b" is shown in position 1.
        let paper = [PaperItem(slot: 0, questionId: 1, version: 1, points: 2, optionOrder: [3, 1, 0, 2]),
                     PaperItem(slot: 1, questionId: 2, version: 1, points: 1, optionOrder: [])]
        let responses = [SavedResponse(slot: 0, seq: 3, response: .choice([1]), savedAt: 0),
                         SavedResponse(slot: 1, seq: 4, response: .judge(false), savedAt: 0)]
        let grade = ExamGrader.grade(paper: paper, versions: [1: single, 2: judge], responses: responses, scoring: .allOrNothing)
        #expect(grade.score == 2 && grade.maxScore == 3)
        #expect(grade.passed(passPercent: 60) && !grade.passed(passPercent: 70))
        #expect(ExamGrader.shuffle([1], [3, 1, 0, 2]) == [1])
    }

    @Test func theGradeIsReproducibleFromStoredResponsesAndVersions() {
        let paper = (0..<20).map { PaperItem(slot: $0, questionId: $0 % 2 + 1, version: 1, points: 1, optionOrder: [2, 0, 3, 1]) }
        var rng = SplitMix64(seed: 7)
        let responses = (0..<20).map { slot in
            SavedResponse(slot: slot, seq: Int64(slot + 1),
                          response: slot % 2 == 0 ? .choice([Int(rng.next() % 4)]) : .judge(rng.next() % 2 == 0), savedAt: 0)
        }
        let once = ExamGrader.grade(paper: paper, versions: [1: single, 2: judge], responses: responses, scoring: .partial)
        let again = ExamGrader.grade(paper: paper, versions: [1: single, 2: judge], responses: responses.reversed(), scoring: .partial)
        #expect(once == again)
    }

    @Test func theReceiptTextCoversEveryStoredAnswerInSlotOrder() {
        let r = [SavedResponse(slot: 1, seq: 5, response: .judge(true), savedAt: 9), SavedResponse(slot: 0, seq: 2, response: .choice([2, 0]), savedAt: 8)]
        #expect(Receipt.canonicalText(attemptId: 4, submittedAt: 100, responses: r) == "attempt:4\nsubmitted:100\n0:2:c0,2\n1:5:t")
    }
}

@Suite struct ExamReportTests {
    func attempt(_ user: Int, _ score: Double, passed: Bool, number: Int = 1) -> AttemptRecord {
        AttemptRecord(id: user * 10 + number, examId: 1, userId: user, number: number, state: .submitted, startedAt: 0, deadline: 0,
                      submittedAt: 1, submittedBy: .candidate, ownerClient: nil, score: score, maxScore: 100, passed: passed,
                      digest: nil, items: [])
    }

    @Test func unitsRollUpTheirSubUnitsAndRatesUseTheRosterAsDenominator() {
        let units = [(id: 1, parentId: Int?.none, name: "县政府"), (id: 2, parentId: Int?(1), name: "司法局"), (id: 3, parentId: Int?(1), name: "公安局")]
        func entry(_ id: Int, _ unit: Int) -> RosterEntry { RosterEntry(userId: id, username: "u\(id)", displayName: "", unitId: unit, unitName: nil) }
        let rows: [(entry: RosterEntry, attempts: [AttemptRecord])] = [
            (entry(1, 2), [attempt(1, 90, passed: true)]),
            (entry(2, 2), [attempt(2, 40, passed: false), attempt(2, 70, passed: true, number: 2)]),
            (entry(3, 3), []),
            (entry(4, 3), [attempt(4, 55, passed: false)]),
        ]
        let report = ExamReportBuilder.build(rows: rows, units: units, counting: .highest)
        let county = report.units.first { $0.unitId == 1 }!, justice = report.units.first { $0.unitId == 2 }!
        #expect(county.onRoster == 4 && county.took == 3 && county.passed == 2)
        #expect(county.participationRate == 75 && county.passRate.map { abs($0 - 200.0 / 3) < 1e-9 } == true,
                "participation over the roster, pass rate over those who took it")
        #expect(justice.onRoster == 2 && justice.passed == 2 && justice.mean == 80, "the highest attempt counts")
        #expect(county.depth == 0 && justice.depth == 1)
        #expect(report.total.onRoster == 4 && report.total.median == 70)
        #expect(county.distribution[9] == 1 && county.distribution[7] == 1 && county.distribution[5] == 1)
        let last = ExamReportBuilder.build(rows: rows, units: units, counting: .last)
        #expect(last.units.first { $0.unitId == 2 }!.mean == 80)
    }
}
