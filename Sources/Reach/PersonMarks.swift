import Foundation

/// Answers on a piece's knowledge points in one window: how many, and how many right (a fraction per answer).
public struct Tally: Sendable, Equatable {
    public var answered: Int
    public var correct: Double

    public init(answered: Int = 0, correct: Double = 0) {
        self.answered = answered; self.correct = correct
    }

    /// The share right (0–1); nil with no answers.
    public var accuracy: Double? { answered > 0 ? correct / Double(answered) : nil }

    public static func + (a: Tally, b: Tally) -> Tally { Tally(answered: a.answered + b.answered, correct: a.correct + b.correct) }
}

/// One person's answers around their reference day: the day they first read the piece (a reader), or the day the
/// campaign's run started (the hold-out, kept unreached). The windows are the same for both groups.
public struct PersonMarks: Sendable, Equatable {
    public enum Group: String, Sendable { case reader, holdout }
    public var profileId: Int
    public var group: Group
    /// Beijing day "2026-11-02".
    public var referenceDay: String
    /// Days before the reference day.
    public var before: Tally
    /// Days from the reference day + 1 on (the reference day itself is left out: reading and answering the same day
    /// cannot be told apart in daily sums).
    public var after: Tally
    /// Days from the reference day + 7 on (a subset of `after`).
    public var retention: Tally

    public init(profileId: Int, group: Group, referenceDay: String, before: Tally = Tally(), after: Tally = Tally(),
                retention: Tally = Tally()) {
        self.profileId = profileId; self.group = group; self.referenceDay = referenceDay
        self.before = before; self.after = after; self.retention = retention
    }
}

/// Before → after for the same people: their mean accuracies and the paired estimate.
public struct PairedGain: Sendable, Equatable {
    public var before: Double?
    public var after: Double?
    public var estimate: Estimate
}

/// Readers' accuracy after vs the hold-out's after.
public struct GroupGain: Sendable, Equatable {
    public var treated: Double?
    public var holdout: Double?
    public var estimate: Estimate
}

/// What a piece did to what people know: readers before → after, readers vs the unreached hold-out, and retention.
public struct GainReport: Sendable, Equatable {
    public var readers: PairedGain
    /// Nil without a hold-out (a piece measured without a campaign).
    public var vsHoldout: GroupGain?
    /// Nil when no reader has answers from 7 days after reading on.
    public var retention: PairedGain?
    /// Why an estimate could not be made: "readers", "holdout", "retention" → a bilingual reason.
    public var notEnoughData: [String: String]
}

extension KnowledgeGain {
    static func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
}
