import Foundation

/// An estimated difference with its sample size and 95% confidence interval (normal approximation).
public struct Estimate: Sendable, Equatable {
    public var n: Int
    /// For two groups, the size of the second (the comparison group).
    public var comparisonN: Int?
    public var difference: Double
    public var low: Double
    public var high: Double

    /// Too few people to say anything (fewer than 2 in a group).
    public var isDefined: Bool { !difference.isNaN }
}

/// Knowledge gain: did people answer better after reading? Accuracy is taken per person (the share of their answers
/// on the piece's knowledge points that were right), so one person answering a lot does not outweigh many.
public enum Effect {
    static let z95 = 1.959_963_984_540_054

    /// After vs before for the same people: the mean of each person's (after − before), ± 1.96 standard errors.
    public static func pairedDifference(_ pairs: [(before: Double, after: Double)]) -> Estimate {
        let d = pairs.map { $0.after - $0.before }
        guard d.count >= 2 else { return Estimate(n: d.count, difference: .nan, low: .nan, high: .nan) }
        let (mean, variance) = meanAndVariance(d)
        let se = (variance / Double(d.count)).squareRoot()
        return Estimate(n: d.count, difference: mean, low: mean - z95 * se, high: mean + z95 * se)
    }

    /// Readers vs the unreached hold-out: the difference of mean accuracies (Welch's standard error), ± 1.96 SE.
    public static func groupDifference(treated: [Double], holdout: [Double]) -> Estimate {
        guard treated.count >= 2, holdout.count >= 2 else {
            return Estimate(n: treated.count, comparisonN: holdout.count, difference: .nan, low: .nan, high: .nan)
        }
        let (m1, v1) = meanAndVariance(treated), (m2, v2) = meanAndVariance(holdout)
        let se = (v1 / Double(treated.count) + v2 / Double(holdout.count)).squareRoot()
        let diff = m1 - m2
        return Estimate(n: treated.count, comparisonN: holdout.count, difference: diff, low: diff - z95 * se, high: diff + z95 * se)
    }

    /// Mean and sample variance (n − 1).
    static func meanAndVariance(_ xs: [Double]) -> (Double, Double) {
        let mean = xs.reduce(0, +) / Double(xs.count)
        let ss = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, ss / Double(xs.count - 1))
    }
}
