/// The schedule of a study task (学习任务): reminders some days before the deadline, then escalation for whoever has
/// not finished — level 1 at the deadline (a message to the task's group robots), level 2 two days later (a
/// follow-up for the caseworker or unit contact). The reminder job asks this at `now` for each open assignee.
public struct StudyPlan: Sendable, Equatable {
    public static let dayMillis: Int64 = 86_400_000
    /// Level 2 comes this long after the deadline.
    public static let followupDelayMillis: Int64 = 2 * dayMillis

    public var deadline: Int64
    /// Days before the deadline, such as [3, 1].
    public var remindDays: [Int]
    public var escalate: Bool

    public init(deadline: Int64, remindDays: [Int], escalate: Bool) {
        self.deadline = deadline
        self.remindDays = remindDays
        self.escalate = escalate
    }

    /// The reminder steps, earliest first: [3, 1] → "remind-3" at deadline − 3 days, then "remind-1".
    public var steps: [(name: String, at: Int64)] {
        Array(Set(remindDays.filter { $0 > 0 })).sorted(by: >).map { ("remind-\($0)", deadline - Int64($0) * Self.dayMillis) }
    }

    /// The reminder to queue now for an assignee whose last queued step is `reminded` ("" = none): the latest step
    /// that is due and comes after it. Steps missed while the job was not running are skipped, not sent in a burst;
    /// nothing is reminded once the deadline has passed (escalation takes over) or when the person has finished.
    public func dueReminder(after reminded: String, completed: Bool, now: Int64) -> String? {
        guard !completed, now < deadline else { return nil }
        let all = steps
        let done = all.firstIndex { $0.name == reminded } ?? -1
        return all.indices.last { $0 > done && all[$0].at <= now }.map { all[$0].name }
    }

    /// The escalation level the assignee should be at now (0, 1 or 2).
    public func escalationLevel(completed: Bool, now: Int64) -> Int {
        guard escalate, !completed, now >= deadline else { return 0 }
        return now >= deadline + Self.followupDelayMillis ? 2 : 1
    }

    /// The escalation levels to carry out now for an assignee at `current`: both when the job skipped level 1.
    public func escalationsDue(current: Int, completed: Bool, now: Int64) -> [Int] {
        let target = escalationLevel(completed: completed, now: now)
        return target > current ? Array((current + 1)...target) : []
    }
}

/// Effective reading time: what one report from the reader may add, and when a piece counts as read.
public enum ReadingRules {
    /// The reader reports about this often while the page is visible and focused.
    public static let reportSeconds = 15
    /// Tolerance for timers and network delay.
    public static let slackSeconds = 5
    /// No single report adds more than this, whatever time has passed.
    public static let maxPerReport = 60
    /// Scrolled this far through the piece (0–1) to count as read.
    public static let finishScroll = 0.9

    /// Seconds to credit for a report claiming `claimed` seconds, and the new `last_at`. Credit never runs ahead of
    /// the wall clock by more than the slack: `last_at` moves to the moment credited up to (or now, when less was
    /// claimed than the time elapsed), so a client cannot claim an hour in one call, nor in many quick calls.
    /// A first report (no `lastAt`) may cover the one report interval before it.
    public static func credit(claimed: Int, lastAt: Int64?, now: Int64) -> (seconds: Int, lastAt: Int64) {
        let since = lastAt ?? now - Int64(reportSeconds) * 1000
        let available = max(0, Int((now - since) / 1000) + slackSeconds)
        let seconds = max(0, min(claimed, available, maxPerReport))
        return (seconds, max(now, since + Int64(seconds) * 1000))
    }

    /// The minimum for a piece no study task sets: 1 s per 15 characters of its text, at least 10 s, at most 300 s.
    public static func defaultMinimum(characters: Int) -> Int {
        min(300, max(10, characters / 15))
    }

    /// Read: the minimum met and the piece scrolled through.
    public static func finished(seconds: Int, minimum: Int, scrollDepth: Double) -> Bool {
        seconds >= minimum && scrollDepth >= finishScroll
    }
}
