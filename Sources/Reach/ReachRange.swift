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
        let today = startOfDay(millis: now)
        let toStart: Int64
        if let to, !to.isEmpty { guard let t = millis(of: to) else { return .failure(.badDate(to)) }; toStart = t } else { toStart = today }
        let fromStart: Int64
        if let from, !from.isEmpty { guard let f = millis(of: from) else { return .failure(.badDate(from)) }; fromStart = f }
        else { fromStart = toStart - 29 * 86_400_000 }
        guard fromStart <= toStart else { return .failure(.reversed) }
        let days = Int((toStart - fromStart) / 86_400_000) + 1
        guard days <= maxDays else { return .failure(.tooLong(days: days)) }
        return .success(ReachRange(from: day(millis: fromStart), to: day(millis: toStart), startMillis: fromStart,
                                   endMillis: toStart + 86_400_000))
    }

    /// Every day (or "day hour" bucket key) of the range, for series that must show empty buckets as zero.
    public var buckets: [String] {
        var keys: [String] = []
        var m = startMillis
        while m < endMillis {
            let d = Self.day(millis: m)
            if hourly { keys += (0..<24).map { String(format: "%@ %02d", d, $0) } } else { keys.append(d) }
            m += 86_400_000
        }
        return keys
    }

    /// Beijing midnight of "yyyy-MM-dd" in milliseconds, nil unless a real date written exactly so.
    public static func millis(of day: String) -> Int64? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard day.utf8.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (2000...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        let days = daysFromCivil(y, m, d)
        let millis = Int64(days) * 86_400_000 - 8 * 3_600_000
        return Self.day(millis: millis) == day ? millis : nil
    }

    static func startOfDay(millis: Int64) -> Int64 {
        let local = millis + 8 * 3_600_000
        return local - ((local % 86_400_000) + 86_400_000) % 86_400_000 - 8 * 3_600_000
    }

    static func day(millis: Int64) -> String {
        let local = (millis + 8 * 3_600_000)
        let days = Int((local - (((local % 86_400_000) + 86_400_000) % 86_400_000)) / 86_400_000)
        let (y, m, d) = civilFromDays(days)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    // Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar, no Foundation calendar.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
