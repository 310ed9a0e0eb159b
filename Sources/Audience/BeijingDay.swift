import Foundation

/// Beijing dates ("2026-11-02") and day numbers (days since 1970-01-01): China keeps UTC+8 all year, so a fixed
/// offset is exact. Plain arithmetic (Howard Hinnant's civil-calendar algorithms), no Foundation calendar: event
/// ingestion asks for a day per event. The one calendar of the Audience, Reach and Quizzes modules.
public enum BeijingDay {
    static let offsetMillis: Int64 = 8 * 3_600_000
    static let dayMillis: Int64 = 86_400_000

    /// The Beijing date of a moment in milliseconds since 1970.
    public static func of(_ millis: Int64) -> String { text(number: number(millis)) }

    /// The Beijing day number of a moment.
    public static func number(_ millis: Int64) -> Int {
        let local = millis + offsetMillis
        return Int((local - ((local % dayMillis) + dayMillis) % dayMillis) / dayMillis)
    }

    /// The day number of "yyyy-MM-dd", nil unless a real date (1970–2100) written exactly so.
    public static func number(_ day: String) -> Int? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard day.utf8.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1970...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        let n = daysFromCivil(y, m, d)
        return text(number: n) == day ? n : nil
    }

    /// "yyyy-MM-dd" of a day number.
    public static func text(number: Int) -> String {
        let (y, m, d) = civilFromDays(number)
        guard (0...9999).contains(y) else { return String(format: "%04d-%02d-%02d", y, m, d) }
        // Digit by digit: every ingested event is bucketed by day, and String(format:) was a tenth of ingestion.
        return String(unsafeUninitializedCapacity: 10) { out in
            for (k, byte) in [y / 1000, y / 100, y / 10, y, -1, m / 10, m, -1, d / 10, d].enumerated() {
                out[k] = byte < 0 ? 0x2D : UInt8(truncatingIfNeeded: 0x30 + byte % 10)
            }
            return 10
        }
    }

    /// Beijing midnight of a date in milliseconds, nil unless a real date.
    public static func midnight(_ day: String) -> Int64? {
        number(day).map { Int64($0) * dayMillis - offsetMillis }
    }

    /// A date moved by whole days ("2026-11-30" + 1 → "2026-12-01"), nil unless a real date.
    public static func shift(_ day: String, by days: Int) -> String? {
        number(day).map { text(number: $0 + days) }
    }

    /// Minutes since Beijing midnight of a moment (0–1439).
    public static func minuteOfDay(_ millis: Int64) -> Int {
        let local = millis + offsetMillis
        return Int(((local % dayMillis) + dayMillis) % dayMillis / 60_000)
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of a day number (the same count of days in any zone).
    public static func civil(number: Int) -> (year: Int, month: Int, day: Int) {
        civilFromDays(number)
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
