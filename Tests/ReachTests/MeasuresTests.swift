import Reach
import Testing

/// The measures' arithmetic: rates over nothing are undefined (never 0 %, never a crash); the funnel keeps its order.
@Test func ratesAreZeroSafeAndComputedFromTheirDefinitions() {
    var c = ReachCounts()
    let empty = Measures.values(c)
    for id in ["openRate", "readRate", "engagedTime", "finishRate", "taskCompletion", "quizConversion"] {
        #expect(empty[id] == .some(nil), "\(id) over nothing is undefined")
    }
    #expect(empty["reached"] == 0)
    c.targeted = 10; c.delivered = 8; c.reached = 5; c.reachedFromCampaigns = 4; c.personTimes = 7
    c.readers = 4; c.engagedSeconds = 100; c.finished = 2; c.quizzed = 1; c.passed = 1; c.taskAssignees = 3; c.tasksCompleted = 3
    let v = Measures.values(c)
    #expect(v["openRate"] == 0.5 && v["readRate"] == 0.8 && v["engagedTime"] == 25 && v["finishRate"] == 0.4)
    #expect(v["taskCompletion"] == 1 && v["quizConversion"] == 0.2 && v["personTimes"] == 7)
    #expect(Measures.funnel(c).map(\.count) == [10, 8, 5, 4, 2, 1, 1])
    #expect(Measures.rate(1, 0) == nil && Measures.rate(0, 3) == 0)
}

@Test func everyMeasureHasABilingualDefinitionAndAValue() {
    let values = Measures.values(ReachCounts())
    #expect(Set(Measures.definitions.map(\.id)) == Set(values.keys))
    for d in Measures.definitions { #expect(d.definition.contains("/ ") && !d.chinese.isEmpty && !d.english.isEmpty) }
}

@Test func rangesAreBeijingDaysWithinFourHundredDays() throws {
    // 2026-09-21 22:13 Beijing (14:13 UTC): the default is the 30 days ending that Beijing day.
    let now: Int64 = 1_790_000_000_000
    let r = try ReachRange.parse(from: nil, to: nil, now: now).get()
    #expect(r.to == "2026-09-21" && r.from == "2026-08-23" && r.days == 30 && !r.hourly)
    let one = try ReachRange.parse(from: "2026-09-22", to: "2026-09-22", now: now).get()
    #expect(one.startMillis == 1_790_006_400_000 && one.endMillis - one.startMillis == 86_400_000 && one.hourly && one.buckets.count == 24)
    #expect(one.buckets.first == "2026-09-22 00" && one.buckets.last == "2026-09-22 23")
    #expect(ReachRange.parse(from: "2026-02-29", to: nil, now: now) == .failure(.badDate("2026-02-29")))
    #expect(ReachRange.parse(from: "2024-02-29", to: "2024-03-01", now: now).map(\.days) == .success(2))
    #expect(ReachRange.parse(from: "2026-09-22", to: "2026-09-21", now: now) == .failure(.reversed))
    #expect(ReachRange.parse(from: "2025-08-16", to: "2026-09-20", now: now) == .failure(.tooLong(days: 401)))
    #expect(ReachRange.parse(from: "2025-08-17", to: "2026-09-20", now: now).map(\.days) == .success(400))
    #expect(ReachRange.parse(from: "2025-12-31", to: "2026-01-01", now: now).map(\.buckets.count) == .success(48))
    #expect(ReachRange.parse(from: "26-1-1", to: nil, now: now) == .failure(.badDate("26-1-1")))
}
