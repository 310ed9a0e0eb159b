extension ItemAnalysis {
    /// The test-level statistics of the attempt totals, following Moodle's quiz calculator step by step, including
    /// its guards: sd needs 2 attempts; skewness, CIC, error ratio and standard error need 3 and a non-zero
    /// variance; kurtosis needs 4; CIC needs at least 2 questions.
    static func testStatistics(_ total: Centred, values: [Double], questionCount p: Int,
                               sumOfMarkVariances: Double) -> TestStatistics {
        let count = values.count
        var stats = TestStatistics(attempts: count)
        guard count > 0 else { return stats }
        stats.mean = total.mean
        stats.median = median(values)
        guard count > 1 else { return stats }
        let s = Double(count)
        let power2 = total.sum(power: 2)
        stats.sd = (power2 / (s - 1)).squareRoot()
        guard count > 2 else { return stats }
        // Sample-corrected moments ("k-statistics"): m_r are the population central moments, k2 is the sample
        // variance, k3 and k4 the unbiased cumulant estimators; skewness G1 = k3 / k2^(3/2), kurtosis G2 = k4 / k2².
        let m2 = power2 / s
        let m3 = total.sum(power: 3) / s
        let m4 = total.sum(power: 4) / s
        let k2 = s * m2 / (s - 1)
        let k3 = s * s * m3 / ((s - 1) * (s - 2))
        guard k2 != 0 else { return stats }
        stats.skewness = k3 / (k2 * k2.squareRoot())
        if count > 3 {
            let k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
            stats.kurtosis = k4 / (k2 * k2)
        }
        if p > 1 {
            let items = Double(p)
            let cic = (100 * items / (items - 1)) * (1 - sumOfMarkVariances / k2)
            stats.cic = cic
            stats.errorRatio = errorRatio(cic: cic)
            stats.standardError = stats.errorRatio.flatMap { ratio in stats.sd.map { ratio * $0 / 100 } }
        }
        return stats
    }

    /// 100·√(1 − CIC/100). CIC cannot exceed 100 mathematically, but rounding can push a perfectly consistent
    /// test a hair over; that is read as 100 (error ratio 0) instead of the NaN Moodle has to clean up.
    static func errorRatio(cic: Double) -> Double? {
        let radicand = 1 - cic / 100
        if radicand >= 0 { return 100 * radicand.squareRoot() }
        return radicand > -1e-9 ? 0 : nil
    }

    /// The middle total, or the mean of the two middle totals for an even count.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
