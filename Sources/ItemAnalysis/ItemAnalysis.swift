/// Classical item analysis as Moodle's quiz statistics report computes it (question/classes/statistics/questions/
/// calculator.php for questions, mod/quiz/report/statistics/classes/calculator.php for the test), described at
/// https://docs.moodle.org/dev/Quiz_statistics_calculations. Pure: a matrix of marks in, statistics out. Called by
/// `pufa stats items` and, later, by the exam reports.
///
/// Every variance and covariance uses the sample (n − 1) denominator, as Moodle's does. Where Moodle divides by
/// zero or has too few attempts, the statistic is nil.
public enum ItemAnalysis {
    /// Discrimination index below which a question is flagged `weakDiscrimination` (percent).
    public static let weakDiscriminationThreshold = 30.0

    /// The statistics of every question, in the matrix's order, and of the test.
    public static func analyse(_ m: ItemMatrix) -> (questions: [QuestionStatistics], test: TestStatistics) {
        let testMax = m.maxMarks.reduce(0, +)
        let total = Centred(m.totals, scale: testMax)
        let rests = m.restTotals
        let n = Double(m.attemptCount)
        var questions: [QuestionStatistics] = []
        var sumOfMarkVariances = 0.0
        var covariancesWithTotal: [Double?] = []
        for q in 0..<m.questionCount {
            let max = m.maxMarks[q]
            let mark = Centred(m.column(q), scale: max)
            let rest = Centred(rests[q], scale: testMax)
            var stats = QuestionStatistics(
                facility: m.attemptCount > 0 ? 100 * mark.mean / max : nil,
                randomGuessScore: m.randomGuess[q].map { 100 * $0 },
                intendedWeight: 100 * max / testMax,
                responseCounts: m.responseCounts[q])
            var covarianceWithTotal: Double?
            if m.attemptCount > 1 {
                let markVariance = mark.sum(power: 2) / (n - 1)
                let restVariance = rest.sum(power: 2) / (n - 1)
                let covariance = mark.sumOfProducts(with: rest) / (n - 1)
                let covarianceMax = mark.sumOfSortedProducts(with: rest) / (n - 1)
                stats.sd = 100 * markVariance.squareRoot() / max
                if markVariance * restVariance != 0 {
                    stats.discriminationIndex = 100 * covariance / (markVariance * restVariance).squareRoot()
                }
                if covarianceMax != 0 { stats.discriminativeEfficiency = 100 * covariance / covarianceMax }
                sumOfMarkVariances += markVariance
                covarianceWithTotal = mark.sumOfProducts(with: total) / (n - 1)
            }
            stats.weakDiscrimination = (stats.discriminationIndex ?? .infinity) < weakDiscriminationThreshold
            questions.append(stats)
            covariancesWithTotal.append(covarianceWithTotal)
        }
        for (q, weight) in effectiveWeights(covariancesWithTotal).enumerated() { questions[q].effectiveWeight = weight }
        let test = testStatistics(total, values: m.totals, questionCount: m.questionCount,
                                  sumOfMarkVariances: sumOfMarkVariances)
        return (questions, test)
    }

    /// Moodle's effective weight: √cov(question, total) over the sum of that root for every question whose
    /// covariance with the total is not negative. A question with a negative covariance gets nil ("negative
    /// covariance" in Moodle), as does every question when the sum is zero or undefined.
    static func effectiveWeights(_ covariances: [Double?]) -> [Double?] {
        let sumOfRoots = covariances.reduce(0.0) { sum, c in
            guard let c, c >= 0 else { return sum }
            return sum + c.squareRoot()
        }
        return covariances.map { c in
            guard let c, c >= 0, sumOfRoots != 0 else { return nil }
            return 100 * c.squareRoot() / sumOfRoots
        }
    }
}
