import Accounts
import Audience
import Database
import Draws
import Foundation
import Persistence
import Secrets
import Testing
import TestSupport
import WebAPI

/// Group robots against a local receiver: retries with backoff and DingTalk's signature, a hanging webhook cut by the
/// timeout, failure after the last attempt, nothing posted twice; and the console's bad input.
@Suite(.serialized) struct RobotScenarioTests {
    /// A campaign to the robot only; returns the world, the staff browser and the campaign id.
    func robotCampaign(_ receiver: RobotReceiver, kind: String = "dingtalk", secret: String? = nil, timeout: Double = 2) throws
        -> (CampaignApp, Browser, Int) {
        let world = try CampaignApp(webhookTimeout: timeout)
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        var body: [String: Any] = ["name": "县普法群", "kind": kind, "url": receiver.url]
        if let secret { body["secret"] = secret }
        let robot = try json(staff, "POST", "/api/v1/robots", body).json["id"] as? Int ?? 0
        let segment = try CampaignFixture.addSegment(world.app.store, name: "群", members: 1, now: world.clock.now)
        let id = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id, channels: ["robots"], robots: [robot]))
        return (world, staff, id)
    }

    func robotStatus(_ staff: Browser, _ id: Int) throws -> [String: Any] {
        (try staff.get("/api/v1/campaigns/\(id)/progress").json["robots"] as? [[String: Any]])?.first ?? [:]
    }

    @Test func aSignedDingTalkMessageIsSentAfterTwoFailures() throws {
        let receiver = try RobotReceiver(secret: "SEC-test-secret") { attempt in (attempt <= 2 ? 500 : 200, 0) }
        defer { receiver.stop() }
        let (world, staff, id) = try robotCampaign(receiver, secret: "SEC-test-secret")
        defer { world.close(); world.remove() }
        #expect(try world.send().robotsFailed == 1)
        var robot = try robotStatus(staff, id)
        #expect(robot["status"] as? String == "pending" && robot["attempts"] as? Int == 1 && robot["error"] as? String == "HTTP 500")
        #expect(try world.send().robotsFailed == 0, "not before the backoff")
        world.clock.advance(seconds: 30)
        #expect(try world.send().robotsFailed == 1)
        world.clock.advance(seconds: 119)
        #expect(try world.send().robotsPosted == 0)
        world.clock.advance(seconds: 1)
        let pass = try world.send()
        #expect(pass.robotsPosted == 1 && pass.finished == 1)
        robot = try robotStatus(staff, id)
        #expect(robot["status"] as? String == "sent" && robot["attempts"] as? Int == 3 && robot["error"] == nil)
        let hits = receiver.all
        #expect(hits.count == 3 && hits.allSatisfy(\.signed), "every attempt carries a valid signature")
        let body = try JSONSerialization.jsonObject(with: Data(hits[2].body.utf8)) as? [String: Any]
        let markdown = body?["markdown"] as? [String: String]
        #expect(body?["msgtype"] as? String == "markdown" && markdown?["title"] == "宪法宣传周：宪法是根本大法")
        #expect(markdown?["text"]?.contains("https://pufa.example.cn/read?c=1&via=robot#/xianfa-zhou") == true)
        world.clock.advance(seconds: 3600)
        try world.send()
        #expect(receiver.count == 3, "nothing is posted twice")
    }

    @Test func aHangingWebhookIsCutByTheTimeoutAndRecorded() throws {
        let receiver = try RobotReceiver { _ in (200, 3) }
        defer { receiver.stop() }
        let (world, staff, id) = try robotCampaign(receiver, kind: "wecom", timeout: 1)
        defer { world.close(); world.remove() }
        let started = Date()
        #expect(try world.send().robotsFailed == 1)
        #expect(Date().timeIntervalSince(started) < 2.9, "the timeout, not the receiver, ended the wait")
        let robot = try robotStatus(staff, id)
        #expect(robot["status"] as? String == "pending" && (robot["error"] as? String)?.contains("timed out") == true, "\(robot)")
    }

    @Test func aWebhookThatAlwaysFailsEndsFailedAfterFiveAttempts() throws {
        let receiver = try RobotReceiver { _ in (500, 0) }
        defer { receiver.stop() }
        let (world, _, id) = try robotCampaign(receiver, kind: "wecom")
        defer { world.close(); world.remove() }
        for _ in 0..<8 {
            try world.send()
            world.clock.advance(seconds: 3600)
        }
        let staff = try world.admin()
        let robot = try robotStatus(staff, id)
        #expect(robot["status"] as? String == "failed" && robot["attempts"] as? Int == 5 && robot["error"] as? String == "HTTP 500")
        #expect(receiver.count == 5)
        #expect(try staff.get("/api/v1/campaigns/\(id)").json["status"] as? String == "done", "a failed robot does not hold the run")
        // Resend: tried again from the first attempt.
        #expect(try staff.post("/api/v1/robot-messages/\(robot["id"] as? Int ?? 0)/resend", json: [String: Any]()).status == 204)
        try world.send()
        #expect(receiver.count == 6)
    }

    @Test func robotsKeepTheirSecretAndRefuseOtherSchemes() throws {
        let receiver = try RobotReceiver(secret: "SEC-abc") { _ in (200, 0) }
        defer { receiver.stop() }
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        let created = try json(staff, "POST", "/api/v1/robots", ["name": "钉钉群", "kind": "dingtalk", "url": receiver.url, "secret": "SEC-abc"])
        #expect(created.status == 201 && created.json["secretSet"] as? Bool == true && !created.text.contains("SEC-abc"))
        let id = created.json["id"] as? Int ?? 0
        #expect(!(try staff.get("/api/v1/robots").text.contains("SEC-abc")))
        #expect(!(try staff.get("/api/v1/audit").text.contains("SEC-abc")), "not in the audit log either")
        let test = try staff.post("/api/v1/robots/\(id)/test", json: [String: Any]())
        #expect(test.status == 200 && test.json["ok"] as? Bool == true && receiver.all.first?.signed == true, "\(test.text)")
        // An edit without the secret keeps it; "" removes it (and the signed receiver then refuses).
        #expect(try json(staff, "PUT", "/api/v1/robots/\(id)", ["name": "钉钉群", "kind": "dingtalk", "url": receiver.url]).json["secretSet"] as? Bool == true)
        #expect(try json(staff, "PUT", "/api/v1/robots/\(id)", ["name": "钉钉群", "kind": "dingtalk", "url": receiver.url, "secret": ""]).json["secretSet"] as? Bool == false)
        let unsigned = try staff.post("/api/v1/robots/\(id)/test", json: [String: Any]())
        #expect(unsigned.json["ok"] as? Bool == false && (unsigned.json["error"] as? String)?.contains("310000") == true)

        for url in ["ftp://example.cn/hook", "javascript:alert(1)", "file:///etc/passwd", "http://", "oapi.dingtalk.com/robot/send"] {
            let r = try json(staff, "POST", "/api/v1/robots", ["name": "坏地址", "kind": "dingtalk", "url": url])
            #expect(r.status == 400 && r.errorCode == "bad_url", "\(url) → \(r.status)")
        }
        #expect(try json(staff, "POST", "/api/v1/robots", ["name": "", "kind": "slack", "url": "https://x.cn/h"]).status == 422)
        #expect(try json(staff, "POST", "/api/v1/robots", ["name": "钉钉群", "kind": "wecom", "url": "https://x.cn/h"]).errorCode == "validation_failed",
                "names are unique")
        #expect(try json(staff, "PUT", "/api/v1/robots/999", ["name": "x", "kind": "wecom", "url": "https://x.cn/h"]).status == 404)
        #expect(try staff.post("/api/v1/robots/999/test", json: [String: Any]()).status == 404)
        #expect(try staff.post("/api/v1/robot-messages/999/resend", json: [String: Any]()).status == 404)
    }

    @Test func aRobotIsDeletedOnlyWhenNoCampaignStillNeedsItAndItNeverSent() throws {
        let receiver = try RobotReceiver { _ in (200, 0) }
        defer { receiver.stop() }
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let spare = try json(staff, "POST", "/api/v1/robots", ["name": "建错的群", "kind": "wecom", "url": receiver.url]).json["id"] as? Int ?? 0
        let used = try json(staff, "POST", "/api/v1/robots", ["name": "镇普法群", "kind": "wecom", "url": receiver.url]).json["id"] as? Int ?? 0
        let segment = try CampaignFixture.addSegment(world.app.store, name: "群", members: 1, now: world.clock.now)
        let draft = try json(staff, "POST", "/api/v1/campaigns", CampaignFixture.campaign(segment.id, name: "十二月推送", channels: ["robots"],
                                                                                          robots: [used])).json["id"] as? Int ?? 0

        #expect(try staff.send("DELETE", "/api/v1/robots/\(spare)").status == 204)
        #expect(try staff.get("/api/v1/robots").json["items"].map { "\($0)" }?.contains("建错的群") == false)
        #expect(try staff.get("/api/v1/audit").text.contains("robot.delete"))
        let inUse = try staff.send("DELETE", "/api/v1/robots/\(used)")
        #expect(inUse.status == 409 && inUse.errorCode == "wrong_state" && inUse.text.contains("十二月推送"), "\(inUse.text)")
        #expect(try staff.post("/api/v1/campaigns/\(draft)/start", json: [String: Any]()).status == 200)
        try world.send()
        #expect(receiver.count == 1)
        let sent = try staff.send("DELETE", "/api/v1/robots/\(used)")
        #expect(sent.status == 409 && sent.text.contains("disable it instead"), "its messages keep their record: \(sent.text)")
        #expect(try staff.send("DELETE", "/api/v1/robots/\(spare)").status == 404)
        #expect(try staff.send("DELETE", "/api/v1/robots/abc").status == 404)
    }

    @Test func aRobotsScopeIsSetKeptByAnEditThatLeavesItOutAndCleared() throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        let store = world.app.store
        let unit = try store.insertUnit(name: "锦城司法所", parentId: nil, code: nil, now: world.clock.now, actor: .system).id
        let created = try json(staff, "POST", "/api/v1/robots", ["name": "司法所群", "kind": "wecom", "url": "https://x.cn/h", "unitId": unit])
        #expect(created.status == 201 && created.json["unitId"] as? Int == unit && created.json["regionId"] == nil, "\(created.text)")
        let id = created.json["id"] as? Int ?? 0
        let kept = try json(staff, "PUT", "/api/v1/robots/\(id)", ["name": "司法所群", "kind": "wecom", "url": "https://x.cn/h2"])
        #expect(kept.json["unitId"] as? Int == unit && kept.json["url"] as? String == "https://x.cn/h2")
        let cleared = try json(staff, "PUT", "/api/v1/robots/\(id)", ["name": "司法所群", "kind": "wecom", "url": "https://x.cn/h2", "unitId": NSNull()])
        #expect(cleared.status == 200 && cleared.json["unitId"] == nil, "null clears the scope")
        let unknown = try json(staff, "PUT", "/api/v1/robots/\(id)", ["name": "司法所群", "kind": "wecom", "url": "https://x.cn/h2", "regionId": 999])
        #expect(unknown.status == 422 && unknown.text.contains("unknown unit or region"), "\(unknown.text)")
        #expect(try json(staff, "POST", "/api/v1/robots", ["name": "坏范围", "kind": "wecom", "url": "https://x.cn/h", "unitId": 999]).status == 422)
        #expect(try json(staff, "POST", "/api/v1/robots", ["name": "坏范围", "kind": "wecom", "url": "https://x.cn/h", "unitId": "一"]).status == 400)
        #expect(try staff.get("/api/v1/robots").json["items"].map { "\($0)" }?.contains("坏范围") == false, "nothing half-written")
    }

    @Test func badCampaignInputGetsClearErrors() throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let segment = try CampaignFixture.addSegment(world.app.store, name: "二人", members: 2, now: world.clock.now)
        let good = CampaignFixture.campaign(segment.id)
        let cases: [([String: Any], String)] = [
            (["name": ""], "名称"), (["contentSlug": "no-such-piece"], "no-such-piece"), (["segmentId": 999], "segment"),
            (["channels": [String]()], "channels"), (["channels": ["sms"]], "channels"), (["channels": ["robots"], "robotIds": [Int]()], "robot"),
            (["channels": ["robots"], "robotIds": [42]], "no robot 42"), (["priority": 10], "priority"), (["ratePerMinute": 0], "rate"),
            (["schedule": "weekly"], "weekly"), (["schedule": "at"], "needs a time"),
            (["schedule": "at", "startsAt": "2020-01-01T00:00:00Z"], "passed"), (["schedule": "at", "startsAt": "tomorrow"], "ISO-8601"),
            (["schedule": "yearly", "yearly": "02-30 09:00"], "12-04 09:00"), (["message": String(repeating: "长", count: 201)], "200"),
        ]
        for (change, words) in cases {
            let r = try json(staff, "POST", "/api/v1/campaigns", good.merging(change) { $1 })
            #expect(r.status == 422 && r.errorCode == "validation_failed" && r.text.contains(words), "\(change) → \(r.status) \(r.text)")
        }
        #expect(try staff.send("POST", "/api/v1/campaigns", headers: [("Content-Type", "application/json")], body: Array("{".utf8)).status == 400)
        #expect(try json(staff, "POST", "/api/v1/campaigns", ["name": "x"]).status == 400, "missing fields")
        #expect(try staff.get("/api/v1/campaigns/999").status == 404)
        #expect(try staff.get("/api/v1/campaigns/abc").status == 404)
        #expect(try staff.get("/api/v1/campaigns/999/progress").status == 404)
        #expect(try json(staff, "PUT", "/api/v1/campaigns/999", good).status == 404)

        let created = try json(staff, "POST", "/api/v1/campaigns", good)
        let id = created.json["id"] as? Int ?? 0
        #expect(try json(staff, "PUT", "/api/v1/campaigns/\(id)", good.merging(["name": "改名"]) { $1 }).json["name"] as? String == "改名")
        #expect(try staff.post("/api/v1/campaigns/\(id)/pause", json: [String: Any]()).errorCode == "wrong_state", "a draft is not paused")
        #expect(try staff.post("/api/v1/campaigns/\(id)/resume", json: [String: Any]()).errorCode == "wrong_state")
        let progress = try staff.get("/api/v1/campaigns/\(id)/progress").json
        #expect(progress["audience"] as? Int == 0 && progress["runId"] == nil, "no run before the start")
        #expect(try staff.post("/api/v1/campaigns/\(id)/start", json: [String: Any]()).json["status"] as? String == "sending")
        let edit = try json(staff, "PUT", "/api/v1/campaigns/\(id)", good)
        #expect(edit.status == 409 && edit.errorCode == "wrong_state", "a started campaign is not edited")
        #expect(try staff.post("/api/v1/campaigns/\(id)/cancel", json: [String: Any]()).json["status"] as? String == "cancelled")
        #expect(try staff.post("/api/v1/campaigns/\(id)/cancel", json: [String: Any]()).errorCode == "wrong_state")
        #expect(try world.send().sent == 0)
    }

    @Test func theInboxBelongsToItsPerson() throws {
        let world = try CampaignApp()
        defer { world.close(); world.remove() }
        let staff = try world.admin()
        try CampaignFixture.addPiece(staff)
        let segment = try CampaignFixture.addSegment(world.app.store, name: "设备", members: 2, now: world.clock.now)
        _ = try CampaignFixture.start(staff, CampaignFixture.campaign(segment.id))
        try world.send()
        // A resident without an account: the device token given with a quiz entry (stored as a digest).
        try world.app.store.pool.write { db in
            try db.run("INSERT INTO profile_tokens (token_digest, profile_id, created_at) VALUES (?, ?, 0)",
                       [Digest.sha256Hex("device-token-1"), segment.profiles[0]])
        }
        let device = Browser(port: world.port)
        try device.start()
        let anonymous = try device.get("/api/v1/inbox")
        #expect(anonymous.status == 401 && anonymous.errorCode == "no_profile")
        #expect(try device.get("/api/v1/inbox", headers: [("X-Profile-Token", "wrong")]).status == 401)
        let mine = try device.get("/api/v1/inbox", headers: [("X-Profile-Token", "device-token-1")])
        let items = mine.json["items"] as? [[String: Any]] ?? []
        #expect(mine.status == 200 && items.count == 1 && mine.json["unread"] as? Int == 1)
        let others = try world.app.store.inbox(profileId: segment.profiles[1]).items[0].deliveryId
        let notMine = try device.send("POST", "/api/v1/inbox/\(others)/seen", headers: [("X-Profile-Token", "device-token-1")])
        #expect(notMine.status == 404, "another person's message is not found")
        #expect(try device.send("POST", "/api/v1/inbox/\(items[0]["id"] as? Int ?? 0)/seen",
                                headers: [("X-Profile-Token", "device-token-1")]).status == 204)
    }
}
