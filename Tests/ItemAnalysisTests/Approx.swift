import ItemAnalysis
import Testing

/// Both undefined, or both defined and equal up to rounding (relative to the size of the numbers).
func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return abs(x - y) <= tolerance * max(1, abs(x), abs(y))
    default: return false
    }
}

/// Every statistic of a question, named so a failure says which one differs.
func expectClose(_ actual: QuestionStatistics, _ expected: QuestionStatistics, _ label: String = "",
                 tolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) {
    let pairs: [(String, Double?, Double?)] = [
        ("facility", actual.facility, expected.facility), ("sd", actual.sd, expected.sd),
        ("randomGuessScore", actual.randomGuessScore, expected.randomGuessScore),
        ("intendedWeight", actual.intendedWeight, expected.intendedWeight),
        ("effectiveWeight", actual.effectiveWeight, expected.effectiveWeight),
        ("discriminationIndex", actual.discriminationIndex, expected.discriminationIndex),
        ("discriminativeEfficiency", actual.discriminativeEfficiency, expected.discriminativeEfficiency),
    ]
    for (name, a, e) in pairs {
        #expect(close(a, e, tolerance: tolerance), "\(label) \(name): \(String(describing: a)) ≠ \(String(describing: e))",
                sourceLocation: sourceLocation)
    }
    #expect(actual.weakDiscrimination == expected.weakDiscrimination, "\(label) weakDiscrimination",
            sourceLocation: sourceLocation)
    #expect(actual.responseCounts == expected.responseCounts, "\(label) responseCounts", sourceLocation: sourceLocation)
}

func expectClose(_ actual: TestStatistics, _ expected: TestStatistics, tolerance: Double = 1e-9,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.attempts == expected.attempts, sourceLocation: sourceLocation)
    let pairs: [(String, Double?, Double?)] = [
        ("mean", actual.mean, expected.mean), ("median", actual.median, expected.median), ("sd", actual.sd, expected.sd),
        ("skewness", actual.skewness, expected.skewness), ("kurtosis", actual.kurtosis, expected.kurtosis),
        ("cic", actual.cic, expected.cic), ("errorRatio", actual.errorRatio, expected.errorRatio),
        ("standardError", actual.standardError, expected.standardError),
    ]
    for (name, a, e) in pairs {
        #expect(close(a, e, tolerance: tolerance), "test \(name): \(String(describing: a)) ≠ \(String(describing: e))",
                sourceLocation: sourceLocation)
    }
}

func analyse(_ marks: [[Double]], max: [Double], guess: [Double?]? = nil) throws -> (questions: [QuestionStatistics], test: TestStatistics) {
    ItemAnalysis.analyse(try ItemMatrix(marks: marks, maxMarks: max, randomGuess: guess))
}
