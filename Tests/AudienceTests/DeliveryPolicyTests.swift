import Audience
import Foundation
import Testing

/// Beijing wall-clock time → milliseconds ("2026-11-02 21:59" or with seconds).
func bj(_ text: String) -> Int64 {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
    f.dateFormat = text.count > 16 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm"
    return Int64(f.date(from: text)!.timeIntervalSince1970 * 1000)
}

/// Caps per rolling day and week, quiet hours across midnight, reminders exempt from caps only.
@Suite struct DeliveryPolicyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var now: String
        var sent: [String]
        var reminder = false
        var expected: DeliveryPolicy.Decision
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "midday, nothing sent", now: "2026-11-02 12:00", sent: [], expected: .sendNow),
        Case(name: "21:59 is before quiet hours", now: "2026-11-02 21:59", sent: [], expected: .sendNow),
        Case(name: "22:00 starts quiet hours", now: "2026-11-02 22:00", sent: [],
             expected: .later(at: bj("2026-11-03 08:00"), reason: .quietHours)),
        Case(name: "after midnight waits for 08:00 the same day", now: "2026-11-03 02:30", sent: [],
             expected: .later(at: bj("2026-11-03 08:00"), reason: .quietHours)),
        Case(name: "07:59:59 still quiet", now: "2026-11-03 07:59:59", sent: [],
             expected: .later(at: bj("2026-11-03 08:00"), reason: .quietHours)),
        Case(name: "08:00 sends", now: "2026-11-03 08:00", sent: [], expected: .sendNow),
        Case(name: "two today leave room for a third", now: "2026-11-02 12:00",
             sent: ["2026-11-02 09:00", "2026-11-02 10:00"], expected: .sendNow),
        Case(name: "three in 24 h: wait until the oldest leaves the day", now: "2026-11-02 12:00",
             sent: ["2026-11-02 09:00:30", "2026-11-02 10:00", "2026-11-02 11:00"],
             expected: .later(at: bj("2026-11-03 09:01"), reason: .dailyCap)),
        Case(name: "the day is rolling, not the calendar day", now: "2026-11-03 08:30",
             sent: ["2026-11-02 09:00", "2026-11-02 10:00", "2026-11-02 11:00"],
             expected: .later(at: bj("2026-11-03 09:00"), reason: .dailyCap)),
        Case(name: "a cap that opens in quiet hours waits for their end", now: "2026-11-02 12:00",
             sent: ["2026-11-01 23:00", "2026-11-02 10:00", "2026-11-02 11:00"],
             expected: .later(at: bj("2026-11-03 08:00"), reason: .dailyCap)),
        Case(name: "ten in the week: wait for the oldest to leave the week", now: "2026-11-08 12:00",
             sent: ["2026-11-02 09:00", "2026-11-02 10:00", "2026-11-03 10:00", "2026-11-04 10:00", "2026-11-04 11:00",
                    "2026-11-05 10:00", "2026-11-06 10:00", "2026-11-06 11:00", "2026-11-07 10:00", "2026-11-07 11:00"],
             expected: .later(at: bj("2026-11-09 09:00"), reason: .weeklyCap)),
        Case(name: "older than a week does not count", now: "2026-11-09 09:00",
             sent: ["2026-11-02 09:00", "2026-11-02 10:00", "2026-11-03 10:00", "2026-11-04 10:00", "2026-11-04 11:00",
                    "2026-11-05 10:00", "2026-11-06 10:00", "2026-11-06 11:00", "2026-11-07 10:00", "2026-11-07 11:00"],
             expected: .sendNow),
        Case(name: "a reminder ignores the daily cap", now: "2026-11-02 12:00",
             sent: ["2026-11-02 09:00", "2026-11-02 10:00", "2026-11-02 11:00"], reminder: true, expected: .sendNow),
        Case(name: "a reminder respects quiet hours", now: "2026-11-02 23:00", sent: [], reminder: true,
             expected: .later(at: bj("2026-11-03 08:00"), reason: .quietHours)),
    ]

    @Test(arguments: cases)
    func decides(_ c: Case) {
        let policy = DeliveryPolicy()
        #expect(policy.decide(now: bj(c.now), sentTimes: c.sent.map(bj), isReminder: c.reminder) == c.expected)
    }

    @Test func quietHoursThatDoNotWrapMidnight() {
        let lunch = DeliveryPolicy(quietStart: 12 * 60, quietEnd: 14 * 60)
        #expect(lunch.decide(now: bj("2026-11-02 13:00"), sentTimes: [], isReminder: false)
                == .later(at: bj("2026-11-02 14:00"), reason: .quietHours))
        #expect(lunch.decide(now: bj("2026-11-02 23:00"), sentTimes: [], isReminder: false) == .sendNow)
        #expect(DeliveryPolicy(quietStart: 0, quietEnd: 0).isQuiet(bj("2026-11-02 03:00")) == false, "equal ends: no quiet hours")
    }

    @Test func configuredCapsAreChecked() {
        #expect(DeliveryPolicy().problems.isEmpty)
        #expect(!DeliveryPolicy(perDay: 0).problems.isEmpty)
        #expect(!DeliveryPolicy(perDay: 5, perWeek: 4).problems.isEmpty)
        #expect(!DeliveryPolicy(quietStart: 1440).problems.isEmpty)
    }
}

@Suite struct QuietHoursSettingTests {
    @Test func parsesTheCommandLineForm() {
        #expect(DeliveryPolicy.parseQuietHours("22:00-08:00")! == (1320, 480))
        #expect(DeliveryPolicy.parseQuietHours("off")! == (0, 0))
        #expect(DeliveryPolicy.parseQuietHours("25:00-08:00") == nil)
        #expect(DeliveryPolicy.parseQuietHours("22-8") == nil)
    }
}
