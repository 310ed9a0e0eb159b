import Foundation

/// How often one person may be reached, and when not at all: caps per rolling day and week, and quiet hours (Beijing).
///
/// Reminders of required study tasks are exempt from the caps (a deadline does not wait for a broadcast to age out of
/// the window) and do not use them up, but they do respect quiet hours: nobody is woken for a reminder either.
public struct DeliveryPolicy: Sendable, Equatable {
    /// Campaign deliveries per person in any 24 hours.
    public var perDay: Int
    /// Campaign deliveries per person in any 7 days.
    public var perWeek: Int
    /// Quiet hours as minutes after Beijing midnight; `quietStart > quietEnd` wraps midnight, equal means none.
    public var quietStart: Int
    public var quietEnd: Int

    public static let dayMillis: Int64 = 86_400_000
    public static let weekMillis: Int64 = 7 * 86_400_000

    public init(perDay: Int = 3, perWeek: Int = 10, quietStart: Int = 22 * 60, quietEnd: Int = 8 * 60) {
        self.perDay = perDay
        self.perWeek = perWeek
        self.quietStart = quietStart
        self.quietEnd = quietEnd
    }

    /// Why a delivery waits.
    public enum Reason: String, Sendable, CaseIterable {
        case quietHours = "quiet_hours", dailyCap = "daily_cap", weeklyCap = "weekly_cap"
    }

    public enum Decision: Sendable, Equatable {
        case sendNow
        /// Try again at `at` (the start of the first minute when it would be allowed), because of `reason`.
        case later(at: Int64, reason: Reason)
    }

    /// May a delivery go to a person now, given when their earlier campaign deliveries were sent (any order)?
    public func decide(now: Int64, sentTimes: [Int64], isReminder: Bool) -> Decision {
        var at = now
        var reason: Reason?
        if !isReminder {
            let daily = release(now: now, sentTimes: sentTimes, window: Self.dayMillis, cap: perDay)
            let weekly = release(now: now, sentTimes: sentTimes, window: Self.weekMillis, cap: perWeek)
            if let weekly, weekly >= (daily ?? weekly) {
                at = Self.ceilToMinute(weekly)
                reason = .weeklyCap
            } else if let daily {
                at = Self.ceilToMinute(daily)
                reason = .dailyCap
            }
        }
        if isQuiet(at) {
            if reason == nil || isQuiet(now) { reason = .quietHours }
            at = quietEnds(after: at)
        }
        guard let reason else { return .sendNow }
        return .later(at: at, reason: reason)
    }

    /// Is this moment inside quiet hours?
    public func isQuiet(_ millis: Int64) -> Bool {
        guard quietStart != quietEnd else { return false }
        let minute = BeijingDay.minuteOfDay(millis)
        return quietStart < quietEnd ? (minute >= quietStart && minute < quietEnd) : (minute >= quietStart || minute < quietEnd)
    }

    /// The first moment after `millis` at which quiet hours end (Beijing minute `quietEnd`, second 0).
    func quietEnds(after millis: Int64) -> Int64 {
        let offset: Int64 = 8 * 3_600_000
        let local = millis + offset
        let midnight = local - ((local % Self.dayMillis) + Self.dayMillis) % Self.dayMillis
        var candidate = midnight + Int64(quietEnd) * 60_000 - offset
        if candidate <= millis { candidate += Self.dayMillis }
        return candidate
    }

    /// When enough counted deliveries have left the window for one more; nil when under the cap now.
    func release(now: Int64, sentTimes: [Int64], window: Int64, cap: Int) -> Int64? {
        let inWindow = sentTimes.filter { $0 > now - window && $0 <= now }.sorted()
        guard inWindow.count >= cap else { return nil }
        guard cap > 0 else { return Int64.max / 2 }   // a cap of 0 never opens; callers refuse it in validation
        return inWindow[inWindow.count - cap] + window
    }

    static func ceilToMinute(_ millis: Int64) -> Int64 {
        let rest = ((millis % 60_000) + 60_000) % 60_000
        return rest == 0 ? millis : millis - rest + 60_000
    }

    /// "22:00-08:00" → minutes (1320, 480); "off" or "" → (0, 0), no quiet hours; nil when malformed.
    public static func parseQuietHours(_ text: String) -> (start: Int, end: Int)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty || t == "off" { return (0, 0) }
        let ends = t.split(separator: "-").map { $0.split(separator: ":") }
        guard ends.count == 2, ends.allSatisfy({ $0.count == 2 }),
              let h1 = Int(ends[0][0]), let m1 = Int(ends[0][1]), let h2 = Int(ends[1][0]), let m2 = Int(ends[1][1]),
              (0...23).contains(h1), (0...23).contains(h2), (0...59).contains(m1), (0...59).contains(m2) else { return nil }
        return (h1 * 60 + m1, h2 * 60 + m2)
    }

    /// Problems with a configured policy (empty when usable).
    public var problems: [String] {
        var found: [String] = []
        if perDay < 1 || perWeek < 1 { found.append("每人上限至少为 1 / caps must be at least 1") }
        if perDay > perWeek { found.append("每日上限不能大于每周上限 / the daily cap exceeds the weekly cap") }
        if !(0..<1440).contains(quietStart) || !(0..<1440).contains(quietEnd) {
            found.append("免打扰时段须在 00:00–23:59 / quiet hours must be within the day")
        }
        return found
    }
}
