import Audience
import Testing

/// What staff or a person may set on a profile, checked before it is stored.
@Test func attributesAreTrimmedAndRepeatsDropped() {
    let a = ProfileAttributes(occupation: "  农民 ", interests: [" 反诈", "反诈", "", "继承 "]).normalized
    #expect(a.occupation == "农民" && a.interests == ["反诈", "继承"])
    #expect(ProfileAttributes(occupation: "   ").normalized.occupation == nil)
}

@Test(arguments: [
    (ProfileAttributes(occupation: String(repeating: "长", count: 21)), "职业"),
    (ProfileAttributes(interests: (0...20).map { "兴趣\($0)" }), "兴趣最多"),
    (ProfileAttributes(interests: [String(repeating: "长", count: 21)]), "过长"),
    (ProfileAttributes(regionId: 9), "地区 9"),
    (ProfileAttributes(unitId: 8), "单位 8"),
])
func badAttributesAreNamed(_ a: ProfileAttributes, _ words: String) {
    let problems = a.problems(knownRegions: [1], knownUnits: [2])
    #expect(problems.count == 1 && problems[0].contains(words), "\(problems)")
}

@Test func goodAttributesPass() {
    let a = ProfileAttributes(groups: [.resident], ageBand: .senior, occupation: "教师", interests: ["反诈"], regionId: 1, unitId: 2)
    #expect(a.problems(knownRegions: [1], knownUnits: [2]).isEmpty)
}

@Test func ruleErrorsKeepTheirPlaceInEachLanguage() {
    let message = AudienceError.rule(.invalid(path: "rule.all[1].topic", reason: "应为文字 / must be text")).description
    let halves = message.components(separatedBy: " / ")
    #expect(halves.count == 2 && halves.allSatisfy { $0.contains("rule.all[1].topic") }, "\(message)")
    #expect(AudienceError.rule(.cycle([1, 2, 1])).description.contains("1 → 2 → 1"))
}
