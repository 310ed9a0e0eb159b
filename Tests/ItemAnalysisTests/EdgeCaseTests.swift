import ItemAnalysis
import Testing
import TestSupport

/// Too few attempts, no spread, one question, rounding noise and bad matrices: nil where Moodle cannot compute a
/// statistic, an error where the input is wrong, and never NaN or a crash.
@Suite struct EdgeCaseTests {
    @Test func noAttemptsLeaveOnlyTheIntendedWeights() throws {
        let (questions, test) = try analyse([], max: [1, 3])
        expectClose(questions[0], QuestionStatistics(intendedWeight: 25))
        expectClose(questions[1], QuestionStatistics(intendedWeight: 75))
        #expect(test == TestStatistics(attempts: 0))
    }

    @Test func oneAttemptHasAFacilityAndAMeanButNoSpread() throws {
        let (questions, test) = try analyse([[1, 0.5]], max: [1, 2], guess: [0.25, nil])
        expectClose(questions[0], QuestionStatistics(facility: 100, randomGuessScore: 25, intendedWeight: 100.0 / 3))
        expectClose(questions[1], QuestionStatistics(facility: 25, intendedWeight: 200.0 / 3))
        #expect(test == TestStatistics(attempts: 1, mean: 1.5, median: 1.5))
    }

    @Test func twoAttemptsHaveAnSdButLikeMoodleNoSkewnessOrCIC() throws {
        // Moodle computes skewness, CIC, error ratio and standard error only from 3 attempts on.
        let (questions, test) = try analyse([[1, 1], [0, 0]], max: [1, 1])
        #expect(close(questions[0].discriminationIndex, 100))
        #expect(close(test.sd, 2.0.squareRoot()))
        #expect(test.skewness == nil && test.kurtosis == nil && test.cic == nil && test.errorRatio == nil
                && test.standardError == nil)
    }

    @Test func threeAttemptsHaveASkewnessButNoKurtosis() throws {
        let (_, test) = try analyse([[1, 1], [0, 1], [0, 0]], max: [1, 1])
        #expect(test.skewness != nil && test.kurtosis == nil && test.cic != nil)
    }

    @Test func aOneQuestionTestHasNoRestToDiscriminateAgainst() throws {
        let (questions, test) = try analyse([[1], [0], [1], [1]], max: [1])
        expectClose(questions[0], QuestionStatistics(facility: 75, sd: 50, intendedWeight: 100, effectiveWeight: 100))
        #expect(test.cic == nil && test.errorRatio == nil && test.kurtosis != nil)
    }

    @Test func roundingNoiseInEqualTotalsIsNoSpread() throws {
        // 0.1 + 0.2 is 0.30000000000000004 in binary, 0.3 + 0 is 0.3: the same total, and it must count as such.
        let (questions, test) = try analyse([[0.1, 0.2], [0.2, 0.1], [0.3, 0]], max: [1, 1])
        #expect(test.sd == 0 && test.skewness == nil && test.cic == nil)
        #expect(questions.allSatisfy { $0.effectiveWeight == nil })
        #expect(close(questions[0].discriminationIndex, -100))
    }

    @Test func noStatisticIsEverNaN() throws {
        var random = SplitMix(seed: 7)
        for _ in 0..<300 {
            let attempts = Int.random(in: 0...6, using: &random)
            let max = (0..<Int.random(in: 1...4, using: &random)).map { _ in Double(Int.random(in: 1...3, using: &random)) }
            // Few distinct values, so constant columns and equal totals come up often.
            let marks = (0..<attempts).map { _ in max.map { Double(Int.random(in: 0...Int($0), using: &random)) } }
            let (questions, test) = try analyse(marks, max: max)
            let values = questions.flatMap { [$0.facility, $0.sd, $0.intendedWeight, $0.effectiveWeight,
                                              $0.discriminationIndex, $0.discriminativeEfficiency] }
                + [test.mean, test.median, test.sd, test.skewness, test.kurtosis, test.cic, test.errorRatio, test.standardError]
            #expect(values.allSatisfy { $0?.isFinite ?? true }, "\(marks) / \(max)")
        }
    }

    @Test func responseCountsPassThroughUntouched() throws {
        let counts = [[ResponseCount(option: "A", count: 2), ResponseCount(option: "B", count: 1)], nil]
        let m = try ItemMatrix(marks: [[1, 0], [1, 1], [0, 0]], maxMarks: [1, 1], responseCounts: counts)
        let (questions, _) = ItemAnalysis.analyse(m)
        #expect(questions.map(\.responseCounts) == counts)
    }

    @Test(arguments: [
        (marks: [[1.0]], max: [Double](), guess: [Double?]?.none, error: ItemAnalysisError.noQuestions),
        ([[1, 0], [1]], [1, 1], nil, .wrongRowLength(attempt: 1, found: 1, expected: 2)),
        ([[1]], [0], nil, .invalidMaxMark(question: 0, value: 0)),
        ([[1]], [-2], nil, .invalidMaxMark(question: 0, value: -2)),
        ([[0, 3]], [1, 2], nil, .invalidMark(attempt: 0, question: 1, value: 3, max: 2)),
        ([[0, -1]], [1, 2], nil, .invalidMark(attempt: 0, question: 1, value: -1, max: 2)),
        ([[Double.nan]], [1], nil, .invalidMark(attempt: 0, question: 0, value: .nan, max: 1)),
        ([[1]], [1], [0.5, 0.5], .wrongQuestionCount(what: "random guess scores", found: 2, expected: 1)),
        ([[1]], [1], [1.5], .invalidRandomGuess(question: 0, value: 1.5)),
    ])
    func aMalformedMatrixIsRefused(marks: [[Double]], max: [Double], guess: [Double?]?, error: ItemAnalysisError) {
        #expect {
            _ = try ItemMatrix(marks: marks, maxMarks: max, randomGuess: guess)
        } throws: { thrown in
            // NaN ≠ NaN, so compare what would be printed.
            (thrown as? ItemAnalysisError)?.description == error.description
        }
    }
}

