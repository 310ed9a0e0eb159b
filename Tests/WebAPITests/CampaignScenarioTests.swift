import Accounts
import Audience
import Database
import Foundation
import Persistence
import Testing
import TestSupport
import WebAPI

/// Campaigns end to end: the audience frozen at the start, one inbox message per person even after a crash, caps and
/// quiet hours that defer instead of dropping, reminders first, and group robots with retries, timeouts and no
/// double posts.
@Suite(.serialized) struct CampaignScenarioTests {
    @Test func aCampaignReachesEveryMemberOnceAndTheirInboxShowsIt() throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        // A resident with an account: their profile is made on first use of the inbox.
        _ = try world.app.accounts.createUser(NewUser(username: "jumin", displayName: "居民甲", password: "password-jumin", roles: [.resident]),
                                              actor: .system)
        let resident = Browser(port: world.port)
        try resident.start()
        #expect(try resident.post("/api/v1/auth/login", json: ["username": "jumin", "password": "password-jumin"]).status == 200)
        let empty = try resident.get("/api/v1/inbox")
        #expect(empty.status == 200 && empty.json["unread"] as? Int == 0, "\(empty.text)")
        let me = try world.app.store.pool.read { try $0.queryOne("SELECT p.id FROM profiles p JOIN users u ON u.id = p.user_id WHERE u.username = 'jumin'")?.int("id") }!
        let segment = try CampaignFixture.addSegment(world.app.store, name: "全县居民", members: 5, heldOut: 1, extra: [me], now: world.clock.now)

