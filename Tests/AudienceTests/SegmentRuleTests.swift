import Audience
import Testing

/// 2026-11-22 12:00 Beijing.
let now: Int64 = 1_795_320_000_000
let day: Int64 = 86_400_000

/// A county (region 1) with town 2 and its village 3; a bureau (unit 10) with a department 11.
let villager = ProfileFacts(
    id: 1, groups: [.resident, .villageExpert], unitPath: [], regionPath: [3, 2, 1], ageBand: .senior, occupation: "农民",
    interests: ["反诈", "继承"], lastActiveAt: now - 5 * day,
    topicDays: [
        .init(topic: "民法典·继承编", day: BeijingDay.of(now - 10 * day), answered: 4, correct: 1),
        .init(topic: "民法典·继承编", day: BeijingDay.of(now - 200 * day), answered: 10, correct: 10),
    ],
    reads: ["jicheng-basics": .init(firstAt: now - 40 * day, finishedAt: nil)])
let cadre = ProfileFacts(
    id: 2, isAccount: true, groups: [.leader], unitPath: [11, 10], regionPath: [1], ageBand: .middle,
    topicDays: [.init(topic: "公务员法·纪律", day: BeijingDay.of(now), answered: 5, correct: 5)],
    reads: ["official-duties": .init(firstAt: now - 2 * day, finishedAt: now - 2 * day)])

func rule(_ json: String) throws -> SegmentRule { try SegmentRule.parse(Array(json.utf8)) }

@Test(arguments: [
    (#"{"field":"group","in":["leader"]}"#, [false, true]),
    (#"{"field":"group","in":["village_expert","enforcer"]}"#, [true, false]),
    (#"{"field":"unit","within":[10]}"#, [false, true]),
    (#"{"field":"unit","within":[11]}"#, [false, true]),
    (#"{"field":"region","within":[2]}"#, [true, false]),
    (#"{"field":"region","within":[1]}"#, [true, true]),
    (#"{"field":"ageBand","in":["60+"]}"#, [true, false]),
    (#"{"field":"occupation","in":["农民","教师"]}"#, [true, false]),
    (#"{"field":"interest","in":["继承"]}"#, [true, false]),
    (#"{"field":"account","is":true}"#, [false, true]),
    // 1 of 4 right in the last 90 days; the 10/10 two hundred days ago is outside the window.
    (#"{"field":"accuracy","topic":"民法典·继承编","below":0.6,"days":90}"#, [true, false]),
    (#"{"field":"accuracy","topic":"民法典·继承编","below":0.6,"days":365}"#, [false, false]),
    (#"{"field":"accuracy","topic":"民法典·继承编","below":0.6,"days":90,"minAnswered":5}"#, [false, false]),
    (#"{"field":"accuracy","topic":"公务员法·纪律","atLeast":0.8,"days":1}"#, [false, true]),
    (#"{"field":"read","content":"jicheng-basics"}"#, [true, false]),
    (#"{"field":"read","content":"jicheng-basics","days":30}"#, [false, false]),
    (#"{"field":"finished","content":"official-duties"}"#, [false, true]),
    (#"{"not":{"field":"finished","content":"official-duties"}}"#, [true, false]),
    (#"{"field":"active","days":7}"#, [true, false]),
    (#"{"field":"active","days":3}"#, [false, false]),
    (#"{"all":[{"field":"region","within":[1]},{"not":{"field":"account","is":true}}]}"#, [true, false]),
    (#"{"any":[{"field":"ageBand","in":["35-59"]},{"field":"interest","in":["反诈"]}]}"#, [true, true]),
])
func ruleSemantics(_ json: String, _ expected: [Bool]) throws {
    let r = try rule(json)
    #expect([villager, cadre].map { r.matches($0, now: now) } == expected, "\(json)")
    #expect(try rule(r.json) == r, "the stored form reads back to the same rule")
}

@Test(arguments: [
    (#"{"field":"colour","in":["red"]}"#, "rule.field"),
    (#"{"all":[]}"#, "rule.all"),
    (#"{"any":[{"field":"group","in":["pirate"]}]}"#, "rule.any[0].in"),
    (#"{"all":[{"field":"unit","within":[0]}]}"#, "rule.all[0].within"),
    (#"{"field":"accuracy","topic":"x","days":30}"#, "rule"),
    (#"{"field":"accuracy","topic":"x","below":1.5,"days":30}"#, "rule.below"),
    (#"{"field":"active"}"#, "rule.days"),
    (#"{"not":{"all":[{"field":"group","in":["leader"]}]},"field":"x"}"#, "rule"),
    (#"[1,2]"#, "rule"),
    ("{", "rule"),
])
func badRulesNameTheirPlace(_ json: String, _ path: String) {
    #expect(throws: SegmentRuleError.self) { try rule(json) }
    do { _ = try SegmentRule.parse(Array(json.utf8)) } catch {
        if case .invalid(let p, _) = error { #expect(p == path, "\(json)") } else { Issue.record("\(error)") }
    }
}

@Test func deepAndCyclicRulesAreRefused() throws {
    var deep = #"{"field":"group","in":["leader"]}"#
    for _ in 0..<SegmentRule.maxDepth { deep = #"{"not":\#(deep)}"# }
    #expect(throws: SegmentRuleError.self) { try rule(deep) }

    let saved: [Int: SegmentRule] = [1: .segment(2), 2: .all([.groups([.youth]), .segment(1)]), 3: .groups([.leader])]
    #expect(throws: SegmentRuleError.cycle([1, 2, 1])) { try SegmentRule.segment(1).expanded { saved[$0] } }
    #expect(throws: SegmentRuleError.unknownSegment(9)) { try SegmentRule.segment(9).expanded { saved[$0] } }
    #expect(try SegmentRule.any([.segment(3), .groups([.youth])]).expanded { saved[$0] } == .any([.groups([.leader]), .groups([.youth])]))
}

@Test func holdoutIsStableAndNearItsPercentage() {
    let held = (1...10_000).filter { Holdout.isHeldOut(segment: 7, profile: $0, percent: 10) }.count
    #expect((850...1150).contains(held))
    #expect((1...10_000).allSatisfy { Holdout.isHeldOut(segment: 7, profile: $0, percent: 10) == (Holdout.bucket(segment: 7, profile: $0) < 10) })
    #expect(!(1...1000).contains { Holdout.isHeldOut(segment: 7, profile: $0, percent: 0) })
}

@Test func knowledgePointsComeFromCategoryAndTopics() {
    #expect(KnowledgePoints.of(category: "民法典/继承编/法定继承", topics: ["代位继承"]) == ["民法典", "民法典·继承编", "代位继承"])
    #expect(KnowledgePoints.of(category: "", topics: ["a"]) == ["a"])
}
