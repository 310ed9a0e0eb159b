import ItemAnalysis
import Testing

/// Every statistic checked against a second, independent implementation of Moodle's definitions, written in Python
/// with numpy and scipy (a throwaway script, not in the repository): numpy.cov / numpy.corrcoef with ddof=1 for
/// variances, covariances and the discrimination index, numpy.cov of numpy.sort'ed columns for the maximum
/// covariance, numpy.median, scipy.stats.skew(bias=False) and scipy.stats.kurtosis(fisher=True, bias=False) for
/// the sample-corrected G1 and G2 (which are Moodle's k3/k2^1.5 and k4/k2²), and Cronbach's alpha as
/// p/(p−1)·(1 − Σ item variances / total variance). The expected numbers below are that script's output, pasted.
@Suite struct MoodleCrossCheckTests {
    // 15 attempts × 5 questions, max marks 1,1,2,3,1, marks in half-mark steps, drawn by the script from a
    // logistic model with numpy.random.default_rng(2024); Q5 was drawn to favour weaker candidates.
    let marks: [[Double]] = [
        [1.0, 0.0, 1.5, 2.0, 0.0], [1.0, 1.0, 2.0, 2.0, 0.0], [1.0, 0.5, 2.0, 2.5, 0.0], [0.5, 0.0, 1.0, 0.0, 0.5],
        [0.0, 0.0, 1.0, 0.5, 1.0], [1.0, 0.0, 0.5, 1.5, 0.5], [0.5, 1.0, 1.5, 2.5, 0.0], [0.5, 1.0, 1.5, 2.0, 0.0],
        [1.0, 1.0, 2.0, 3.0, 0.0], [1.0, 1.0, 1.5, 1.0, 0.0], [1.0, 0.5, 1.5, 3.0, 0.0], [0.0, 0.0, 0.5, 0.5, 0.5],
        [0.0, 0.0, 0.5, 0.5, 1.0], [1.0, 1.0, 2.0, 2.5, 0.0], [1.0, 0.0, 1.0, 0.5, 0.5],
    ]

    @Test func fifteenAttemptsMatchTheIndependentImplementation() throws {
        let (questions, test) = try analyse(marks, max: [1, 1, 2, 3, 1], guess: [0.25, 0.5, nil, nil, 0.5])
        let expected = [
            QuestionStatistics(facility: 70.0, sd: 41.40393356054125, randomGuessScore: 25, intendedWeight: 12.5,
                               effectiveWeight: 18.876925923440048, discriminationIndex: 55.08158115490396,
                               discriminativeEfficiency: 62.49999999999998),
            QuestionStatistics(facility: 46.666666666666664, sd: 48.05750523616275, randomGuessScore: 50, intendedWeight: 12.5,
                               effectiveWeight: 21.870711732166107, discriminationIndex: 67.91509540790992,
                               discriminativeEfficiency: 74.86033519553072),
            QuestionStatistics(facility: 66.66666666666666, sd: 27.817432013209338, intendedWeight: 25.0,
                               effectiveWeight: 24.939666275539185, discriminationIndex: 82.08383098649684,
                               discriminativeEfficiency: 87.28813559322033),
            QuestionStatistics(facility: 53.333333333333336, sd: 34.04012571554575, intendedWeight: 37.5,
                               effectiveWeight: 34.31269606885467, discriminationIndex: 73.10818700552579,
                               discriminativeEfficiency: 75.19083969465647),
            // Negative covariance with the total: no effective weight; the efficiency can pass −100% because the
            // most negative covariance these marks allow is larger in size than the most positive.
            QuestionStatistics(facility: 26.666666666666668, sd: 37.16116764786033, randomGuessScore: 50, intendedWeight: 12.5,
                               effectiveWeight: nil, discriminationIndex: -88.58609671033362,
                               discriminativeEfficiency: -111.86440677966101, weakDiscrimination: true),
        ]
        for (q, stats) in expected.enumerated() { expectClose(questions[q], stats, "Q\(q + 1)") }
        expectClose(test, TestStatistics(attempts: 15, mean: 4.366666666666666, median: 4.5, sd: 1.827045494259855,
                                         skewness: -0.2300168718771193, kurtosis: -1.4178307767759153,
                                         cic: 54.1191155492154, errorRatio: 67.73542976226297,
                                         standardError: 1.2375571174889743))
    }

    @Test func partialMarksAndAFullMarksQuestionMatchTheIndependentImplementation() throws {
        // Q2 (out of 2) was answered fully by all six; Q3 is uncorrelated with the rest (discrimination exactly 0).
        let (questions, test) = try analyse(
            [[1, 2, 0.5, 1], [0, 2, 0, 0], [1, 2, 1, 1], [0.5, 2, 0.5, 0], [1, 2, 0, 1], [0, 2, 1, 0]], max: [1, 2, 1, 1])
        let expected = [
            QuestionStatistics(facility: 58.333333333333336, sd: 49.15960401250875, intendedWeight: 20,
                               effectiveWeight: 37.0995220195443, discriminationIndex: 71.91949522280764,
                               discriminativeEfficiency: 83.33333333333334),
            QuestionStatistics(facility: 100, sd: 0, intendedWeight: 40, effectiveWeight: 0),
            QuestionStatistics(facility: 50, sd: 44.721359549995796, intendedWeight: 20, effectiveWeight: 23.66180818122055,
                               discriminationIndex: 0, discriminativeEfficiency: 0, weakDiscrimination: true),
            QuestionStatistics(facility: 50, sd: 54.77225575051661, intendedWeight: 20, effectiveWeight: 39.23866979923515,
                               discriminationIndex: 68.6802819743445, discriminativeEfficiency: 100),
        ]
        for (q, stats) in expected.enumerated() { expectClose(questions[q], stats, "Q\(q + 1)") }
        expectClose(test, TestStatistics(attempts: 6, mean: 3.5833333333333335, median: 3.5, sd: 1.1143009766964518,
                                         skewness: -0.14756294182638535, kurtosis: -1.1283275528129348,
                                         cic: 53.691275167785214, errorRatio: 68.05051420247666,
                                         standardError: 0.7582875444051551))
    }
}
