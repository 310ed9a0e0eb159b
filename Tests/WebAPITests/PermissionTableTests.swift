import Accounts
import Foundation
import Testing
import TestSupport

/// Every API route × every role: the server, not the page, decides who may do what.
@Suite struct PermissionTableTests {
    enum Who: String, CaseIterable { case anonymous, admin, editor, organizer, official, resident }

    struct Case: CustomTestStringConvertible, Sendable {
        var method: String
        var path: String
        var body: String?
        var expected: [Who: Int]
        var testDescription: String { "\(method) \(path)" }
    }

    static func expect(_ ok: Int, allowed: Set<Who>, denied: Int = 403) -> [Who: Int] {
        Dictionary(uniqueKeysWithValues: Who.allCases.map { who in
            (who, who == .anonymous && !allowed.contains(.anonymous) ? 401 : (allowed.contains(who) ? ok : denied))
        })
    }

    static let everyone = Set(Who.allCases)
    static let signedIn = everyone.subtracting([.anonymous])

    static let cases: [Case] = [
        Case(method: "GET", path: "/api/v1/session", expected: expect(200, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/me", expected: expect(200, allowed: signedIn)),
        Case(method: "GET", path: "/api/v1/users", expected: expect(200, allowed: [.admin, .organizer])),
        // The organizer has no unit, so user 1 is outside their units: reported missing, not forbidden.
        Case(method: "GET", path: "/api/v1/users/1", expected: expect(200, allowed: [.admin]).merging([.organizer: 404]) { $1 }),
        Case(method: "POST", path: "/api/v1/users",
             body: #"{"username":"new-user","displayName":"新用户","password":"a-long-password","roles":["official"]}"#,
             expected: expect(201, allowed: [.admin])),
        Case(method: "POST", path: "/api/v1/users/1/phone", expected: expect(200, allowed: [.admin])),
        Case(method: "PATCH", path: "/api/v1/users/1", body: #"{"displayName":"管理员"}"#, expected: expect(200, allowed: [.admin])),
        Case(method: "GET", path: "/api/v1/units", expected: expect(200, allowed: [.admin, .editor, .organizer])),
        Case(method: "POST", path: "/api/v1/units", body: #"{"name":"司法局"}"#, expected: expect(201, allowed: [.admin])),
        Case(method: "GET", path: "/api/v1/regions", expected: expect(200, allowed: everyone)),
        Case(method: "POST", path: "/api/v1/regions", body: #"{"name":"平安县","level":"county"}"#,
             expected: expect(201, allowed: [.admin])),
        Case(method: "GET", path: "/api/v1/quiz/rounds", expected: expect(200, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/quiz/rounds/1", expected: expect(404, allowed: everyone)),
        Case(method: "POST", path: "/api/v1/quiz/rounds/1/entries", body: #"{"deviceId":"device-12345"}"#, expected: expect(404, allowed: everyone)),
        Case(method: "PUT", path: "/api/v1/quiz/entries/ABC/answers/0", body: #"{"token":"t","response":{"judge":true}}"#,
             expected: expect(404, allowed: everyone)),
        Case(method: "POST", path: "/api/v1/quiz/entries/ABC/finish", body: #"{"token":"t"}"#, expected: expect(404, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/quiz/entries/ABC", expected: expect(404, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/quiz/leaderboard", expected: expect(200, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/quiz-rounds", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/quiz-rounds", body: #"{"title":"","opensAt":"x","closesAt":"y","questionIds":[]}"#,
             expected: expect(422, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/quiz-rounds/1", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "PUT", path: "/api/v1/quiz-rounds/1", body: #"{"title":"t","opensAt":"2026-12-01T00:00:00Z","closesAt":"2026-12-02T00:00:00Z","questionIds":[1]}"#,
             expected: expect(422, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/quiz-rounds/1/publish", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/quiz-rounds/1/entries", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "PUT", path: "/api/v1/quiz-rounds/1/entries/ABC/review", body: #"{"review":"cleared"}"#,
             expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/quiz/rounds/1/draw", expected: expect(404, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/quiz/rounds/1/draw/rules.json", expected: expect(404, allowed: everyone)),
        Case(method: "POST", path: "/api/v1/quiz-rounds/1/draw/freeze", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/quiz-rounds/1/draw", body: #"{"publicValue":"numbers:1 2 3"}"#,
             expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/quiz-rounds/1/redeem", body: #"{"code":"ABC"}"#, expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/quiz-rounds/1/winners/ABC/phone", expected: expect(404, allowed: [.admin])),
        Case(method: "POST", path: "/api/v1/live-contests", body: #"{"title":"t","questionIds":[]}"#, expected: expect(422, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/live-contests", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/live-contests/1/state", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/live-contests/1/control", body: #"{"action":"next"}"#, expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/live/CODE/join", body: #"{"nickname":"甲"}"#, expected: expect(404, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/live/CODE/state", expected: expect(404, allowed: everyone)),
        Case(method: "PUT", path: "/api/v1/live/CODE/answers/0", body: #"{"token":"t","response":{"judge":true}}"#, expected: expect(404, allowed: everyone)),
        Case(method: "POST", path: "/api/v1/quiz/entries/ABC/read", body: #"{"token":"t"}"#, expected: expect(404, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/quiz-rounds/1/stats", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/content", expected: expect(200, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/content/ABC", expected: expect(404, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/content-admin", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/content-admin/ABC", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "PUT", path: "/api/v1/content-admin/ABC", body: #"{"title":"","summary":"","topics":[],"audiences":[],"basis":[],"body":""}"#,
             expected: expect(422, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/content-preview", body: ##"{"body":"# 标题"}"##, expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/content-import?filename=x.md", body: "not front matter", expected: expect(422, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/media", body: "not an image", expected: expect(422, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/media/rules.json", expected: expect(404, allowed: everyone)),
        Case(method: "POST", path: "/api/v1/events", body: #"{"events":[]}"#, expected: expect(202, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/reach/ingestion", expected: expect(200, allowed: [.admin, .editor])),
        // Without a campaign or piece the request is refused as bad input, after the permission check.
        Case(method: "GET", path: "/api/v1/reach/effect", expected: expect(400, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/summary", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/funnel", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/series", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/breakdown?by=region", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/top-content", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/not-reached?campaign=1", expected: expect(400, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/not-finished?task=1", expected: expect(400, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/export.csv", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/export.xlsx", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/yearly?year=2026", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/reach/yearly.xlsx?year=2026", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/audit", expected: expect(200, allowed: [.admin])),
        Case(method: "GET", path: "/api/v1/questions", expected: expect(200, allowed: [.admin, .editor, .organizer])),
        Case(method: "GET", path: "/api/v1/questions/1", expected: expect(404, allowed: [.admin, .editor, .organizer])),
        Case(method: "POST", path: "/api/v1/questions", body: #"{"bankId":999,"type":"judge","stem":"s","answer":true,"explanation":"e","basis":"b"}"#,
             expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "PUT", path: "/api/v1/questions/1", body: #"{"type":"judge","stem":"s","answer":true,"explanation":"e","basis":"b","expectedVersion":1}"#,
             expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/questions/import?filename=x.yaml&dryRun=1", body: "bank: b\nquestions: []\n",
             expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/questions/export?format=csv", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/question-banks", expected: expect(200, allowed: [.admin, .editor, .organizer])),
        Case(method: "GET", path: "/api/v1/question-categories", expected: expect(200, allowed: [.admin, .editor, .organizer])),
        Case(method: "GET", path: "/api/v1/exams", expected: expect(200, allowed: [.admin, .organizer])),
        Case(method: "POST", path: "/api/v1/exams", body: #"{"title":"","year":2026,"opensAt":"x","closesAt":"y","durationMinutes":30,"paper":{"fixed":[]}}"#,
             expected: expect(422, allowed: [.admin, .organizer])),
        Case(method: "GET", path: "/api/v1/exams/1", expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "PUT", path: "/api/v1/exams/1", body: #"{"title":"t","year":2026,"opensAt":"2026-12-01T00:00:00Z","closesAt":"2026-12-02T00:00:00Z","durationMinutes":30,"paper":{"fixed":[{"questionId":1,"points":1}]}}"#, expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "GET", path: "/api/v1/exams/1/roster", expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "PUT", path: "/api/v1/exams/1/roster", body: #"{"unitIds":[]}"#, expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "POST", path: "/api/v1/exams/1/roster/import?filename=r.csv&dryRun=1", body: "姓名,登录名,单位,人员类别\n",
             expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "POST", path: "/api/v1/exams/1/publish", expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "GET", path: "/api/v1/exams/1/report", expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "GET", path: "/api/v1/exams/1/report/export", expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "POST", path: "/api/v1/exams/1/makeup", body: #"{"opensAt":"2026-12-10T00:00:00Z","closesAt":"2026-12-11T00:00:00Z"}"#,
             expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "GET", path: "/api/v1/exams/1/overrides", expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "PUT", path: "/api/v1/exams/1/overrides", body: #"{"extraMinutes":10}"#, expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "GET", path: "/api/v1/exams/1/marking", expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "PUT", path: "/api/v1/attempts/1/marks/0", body: #"{"mark":1}"#, expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "GET", path: "/api/v1/exams/1/statistics", expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "POST", path: "/api/v1/exams/1/regrade", body: #"{"questionId":1}"#, expected: expect(404, allowed: [.admin, .organizer])),
        Case(method: "GET", path: "/api/v1/my/exams", expected: expect(200, allowed: [.admin, .official])),
        Case(method: "POST", path: "/api/v1/exams/1/attempts", body: #"{"clientId":"x"}"#, expected: expect(404, allowed: [.admin, .official])),
        Case(method: "GET", path: "/api/v1/attempts/1", expected: expect(404, allowed: [.admin, .official])),
        Case(method: "PUT", path: "/api/v1/attempts/1/responses/0", body: #"{"seq":1,"clientId":"x","response":{"judge":true}}"#,
             expected: expect(404, allowed: [.admin, .official])),
        Case(method: "POST", path: "/api/v1/attempts/1/submit", body: #"{"clientId":"x"}"#, expected: expect(404, allowed: [.admin, .official])),
        Case(method: "GET", path: "/api/v1/attempts/1/certificate", expected: expect(404, allowed: [.admin, .official])),
        Case(method: "POST", path: "/api/v1/attempts/1/events", body: #"{"kind":"copy"}"#, expected: expect(404, allowed: [.admin, .official])),
        Case(method: "POST", path: "/api/v1/me/password", body: #"{"currentPassword":"wrong-password","newPassword":"another-password"}"#,
             expected: expect(422, allowed: signedIn)),
        // Required study and the feed: anonymous reading stores nothing (204); an unknown piece is 404.
        Case(method: "POST", path: "/api/v1/reading", body: #"{"slug":"no-such-piece","seconds":5}"#,
             expected: expect(404, allowed: everyone).merging([.anonymous: 204]) { $1 }),
        Case(method: "GET", path: "/api/v1/feed", expected: expect(200, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/my/tasks", expected: expect(200, allowed: everyone)),
        Case(method: "GET", path: "/api/v1/study-tasks", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/study-tasks",
             body: #"{"title":"t","slug":"x","deadline":"2000-01-01T00:00:00Z","minSeconds":1,"usernames":["a"]}"#,
             expected: expect(400, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/study-tasks/1", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/study-tasks/1/close", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/study-tasks/1/export.csv", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/study-tasks/1/export.xlsx", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/followups", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/followups/1/resolve", body: #"{"note":"x"}"#, expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/campaigns", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/campaigns", body: #"{"name":"","contentSlug":"x","segmentId":1,"channels":["inbox"],"schedule":"now"}"#,
             expected: expect(422, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/campaigns/1", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "PUT", path: "/api/v1/campaigns/1", body: #"{"name":"x","contentSlug":"x","segmentId":1,"channels":["inbox"],"schedule":"now"}"#,
             expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/campaigns/1/start", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/campaigns/1/pause", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/campaigns/1/resume", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/campaigns/1/cancel", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/campaigns/1/progress", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/campaign-audiences", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/robots", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/robots", body: #"{"name":"r","kind":"wecom","url":"ftp://example.cn/hook"}"#,
             expected: expect(400, allowed: [.admin, .editor])),
        Case(method: "PUT", path: "/api/v1/robots/1", body: #"{"name":"r","kind":"wecom","url":"https://example.cn/hook"}"#,
             expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/robots/1/test", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "DELETE", path: "/api/v1/robots/1", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/robot-messages/1/resend", expected: expect(404, allowed: [.admin, .editor])),
        // Anyone with a profile: an account (a profile is made on first use) or a resident's device token.
        Case(method: "GET", path: "/api/v1/inbox", expected: expect(200, allowed: signedIn)),
        Case(method: "POST", path: "/api/v1/inbox/1/seen", expected: expect(404, allowed: signedIn)),
        // Audience profiles and segments (audiences.manage); the database starts without any, hence the 404s.
        Case(method: "GET", path: "/api/v1/profiles", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/profiles/1", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "PUT", path: "/api/v1/profiles/1", body: #"{"groups":["youth"]}"#, expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/me/profile", expected: expect(200, allowed: signedIn)),
        Case(method: "PUT", path: "/api/v1/me/profile", body: #"{"occupation":"教师","interests":["反诈"]}"#,
             expected: expect(200, allowed: signedIn)),
        Case(method: "POST", path: "/api/v1/segments/preview", body: #"{"rule":{"field":"account","is":true}}"#,
             expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/segments", expected: expect(200, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/segments", body: #"{"name":"x","rule":{"field":"colour","in":["red"]}}"#,
             expected: expect(400, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/segments/1", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "PUT", path: "/api/v1/segments/1", body: #"{"name":"x","rule":{"field":"account","is":true}}"#,
             expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "DELETE", path: "/api/v1/segments/1", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "POST", path: "/api/v1/segments/1/recompute", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "GET", path: "/api/v1/segments/1/members", expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "PUT", path: "/api/v1/segments/1/overrides/1", body: #"{"mode":"include"}"#,
             expected: expect(404, allowed: [.admin, .editor])),
        Case(method: "DELETE", path: "/api/v1/segments/1/overrides/1", expected: expect(404, allowed: [.admin, .editor])),
    ]

    /// Routes checked elsewhere (their effect ends the session or they are public system routes).
    static let coveredElsewhere: Set<String> = ["POST /api/v1/auth/login", "POST /api/v1/auth/logout",
                                                "GET /healthz", "GET /metrics", "GET /api/openapi.json"]

    @Test(arguments: cases)
    func routeAnswersEachRoleAsSpecified(_ c: Case) throws {
        let app = try TestApp()
        for who in Who.allCases {
            let browser = who == .admin ? try app.admin()
                : try app.signedIn(who == .anonymous ? [] : [Role(rawValue: who.rawValue)!])
            let response: RawResponse
            if let body = c.body {
                response = try browser.send(c.method, c.path, headers: [("Content-Type", "application/json")],
                                            body: Array(body.utf8))
            } else {
                response = try browser.send(c.method, c.path)
            }
            #expect(response.status == c.expected[who], "\(who) → \(response.status) \(response.text)")
            if response.status >= 400 { #expect(response.errorCode != nil, "error body for \(who)") }
        }
    }

    /// "/api/v1/exams/1/responses/0?x" → "/api/v1/exams/{id}/responses/{slot}", as the OpenAPI document writes paths.
    static func template(_ path: String) -> String {
        var p = String(path.split(separator: "?")[0]).replacingOccurrences(of: "/1", with: "/{id}")
        for (concrete, name) in [("/CODE/answers/0", "/{code}/answers/{index}"), ("/responses/0", "/responses/{slot}"), ("/marks/0", "/marks/{slot}"),
                                 ("/answers/0", "/answers/{slot}"), ("/content/ABC", "/content/{slug}"), ("/content-admin/ABC", "/content-admin/{slug}"), ("/ABC", "/{entryId}"), ("/rules.json", "/{file}"), ("/CODE", "/{code}")] {
            p = p.replacingOccurrences(of: concrete, with: name)
        }
        p = p.replacingOccurrences(of: "/overrides/{id}", with: "/overrides/{profileId}")
        return p
    }

    @Test func everyDocumentedRouteIsInTheTable() throws {
        let app = try TestApp()
        let doc = try RawHTTPClient.send(port: app.port, method: "GET", path: "/api/openapi.json").json
        let paths = doc["paths"] as? [String: [String: Any]] ?? [:]
        let documented = Set(paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) \(path)" } })
        let tabled = Set(Self.cases.map { "\($0.method) \(Self.template($0.path))" })
        #expect(documented.subtracting(tabled).subtracting(Self.coveredElsewhere).isEmpty,
                "routes without a permission row: \(documented.subtracting(tabled).subtracting(Self.coveredElsewhere))")
    }
}
