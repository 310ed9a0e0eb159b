import Audience
import Foundation
import Secrets
import Testing

/// Schedules (now, at, yearly with rollover and 02-29), progress and ETA, robot messages and their signature.
@Suite struct CampaignScheduleTests {
    @Test(arguments: [
        ("12-04 09:00", "2026-11-02 12:00", "2026-12-04 09:00"),
        ("12-04 09:00", "2026-12-04 09:00", "2027-12-04 09:00"),   // exactly at the time: the next one
        ("12-04 09:00", "2026-12-04 08:59", "2026-12-04 09:00"),
        ("01-01 00:00", "2026-12-31 23:59", "2027-01-01 00:00"),
        ("02-29 10:00", "2027-01-01 00:00", "2027-02-28 10:00"),   // no 29th in 2027
        ("02-29 10:00", "2027-03-01 00:00", "2028-02-29 10:00"),
    ])
    func yearlyRunsNextAfterAMoment(_ yearly: String, _ after: String, _ expected: String) throws {
        let schedule = try CampaignSchedule.parse(kind: "yearly", startsAt: nil, yearly: yearly, now: 0)
        #expect(schedule.nextRun(after: bj(after)) == bj(expected))
        #expect(schedule.yearlyText == yearly)
    }

    @Test(arguments: ["13-01 09:00", "02-30 09:00", "04-31 09:00", "12-04 24:00", "12-04 9:00", "12/04", "", "１２-04 09:00"])
    func badYearlyDatesAreRefused(_ text: String) {
        #expect(throws: ScheduleError.badYearly(text)) { try CampaignSchedule.parse(kind: "yearly", startsAt: nil, yearly: text, now: 0) }
    }

    @Test func nowAndAt() throws {
        let now = bj("2026-11-02 12:00")
        #expect(try CampaignSchedule.parse(kind: "now", startsAt: nil, yearly: nil, now: now).nextRun(after: now) == now)
        let at = try CampaignSchedule.parse(kind: "at", startsAt: now + 60_000, yearly: nil, now: now)
        #expect(at.nextRun(after: now) == now + 60_000 && at.nextRun(after: now + 60_000) == nil)
        #expect(throws: ScheduleError.inThePast) { try CampaignSchedule.parse(kind: "at", startsAt: now - 1, yearly: nil, now: now) }
        #expect(throws: ScheduleError.missingTime) { try CampaignSchedule.parse(kind: "at", startsAt: nil, yearly: nil, now: now) }
        #expect(throws: ScheduleError.unknownKind("weekly")) { try CampaignSchedule.parse(kind: "weekly", startsAt: nil, yearly: nil, now: now) }
    }

    @Test(arguments: [
        (0, 6000, Int64?.none, 0),
        (6000, 6000, nil, 60),
        (1, 6000, nil, 1),
        (100, 60, nil, 100),
        (10, 6000, Int64(3_600_000), 3600),   // deferred to an hour from now: not before then
    ])
    func etaFromPendingAndRate(_ pending: Int, _ rate: Int, _ latestDue: Int64?, _ expected: Int) {
        #expect(CampaignProgress.etaSeconds(pending: pending, ratePerMinute: rate, now: 0, latestDue: latestDue) == expected)
    }

    @Test func percentDone() {
        #expect(CampaignProgress.percent(done: 0, audience: 0) == 100)
        #expect(CampaignProgress.percent(done: 1, audience: 3) == 33)
        #expect(CampaignProgress.percent(done: 3, audience: 3) == 100)
    }

    @Test func robotPayloadsAndAnswers() throws {
        let ding = try JSONSerialization.jsonObject(with: Data(RobotWebhook.payload(kind: .dingtalk, title: "标题", text: "正文"))) as? [String: Any]
        #expect(ding?["msgtype"] as? String == "markdown" && (ding?["markdown"] as? [String: String]) == ["title": "标题", "text": "正文"])
        let wecom = try JSONSerialization.jsonObject(with: Data(RobotWebhook.payload(kind: .wecom, title: "标题", text: "正文"))) as? [String: Any]
        #expect((wecom?["markdown"] as? [String: String]) == ["content": "正文"])
        #expect(RobotWebhook.failure(status: 200, body: Array(#"{"errcode":0,"errmsg":"ok"}"#.utf8)) == nil)
        #expect(RobotWebhook.failure(status: 200, body: Array(#"{"errcode":310000,"errmsg":"sign not match"}"#.utf8))?.contains("310000") == true)
        #expect(RobotWebhook.failure(status: 500, body: []) == "HTTP 500")
        #expect(RobotWebhook.failure(status: 200, body: Array("<html>".utf8)) != nil)
    }

    @Test func retriesBackOffThenStop() {
        #expect(RobotWebhook.retryAt(now: 0, attempts: 1) == 30_000)
        #expect(RobotWebhook.retryAt(now: 0, attempts: 2) == 120_000)
        #expect(RobotWebhook.retryAt(now: 0, attempts: 4) == 3_600_000)
        #expect(RobotWebhook.retryAt(now: 0, attempts: 5) == nil)
    }

    @Test func dingTalkSignatureMatchesHMACSHA256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        #expect(Sodium.hex(Sodium.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let sign = Sodium.dingTalkSignature(secret: "SEC123", timestampMillis: 1_700_000_000_000)
        let expected = Data(Sodium.hmacSHA256(key: Array("SEC123".utf8), message: Array("1700000000000\nSEC123".utf8))).base64EncodedString()
        #expect(sign.removingPercentEncoding == expected && !sign.contains("+") && !sign.contains("/") && !sign.contains("="))
    }
}