        let id = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id))
        var progress = try staff.get("/api/v1/campaigns/\(id)/progress").json
        #expect(progress["audience"] as? Int == 5 && progress["heldOut"] as? Int == 1 && progress["pending"] as? Int == 5, "\(progress)")
        #expect(progress["status"] as? String == "sending")
        let pass = try world.send()
        #expect(pass.sent == 5 && pass.finished == 1)
        progress = try staff.get("/api/v1/campaigns/\(id)/progress").json
        #expect(progress["sent"] as? Int == 5 && progress["percent"] as? Int == 100 && progress["etaSeconds"] as? Int == 0)
        #expect(progress["status"] as? String == "done")
        let list = try staff.get("/api/v1/campaigns").json["items"] as? [[String: Any]]
        #expect(list?.first?["percent"] as? Int == 100 && list?.first?["status"] as? String == "done")

        let counts = try world.inboxCounts()
        #expect(counts.count == 5 && counts.values.allSatisfy { $0 == 1 } && counts[segment.profiles[0]] == nil, "the held-out member is not reached")
        let inbox = try resident.get("/api/v1/inbox").json
        let item = (inbox["items"] as? [[String: Any]])?.first
        #expect(inbox["unread"] as? Int == 1 && item?["slug"] as? String == "xianfa-zhou" && item?["kind"] as? String == "campaign", "\(inbox) me=\(me) \(counts)")
        #expect(item?["summary"] as? String == "国家宪法日是每年 12 月 4 日。" && item?["note"] as? String == "请阅读")
        let deliveryId = item?["id"] as? Int ?? 0
        #expect(try resident.post("/api/v1/inbox/\(deliveryId)/seen", json: [String: Any]()).status == 204)
        #expect(try resident.get("/api/v1/inbox").json["unread"] as? Int == 0)
        // Starting again does nothing: the campaign is done.
        #expect(try staff.post("/api/v1/campaigns/\(id)/start", json: [String: Any]()).errorCode == "wrong_state")
        #expect(try world.send().sent == 0)
    }

    @Test func aCampaignKilledMidSendResumesWithoutADuplicate() throws {
        let receiver = try RobotReceiver { _ in (200, 0) }
        defer { receiver.stop() }
        let first = try CampaignApp(batchSize: 2)
        defer { first.remove() }
        let staff = try first.admin()
        try CampaignFixture.addPiece(staff)
        let robot = try json(staff, "POST", "/api/v1/robots", ["name": "县普法群", "kind": "wecom", "url": receiver.url]).json["id"] as? Int ?? 0
        let segment = try CampaignFixture.addSegment(first.app.store, name: "七人", members: 7, now: first.clock.now)
        let id = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id, channels: ["inbox", "robots"], robots: [robot]))
        // One batch of two goes out; then the process dies while posting to the robot ('sending' already committed).
        try first.app.store.pool.write { db in
            try db.run("UPDATE robot_messages SET status = 'sending', attempts = 1")
        }
        let batch = try first.app.store.sendBatch(runId: first.app.store.campaignRuns(campaignId: id)[0].id, limit: 2,
                                                  policy: DeliveryPolicy(), now: first.clock.now)
        #expect(batch.sent == 2)
        first.close()

        let second = try CampaignApp(directory: first.directory, clock: first.clock, batchSize: 2)
        defer { second.close() }
        for _ in 0..<10 {
            second.clock.advance(seconds: 60)
            try second.send()
        }
        let counts = try second.inboxCounts()
        #expect(counts.count == 7 && counts.values.allSatisfy { $0 == 1 }, "each person exactly once: \(counts)")
        let staff2 = try second.admin()
        let progress = try staff2.get("/api/v1/campaigns/\(id)/progress").json
        let robots = progress["robots"] as? [[String: Any]]
        #expect(robots?.first?["status"] as? String == "unknown" && receiver.count == 0, "never posted again on its own: \(progress)")
        #expect(progress["sent"] as? Int == 7 && progress["status"] as? String == "done")
        // Staff decide: resend posts it once.
        let messageId = robots?.first?["id"] as? Int ?? 0
        #expect(try staff2.post("/api/v1/robot-messages/\(messageId)/resend", json: [String: Any]()).status == 204)
        try second.send()
        #expect(receiver.count == 1)
        #expect(try staff2.post("/api/v1/robot-messages/\(messageId)/resend", json: [String: Any]()).errorCode == "wrong_state",
                "a sent message is not resent")
    }

    @Test func capsAndQuietHoursDeferDeliveriesInsteadOfDroppingThem() throws {
        let world = try CampaignApp(policy: DeliveryPolicy(perDay: 1, perWeek: 10))
        defer { world.close(); world.remove() }
        var staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let segment = try CampaignFixture.addSegment(world.app.store, name: "三人", members: 3, now: world.clock.now)
        let a = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id, name: "第一次"))
        #expect(try world.send().sent == 3)
        let b = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id, name: "第二次"))
        let pass = try world.send()
        #expect(pass.sent == 0 && pass.deferred == 3)
        var progress = try staff.get("/api/v1/campaigns/\(b)/progress").json
        #expect((progress["deferred"] as? [String: Int]) == ["daily_cap": 3] && progress["pending"] as? Int == 3, "\(progress)")
        #expect((progress["etaSeconds"] as? Int ?? 0) > 23 * 3600, "the ETA waits for the cap to open")
        // 22:13 the same day: still capped, and quiet besides; the next morning at 08:00 after the cap opened at 10:13.
        world.clock.advance(seconds: 12 * 3600)
        #expect(try world.send().sent == 0)
        world.clock.advance(seconds: 12 * 3600 + 60)
        #expect(try world.send().sent == 3)
        staff = try world.admin()   // a day later: a new session
        progress = try staff.get("/api/v1/campaigns/\(b)/progress").json
        #expect(progress["sent"] as? Int == 3 && progress["status"] as? String == "done")
        #expect(try world.inboxCounts().values.allSatisfy { $0 == 2 })
        _ = a

        // Quiet hours: started at 23:00 Beijing, delivered at 08:00.
        let night = try CampaignFixture.addSegment(world.app.store, name: "夜间", members: 2, now: world.clock.now)
        let next = BeijingQuiet.nextLocal(hour: 23, after: world.clock.now)
        world.clock.advance(seconds: (next - world.clock.now) / 1000)
        staff = try world.admin()
        let c = try CampaignFixture.start(staff, CampaignFixture.campaign(night.id, name: "夜间推送"))
        #expect(try world.send().deferred == 2)
        #expect((try staff.get("/api/v1/campaigns/\(c)/progress").json["deferred"] as? [String: Int]) == ["quiet_hours": 2])
        world.clock.advance(seconds: 8 * 3600)   // 07:00
        #expect(try world.send().sent == 0)
        world.clock.advance(seconds: 3600)       // 08:00
        #expect(try world.send().sent == 2)
    }

    @Test func remindersGoFirstAndIgnoreTheCaps() throws {
        let world = try CampaignApp(policy: DeliveryPolicy(perDay: 1, perWeek: 1), batchSize: 10)
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let segment = try CampaignFixture.addSegment(world.app.store, name: "一人", members: 1, now: world.clock.now)
        _ = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id))
        #expect(try world.send().sent == 1)
        let now = world.clock.now
        try world.app.store.pool.write { db in
            try db.run("INSERT INTO study_tasks (title, content_id, deadline, min_seconds, created_at, updated_at) VALUES ('学宪法', 1, ?, 60, ?, ?)",
                       [now + 86_400_000, now, now])
            try db.run("""
                INSERT INTO deliveries (source, task_id, profile_id, content_id, channel, priority, due_at)
                VALUES ('task:1:remind-1', 1, ?, 1, 'inbox', 9, ?)
                """, [segment.profiles[0], now])
        }
        #expect(try world.send().sent == 1, "over the cap, but a reminder")
        let kinds = try world.app.store.pool.read { try $0.query("SELECT kind FROM inbox ORDER BY delivery_id").map { $0.string("kind")! } }
        #expect(kinds == ["campaign", "reminder"])
    }

    @Test func aThrottledCampaignSendsAtItsRate() throws {
        let world = try CampaignApp(batchSize: 500)
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let segment = try CampaignFixture.addSegment(world.app.store, name: "百二", members: 120, now: world.clock.now)
        let id = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id, extra: ["ratePerMinute": 60]))
        #expect(try world.send().sent == 1, "one second's worth at first")
        world.clock.advance(seconds: 5)
        #expect(try world.send().sent == 5)
        let progress = try staff.get("/api/v1/campaigns/\(id)/progress").json
        #expect(progress["etaSeconds"] as? Int == 114 && progress["rate"] as? Int == 60, "\(progress)")
        // Paused: nothing goes; resumed: it carries on.
        #expect(try staff.post("/api/v1/campaigns/\(id)/pause", json: [String: Any]()).json["status"] as? String == "paused")
        world.clock.advance(seconds: 5)
        #expect(try world.send().sent == 0)
        #expect(try staff.post("/api/v1/campaigns/\(id)/resume", json: [String: Any]()).json["status"] as? String == "sending")
        #expect(try world.send().sent == 5)
        #expect(try staff.post("/api/v1/campaigns/\(id)/cancel", json: [String: Any]()).json["status"] as? String == "cancelled")
        let after = try staff.get("/api/v1/campaigns/\(id)/progress").json
        #expect(after["sent"] as? Int == 11 && after["cancelled"] as? Int == 109 && after["pending"] as? Int == 0)
        world.clock.advance(seconds: 60)
        #expect(try world.send().sent == 0)
    }

    @Test func aYearlyCampaignStartsOnItsDayAndSchedulesTheNextYear() throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let segment = try CampaignFixture.addSegment(world.app.store, name: "宪法周", members: 2, now: world.clock.now)
        let id = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id, extra: ["schedule": "yearly", "yearly": "12-04 09:00"]))
        #expect(try staff.get("/api/v1/campaigns/\(id)").json["status"] as? String == "scheduled")
        #expect(try staff.get("/api/v1/campaigns/\(id)/progress").json["nextRunAt"] as? String != nil, "staff see when it will go")
        #expect(try world.send().started == 0)
        let dec4 = CampaignSchedule.yearly(month: 12, day: 4, minute: 540).nextRun(after: world.clock.now)!
        world.clock.advance(seconds: (dec4 - world.clock.now) / 1000)
        let pass = try world.send()
        #expect(pass.started == 1 && pass.sent == 2 && pass.finished == 1)
        let later = try world.admin()
        #expect(try later.get("/api/v1/campaigns/\(id)").json["status"] as? String == "scheduled", "waiting for next year")
        let runs = try world.app.store.campaignRuns(campaignId: id)
        #expect(runs.count == 2 && runs[0].startsAt == CampaignSchedule.yearly(month: 12, day: 4, minute: 540).nextRun(after: dec4))
    }
}

