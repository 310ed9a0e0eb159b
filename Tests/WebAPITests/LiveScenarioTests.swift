import Accounts
import Foundation
import Synchronization
import Testing
import TestSupport

/// A live contest in a hall: phones wait on suspended connections and all receive the host's signal at once.
@Suite struct LiveScenarioTests {
    func setUp() throws -> (app: TestApp, host: Browser, id: Int, code: String) {
        let app = try TestApp()
        let admin = try app.admin()
        _ = try admin.send("POST", "/api/v1/questions/import?filename=b.yaml", body: Array(QuizScenarioTests.bank.utf8))
        let items = try #require(try admin.get("/api/v1/questions?pageSize=10").json["items"] as? [[String: Any]])
        let ids = items.filter { $0["type"] as? String == "judge" }.compactMap { $0["id"] as? Int }
        let host = try app.signedIn([.editor])
        let created = try json(host, "POST", "/api/v1/live-contests", ["title": "宪法知识竞赛", "questionIds": ids, "secondsPerQuestion": 20])
        #expect(created.status == 201, "\(created.text)")
        return (app, host, try #require(created.json["id"] as? Int), try #require(created.json["code"] as? String))
    }

    @Test func phonesWaitingForTheHostAllGetTheQuestionAtOnceAndScoreAtTheReveal() throws {
        let (app, host, id, code) = try setUp()
        var phones: [(Browser, String, Int)] = []
        for name in ["甲", "乙", "丙"] {
            let b = try app.signedIn([])
            let joined = try json(b, "POST", "/api/v1/live/\(code)/join", ["nickname": name])
            #expect(joined.status == 201, "\(joined.text)")
            phones.append((b, joined.json["token"] as! String, joined.json["playerId"] as! Int))
        }
        let lobby = try phones[0].0.get("/api/v1/live/\(code)/state", headers: [("X-Live-Token", phones[0].1)]).json
        #expect(lobby["phase"] as? String == "lobby" && lobby["players"] as? Int == 3)
        let stage = try #require(lobby["stage"] as? Int)

        // Three phones wait; the host's signal answers them all.
        let got = Mutex<[[String: Any]]>([])
        let port = app.port
        let waiting = phones.map(\.1).map { token in
            Thread {
                let r = try? RawHTTPClient.send(port: port, method: "GET", path: "/api/v1/live/\(code)/state?after=\(stage)",
                                                headers: [("X-Live-Token", token)])
                got.withLock { $0.append(r?.json ?? [:]) }
            }
        }
        waiting.forEach { $0.start() }
        usleep(300_000)
        #expect(got.withLock { $0.isEmpty }, "nothing changed yet: they wait")
        let signal = ContinuousClock.now
        #expect(try json(host, "POST", "/api/v1/live-contests/\(id)/control", ["action": "next"]).status == 200)
        for _ in 0..<300 where got.withLock({ $0.count }) < 3 { usleep(10_000) }
        #expect(ContinuousClock.now - signal < .seconds(1), "every phone has the question within a second")
        let views = got.withLock { $0 }
        #expect(views.count == 3 && views.allSatisfy { $0["phase"] as? String == "question" && ($0["question"] as? [String: Any])?["stem"] != nil })
        #expect(views.allSatisfy { $0["reveal"] == nil }, "no key while the countdown runs")

        app.clock.advance(seconds: 2)
        #expect(try json(phones[0].0, "PUT", "/api/v1/live/\(code)/answers/0", ["token": phones[0].1, "response": ["judge": true]]).status == 200)
        app.clock.advance(seconds: 8)
        #expect(try json(phones[1].0, "PUT", "/api/v1/live/\(code)/answers/0", ["token": phones[1].1, "response": ["judge": false]]).status == 200)
        let twice = try json(phones[0].0, "PUT", "/api/v1/live/\(code)/answers/0", ["token": phones[0].1, "response": ["judge": false]])
        #expect(twice.status == 409 && twice.errorCode == "already_answered")
        #expect(try json(phones[0].0, "PUT", "/api/v1/live/\(code)/answers/1", ["token": phones[0].1, "response": ["judge": true]]).status == 409)
        #expect(try json(phones[2].0, "PUT", "/api/v1/live/\(code)/answers/0", ["token": "nobody", "response": ["judge": true]]).status == 422)
        let hostView = try host.get("/api/v1/live-contests/\(id)/state").json
        #expect(hostView["answered"] as? Int == 2)

        #expect(try json(host, "POST", "/api/v1/live-contests/\(id)/control", ["action": "reveal"]).status == 200)
        let mine = try phones[0].0.get("/api/v1/live/\(code)/state?after=\(stage + 1)", headers: [("X-Live-Token", phones[0].1)]).json
        #expect(mine["phase"] as? String == "reveal" && (mine["reveal"] as? [String: Any])?["key"] != nil)
        let me = try #require(mine["me"] as? [String: Any])
        #expect(me["correct"] as? Bool == true && me["points"] as? Int == 950 && me["rank"] as? Int == 1, "\(me)")
        #expect((mine["ranking"] as? [[String: Any]])?.first?["nickname"] as? String == "甲")

        // A phone that dropped rejoins with its token as the same player.
        let again = try json(try app.signedIn([]), "POST", "/api/v1/live/\(code)/join", ["nickname": "甲", "token": phones[0].1])
        #expect(again.json["playerId"] as? Int == phones[0].2)
        #expect(try json(host, "POST", "/api/v1/live-contests/\(id)/control", ["action": "reveal"]).status == 409, "already revealed")
        #expect(try json(host, "POST", "/api/v1/live-contests/\(id)/control", ["action": "end"]).status == 200)
        #expect(try json(try app.signedIn([]), "POST", "/api/v1/live/\(code)/join", ["nickname": "迟到"]).status == 409)
    }

    @Test func badContestsAndCodesAreRefused() throws {
        let (app, host, _, _) = try setUp()
        let blank = try json(host, "POST", "/api/v1/live-contests", ["title": "x", "questionIds": [999_999]])
        #expect(blank.status == 422 && blank.text.contains("999999"))
        #expect(try json(try app.signedIn([]), "POST", "/api/v1/live/000000/join", ["nickname": "甲"]).status == 404)
        #expect(try json(try app.signedIn([]), "POST", "/api/v1/live/000000/join", ["nickname": ""]).status == 404)
    }
}
