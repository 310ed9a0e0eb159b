import Reach
import Testing

/// Constructed data with a known difference: the estimate finds it and its interval covers it.
@Test func readersAnsweringTwentyPointsBetterThanTheHoldoutIsFound() {
    // 200 readers at 0.5–0.9 and 200 unreached at 0.3–0.7: the same spread, shifted by exactly 0.2.
    let treated = (0..<200).map { 0.5 + Double($0 % 5) * 0.1 }
    let holdout = treated.map { $0 - 0.2 }
    let e = Effect.groupDifference(treated: treated, holdout: holdout)
    #expect(e.n == 200 && e.comparisonN == 200)
    #expect(abs(e.difference - 0.2) < 1e-9)
    // SD of {.5,.6,.7,.8,.9} (n−1 over 200 values) ≈ 0.1418; SE = sqrt(2 × 0.1418² / 200) ≈ 0.01418.
    #expect(abs((e.high - e.low) / 2 - 1.96 * 0.01418) < 0.0005)
    #expect(e.low > 0, "a real gain is distinguishable from none")
}

@Test func noDifferenceGivesAnIntervalAroundZero() {
    let a = (0..<100).map { Double($0 % 10) / 10 }
    let e = Effect.groupDifference(treated: a, holdout: a.reversed())
    #expect(abs(e.difference) < 1e-12 && e.low < 0 && e.high > 0)
}

@Test func beforeAndAfterForTheSamePeople() {
    // Everyone gains 0.1 except that half gain 0.3: mean 0.2.
    let pairs = (0..<50).map { i in (before: 0.4, after: i % 2 == 0 ? 0.5 : 0.7) }
    let e = Effect.pairedDifference(pairs)
    #expect(e.n == 50 && abs(e.difference - 0.2) < 1e-9 && e.low < 0.2 && e.high > 0.2 && e.low > 0.15)
    #expect(!Effect.pairedDifference([(0.1, 0.2)]).isDefined, "one person says nothing")
    #expect(!Effect.groupDifference(treated: [1, 1, 1], holdout: [0]).isDefined)
}