enum BeijingQuiet {
    /// The next moment after `after` when Beijing clocks show `hour`:00.
    static func nextLocal(hour: Int, after: Int64) -> Int64 {
        let day: Int64 = 86_400_000, offset: Int64 = 8 * 3_600_000
        let local = after + offset
        var candidate = local - local % day + Int64(hour) * 3_600_000 - offset
        while candidate <= after { candidate += day }
        return candidate
    }
}

extension CampaignScenarioTests {
    @Test func aPiecePushedToTheInboxLeadsTheFeedWithItsReason() throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        _ = try world.app.accounts.createUser(NewUser(username: "jumin", displayName: "居民甲", password: "password-jumin", roles: [.resident]),
                                              actor: .system)
        let resident = Browser(port: world.port)
        try resident.start()
        #expect(try resident.post("/api/v1/auth/login", json: ["username": "jumin", "password": "password-jumin"]).status == 200)
        _ = try resident.get("/api/v1/inbox")
        let me = try world.app.store.pool.read {
            try $0.queryOne("SELECT p.id FROM profiles p JOIN users u ON u.id = p.user_id WHERE u.username = 'jumin'")?.int("id")
        }!
        let segment = try CampaignFixture.addSegment(world.app.store, name: "居民", members: 2, extra: [me], now: world.clock.now)
        _ = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id))
        _ = try world.send()
        let feed = try resident.get("/api/v1/feed").json["items"] as? [[String: Any]]
        #expect(feed?.first?["slug"] as? String == "xianfa-zhou" && feed?.first?["reasonCode"] as? String == "inbox", "\(feed ?? [])")
    }
}

