import Audience
import Database
import Foundation
import Persistence
import Testing
import TestSupport

/// The reach dashboard over a constructed data set with known answers: a repeated opening, an exact duplicate, a bot,
/// events on both sides of Beijing midnight, a late event, a campaign with a member who never opened, a study task
/// and a reader who went on to a quiz and answered everything right.
@Suite struct ReachDashboardScenarioTests {
    // The test clock starts at 2026-09-21 22:13 Beijing; day 1 is 2026-09-21, day 2 is 2026-09-22.
    static let midnight1: Int64 = 1_789_920_000_000
    static func at(_ day: Int, _ hour: Int, _ minute: Int) -> Int64 { midnight1 + Int64(day - 1) * 86_400_000 + Int64(hour * 60 + minute) * 60_000 }

    struct Seeded { let app: TestApp; let editor: Browser; let campaign: Int; let town1: Int; let town2: Int; let village: Int; let unit: Int }

    static func seed() throws -> Seeded {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", ContentScenarioTests.piece).status == 201)
        let store = app.app.store, t = app.clock.now
        let ids = try store.pool.write { db -> [Int] in
            func insert(_ sql: String, _ args: [any SQLBindable]) throws -> Int {
                _ = try db.run(sql, args)
                return Int(db.lastInsertRowID)
            }
            let pieceB = try insert("INSERT INTO content (slug, status, title, created_at, updated_at) VALUES ('piece-b', 'published', '第二篇', ?, ?)", [t, t])
            let county = try insert("INSERT INTO regions (name, level, created_at) VALUES ('平安县', 'county', ?)", [t])
            let town1 = try insert("INSERT INTO regions (parent_id, name, level, created_at) VALUES (?, '东镇', 'town', ?)", [county, t])
            let village = try insert("INSERT INTO regions (parent_id, name, level, created_at) VALUES (?, '东村', 'village', ?)", [town1, t])
            let town2 = try insert("INSERT INTO regions (parent_id, name, level, created_at) VALUES (?, '西镇', 'town', ?)", [county, t])
            let unit = try insert("INSERT INTO units (name, created_at) VALUES ('司法所', ?)", [t])
            let profile = "INSERT INTO profiles (phone, display_name, groups_mask, region_id, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            let leaderAndServant = AudienceGroup.leader.bit | AudienceGroup.civilServant.bit, resident = AudienceGroup.resident.bit
            let p1 = try insert(profile, ["13800000001", "张三丰", leaderAndServant, village, unit, t, t])
            let p2 = try insert(profile, ["13800000002", "李四", resident, town2, nil as Int?, t, t])
            let p3 = try insert(profile, ["13800000003", "王五", resident, village, nil as Int?, t, t])
            let p4 = try insert(profile, ["13800000004", "赵六", 0, nil as Int?, nil as Int?, t, t])
            let segment = try insert("INSERT INTO segments (name, rule_json, created_at, updated_at) VALUES ('全体', '{}', ?, ?)", [t, t])
            let campaign = try insert("""
                INSERT INTO campaigns (name, content_id, segment_id, channels_json, schedule, status, created_at, updated_at)
                VALUES ('反诈推送', 1, ?, '["inbox"]', 'now', 'done', ?, ?)
                """, [segment, t, t])
            let run = try insert("INSERT INTO campaign_runs (campaign_id, starts_at, status, frozen_at, audience, held_out) VALUES (?, ?, 'done', ?, 3, 1)",
                                 [campaign, at(1, 10, 0), at(1, 10, 0)])
            for p in [p1, p2, p3] {
                _ = try insert("""
                    INSERT INTO deliveries (source, run_id, profile_id, content_id, channel, status, due_at, sent_at)
                    VALUES (?, ?, ?, 1, 'inbox', 'sent', ?, ?)
                    """, ["run:\(run)", run, p, at(1, 10, 0), at(1, 10, 1)])
            }
            let task = try insert("INSERT INTO study_tasks (title, content_id, deadline, min_seconds, created_at, updated_at) VALUES ('学反诈', 1, ?, 60, ?, ?)",
                                  [at(2, 12, 0), t, t])
            _ = try db.run("INSERT INTO task_assignees (task_id, profile_id, assigned_at, completed_at) VALUES (?, ?, ?, ?)", [task, p1, t, at(1, 23, 0)])
            _ = try db.run("INSERT INTO task_assignees (task_id, profile_id, assigned_at) VALUES (?, ?, ?)", [task, p2, t])
            let round = try insert("""
                INSERT INTO quiz_rounds (title, status, opens_at, closes_at, settings_json, created_at, updated_at)
                VALUES ('宪法竞答', 'published', ?, ?, '{}', ?, ?)
                """, [at(1, 0, 0), at(30, 0, 0), t, t])
            _ = try insert("""
                INSERT INTO quiz_entries (public_id, round_id, token_digest, device_key, day, started_at, items_json, finished_at, score, max_score, phone)
                VALUES ('ABCDEFGH', ?, 'x', 'dev', '2026-09-22', ?, '[]', ?, 10, 10, '13800000001')
                """, [round, at(2, 0, 20), at(2, 0, 25)])
            return [pieceB, town1, village, town2, unit, p1, p2, p3, p4, campaign]
        }
        let (pieceB, town1, village, town2, unit, p1, p2, p4, campaign) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[8], ids[9])
        func e(_ person: String, _ id: String, _ kind: String, content: Int = 1, _ when: Int64, campaign c: Int? = nil, channel: String = "",
               seconds: Int = 0, label: String = "", dims: (Int, Int, Int) = (0, 0, 0)) -> IngestEvent {
            IngestEvent(person: person, clientId: id, kind: kind, contentId: content, campaignId: c, channel: channel, at: when,
                        day: BeijingDay.of(when), hour: BeijingDay.minuteOfDay(when) / 60, seconds: seconds, label: label,
                        regionId: dims.0, unitId: dims.1, groupsMask: dims.2)
        }
        let d1 = (village, unit, AudienceGroup.leader.bit | AudienceGroup.civilServant.bit), d2 = (town2, 0, AudienceGroup.resident.bit)
        let p1k = "p:\(p1)", p2k = "p:\(p2)"
        try store.ingest([
            e(p1k, "o1", "opened", at(1, 22, 30), campaign: campaign, channel: "inbox", dims: d1),
            e(p1k, "o2", "opened", at(1, 23, 0), campaign: campaign, channel: "inbox", dims: d1),   // again the same day: one person-time
            e(p1k, "r1", "read", at(1, 22, 31), campaign: campaign, channel: "inbox", seconds: 30, dims: d1),
            e(p1k, "f1", "finished", at(1, 22, 40), campaign: campaign, channel: "inbox", dims: d1),
            e(p1k, "o3", "opened", at(2, 0, 10), campaign: campaign, channel: "inbox", dims: d1),    // after midnight: a new person-time
            e(p2k, "o1", "opened", at(2, 0, 5), campaign: campaign, channel: "inbox", dims: d2),
            e(p2k, "r1", "read", at(2, 0, 6), campaign: campaign, channel: "inbox", seconds: 20, dims: d2),
            e("d:anonymous", "o1", "opened", at(2, 1, 0)),
            e("d:crawler", "o1", "opened", at(2, 1, 0), label: "bot"),
            e(p1k, "quiz-ABCDEFGH", "quiz_started", at(2, 0, 20), channel: "quiz", dims: d1),
        ], now: at(2, 1, 0))
        // The exact duplicate is refused; the late event (day 1, arriving on day 2) is counted on day 1.
        #expect(try store.ingest([e(p1k, "o1", "opened", at(1, 22, 30), campaign: campaign, channel: "inbox", dims: d1),
                                  e("p:\(p4)", "late", "opened", content: pieceB, at(1, 21, 0))], now: at(2, 2, 0)) == 1)
        return Seeded(app: app, editor: editor, campaign: campaign, town1: town1, town2: town2, village: village, unit: unit)
    }

    static func measures(_ r: RawResponse) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: ((r.json["measures"] as? [[String: Any]]) ?? []).compactMap { m in
            (m["value"] as? Double).map { (m["id"] as? String ?? "", $0) } ?? (m["value"] as? Int).map { (m["id"] as? String ?? "", Double($0)) }
        })
    }

    @Test func everyMeasureAndTheFunnelHaveTheirKnownValues() throws {
        let s = try Self.seed()
        let range = "from=2026-09-21&to=2026-09-22"
        let summary = try s.editor.get("/api/v1/reach/summary?\(range)")
        #expect(summary.status == 200)
        let m = Self.measures(summary)
        #expect(m["targeted"] == 3 && m["delivered"] == 3)
        #expect(m["reached"] == 4, "P1, P2, the anonymous device and the late P4; the bot is not a person")
        #expect(m["personTimes"] == 5, "P1 on each side of midnight, P2, the device, P4")
        #expect(m["openRate"] == 2.0 / 3.0, "two of three deliveries opened")
        #expect(m["readRate"] == 0.5 && m["engagedTime"] == 25 && m["finishRate"] == 0.25)
        #expect(m["taskCompletion"] == 0.5 && m["quizConversion"] == 0.25)
        let defs = (summary.json["measures"] as? [[String: Any]]) ?? []
        #expect(defs.count == 10 && defs.allSatisfy { ($0["definition"] as? String)?.contains("/") == true })

        let funnel = try s.editor.get("/api/v1/reach/funnel?\(range)").json["steps"] as? [[String: Any]] ?? []
        #expect(funnel.map { $0["count"] as? Int ?? -1 } == [3, 3, 4, 2, 1, 1, 1])
        #expect(funnel.map { $0["id"] as? String ?? "" } == ["targeted", "delivered", "opened", "read", "finished", "quizzed", "passed"])

        // Each side of midnight alone.
        #expect(Self.measures(try s.editor.get("/api/v1/reach/summary?from=2026-09-21&to=2026-09-21"))["reached"] == 2)
        let day2 = Self.measures(try s.editor.get("/api/v1/reach/summary?from=2026-09-22&to=2026-09-22"))
        #expect(day2["reached"] == 3 && day2["personTimes"] == 3 && day2["delivered"] == 0)

        // Filters: a group, a region subtree (the village is inside the town), a campaign.
        #expect(Self.measures(try s.editor.get("/api/v1/reach/summary?\(range)&group=resident"))["reached"] == 1)
        let town = Self.measures(try s.editor.get("/api/v1/reach/summary?\(range)&region=\(s.town1)"))
        #expect(town["reached"] == 1 && town["delivered"] == 2 && town["targeted"] == 2)
        #expect(Self.measures(try s.editor.get("/api/v1/reach/summary?\(range)&campaign=\(s.campaign)"))["reached"] == 2)
        #expect(Self.measures(try s.editor.get("/api/v1/reach/summary?\(range)&content=piece-b"))["reached"] == 1)
    }

    @Test func seriesBreakdownsTopContentAndTheUnreached() throws {
        let s = try Self.seed()
        let hourly = try s.editor.get("/api/v1/reach/series?from=2026-09-21&to=2026-09-22").json
        #expect(hourly["hourly"] as? Bool == true)
        let buckets = Dictionary(uniqueKeysWithValues: ((hourly["buckets"] as? [[String: Any]]) ?? []).map { ($0["bucket"] as? String ?? "", $0["personTimes"] as? Int ?? -1) })
        #expect(buckets.count == 48 && buckets["2026-09-21 21"] == 1 && buckets["2026-09-21 22"] == 1 && buckets["2026-09-22 00"] == 2
                && buckets["2026-09-22 01"] == 1)
        let daily = (try s.editor.get("/api/v1/reach/series?from=2026-09-20&to=2026-09-22").json["buckets"] as? [[String: Any]]) ?? []
        #expect(daily.map { $0["reached"] as? Int ?? -1 } == [0, 2, 3])

        func rows(_ by: String) throws -> [String: [String: Any]] {
            let rows = (try s.editor.get("/api/v1/reach/breakdown?from=2026-09-21&to=2026-09-22&by=\(by)").json["rows"] as? [[String: Any]]) ?? []
            return Dictionary(rows.map { ($0["name"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        }
        let regions = try rows("region")
        #expect(regions["平安县"]?["reached"] as? Int == 2 && regions["东镇"]?["reached"] as? Int == 1 && regions["东村"]?["reached"] as? Int == 1)
        #expect(regions["西镇"]?["reached"] as? Int == 1 && regions["未登记 / unknown"]?["reached"] as? Int == 2)
        let groups = try rows("audience")
        #expect(groups["领导干部"]?["reached"] as? Int == 1 && groups["公务员"]?["reached"] as? Int == 1, "one person in two groups counts in both")
        #expect(groups["群众"]?["reached"] as? Int == 1 && groups["未登记人群"]?["reached"] as? Int == 2)
        let channels = try rows("channel")
        #expect(channels["站内信"]?["personTimes"] as? Int == 3 && channels["直接访问"]?["personTimes"] as? Int == 2)
        #expect(try rows("unit")["司法所"]?["readers"] as? Int == 1)

        let top = (try s.editor.get("/api/v1/reach/top-content?from=2026-09-21&to=2026-09-22").json["items"] as? [[String: Any]]) ?? []
        #expect(top.map { $0["slug"] as? String ?? "" } == ["fanzha-sanbu", "piece-b"] && top.first?["personTimes"] as? Int == 4)

        let missed = try s.editor.get("/api/v1/reach/not-reached?campaign=\(s.campaign)").json
        #expect(missed["total"] as? Int == 1)
        let person = (missed["items"] as? [[String: Any]])?.first
        #expect(person?["name"] as? String == "王*" && person?["phone"] as? String != "13800000003")

        let unfinished = try s.editor.get("/api/v1/reach/not-finished?task=1").json
        #expect(unfinished["total"] as? Int == 1 && (unfinished["items"] as? [[String: Any]])?.first?["name"] as? String == "李*")

        let yearly = try s.editor.get("/api/v1/reach/yearly?year=2026").json
        #expect(yearly["personTimes"] as? Int == 5 && yearly["campaigns"] as? Int == 1 && yearly["targeted"] as? Int == 3)
        #expect((yearly["quizzes"] as? [[String: Any]])?.first?["participants"] as? Int == 1)
        #expect(try s.editor.get("/api/v1/reach/yearly.xlsx?year=2026").status == 200)
        let csv = try s.editor.get("/api/v1/reach/export.csv?from=2026-09-21&to=2026-09-22")
        #expect(csv.status == 200 && csv.text.contains("触达人数") && csv.text.contains("# 漏斗"))
        #expect(try s.editor.get("/api/v1/reach/export.xlsx?from=2026-09-21&to=2026-09-22").body.prefix(2) == [0x50, 0x4B])
    }

    @Test func badInputIsRefusedWithABilingualMessage() throws {
        let s = try Self.seed()
        let bad: [(String, String)] = [
            ("/api/v1/reach/summary?from=2026-13-01", "bad_range"),
            ("/api/v1/reach/summary?from=2026-02-30", "bad_range"),
            ("/api/v1/reach/funnel?from=2026-09-22&to=2026-09-01", "bad_range"),
            ("/api/v1/reach/series?from=2025-01-01&to=2026-09-22", "bad_range"),
            ("/api/v1/reach/summary?content=no-such-piece", "unknown_filter"),
            ("/api/v1/reach/summary?campaign=999", "unknown_filter"),
            ("/api/v1/reach/summary?campaign=abc", "unknown_filter"),
            ("/api/v1/reach/summary?region=999", "unknown_filter"),
            ("/api/v1/reach/summary?unit=999", "unknown_filter"),
            ("/api/v1/reach/summary?group=aliens", "unknown_filter"),
            ("/api/v1/reach/summary?channel=fax", "unknown_filter"),
            ("/api/v1/reach/breakdown?by=planet", "bad_breakdown"),
            ("/api/v1/reach/not-reached", "unknown_filter"),
            ("/api/v1/reach/not-finished?task=99", "unknown_filter"),
            ("/api/v1/reach/yearly?year=abc", "bad_range"),
            ("/api/v1/reach/export.csv?to=2026-9-1", "bad_range"),
        ]
        for (path, code) in bad {
            let r = try s.editor.get(path)
            #expect(r.status == 400 && r.errorCode == code, "\(path)")
            let message = (r.json["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("/"), "bilingual: \(message)")
        }
    }
}

extension ReachDashboardScenarioTests {
    /// 学完测一测: a quiz started from a reading page counts for quiz conversion when the person is known by their
    /// profile token; an anonymous start from the same page is not counted.
    @Test func aQuizStartedFromAReadingPageCountsForAKnownPersonOnly() throws {
        let quiz = QuizScenarioTests()
        let s = try quiz.setUp()
        s.app.clock.advance(seconds: 3_700)  // the round opens an hour after it is set up
        #expect(try json(s.staff, "PUT", "/api/v1/content-admin/fanzha-sanbu", ContentScenarioTests.piece).status == 201)
        let b = s.app.browser()
        try b.start()
        let entry = try json(b, "POST", "/api/v1/quiz/rounds/\(s.roundId)/entries", ["deviceId": "device-0001"])
        let id = try #require(entry.json["entryId"] as? String), token = try #require(entry.json["token"] as? String)
        for q in entry.json["questions"] as? [[String: Any]] ?? [] {
            s.app.clock.advance(seconds: 5)
            let response: [String: Any] = q["type"] as? String == "single" ? ["choice": [1]] : ["judge": true]
            _ = try json(b, "PUT", "/api/v1/quiz/entries/\(id)/answers/\(q["slot"]!)", ["token": token, "response": response])
        }
        let done = try json(b, "POST", "/api/v1/quiz/entries/\(id)/finish", ["token": token, "nickname": "读者", "phone": "13900000001", "regionId": s.village])
        let profileToken = try #require(done.json["profileToken"] as? String, "\(done.text)")

        let known = try json(b, "POST", "/api/v1/quiz/rounds/\(s.roundId)/entries",
                             ["deviceId": "device-0002", "from": "fanzha-sanbu", "token": profileToken])
        #expect(known.status == 201, "\(known.text)")
        let stranger = s.app.browser()
        try stranger.start()
        #expect(try json(stranger, "POST", "/api/v1/quiz/rounds/\(s.roundId)/entries", ["deviceId": "device-0003", "from": "fanzha-sanbu"]).status == 201)

        let funnel = try s.staff.get("/api/v1/reach/funnel?from=2026-09-21&to=2026-09-22").json["steps"] as? [[String: Any]] ?? []
        #expect(funnel.first { $0["id"] as? String == "quizzed" }?["count"] as? Int == 1)
    }
}
