import Foundation

/// Beijing dates ("2026-11-02"): China keeps UTC+8 all year, so a fixed offset is exact.
public enum BeijingDay {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return c
    }()

    /// The Beijing date of a moment in milliseconds since 1970.
    public static func of(_ millis: Int64) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(millis) / 1000))
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Minutes since Beijing midnight of a moment (0–1439).
    public static func minuteOfDay(_ millis: Int64) -> Int {
        let local = millis + 8 * 3_600_000
        return Int(((local % 86_400_000) + 86_400_000) % 86_400_000 / 60_000)
    }
}
