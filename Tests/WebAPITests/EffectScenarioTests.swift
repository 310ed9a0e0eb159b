import Audience
import Database
import Foundation
import Persistence
import Testing
import TestSupport
import WebAPI

/// The loop end to end: residents' marks on a knowledge point, a segment with a hold-out, a campaign that freezes it,
/// some residents read (as the page reports), later marks arrive, and the effect endpoint finds the known gain.
@Suite(.serialized) struct EffectScenarioTests {
    /// Marks on "宪法" (the fixture piece's topic) on a Beijing day, as the fold writes them.
    static func mark(_ store: Store, _ profile: Int, day: String, answered: Int, correct: Double) throws {
        try store.pool.write { db in
            try db.run("INSERT INTO profile_topic_days (profile_id, topic, day, answered, correct) VALUES (?, '宪法', ?, ?, ?)",
                       [profile, day, answered, correct])
        }
    }

    /// 10 held out, 20 reached of whom 16 read: readers gain exactly 2 of 10 answers; the hold-out and non-readers
    /// do not (non-readers gain 5, which must not count).
    @Test func readersGainTwentyPointsOverTheHoldout() throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let store = world.app.store
        let segment = try CampaignFixture.addSegment(store, name: "效果测量", members: 30, heldOut: 10, now: world.clock.now)
        let held = Array(segment.profiles[0..<10]), reached = Array(segment.profiles[10...])
        let readers = Array(reached[0..<16]), idle = Array(reached[16...])
        let today = BeijingDay.of(world.clock.now)
        func day(_ n: Int) -> String { BeijingDay.of(world.clock.now + Int64(n) * 86_400_000) }
        // Half of each group at 0.4, half at 0.5 before.
        func base(_ i: Int) -> Double { 4 + Double(i % 2) }
        for (i, p) in (held + reached).enumerated() { try Self.mark(store, p, day: day(-3), answered: 10, correct: base(i)) }

        let id = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id))
        let frozen = try store.pool.read { try $0.queryOne("SELECT count(*) AS n FROM campaign_holdouts")?.int("n") }
        #expect(frozen == 10)
        // Membership recomputed later must not change the comparison group.
        try store.pool.write { _ = try $0.run("UPDATE segment_members SET holdout = 0") }

        for p in readers {
            let phone = try store.pool.read { try $0.queryOne("SELECT phone FROM profiles WHERE id = ?", [p])?.string("phone") }!
            let token = try store.residentProfile(phone: phone, nickname: "居民", regionId: nil, now: world.clock.now).token
            let page = Browser(port: world.port)
            try page.start()
            let r = try json(page, "POST", "/api/v1/reading", ["slug": "xianfa-zhou", "seconds": 30, "scrollDepth": 1.0],
                             headers: [("X-Profile-Token", token)])
            #expect(r.status == 200, "\(r.text)")
        }
        // Answers on the reading day itself are left out; the next day and a week later count.
        for (i, p) in readers.enumerated() {
            try Self.mark(store, p, day: day(0), answered: 10, correct: 0)
            try Self.mark(store, p, day: day(1), answered: 10, correct: base(i) + 2)
            try Self.mark(store, p, day: day(8), answered: 10, correct: base(i) + 2)
        }
        for (i, p) in held.enumerated() { try Self.mark(store, p, day: day(2), answered: 10, correct: base(i)) }
        for p in idle { try Self.mark(store, p, day: day(2), answered: 10, correct: 9) }

        let e = try staff.get("/api/v1/reach/effect?campaign=\(id)")
        #expect(e.status == 200, "\(e.text)")
        let r = e.json["readers"] as? [String: Any] ?? [:]
        #expect(r["n"] as? Int == 16)
        #expect(abs((r["difference"] as? Double ?? 0) - 0.2) < 1e-9, "\(r)")
        #expect((r["low"] as? Double ?? 1) <= 0.2 + 1e-9 && (r["high"] as? Double ?? 0) >= 0.2 - 1e-9)
        #expect(abs((r["before"] as? Double ?? 0) - 0.45) < 1e-9 && abs((r["after"] as? Double ?? 0) - 0.65) < 1e-9)
        let vs = e.json["vsHoldout"] as? [String: Any] ?? [:]
        #expect(vs["n"] as? Int == 16 && vs["comparisonN"] as? Int == 10, "\(vs)")
        let diff = vs["difference"] as? Double ?? 0
        #expect(abs(diff - 0.2) < 1e-9 && (vs["low"] as? Double ?? 1) < 0.2 && (vs["high"] as? Double ?? 0) > 0.2 && (vs["low"] as? Double ?? 0) > 0)
        let kept = e.json["retention"] as? [String: Any] ?? [:]
        #expect(kept["n"] as? Int == 16 && abs((kept["difference"] as? Double ?? 0) - 0.2) < 1e-9)
        #expect((e.json["notEnoughData"] as? [String: Any])?.isEmpty == true, "\(e.text)")
        #expect(e.json["knowledgePoints"] as? [String] == ["宪法"])
        #expect((e.json["definitions"] as? [String: String])?["zh"]?.contains("至少答 1 题") == true)

        // The same piece without a campaign: the readers over the day they read, no hold-out.
        let piece = try staff.get("/api/v1/reach/effect?content=xianfa-zhou&from=\(today)&to=\(today)")
        #expect(piece.status == 200, "\(piece.text)")
        #expect((piece.json["readers"] as? [String: Any])?["n"] as? Int == 16 && piece.json["vsHoldout"] is NSNull)
        #expect((piece.json["notEnoughData"] as? [String: Any])?["holdout"] != nil)
        // Asking for 11 answers a side leaves everyone out.
        let strict = try staff.get("/api/v1/reach/effect?campaign=\(id)&minAnswers=11")
        #expect((strict.json["readers"] as? [String: Any])?["n"] as? Int == 0)
        #expect((strict.json["notEnoughData"] as? [String: Any])?["readers"] != nil)
    }

    @Test func aCampaignNotStartedHasNotEnoughData() throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let segment = try CampaignFixture.addSegment(world.app.store, name: "未开始", members: 3, now: world.clock.now)
        let created = try json(staff, "POST", "/api/v1/campaigns", CampaignFixture.campaign(segment.id))
        let id = created.json["id"] as? Int ?? 0
        let e = try staff.get("/api/v1/reach/effect?campaign=\(id)")
        #expect(e.status == 200 && (e.json["notEnoughData"] as? [String: Any])?["campaign"] != nil, "\(e.text)")
        #expect((e.json["readers"] as? [String: Any])?["n"] as? Int == 0 && e.json["retention"] is NSNull)
    }

    @Test(arguments: [
        ("", 400, "missing_subject"),
        ("?campaign=1&content=xianfa-zhou", 400, "missing_subject"),
        ("?campaign=abc", 400, "bad_campaign"),
        ("?campaign=-3", 400, "bad_campaign"),
        ("?campaign=9999", 404, "not_found"),
        ("?content=no-such-piece", 404, "not_found"),
        ("?content=xianfa-zhou&from=2026-13-01", 400, "bad_date"),
        ("?content=xianfa-zhou&from=2026-11-02&to=2026-11-01", 400, "bad_range"),
        ("?content=xianfa-zhou&minAnswers=0", 400, "bad_minimum"),
        ("?content=xianfa-zhou&minAnswers=many", 400, "bad_minimum"),
    ])
    func badInputIsRefusedClearly(query: String, status: Int, code: String) throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let r = try staff.get("/api/v1/reach/effect\(query)")
        #expect(r.status == status && r.errorCode == code, "\(r.text)")
    }
}
