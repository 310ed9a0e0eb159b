import Audience
import Foundation
import Testing

@Test func beijingDaysAgreeWithFoundationsCalendarForEveryDayOfFourYears() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
    let start = BeijingDay.midnight("2026-01-01")!
    for i in 0..<(4 * 366) {
        let noon = start + Int64(i) * 86_400_000 + 12 * 3_600_000
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(noon) / 1000))
        let day = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        #expect(BeijingDay.of(noon) == day)
        #expect(BeijingDay.midnight(day) == start + Int64(i) * 86_400_000)
    }
    #expect(BeijingDay.shift("2028-02-28", by: 1) == "2028-02-29" && BeijingDay.shift("2027-02-28", by: 1) == "2027-03-01")
    #expect(BeijingDay.number("2027-02-29") == nil && BeijingDay.number("2026-1-05") == nil && BeijingDay.midnight("2101-01-01") == nil)
    // 16:00 UTC is Beijing midnight.
    #expect(BeijingDay.of(BeijingDay.midnight("2026-11-23")! - 1) == "2026-11-22" && BeijingDay.minuteOfDay(BeijingDay.midnight("2026-11-23")!) == 0)
}

@Test func aDayIsWrittenWithFourDigitsOfYearAndTwoOfMonthAndDay() {
    let written = [0: "1970-01-01", 20_415: "2025-11-23", -719_162: "0001-01-01", -719_468: "0000-03-01", -719_469: "0000-02-29",
                   2_932_896: "9999-12-31", 2_932_897: "10000-01-01"]
    for (n, text) in written { #expect(BeijingDay.text(number: n) == text) }
    #expect(BeijingDay.text(number: -720_000).hasPrefix("-"), "years before 0 are written as printf writes them")
}
