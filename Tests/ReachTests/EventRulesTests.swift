import Audience
import Reach
import Testing

/// 2026-11-22 15:59:59.000 UTC = 23:59:59 in Beijing, the last second of the 22nd there.
let lastSecond: Int64 = 1_795_363_199_000
let pieces: Set<String> = ["fanzha-sanbu"]

func judge(_ e: ReportedEvent, now: Int64 = lastSecond) -> Result<AcceptedEvent, RejectReason> {
    EventRules.judge(e, now: now) { pieces.contains($0) }
}

@Test func eventsAreBucketedByTheBeijingDayAndHour() throws {
    let before = try judge(ReportedEvent(id: "e1", kind: "opened", content: "fanzha-sanbu", at: lastSecond)).get()
    #expect(before.day == "2026-11-22" && before.hour == 23)
    let after = try judge(ReportedEvent(id: "e2", kind: "opened", content: "fanzha-sanbu", at: lastSecond + 1000),
                          now: lastSecond + 1000).get()
    #expect(after.day == "2026-11-23" && after.hour == 0, "midnight in Beijing is 16:00 UTC")
    let late = try judge(ReportedEvent(id: "e3", kind: "read", content: "fanzha-sanbu", at: lastSecond - 30 * 3_600_000, seconds: 15,
                                       depth: 0.5)).get()
    #expect(late.day == "2026-11-21" && late.seconds == 15 && late.clamped == nil, "a late event counts on the day it happened")
}

@Test(arguments: [
    (ReportedEvent(id: "a", kind: "liked", content: "fanzha-sanbu", at: lastSecond), RejectReason.unknownKind),
    (ReportedEvent(id: "a", kind: "delivered", content: "fanzha-sanbu", at: lastSecond), .serverKind),
    (ReportedEvent(id: "a", kind: "opened", content: "no-such-piece", at: lastSecond), .unknownContent),
    (ReportedEvent(id: "a", kind: "opened", content: "fanzha-sanbu", at: lastSecond - 49 * 3_600_000), .tooOld),
    (ReportedEvent(id: "", kind: "opened", content: "fanzha-sanbu", at: lastSecond), .badId),
    (ReportedEvent(id: "has space", kind: "opened", content: "fanzha-sanbu", at: lastSecond), .badId),
    (ReportedEvent(id: "a", kind: "read", content: "fanzha-sanbu", at: lastSecond, seconds: 3600), .badValue),
    (ReportedEvent(id: "a", kind: "read", content: "fanzha-sanbu", at: lastSecond, seconds: -1), .badValue),
    (ReportedEvent(id: "a", kind: "read", content: "fanzha-sanbu", at: lastSecond, depth: 1.5), .badValue),
])
func badEventsAreRejectedWithTheirReason(_ e: ReportedEvent, _ reason: RejectReason) {
    #expect(judge(e) == .failure(reason))
}

@Test func aClockFarAheadIsClampedToTheServersTime() throws {
    let slightly = try judge(ReportedEvent(id: "a", kind: "shown", content: "fanzha-sanbu", at: lastSecond + 60_000)).get()
    #expect(slightly.at == lastSecond + 60_000 && slightly.clamped == nil)
    let far = try judge(ReportedEvent(id: "b", kind: "shown", content: "fanzha-sanbu", at: lastSecond + 86_400_000)).get()
    #expect(far.at == lastSecond && far.clamped == "clock_ahead" && far.day == "2026-11-22")
}

@Test(arguments: [
    ("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 MicroMessenger/8.0.44", nil, nil as String?),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) AppleWebKit/605.1.15 Mobile/15E148 DingTalk/7.5.0", nil, nil),
    ("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", nil, "bot"),
    ("facebookexternalhit/1.1", nil, "link_preview"),
    ("TelegramBot (like TwitterBot)", nil, "link_preview"),
    ("Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)", nil, "bot"),
    ("curl/8.4.0", nil, "tool"),
    ("Mozilla/5.0 (X11; Linux x86_64) Chrome/120", "prefetch;anonymous-client-ip", "prefetch"),
    ("", nil, "no_agent"),
])
func visitorsAreLabelledNotDropped(_ agent: String, _ purpose: String?, _ label: String?) {
    #expect(Visitor.label(userAgent: agent, purpose: purpose) == label)
}
