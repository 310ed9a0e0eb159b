import Accounts
import Database
import Secrets
import Draws
import Foundation
import Testing
import TestSupport

/// Required study (学习任务): staff assign a piece with a deadline and a minimum reading time; readers' effective
/// time completes it; reminders are queued once; escalation goes to the group robots, then to follow-ups.
@Suite struct StudyTaskScenarioTests {
    static var piece: [String: Any] { [
        "title": "继承编要点", "summary": "法定继承的顺序。", "topics": ["继承编"], "audiences": ["civil_servant"],
        "basis": ["《中华人民共和国民法典》第一千一百二十七条"], "body": "## 法定继承\n\n第一顺序：配偶、子女、父母。"] }
    static let day: Int64 = 86_400

    /// A county bureau (unit) with a department, two officials in the department, a published piece.
    struct World {
        let app: TestApp
        let editor: Browser
        let unit: Int
        let department: Int
    }

    static func world() throws -> World {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try json(editor, "PUT", "/api/v1/content-admin/jicheng-yaodian", piece).status == 201)
        let unit = try app.app.store.insertUnit(name: "平安县司法局", parentId: nil, code: nil, now: app.clock.now, actor: .system).id
        let department = try app.app.store.insertUnit(name: "普法科", parentId: unit, code: nil, now: app.clock.now, actor: .system).id
        return World(app: app, editor: editor, unit: unit, department: department)
    }

    static func iso(_ millis: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    static func task(_ w: World, _ usernames: [String], minSeconds: Int = 20, robotIds: [Int] = []) throws -> [String: Any] {
        let r = try json(w.editor, "POST", "/api/v1/study-tasks", [
            "title": "年度学法：继承编", "slug": "jicheng-yaodian", "usernames": usernames, "minSeconds": minSeconds,
            "deadline": iso(w.app.clock.now + 5 * day * 1000), "remindDays": [3, 1], "robotIds": robotIds])
        #expect(r.status == 201, "\(r.text)")
        return r.json
    }

    static func read(_ b: Browser, seconds: Int, depth: Double, slug: String = "jicheng-yaodian",
                     headers: [(String, String)] = []) throws -> RawResponse {
        try json(b, "POST", "/api/v1/reading", ["slug": slug, "seconds": seconds, "scrollDepth": depth], headers: headers)
    }

    @Test func readingTheMinimumCompletesTheTaskPerPersonAndUnit() throws {
        let w = try Self.world()
        let a = try w.app.signedIn([.official], unitId: w.department, username: "zhang-san")
        _ = try w.app.signedIn([.official], unitId: w.department, username: "li-si")
        let created = try Self.task(w, ["zhang-san", "LI-SI"])
        let id = created["id"] as? Int ?? 0
        #expect(created["assignees"] as? Int == 2 && created["completed"] as? Int == 0)

        let opened = try Self.read(a, seconds: 0, depth: 0.2)
        #expect(opened.status == 200 && opened.json["requiredSeconds"] as? Int == 20 && opened.json["seconds"] as? Int == 0
                && opened.json["forTask"] as? Bool == true)
        let feed = try a.get("/api/v1/feed").json["items"] as? [[String: Any]]
        #expect(feed?.first?["slug"] as? String == "jicheng-yaodian" && feed?.first?["reasonCode"] as? String == "task_due", "\(feed ?? [])")
        w.app.clock.advance(seconds: 15)
        #expect(try Self.read(a, seconds: 15, depth: 0.5).json["finished"] as? Bool == false)
        w.app.clock.advance(seconds: 10)
        let done = try Self.read(a, seconds: 10, depth: 1)
        #expect(done.json["seconds"] as? Int == 25 && done.json["finished"] as? Bool == true)
        #expect(done.json["completedTasks"] as? [Int] == [id])

        let mine = try a.get("/api/v1/my/tasks").json["items"] as? [[String: Any]]
        #expect(mine?.count == 1 && mine?.first?["completedAt"] is String && mine?.first?["seconds"] as? Int == 25)
        #expect((try a.get("/api/v1/feed").json["items"] as? [[String: Any]])?.contains { $0["slug"] as? String == "jicheng-yaodian" } == false,
                "a finished piece leaves the feed")

        let detail = try w.editor.get("/api/v1/study-tasks/\(id)").json
        let total = detail["total"] as? [String: Any]
        #expect(total?["assigned"] as? Int == 2 && total?["completed"] as? Int == 1 && total?["rate"] as? Double == 50)
        let units = detail["units"] as? [[String: Any]] ?? []
        #expect(units.map { $0["unitName"] as? String } == ["平安县司法局", "普法科"] && units.map { $0["assigned"] as? Int } == [2, 2])
        let people = detail["people"] as? [[String: Any]] ?? []
        #expect(people.first { $0["username"] as? String == "zhang-san" }?["seconds"] as? Int == 25)
        #expect(people.first { $0["username"] as? String == "li-si" }?["completedAt"] == nil)
    }

    @Test func aReportCannotClaimMoreThanTheTimeThatPassed() throws {
        let w = try Self.world()
        let a = try w.app.signedIn([.official], username: "wang-wu")
        let first = try Self.read(a, seconds: 3600, depth: 1)
        #expect(first.status == 200 && first.json["seconds"] as? Int == 20, "one interval plus slack, not an hour: \(first.text)")
        for _ in 0..<5 { _ = try Self.read(a, seconds: 3600, depth: 1) }
        #expect(try Self.read(a, seconds: 3600, depth: 1).json["seconds"] as? Int == 20, "quick repeats add nothing")
        w.app.clock.advance(seconds: 3600)
        #expect(try Self.read(a, seconds: 3600, depth: 1).json["seconds"] as? Int == 80, "at most a minute per report")

        #expect(try Self.read(w.app.browser().startedBrowser(), seconds: 15, depth: 1).status == 204, "anonymous: nothing stored")
        #expect(try Self.read(a, seconds: 15, depth: 1, slug: "no-such-piece").status == 404)
        #expect(try Self.read(a, seconds: -5, depth: 1).status == 400)
        #expect(try Self.read(a, seconds: 5, depth: 1.5).status == 400)

        // A resident known by the browser token a quiz entry left.
        try w.app.app.store.pool.write { db in
            _ = try db.run("INSERT INTO profiles (id, phone, display_name, groups_mask, created_at, updated_at) VALUES (900, '13900139000', '村民', 128, 0, 0)")
            _ = try db.run("INSERT INTO profile_tokens (token_digest, profile_id, created_at) VALUES (?, 900, 0)", [Digest.sha256Hex("resident-token")])
        }
        let resident = try w.app.browser().startedBrowser()
        let r = try Self.read(resident, seconds: 10, depth: 0.3, headers: [("X-Profile-Token", "resident-token")])
        #expect(r.status == 200 && r.json["seconds"] as? Int == 10)
        let feed = try resident.get("/api/v1/feed", headers: [("X-Profile-Token", "resident-token")]).json["items"] as? [[String: Any]]
        #expect(feed?.isEmpty == true, "a civil servants' piece is not offered to a villager")
        let anonymousFeed = try w.app.browser().get("/api/v1/feed").json["items"] as? [[String: Any]]
        #expect(anonymousFeed?.isEmpty == true)
    }

    @Test func remindersAreQueuedOnceThenEscalatedToRobotsAndFollowups() throws {
        let w = try Self.world()
        _ = try w.app.signedIn([.official], unitId: w.department, username: "zhao-liu")
        _ = try w.app.signedIn([.official], unitId: w.department, username: "qian-qi")
        let created = try json(w.editor, "POST", "/api/v1/robots", ["name": "普法科群", "kind": "dingtalk", "url": "https://example.invalid/hook",
                                                                   "unitId": w.unit])
        #expect(created.status == 201 && created.json["unitId"] as? Int == w.unit, "\(created.text)")
        let robot = created.json["id"] as? Int ?? 0
        let id = try Self.task(w, ["zhao-liu", "qian-qi"], robotIds: [robot])["id"] as? Int ?? 0
        let inUse = try w.editor.send("DELETE", "/api/v1/robots/\(robot)")
        #expect(inUse.status == 409 && inUse.text.contains("年度学法：继承编"), "an open task escalates to it: \(inUse.text)")
        let tasks = w.app.app.studyTasks
        #expect(try tasks.remindOnce().reminders == 0, "nothing is due five days ahead")
        w.app.clock.advance(seconds: 2 * Self.day + 1)
        #expect(try tasks.remindOnce().reminders == 2)
        #expect(try tasks.remindOnce().reminders == 0, "a second pass queues nothing again")
        let rows = try w.app.app.store.pool.read { db in
            try db.query("SELECT source, priority, channel, status, task_id FROM deliveries ORDER BY profile_id")
        }
        #expect(rows.map { $0.string("source") } == ["task:\(id):remind-3", "task:\(id):remind-3"])
        #expect(rows.allSatisfy { $0.int("priority") == 9 && $0.string("channel") == "inbox" && $0.string("status") == "pending" && $0.int("task_id") == id })

        // zhao-liu finishes; qian-qi does not.
        w.app.clock.advance(seconds: 20)
        // Days have passed (sessions expire when idle): sign in again.
        let finished = try Self.read(try Self.signIn(w.app, "zhao-liu"), seconds: 20, depth: 1)
        #expect(finished.json["finished"] as? Bool == true, "\(finished.status) \(finished.text)")
        w.app.clock.advance(seconds: 2 * Self.day)
        #expect(try tasks.remindOnce().reminders == 1, "remind-1 only for who has not finished")
        w.app.clock.advance(seconds: Self.day)
        let escalated = try tasks.remindOnce()
        #expect(escalated.robotMessages == 1 && escalated.followups == 0)
        #expect(try tasks.remindOnce().robotMessages == 0)
        let message = try w.app.app.store.pool.read { try $0.queryOne("SELECT source, body_json, status FROM robot_messages") }
        #expect(message?.string("source") == "task:\(id):escalate-1" && message?.string("status") == "pending")
        #expect(message?.string("body_json")?.contains("qian-qi") == true && message?.string("body_json")?.contains("zhao-liu") == false)

        w.app.clock.advance(seconds: 2 * Self.day)
        #expect(try tasks.remindOnce().followups == 1)
        #expect(try tasks.remindOnce().followups == 0)
        let staff = try w.app.admin()
        let people = try staff.get("/api/v1/study-tasks/\(id)").json["people"] as? [[String: Any]] ?? []
        let late = people.first { $0["username"] as? String == "qian-qi" }
        #expect(late?["escalation"] as? Int == 2 && late?["reminders"] as? Int == 2 && late?["reminded"] as? String == "remind-1")
        let followups = try staff.get("/api/v1/followups").json["items"] as? [[String: Any]] ?? []
        #expect(followups.count == 1 && followups.first?["unitName"] as? String == "普法科")
        let fid = followups.first?["id"] as? Int ?? 0
        let resolved = try json(staff, "POST", "/api/v1/followups/\(fid)/resolve", ["note": "已电话督促"])
        #expect(resolved.status == 200 && resolved.json["resolvedAt"] is String && resolved.json["note"] as? String == "已电话督促")
        #expect((try staff.get("/api/v1/followups").json["items"] as? [Any])?.isEmpty == true)
        let missing = try json(staff, "POST", "/api/v1/followups/999/resolve", [:])
        #expect(missing.status == 404, "\(missing.text)")

        let closed = try json(staff, "POST", "/api/v1/study-tasks/\(id)/close", [:])
        #expect(closed.status == 200 && closed.json["status"] as? String == "closed")
    }

    @Test func exportsListEveryoneWithMaskedPhones() throws {
        let w = try Self.world()
        _ = try w.app.signedIn([.official], unitId: w.department, username: "sun-ba")
        try w.app.app.store.pool.write { _ = try $0.run("UPDATE users SET phone = '13800138000', rank = 'civil_servant' WHERE username = 'sun-ba'") }
        let id = try Self.task(w, ["sun-ba"])["id"] as? Int ?? 0
        let csv = try w.editor.get("/api/v1/study-tasks/\(id)/export.csv")
        #expect(csv.status == 200 && csv.header("Content-Type")?.hasPrefix("text/csv") == true)
        #expect(csv.text.contains("sun-ba") && csv.text.contains("138****8000") && !csv.text.contains("13800138000"), "\(csv.text)")
        #expect(csv.text.contains("未完成") && csv.text.contains("普法科"))
        let xlsx = try w.editor.get("/api/v1/study-tasks/\(id)/export.xlsx")
        #expect(xlsx.status == 200 && Array(xlsx.body.prefix(2)) == [0x50, 0x4B], "a zip (xlsx)")
        let detail = try w.editor.get("/api/v1/study-tasks/\(id)").text
        #expect(detail.contains("138****8000") && !detail.contains("13800138000"))
    }

    @Test func badRequestsAreRefusedWithTheirReason() throws {
        let w = try Self.world()
        _ = try w.app.signedIn([.official], username: "zhou-jiu")
        func create(_ change: [String: Any]) throws -> RawResponse {
            var body: [String: Any] = ["title": "任务", "slug": "jicheng-yaodian", "usernames": ["zhou-jiu"], "minSeconds": 60,
                                       "deadline": Self.iso(w.app.clock.now + 86_400_000)]
            body.merge(change) { $1 }
            return try json(w.editor, "POST", "/api/v1/study-tasks", body)
        }
        #expect(try create([:]).status == 201)
        let past = try create(["deadline": Self.iso(w.app.clock.now - 1000)])
        #expect(past.status == 400 && past.text.contains("deadline"))
        #expect(try create(["deadline": "tomorrow"]).status == 400)
        let unknown = try create(["usernames": ["zhou-jiu", "nobody-1", "nobody-2"]])
        #expect(unknown.status == 422 && unknown.errorCode == "unknown_people" && unknown.text.contains("nobody-1") && unknown.text.contains("nobody-2"))
        #expect(try create(["slug": "no-such-piece"]).status == 404)
        #expect(try create(["usernames": []]).status == 400, "no one assigned")
        #expect(try create(["title": " "]).status == 400)
        #expect(try create(["minSeconds": -1]).status == 400)
        #expect(try create(["remindDays": [0]]).status == 400)
        #expect(try create(["robotIds": [42]]).status == 400)
        #expect(try create(["segmentId": 42, "usernames": []]).status == 400)
        #expect(try w.editor.get("/api/v1/study-tasks/999").status == 404)
        #expect(try w.editor.get("/api/v1/study-tasks").json["items"].map { ($0 as? [Any])?.count } == 1, "nothing half-created")
    }
}

extension StudyTaskScenarioTests {
    static func signIn(_ app: TestApp, _ name: String) throws -> Browser {
        let b = try app.browser().startedBrowser()
        #expect(try b.post("/api/v1/auth/login", json: ["username": name, "password": "password-\(name)"]).status == 200)
        return b
    }
}

extension Browser {
    /// A browser that fetched the session (and so holds the CSRF cookie) without signing in.
    func startedBrowser() throws -> Browser {
        try start()
        return self
    }
}
