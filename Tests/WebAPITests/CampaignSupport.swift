import Accounts
import Audience
import Database
import Foundation
import HTTPServer
import Persistence
import Secrets
import Synchronization
import TestSupport
import WebAPI

/// A Pufa app on a directory the test keeps (so a second app can open the same database after the first "crashes"),
/// with the delivery settings a test needs. Starts at 2026-09-22 10:13 Beijing, outside quiet hours.
final class CampaignApp {
    let app: App
    let clock: ManualClock
    let directory: URL
    var port: UInt16 { app.port }

    init(directory: URL? = nil, clock: ManualClock? = nil, policy: DeliveryPolicy = DeliveryPolicy(), batchSize: Int = 500,
         webhookTimeout: Double = 2) throws {
        let dir = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("pufa-camp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Public"), withIntermediateDirectories: true)
        self.directory = dir
        self.clock = clock ?? { let c = ManualClock(); c.advance(seconds: 12 * 3600); return c }()
        var config = AppConfiguration(publicDirectory: dir.appendingPathComponent("Public"))
        config.server.port = 0
        config.server.workerThreads = 4
        config.accessLog = false
        config.passwordCost = .fast
        config.mounts = [:]
        config.sweepIntervalSeconds = 0
        config.sendIntervalMillis = 0
        config.reachSetsIntervalSeconds = 0
        config.deliveryPolicy = policy
        config.sendBatchSize = batchSize
        config.webhookTimeoutSeconds = webhookTimeout
        config.siteURL = "https://pufa.example.cn"
        let store = try Store.open(path: dir.appendingPathComponent("pufa.sqlite").path, readers: 2, now: self.clock.now)
        app = try App(configuration: config, store: store, clock: self.clock.appClock)
        _ = try app.bootstrapAdmin(username: "admin", password: TestApp.adminPassword)
        try app.start()
    }

    func close() { app.shutdown() }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func admin() throws -> Browser {
        let b = Browser(port: port)
        try b.start()
        let r = try b.post("/api/v1/auth/login", json: ["username": "admin", "password": TestApp.adminPassword])
        guard r.status == 200 else { throw ClientError("admin login failed: \(r.text)") }
        return b
    }

    @discardableResult
    func send() throws -> CampaignSender.Pass { try app.campaignSender.sendOnce(now: clock.now) }

    /// Inbox rows per profile.
    func inboxCounts() throws -> [Int: Int] {
        try app.store.pool.read { db in
            Dictionary(uniqueKeysWithValues: try db.query("SELECT profile_id, count(*) AS n FROM inbox GROUP BY profile_id").map {
                ($0.int("profile_id")!, $0.int("n")!)
            })
        }
    }
}

enum CampaignFixture {
    static var piece: [String: Any] { [
        "title": "宪法宣传周：宪法是根本大法", "summary": "国家宪法日是每年 12 月 4 日。", "topics": ["宪法"], "audiences": ["resident"],
        "basis": ["《中华人民共和国宪法》序言"], "body": "## 宪法\n\n宪法具有最高的法律效力。"] }

    static func addPiece(_ staff: Browser, slug: String = "xianfa-zhou") throws {
        let r = try json(staff, "PUT", "/api/v1/content-admin/\(slug)", piece)
        guard r.status == 201 || r.status == 200 else { throw ClientError("content: \(r.text)") }
    }

