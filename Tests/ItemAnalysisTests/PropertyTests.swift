import ItemAnalysis
import Testing
import TestSupport

/// Invariances any correct item analysis has: the order of the attempts does not matter, and neither does the
/// unit the marks are counted in.
@Suite struct PropertyTests {
    static let matrices: [(marks: [[Double]], max: [Double])] = {
        var random = SplitMix(seed: 42)
        var found: [(marks: [[Double]], max: [Double])] = [
            (MoodleCrossCheckTests().marks, [1, 1, 2, 3, 1]),
            ([[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]], [1, 1, 1]),
        ]
        for _ in 0..<20 {
            let max = (0..<Int.random(in: 2...6, using: &random)).map { _ in Double(Int.random(in: 1...4, using: &random)) }
            let marks = (0..<Int.random(in: 4...30, using: &random)).map { _ in
                max.map { Double(Int.random(in: 0...Int($0 * 2), using: &random)) / 2 }
            }
            found.append((marks, max))
        }
        return found
    }()

    @Test func permutingTheAttemptsChangesNothing() throws {
        var random = SplitMix(seed: 1)
        for (marks, max) in Self.matrices {
            let original = try analyse(marks, max: max)
            for shuffled in [Array(marks.reversed()), marks.shuffled(using: &random), marks.shuffled(using: &random)] {
                let permuted = try analyse(shuffled, max: max)
                for q in max.indices { expectClose(permuted.questions[q], original.questions[q], "Q\(q + 1)") }
                expectClose(permuted.test, original.test)
            }
        }
    }

    @Test(arguments: [2.5, 0.1, 7.0, 100.0])
    func scalingMarksAndMaximaKeepsThePercentages(k: Double) throws {
        for (marks, max) in Self.matrices {
            let original = try analyse(marks, max: max)
            let scaled = try analyse(marks.map { $0.map { $0 * k } }, max: max.map { $0 * k })
            for q in max.indices { expectClose(scaled.questions[q], original.questions[q], "Q\(q + 1) ×\(k)") }
            // Shape statistics are unit-free; the rest are in marks and scale with them.
            let o = original.test
            expectClose(scaled.test, TestStatistics(
                attempts: o.attempts, mean: o.mean.map { $0 * k }, median: o.median.map { $0 * k }, sd: o.sd.map { $0 * k },
                skewness: o.skewness, kurtosis: o.kurtosis, cic: o.cic, errorRatio: o.errorRatio,
                standardError: o.standardError.map { $0 * k }))
        }
    }
}
