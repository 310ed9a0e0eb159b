/// Moodle's statistics for one question (one quiz slot), as shown in its quiz statistics report. Percentages are
/// 0–100; nil means undefined for this data (too few attempts, no spread), never NaN.
public struct QuestionStatistics: Sendable, Equatable {
    /// Mean mark as a percentage of the maximum: how easy the question was.
    public var facility: Double?
    /// Sample standard deviation of the mark, as a percentage of the maximum.
    public var sd: Double?
    /// The caller's random guess score, as a percentage.
    public var randomGuessScore: Double?
    /// Maximum mark as a percentage of the test's maximum.
    public var intendedWeight: Double?
    /// Share of the test's spread this question accounts for; nil when its covariance with the total is negative.
    public var effectiveWeight: Double?
    /// Correlation of the question's mark with the rest of the test, as a percentage.
    public var discriminationIndex: Double?
    /// The covariance with the rest of the test as a percentage of the largest covariance these marks could have.
    public var discriminativeEfficiency: Double?
    /// The discrimination index is below 30%: Moodle's question bank marks such a question "very likely" to need
    /// checking (qbank_statistics, NEED_FOR_REVISION_LOWER_THRESHOLD).
    public var weakDiscrimination: Bool
    /// The option counts the caller supplied, untouched.
    public var responseCounts: [ResponseCount]?

    public init(facility: Double? = nil, sd: Double? = nil, randomGuessScore: Double? = nil, intendedWeight: Double? = nil,
                effectiveWeight: Double? = nil, discriminationIndex: Double? = nil, discriminativeEfficiency: Double? = nil,
                weakDiscrimination: Bool = false, responseCounts: [ResponseCount]? = nil) {
        self.facility = facility
        self.sd = sd
        self.randomGuessScore = randomGuessScore
        self.intendedWeight = intendedWeight
        self.effectiveWeight = effectiveWeight
        self.discriminationIndex = discriminationIndex
        self.discriminativeEfficiency = discriminativeEfficiency
        self.weakDiscrimination = weakDiscrimination
        self.responseCounts = responseCounts
    }
}

/// Moodle's statistics for the whole test. Mean, median, sd and standard error are in marks (Moodle's report shows
/// them as a percentage of the test maximum; divide by `ItemMatrix.maxMarks` summed). cic and errorRatio are
/// percentages; skewness and kurtosis are plain numbers (kurtosis is excess kurtosis: 0 for a normal distribution).
public struct TestStatistics: Sendable, Equatable {
    public var attempts: Int
    public var mean: Double?
    public var median: Double?
    public var sd: Double?
    public var skewness: Double?
    public var kurtosis: Double?
    /// Coefficient of internal consistency (Cronbach's alpha), as a percentage.
    public var cic: Double?
    public var errorRatio: Double?
    public var standardError: Double?

    public init(attempts: Int, mean: Double? = nil, median: Double? = nil, sd: Double? = nil, skewness: Double? = nil,
                kurtosis: Double? = nil, cic: Double? = nil, errorRatio: Double? = nil, standardError: Double? = nil) {
        self.attempts = attempts
        self.mean = mean
        self.median = median
        self.sd = sd
        self.skewness = skewness
        self.kurtosis = kurtosis
        self.cic = cic
        self.errorRatio = errorRatio
        self.standardError = standardError
    }
}

/// One variable observed once per attempt (a question's mark, a total), centred on its mean.
struct Centred {
    let mean: Double
    /// `value - mean` per attempt, in attempt order; all zero when the spread is negligible against the scale.
    let deviations: [Double]

    /// `scale` is the largest value the variable can take; spreads below a billionth of it are rounding noise from
    /// summing fractions (0.1 + 0.2 ≠ 0.3) and are treated as none, so "no spread" gives nil statistics, not noise.
    init(_ values: [Double], scale: Double) {
        guard let first = values.first else {
            mean = 0
            deviations = []
            return
        }
        // Shifting by the first value makes the mean of identical values exactly that value.
        let mean = first + values.reduce(0) { $0 + ($1 - first) } / Double(values.count)
        var deviations = values.map { $0 - mean }
        if deviations.allSatisfy({ abs($0) <= 1e-9 * scale }) { deviations = Array(repeating: 0, count: values.count) }
        self.mean = mean
        self.deviations = deviations
    }

    func sum(power: Int) -> Double {
        deviations.reduce(0) { total, d in
            var p = 1.0
            for _ in 0..<power { p *= d }
            return total + p
        }
    }

    func sumOfProducts(with other: Centred) -> Double {
        zip(deviations, other.deviations).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The sum of products after sorting both variables: the largest sum of products any pairing of these values
    /// could give (rearrangement inequality), which Moodle uses for the maximum possible covariance.
    func sumOfSortedProducts(with other: Centred) -> Double {
        zip(deviations.sorted(), other.deviations.sorted()).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