    /// A segment of `members` new residents (the first `heldOut` of them held out), plus any existing profiles.
    /// A saved segment whose rule selects exactly `members` new residents (by an interest only they have) plus `extra`
    /// profiles included by hand; with `heldOut` > 0 it keeps a 10% hold-out, and residents are created until exactly
    /// `heldOut` of the members fall in it. Computed as the segment service would (`recomputeSegment`).
    static func addSegment(_ store: Store, name: String, members: Int, heldOut: Int = 0, extra: [Int] = [], now: Int64) throws
        -> (id: Int, profiles: [Int]) {
        let percent = heldOut > 0 ? 10 : 0
        let segment: Int = try store.pool.write { db in
            try db.run("INSERT INTO segments (name, rule_json, holdout_percent, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                       [name, #"{"field":"interest","in":["fixture-\#(name)"]}"#, percent, now, now])
            return Int(db.lastInsertRowID)
        }
        var held: [Int] = [], reached: [Int] = []
        var i = 0
        while held.count < heldOut || reached.count < members - heldOut {
            let id: Int = try store.pool.write { db in
                try db.run("INSERT INTO profiles (phone, display_name, groups_mask, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                           [String(format: "139%08d", segment * 10_000 + i), "居民\(i)", AudienceGroup.resident.bit, now, now])
                return Int(db.lastInsertRowID)
            }
            i += 1
            let isHeld = Holdout.isHeldOut(segment: segment, profile: id, percent: percent)
            guard isHeld ? held.count < heldOut : reached.count < members - heldOut else { continue }
            try store.pool.write { _ = try $0.run("UPDATE profiles SET interests_json = ? WHERE id = ?", [#"["fixture-\#(name)"]"#, id]) }
            if isHeld { held.append(id) } else { reached.append(id) }
        }
        try store.pool.write { db in
            for p in extra {
                try db.run("INSERT INTO segment_overrides (segment_id, profile_id, mode, added_at) VALUES (?, ?, 'include', ?)", [segment, p, now])
            }
        }
        _ = try store.recomputeSegment(id: segment, now: now)
        return (segment, held + reached)
    }

    static func campaign(_ segment: Int, slug: String = "xianfa-zhou", name: String = "宪法宣传周推送", channels: [String] = ["inbox"],
                         robots: [Int] = [], extra: [String: Any] = [:]) -> [String: Any] {
        ["name": name, "contentSlug": slug, "segmentId": segment, "channels": channels, "robotIds": robots, "schedule": "now",
         "message": "请阅读", "priority": 1, "ratePerMinute": 6000].merging(extra) { $1 }
    }

    /// Creates and starts a campaign; returns its id.
    static func start(_ staff: Browser, _ body: [String: Any]) throws -> Int {
        let created = try json(staff, "POST", "/api/v1/campaigns", body)
        guard created.status == 201, let id = created.json["id"] as? Int else { throw ClientError("create: \(created.text)") }
        let started = try staff.post("/api/v1/campaigns/\(id)/start", json: [String: Any]())
        guard started.status == 200 else { throw ClientError("start: \(started.text)") }
        return id
    }
}

struct ReceiverContext: RequestContext {
    init(request: Request) {}
}

/// A group robot's webhook on a free port: answers as `script` says for each attempt (status, delay), records what
/// it got and checks DingTalk's signature when given the secret.
final class RobotReceiver: Sendable {
    struct Hit: Sendable { var body: String; var signed: Bool }
    let server: Server
    final class Hits: Sendable { let list = Mutex<[Hit]>([]) }
    let hits = Hits()
    var port: UInt16 { server.port }
    var url: String { "http://127.0.0.1:\(port)/robot/send?access_token=t0k" }

    init(secret: String? = nil, script: @escaping @Sendable (Int) -> (status: Int, delay: Double)) throws {
        let hits = self.hits
        var router = Router<ReceiverContext>()
        router.add(.POST, "/robot/send", operationId: "robot") { request, _ in
            var signed = false
            if let secret, let timestamp = request.query["timestamp"].flatMap(Int64.init), let sign = request.query["sign"] {
                let expected = Sodium.dingTalkSignature(secret: secret, timestampMillis: timestamp)
                signed = sign == expected || sign == expected.removingPercentEncoding
            }
            let attempt = hits.list.withLock { list in
                list.append(Hit(body: String(decoding: request.body, as: UTF8.self), signed: signed))
                return list.count
            }
            let (status, delay) = script(attempt)
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            if secret != nil && !signed { return .text(#"{"errcode":310000,"errmsg":"sign not match"}"#) }
            return .text(status == 200 ? #"{"errcode":0,"errmsg":"ok"}"# : "error", status: status, contentType: "application/json")
        }
        var config = ServerConfiguration()
        config.port = 0
        config.workerThreads = 2
        server = Server(configuration: config, responder: router)
        try server.start()
    }

    var count: Int { hits.list.withLock { $0.count } }
    var all: [Hit] { hits.list.withLock { $0 } }

    func stop() { server.shutdown(timeout: .seconds(10)) }
}
