import Questions

public enum AttemptState: String, Sendable, Codable {
    /// Paper generated, not started.
    case ready
    case inProgress = "in_progress"
    case submitted
}

/// The timing rules of an attempt. All times in milliseconds; `now` is always a parameter.
public struct ExamClock: Sendable, Equatable {
    /// Saves that left the browser before the deadline may arrive a little after it: they are still accepted
    /// within this grace. Documented in README (exam rules).
    public static let graceMillis: Int64 = 15_000

    /// The server-held deadline: start + duration + extra time, and never after the (possibly extended) close.
    public static func deadline(startedAt: Int64, durationMinutes: Int, extraMinutes: Int, closesAt: Int64) -> Int64 {
        min(startedAt + Int64(durationMinutes + extraMinutes) * 60_000, closesAt)
    }

    public enum StartDecision: Equatable, Sendable { case allowed, notOpenYet, closed, noAttemptsLeft }

    public static func canStart(now: Int64, opensAt: Int64, closesAt: Int64, attemptsUsed: Int, attemptsAllowed: Int) -> StartDecision {
        if now < opensAt { return .notOpenYet }
        if now >= closesAt { return .closed }
        if attemptsUsed >= attemptsAllowed { return .noAttemptsLeft }
        return .allowed
    }

    /// Whether a save arriving at `now` may still be stored.
    public static func acceptsSave(now: Int64, deadline: Int64) -> Bool {
        now <= deadline + graceMillis
    }

    /// Whether the sweeper must submit the attempt now.
    public static func isExpired(now: Int64, deadline: Int64) -> Bool {
        now > deadline + graceMillis
    }
}

/// A stored answer: the newest save for a slot wins; `seq` orders saves from the same attempt.
public struct SavedResponse: Sendable, Equatable, Codable {
    public var slot: Int
    public var seq: Int64
    public var response: QuestionResponse
    public var savedAt: Int64

    public init(slot: Int, seq: Int64, response: QuestionResponse, savedAt: Int64) {
        self.slot = slot
        self.seq = seq
        self.response = response
        self.savedAt = savedAt
    }
}
