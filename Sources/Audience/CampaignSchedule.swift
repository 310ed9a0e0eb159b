import Foundation

/// When a campaign sends: now, once at a moment, or every year on a Beijing date and time ("12-04 09:00" for the
/// Constitution Day week). A yearly 02-29 falls on 02-28 in years without one.
public enum CampaignSchedule: Sendable, Equatable {
    case now
    case at(Int64)
    case yearly(month: Int, day: Int, minute: Int)

    /// Builds and checks a schedule from the stored or posted fields; `now` refuses moments already past.
    public static func parse(kind: String, startsAt: Int64?, yearly: String?, now: Int64) throws(ScheduleError) -> CampaignSchedule {
        switch kind {
        case "now": return .now
        case "at":
            guard let startsAt else { throw .missingTime }
            guard startsAt > now else { throw .inThePast }
            return .at(startsAt)
        case "yearly":
            guard let yearly, let parsed = parseYearly(yearly) else { throw .badYearly(yearly ?? "") }
            return parsed
        default: throw .unknownKind(kind)
        }
    }

    /// "12-04 09:00" → .yearly(12, 4, 540); nil when not a real month, day, hour and minute.
    public static func parseYearly(_ text: String) -> CampaignSchedule? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" })
        guard parts.count == 4, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let month = Int(parts[0]), let day = Int(parts[1]), let hour = Int(parts[2]), let minute = Int(parts[3]),
              (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...longest).contains(day) else { return nil }
        return .yearly(month: month, day: day, minute: hour * 60 + minute)
    }

    public var kind: String {
        switch self {
        case .now: "now"
        case .at: "at"
        case .yearly: "yearly"
        }
    }

    /// "12-04 09:00" for a yearly schedule.
    public var yearlyText: String? {
        guard case .yearly(let month, let day, let minute) = self else { return nil }
        return String(format: "%02d-%02d %02d:%02d", month, day, minute / 60, minute % 60)
    }

    /// The first sending strictly after `moment`: `now` is `moment` itself, `at` its time (nil once passed), yearly
    /// this year's date if still ahead, else next year's.
    public func nextRun(after moment: Int64) -> Int64? {
        switch self {
        case .now: return moment
        case .at(let at): return at > moment ? at : nil
        case .yearly(let month, let day, let minute):
            let year = Int(BeijingDay.of(moment).prefix(4))!
            for y in year...(year + 1) {
                let candidate = Self.beijing(year: y, month: month, day: day, minute: minute)
                if candidate > moment { return candidate }
            }
            return nil
        }
    }

    /// Milliseconds of a Beijing date and minute; a day past the month's end (02-29 in a common year) is its last day.
    static func beijing(year: Int, month: Int, day: Int, minute: Int) -> Int64 {
        let first = BeijingDay.daysFromCivil(year, month, 1)
        let days = (month == 12 ? BeijingDay.daysFromCivil(year + 1, 1, 1) : BeijingDay.daysFromCivil(year, month + 1, 1)) - first
        return Int64(first + min(day, days) - 1) * BeijingDay.dayMillis - BeijingDay.offsetMillis + Int64(minute) * 60_000
    }
}

/// Why a schedule was refused.
public enum ScheduleError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownKind(String), missingTime, inThePast, badYearly(String)

    public var description: String {
        switch self {
        case .unknownKind(let k): "未知的发送时间类型“\(k)”（now、at、yearly） / unknown schedule \(k) (now, at, yearly)"
        case .missingTime: "定时发送需要时间 / a scheduled sending needs a time"
        case .inThePast: "发送时间已过 / the sending time has passed"
        case .badYearly(let t): "每年日期“\(t)”应写成“12-04 09:00” / yearly date \(t) should look like 12-04 09:00"
        }
    }
}

/// How far a sending is, and how long the rest will take at the campaign's rate.
public enum CampaignProgress {
    /// Seconds until the last pending delivery should go: the rate's time for what is pending, but never before the
    /// latest deferred delivery becomes due.
    public static func etaSeconds(pending: Int, ratePerMinute: Int, now: Int64, latestDue: Int64?) -> Int {
        guard pending > 0 else { return 0 }
        let byRate = (pending * 60 + max(1, ratePerMinute) - 1) / max(1, ratePerMinute)
        let byDue = latestDue.map { Int(max(0, ($0 - now + 999) / 1000)) } ?? 0
        return max(byRate, byDue)
    }

    /// Whole percent done (sent + cancelled of the audience); 100 for an empty audience.
    public static func percent(done: Int, audience: Int) -> Int {
        audience == 0 ? 100 : min(100, done * 100 / audience)
    }
}
