import Audience
import Testing

/// A task due at `now` + 5 days with reminders 3 and 1 day before.
let plan = StudyPlan(deadline: now + 5 * day, remindDays: [1, 3, 3, 0], escalate: true)

@Test func stepsAreOrderedEarliestFirstWithoutRepeats() {
    #expect(plan.steps.map(\.name) == ["remind-3", "remind-1"])
    #expect(plan.steps.map(\.at) == [now + 2 * day, now + 4 * day])
}

@Test(arguments: [
    // (moment, last queued step, completed, expected step)
    (now, "", false, nil),
    (now + 2 * day, "", false, "remind-3"),
    (now + 2 * day, "remind-3", false, nil),
    (now + 4 * day, "remind-3", false, "remind-1"),
    // Missed steps are skipped: only the latest one due is queued.
    (now + 4 * day + 1, "", false, "remind-1"),
    (now + 4 * day, "remind-1", false, nil),
    (now + 4 * day, "", true, nil),
    (now + 5 * day, "", false, nil),
] as [(Int64, String, Bool, String?)])
func theDueReminderIsTheLatestStepNotYetQueued(_ at: Int64, _ reminded: String, _ completed: Bool, _ expected: String?) {
    #expect(plan.dueReminder(after: reminded, completed: completed, now: at) == expected)
}

@Test(arguments: [
    // (moment, current level, completed, levels due)
    (now + 5 * day - 1, 0, false, []),
    (now + 5 * day, 0, false, [1]),
    (now + 5 * day, 1, false, []),
    (now + 7 * day, 1, false, [2]),
    (now + 7 * day, 0, false, [1, 2]),
    (now + 7 * day, 2, false, []),
    (now + 7 * day, 0, true, []),
] as [(Int64, Int, Bool, [Int])])
func escalationComesAtTheDeadlineThenTwoDaysLater(_ at: Int64, _ current: Int, _ completed: Bool, _ expected: [Int]) {
    #expect(plan.escalationsDue(current: current, completed: completed, now: at) == expected)
}

@Test func aTaskWithoutEscalationNeverEscalates() {
    let quiet = StudyPlan(deadline: now, remindDays: [], escalate: false)
    #expect(quiet.escalationsDue(current: 0, completed: false, now: now + 10 * day).isEmpty)
    #expect(quiet.steps.isEmpty)
}

@Test(arguments: [
    // (claimed, last credited moment, expected credit)
    (15, nil, 15),
    (3600, nil, 20),               // a first report covers one interval plus slack
    (3600, now - 10 * 60_000, 60),  // never more than a minute in one report
    (12, now - 15_000, 12),
    (30, now - 15_000, 20),
    (-5, now - 15_000, 0),
] as [(Int, Int64?, Int)])
func aReportIsCappedByTheTimeElapsed(_ claimed: Int, _ lastAt: Int64?, _ expected: Int) {
    #expect(ReadingRules.credit(claimed: claimed, lastAt: lastAt, now: now).seconds == expected)
}

@Test func quickRepeatedReportsGainNoMoreThanTheSlack() {
    var lastAt: Int64? = nil
    var total = 0
    for _ in 0..<100 {
        let c = ReadingRules.credit(claimed: 3600, lastAt: lastAt, now: now)
        total += c.seconds
        lastAt = c.lastAt
    }
    #expect(total == 20, "one interval plus the slack, however many calls")
    let later = ReadingRules.credit(claimed: 15, lastAt: lastAt, now: now + 15_000)
    #expect(later.seconds == 15 - 5 + 5, "the slack used early is made up by wall time")
}

@Test func theDefaultMinimumFollowsTheLength() {
    #expect(ReadingRules.defaultMinimum(characters: 30) == 10)
    #expect(ReadingRules.defaultMinimum(characters: 1500) == 100)
    #expect(ReadingRules.defaultMinimum(characters: 50_000) == 300)
    #expect(ReadingRules.finished(seconds: 100, minimum: 100, scrollDepth: 0.95))
    #expect(!ReadingRules.finished(seconds: 100, minimum: 100, scrollDepth: 0.5))
    #expect(!ReadingRules.finished(seconds: 99, minimum: 100, scrollDepth: 1))
}

@Test func completionRollsUpTheUnitTree() {
    let units = [(id: 10, parentId: Int?.none, name: "司法局"), (id: 11, parentId: 10, name: "普法科"), (id: 12, parentId: 10, name: "办公室"),
                 (id: 20, parentId: nil, name: "公安局")]
    let people: [(unitId: Int?, completed: Bool)] = [(11, true), (11, false), (10, true), (nil, false)]
    let (rows, total) = TaskCompletion.rollup(people: people, units: units)
    #expect(rows.map(\.unitName) == ["司法局", "普法科", "（无单位）"])
    #expect(rows.map(\.assigned) == [3, 2, 1] && rows.map(\.completed) == [2, 1, 0])
    #expect(rows.map(\.depth) == [0, 1, 0])
    #expect(total.assigned == 4 && total.completed == 2 && total.rate == 50)
}
