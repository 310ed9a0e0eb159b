import Audience
import Foundation

/// Why a dashboard's date range was refused (each message bilingual).
public enum ReachRangeError: Error, Sendable, Equatable {
    case badDate(String)
    case reversed
    case tooLong(days: Int)

    public var message: String {
        switch self {
        case .badDate(let s): "日期“\(s)”应写成 2026-11-22 / the date “\(s)” should look like 2026-11-22"
        case .reversed: "开始日期晚于结束日期 / the start date is after the end date"
        case .tooLong(let d): "日期范围最多 \(ReachRange.maxDays) 天（现在是 \(d) 天）/ a range spans at most \(ReachRange.maxDays) days (this one \(d))"
        }
    }
}

/// A range of Beijing days, both ends included, with its bounds in milliseconds for timestamp columns.
public struct ReachRange: Sendable, Equatable {
    public static let maxDays = 400
    public var from: String
    public var to: String
    /// Beijing midnight starting `from`, and the one after `to` (exclusive).
    public var startMillis: Int64
    public var endMillis: Int64

    public var days: Int { Int((endMillis - startMillis) / 86_400_000) }
    /// Two days or less are drawn per hour; longer ranges per day.
    public var hourly: Bool { days <= 2 }

    /// Parses "2026-11-01"…"2026-11-30"; missing ends default to the 30 days ending `today` (Beijing).
    public static func parse(from: String?, to: String?, now: Int64) -> Result<ReachRange, ReachRangeError> {
        let today = BeijingDay.midnight(BeijingDay.of(now))!
        let toStart: Int64
        if let to, !to.isEmpty { guard let t = BeijingDay.midnight(to) else { return .failure(.badDate(to)) }; toStart = t } else { toStart = today }
        let fromStart: Int64
        if let from, !from.isEmpty { guard let f = BeijingDay.midnight(from) else { return .failure(.badDate(from)) }; fromStart = f }
        else { fromStart = toStart - 29 * 86_400_000 }
        guard fromStart <= toStart else { return .failure(.reversed) }
        let days = Int((toStart - fromStart) / 86_400_000) + 1
        guard days <= maxDays else { return .failure(.tooLong(days: days)) }
        return .success(ReachRange(from: BeijingDay.of(fromStart), to: BeijingDay.of(toStart), startMillis: fromStart,
                                   endMillis: toStart + 86_400_000))
    }

    /// Every day (or "day hour" bucket key) of the range, for series that must show empty buckets as zero.
    public var buckets: [String] {
        var keys: [String] = []
        var m = startMillis
        while m < endMillis {
            let d = BeijingDay.of(m)
            if hourly { keys += (0..<24).map { String(format: "%@ %02d", d, $0) } } else { keys.append(d) }
            m += 86_400_000
        }
        return keys
    }
}
