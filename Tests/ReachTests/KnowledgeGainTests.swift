import Audience
import Reach
import Testing

/// A constructed campaign whose true effect is known: 40 readers go from 0.45 to 0.65 (+0.20), 40 unreached stay at
/// 0.45, with spread so the intervals are not degenerate.
private func constructed(retentionFor readers: Int = 40) -> [PersonMarks] {
    (0..<40).map { i in
        // Base accuracy 0.4 or 0.5 over 10 answers; readers gain exactly 2 of 10 right afterwards.
        let base = 4 + Double(i % 2)
        return PersonMarks(profileId: i, group: .reader, referenceDay: "2026-11-02",
                           before: Tally(answered: 10, correct: base), after: Tally(answered: 10, correct: base + 2),
                           retention: i < readers ? Tally(answered: 10, correct: base + 1) : Tally())
    } + (0..<40).map { i in
        let base = 4 + Double(i % 2)
        return PersonMarks(profileId: 100 + i, group: .holdout, referenceDay: "2026-11-02",
                           before: Tally(answered: 10, correct: base), after: Tally(answered: 10, correct: base))
    }
}

@Test func theKnownGainIsFoundInEveryEstimate() {
    let r = KnowledgeGain.report(constructed())
    #expect(r.readers.estimate.n == 40)
    #expect(abs(r.readers.estimate.difference - 0.2) < 1e-9)
    #expect(abs(r.readers.before! - 0.45) < 1e-9 && abs(r.readers.after! - 0.65) < 1e-9)
    let vs = r.vsHoldout!
    #expect(vs.estimate.n == 40 && vs.estimate.comparisonN == 40)
    #expect(abs(vs.estimate.difference - 0.2) < 1e-9 && vs.estimate.low < 0.2 && vs.estimate.high > 0.2 && vs.estimate.low > 0)
    #expect(abs(vs.treated! - 0.65) < 1e-9 && abs(vs.holdout! - 0.45) < 1e-9)
    #expect(abs(r.retention!.estimate.difference - 0.1) < 1e-9)
    #expect(r.notEnoughData.isEmpty)
}

@Test(arguments: [
    // (people, minimum answers, which estimates lack data)
    ([PersonMarks](), 1, ["readers", "holdout", "retention"]),
    ([PersonMarks(profileId: 1, group: .reader, referenceDay: "2026-11-02", before: Tally(answered: 3, correct: 1),
                  after: Tally(answered: 3, correct: 2))], 1, ["readers", "holdout", "retention"]),
    // Answers only on one side: nobody pairs.
    ((0..<5).map { PersonMarks(profileId: $0, group: .reader, referenceDay: "2026-11-02", after: Tally(answered: 4, correct: 4)) }
        + (0..<5).map { PersonMarks(profileId: 10 + $0, group: .holdout, referenceDay: "2026-11-02", after: Tally(answered: 4, correct: 2)) },
     1, ["readers", "retention"]),
] as [([PersonMarks], Int, [String])])
func tooLittleDataIsSaidSo(people: [PersonMarks], minimum: Int, missing: [String]) {
    let r = KnowledgeGain.report(people, minimumAnswers: minimum)
    #expect(r.notEnoughData.keys.sorted() == missing.sorted())
    #expect(!r.readers.estimate.isDefined || !missing.contains("readers"))
}

@Test func theMinimumNumberOfAnswersLeavesPeopleOut() {
    // Every reader has 10 answers on each side: a minimum of 11 leaves them all out, 10 keeps them.
    #expect(KnowledgeGain.report(constructed(), minimumAnswers: 10).readers.estimate.n == 40)
    let r = KnowledgeGain.report(constructed(), minimumAnswers: 11)
    #expect(r.readers.estimate.n == 0 && r.notEnoughData["readers"] != nil && r.readers.before == nil)
}

@Test func identicalPeopleGiveAZeroWidthInterval() {
    let same = (0..<5).map { PersonMarks(profileId: $0, group: .reader, referenceDay: "2026-11-02",
                                         before: Tally(answered: 2, correct: 1), after: Tally(answered: 2, correct: 2)) }
    let e = KnowledgeGain.report(same).readers.estimate
    #expect(e.n == 5 && e.difference == 0.5 && e.low == 0.5 && e.high == 0.5)
}

@Test func withoutACampaignThereIsNoHoldout() {
    let r = KnowledgeGain.report(constructed().filter { $0.group == .reader }, hasHoldout: false)
    #expect(r.vsHoldout == nil && r.notEnoughData["holdout"] != nil && r.readers.estimate.isDefined)
}

@Test func noRetentionYetIsNil() {
    let r = KnowledgeGain.report(constructed(retentionFor: 0))
    #expect(r.retention == nil && r.notEnoughData["retention"] != nil)
}

@Test func theWindowsLeaveOutTheReferenceDay() {
    let days: [(day: String, answered: Int, correct: Double)] = [
        ("2026-10-30", 2, 1), ("2026-11-01", 2, 0), ("2026-11-02", 5, 5), ("2026-11-03", 4, 3), ("2026-11-08", 1, 1), ("2026-11-09", 3, 3),
    ]
    let w = KnowledgeGain.split(days, referenceDay: "2026-11-02")
    #expect(w.before == Tally(answered: 4, correct: 1))
    #expect(w.after == Tally(answered: 8, correct: 7))
    #expect(w.retention == Tally(answered: 3, correct: 3))
    #expect(BeijingDay.shift("2026-11-30", by: 1) == "2026-12-01" && BeijingDay.shift("2026-12-28", by: 7) == "2027-01-04")
}