extension CampaignScenarioTests {
    @Test func aPieceReadersCannotOpenIsNeverPushed() throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        var future = CampaignFixture.piece
        future["publish"] = "2099-01-01"
        #expect(try json(staff, "PUT", "/api/v1/content-admin/weilai", future).status == 201)
        var draft = CampaignFixture.piece
        draft["status"] = "draft"
        #expect(try json(staff, "PUT", "/api/v1/content-admin/caogao", draft).status == 201)
        let segment = try CampaignFixture.addSegment(world.app.store, name: "居民", members: 2, now: world.clock.now)
        for slug in ["weilai", "caogao"] {
            let r = try json(staff, "POST", "/api/v1/campaigns", CampaignFixture.campaign(segment.id, slug: slug))
            #expect(r.status == 422 && r.errorCode == "validation_failed" && r.text.contains(slug), "\(slug): \(r.text)")
        }
        // A piece retired after the campaign was drafted: starting it is refused, nothing is frozen.
        try CampaignFixture.addPiece(staff)
        let created = try json(staff, "POST", "/api/v1/campaigns", CampaignFixture.campaign(segment.id))
        let id = try #require(created.json["id"] as? Int)
        var retired = CampaignFixture.piece
        retired["status"] = "retired"
        #expect(try json(staff, "PUT", "/api/v1/content-admin/xianfa-zhou", retired).status == 200)
        let start = try staff.post("/api/v1/campaigns/\(id)/start", json: [String: Any]())
        #expect(start.status == 422, "\(start.text)")
        #expect(try world.app.store.pool.read { try $0.scalar("SELECT count(*) FROM deliveries") } == .integer(0))
    }
}
