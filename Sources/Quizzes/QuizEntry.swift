import Exams
import Questions

/// A resident's answer to one question of an entry, as stored.
public struct QuizAnswer: Sendable, Equatable, Codable {
    public var slot: Int
    public var response: QuestionResponse
    /// 1 right, 0 wrong, between for a partly right fill-in.
    public var fraction: Double
    public var answeredAt: Int64
    /// Answered after the time per question (plus grace): kept, but scored 0.
    public var late: Bool

    public init(slot: Int, response: QuestionResponse, fraction: Double, answeredAt: Int64, late: Bool = false) {
        self.slot = slot
        self.response = response
        self.fraction = fraction
        self.answeredAt = answeredAt
        self.late = late
    }
}

/// Who a finished entry belongs to, left for the draw; it also becomes the person's audience profile.
public struct Participant: Sendable, Equatable, Codable {
    public var nickname: String
    /// Normalized (11 digits).
    public var phone: String
    public var regionId: Int

    public init(nickname: String, phone: String, regionId: Int) {
        self.nickname = nickname
        self.phone = phone
        self.regionId = regionId
    }
}

/// Why an entry is kept out of the draw until staff look at it.
public struct QuizFlag: Sendable, Equatable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case tooFast = "too_fast", sharedDevice = "shared_device" }

    public var kind: Kind
    public var reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }
}

/// Staff's decision on a flagged entry.
public enum FlagReview: String, Sendable, Codable { case cleared, excluded }

/// One play of a round by one device: its questions, answers, result and (for the draw) participant.
public struct QuizEntry: Sendable, Equatable {
    public var id: Int
    /// The id shown publicly (result card, eligible list): random, so entries cannot be enumerated.
    public var publicId: String
    public var roundId: Int
    public var deviceKey: String
    public var startedAt: Int64
    public var items: [PaperItem]
    public var answers: [QuizAnswer]
    public var finishedAt: Int64?
    public var participant: Participant?
    public var flags: [QuizFlag]
    public var review: FlagReview?

    public init(id: Int, publicId: String, roundId: Int, deviceKey: String, startedAt: Int64, items: [PaperItem],
                answers: [QuizAnswer] = [], finishedAt: Int64? = nil, participant: Participant? = nil, flags: [QuizFlag] = [],
                review: FlagReview? = nil) {
        self.id = id
        self.publicId = publicId
        self.roundId = roundId
        self.deviceKey = deviceKey
        self.startedAt = startedAt
        self.items = items
        self.answers = answers
        self.finishedAt = finishedAt
        self.participant = participant
        self.flags = flags
        self.review = review
    }

    public var score: Double { answers.reduce(0) { $0 + $1.fraction * (points(of: $1.slot)) } }
    public var maxScore: Double { items.reduce(0) { $0 + $1.points } }
    public var percent: Double { maxScore > 0 ? score / maxScore * 100 : 0 }
    public var correctCount: Int { answers.filter { $0.fraction >= 1 }.count }

    func points(of slot: Int) -> Double { items.first { $0.slot == slot }?.points ?? 0 }

    /// Milliseconds from start to finish (ties on the leaderboard go to the faster entry).
    public var duration: Int64? { finishedAt.map { $0 - startedAt } }

    /// Not excluded by staff, and no flag left open: what the draw and the leaderboards require.
    public var isInGoodStanding: Bool {
        review != .excluded && (flags.isEmpty || review == .cleared)
    }

    /// In the draw: finished, at or above the threshold, a participant left, and in good standing.
    public func isEligible(thresholdPercent: Double) -> Bool {
        guard finishedAt != nil, participant != nil, percent + 1e-9 >= thresholdPercent else { return false }
        return isInGoodStanding
    }
}
