import Accounts
import Foundation
import Draws
import Testing
import TestSupport

/// A public prize quiz end to end: staff publish a round with its draw rules' commitment; residents play on a
/// phone without an account, learn after every answer, and leave a phone and village to enter the draw.
@Suite struct QuizScenarioTests {
    static let bank = """
        bank: 宪法题库
        questions:
          - {id: q-1, type: judge, stem: 宪法是国家的根本法。, answer: true, explanation: 宪法具有最高的法律效力。, basis: 《中华人民共和国宪法》序言}
          - {id: q-2, type: single, stem: 国家宪法日是哪一天？, options: [3月15日, 12月4日, 10月1日], answer: B, explanation: 2014年设立。, basis: 全国人大常委会决定}
          - {id: q-3, type: judge, stem: 公民的合法的私有财产不受侵犯。, answer: true, explanation: 宪法第十三条。, basis: 《中华人民共和国宪法》第十三条}
          - {id: q-4, type: case, stem: 请分析。, answer: 参考, rubric: [要点], points: 10, explanation: 解析, basis: 《某法》第一条}
        """

    struct Setup {
        let app: TestApp
        let staff: Browser
        let roundId: Int
        let questions: [String: Int]
        let village: Int
        let county: Int
    }

    func iso(_ millis: Int64) -> String { ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(millis) / 1000)) }

    func roundInput(_ s: (app: TestApp, questions: [String: Int]), ids: [String] = ["q-1", "q-2", "q-3"], prizes: Bool = true) -> [String: Any] {
        let now = s.app.clock.now
        var input: [String: Any] = [
            "title": "宪法宣传周竞答", "topic": "宪法", "opensAt": iso(now + 3_600_000), "closesAt": iso(now + 8 * 86_400_000),
            "questionIds": ids.map { s.questions[$0]! }, "questionsPerEntry": ids.count, "entriesPerDay": 2, "entriesPerRound": 5,
            "readMoreTitle": "宪法全文", "readMoreURL": "/content/xianfa"]
        if prizes {
            input["prizes"] = [["name": "普法读本", "count": 2]]
            input["publicSeed"] = ["name": "中国福利彩票 双色球", "issue": "2026140", "drawDate": "2026-12-31", "howRead": "红球与蓝球号码"]
        }
        return input
    }

    func setUp() throws -> Setup {
        let app = try TestApp()
        let admin = try app.admin()
        _ = try admin.send("POST", "/api/v1/questions/import?filename=b.yaml", body: Array(Self.bank.utf8))
        let listed = try #require(try admin.get("/api/v1/questions?pageSize=10").json["items"] as? [[String: Any]])
        var questions: [String: Int] = [:]
        for q in listed { if let stem = q["stem"] as? String, let id = q["id"] as? Int {
            questions[["宪法是国家的根本法。": "q-1", "国家宪法日是哪一天？": "q-2", "公民的合法的私有财产不受侵犯。": "q-3", "请分析。": "q-4"][stem]!] = id
        } }
        let county = try #require(try admin.post("/api/v1/regions", json: ["name": "平安县", "level": "county"]).json["id"] as? Int)
        let town = try #require(try admin.post("/api/v1/regions", json: ["name": "城关镇", "level": "town", "parentId": county]).json["id"] as? Int)
        let village = try #require(try admin.post("/api/v1/regions", json: ["name": "东村", "level": "village", "parentId": town]).json["id"] as? Int)
        let staff = try app.signedIn([.editor])
        let created = try json(staff, "POST", "/api/v1/quiz-rounds", roundInput((app, questions)))
        #expect(created.status == 201, "\(created.text)")
        let id = try #require(created.json["id"] as? Int)
        let published = try staff.send("POST", "/api/v1/quiz-rounds/\(id)/publish")
        #expect(published.status == 200, "\(published.text)")
        return Setup(app: app, staff: staff, roundId: id, questions: questions, village: village, county: county)
    }

    func resident(_ s: Setup) throws -> Browser { try s.app.signedIn([]) }

    func start(_ s: Setup, _ b: Browser, device: String = "device-0001") throws -> RawResponse {
        try json(b, "POST", "/api/v1/quiz/rounds/\(s.roundId)/entries", ["deviceId": device])
    }

    @Test func theCommitmentIsPublishedBeforeOpeningAndPlayWaitsForTheWindow() throws {
        let s = try setUp()
        let round = try s.app.browser().get("/api/v1/quiz/rounds/\(s.roundId)").json
        let commitment = try #require(round["commitment"] as? String)
        #expect(commitment.count == 64 && round["open"] as? Bool == false)
        #expect(round["questionIds"] == nil, "residents do not get the pool")
        let early = try start(s, try resident(s))
        #expect(early.status == 409 && early.errorCode == "not_open_yet")
        #expect(try json(s.staff, "PUT", "/api/v1/quiz-rounds/\(s.roundId)", roundInput((s.app, s.questions))).status == 409,
                "the rules cannot change once published")
    }

    @Test func aResidentLearnsFromEveryAnswerAndEntersTheDrawOnce() throws {
        let s = try setUp()
        s.app.clock.advance(seconds: 3_700)
        let phone = try resident(s)
        let entry = try start(s, phone)
        #expect(entry.status == 201, "\(entry.text)")
        let entryId = try #require(entry.json["entryId"] as? String)
        let token = try #require(entry.json["token"] as? String)
        let questions = try #require(entry.json["questions"] as? [[String: Any]])
        #expect(questions.count == 3 && !entry.text.contains("宪法具有最高的法律效力"), "no explanation or key before answering")
        for q in questions {
            s.app.clock.advance(seconds: 6)
            let slot = q["slot"] as! Int
            let response: [String: Any] = q["type"] as? String == "single" ? ["choice": [1]] : ["judge": true]
            let r = try json(phone, "PUT", "/api/v1/quiz/entries/\(entryId)/answers/\(slot)", ["token": token, "response": response])
            #expect(r.status == 200, "\(r.text)")
            #expect(r.json["correct"] as? Bool == true && !(r.json["explanation"] as? String ?? "").isEmpty && r.json["basis"] != nil)
            #expect((r.json["readMore"] as? [String: Any])?["url"] as? String == "/content/xianfa")
            let replay = try json(phone, "PUT", "/api/v1/quiz/entries/\(entryId)/answers/\(slot)", ["token": token, "response": response])
            #expect(replay.status == 200 && replay.json["replayed"] as? Bool == true, "a replayed request counts nothing twice")
        }
        // Reading on after an answer is counted once per entry.
        #expect(try json(phone, "POST", "/api/v1/quiz/entries/\(entryId)/read", ["token": token]).status == 204)
        #expect(try json(phone, "POST", "/api/v1/quiz/entries/\(entryId)/read", ["token": token]).status == 204)
        #expect(try json(phone, "POST", "/api/v1/quiz/entries/\(entryId)/read", ["token": "forged"]).status == 404)
        let changed = try json(phone, "PUT", "/api/v1/quiz/entries/\(entryId)/answers/0", ["token": token, "response": ["judge": false]])
        #expect(changed.status == 409 && changed.errorCode == "already_answered")
        #expect(try json(phone, "PUT", "/api/v1/quiz/entries/\(entryId)/answers/9", ["token": token, "response": ["judge": true]]).status == 422)
        #expect(try json(phone, "PUT", "/api/v1/quiz/entries/\(entryId)/answers/0", ["token": "wrong", "response": ["judge": true]]).status == 404)

        let bad = try json(phone, "POST", "/api/v1/quiz/entries/\(entryId)/finish",
                           ["token": token, "nickname": "老王", "phone": "1380013", "regionId": s.county])
        #expect(bad.status == 422 && bad.text.contains("手机号码") && bad.text.contains("乡镇"))
        let done = try json(phone, "POST", "/api/v1/quiz/entries/\(entryId)/finish",
                            ["token": token, "nickname": "老王", "phone": "138 0013 8000", "regionId": s.village])
        #expect(done.status == 200, "\(done.text)")
        #expect(done.json["percent"] as? Double == 100 && done.json["inDraw"] as? Bool == true)
        // Leaving a phone makes the resident's audience profile; the browser keeps its token (never the card).
        let profileToken = try #require(done.json["profileToken"] as? String)
        let profileId = try #require(try s.app.app.store.profileId(token: profileToken))
        #expect(try s.app.app.store.profile(id: profileId)?.phone == "13800138000")
        let card = try s.app.browser().get("/api/v1/quiz/entries/\(entryId)")
        #expect(card.status == 200 && card.json["nickname"] as? String == "老王" && !card.text.contains("138") && card.json["inDraw"] == nil
                && card.json["profileToken"] == nil)

        // The same phone cannot enter the draw twice, even from another device.
        let again = try start(s, try resident(s), device: "device-0002")
        let againId = again.json["entryId"] as! String, againToken = again.json["token"] as! String
        let twice = try json(phone, "POST", "/api/v1/quiz/entries/\(againId)/finish",
                             ["token": againToken, "nickname": "老王", "phone": "13800138000", "regionId": s.village])
        #expect(twice.status == 409 && twice.errorCode == "phone_already_entered")

        let entries = try #require(try s.staff.get("/api/v1/quiz-rounds/\(s.roundId)/entries").json["items"] as? [[String: Any]])
        let mine = try #require(entries.first { $0["entryId"] as? String == entryId })
        #expect(mine["phone"] as? String == "138****8000" && mine["eligible"] as? Bool == true)
        let stats = try s.staff.get("/api/v1/quiz-rounds/\(s.roundId)/stats").json
        #expect(stats["entries"] as? Int == 2 && stats["finished"] as? Int == 1 && stats["readMore"] as? Int == 1, "\(stats)")
        #expect((stats["distribution"] as? [Int])?[9] == 1 && (stats["questions"] as? [[String: Any]])?.count == 3)
        #expect((stats["byRegion"] as? [[String: Any]])?.contains { $0["name"] as? String == "东村" } == true)
        let board = try s.app.browser().get("/api/v1/quiz/leaderboard?roundId=\(s.roundId)").json
        let regions = try #require(board["regions"] as? [[String: Any]])
        #expect(regions.contains { $0["name"] as? String == "东村" && $0["entries"] as? Int == 1 && $0["fullMarks"] as? Int == 1 })
        #expect((board["top"] as? [[String: Any]])?.first?["nickname"] as? String == "老王")
    }

    @Test func aDeviceIsLimitedPerDayAndBotsAreFlaggedForReview() throws {
        let s = try setUp()
        s.app.clock.advance(seconds: 3_700)
        let b = try resident(s)
        let first = try start(s, b)
        #expect(try start(s, b).status == 201)
        let third = try start(s, b)
        #expect(third.status == 429 && third.errorCode == "entry_limit", "two entries per device per day")
        #expect(try start(s, b, device: "x").status == 422, "a device id is required")

        // Answering everything in a fraction of a second: flagged, kept out of the draw until staff clear it.
        let id = first.json["entryId"] as! String, token = first.json["token"] as! String
        for q in first.json["questions"] as! [[String: Any]] {
            let response: [String: Any] = q["type"] as? String == "single" ? ["choice": [1]] : ["judge": true]
            _ = try json(b, "PUT", "/api/v1/quiz/entries/\(id)/answers/\(q["slot"]!)", ["token": token, "response": response])
        }
        let done = try json(b, "POST", "/api/v1/quiz/entries/\(id)/finish", ["token": token, "nickname": "快手", "phone": "13900139000", "regionId": s.village])
        #expect(done.json["inDraw"] as? Bool == false && (done.json["drawNote"] as? String ?? "").contains("核查"))
        let row = try #require((try s.staff.get("/api/v1/quiz-rounds/\(s.roundId)/entries").json["items"] as? [[String: Any]])?
            .first { $0["entryId"] as? String == id })
        #expect((row["flags"] as? [[String: Any]])?.first?["kind"] as? String == "too_fast")
        // Held for review, it is not on the public board either (its 0 s would win every tie); cleared, it is.
        func board() throws -> (top: Bool, villageEntries: Int) {
            let board = try s.app.browser().get("/api/v1/quiz/leaderboard?roundId=\(s.roundId)").json
            let top = (board["top"] as? [[String: Any]]) ?? [], regions = (board["regions"] as? [[String: Any]]) ?? []
            return (top.contains { $0["entryId"] as? String == id },
                    regions.first { $0["regionId"] as? Int == s.village }?["entries"] as? Int ?? 0)
        }
        #expect(try board() == (false, 0))
        #expect(try json(s.staff, "PUT", "/api/v1/quiz-rounds/\(s.roundId)/entries/\(id)/review", ["review": "cleared"]).status == 204)
        #expect(try board() == (true, 1))
        let cleared = try #require((try s.staff.get("/api/v1/quiz-rounds/\(s.roundId)/entries").json["items"] as? [[String: Any]])?
            .first { $0["entryId"] as? String == id })
        #expect(cleared["eligible"] as? Bool == true)
        #expect(try json(s.staff, "PUT", "/api/v1/quiz-rounds/\(s.roundId)/entries/NOPE/review", ["review": "cleared"]).status == 404)
    }

    @Test func answersAfterTheCloseAreRefused() throws {
        let s = try setUp()
        s.app.clock.advance(seconds: 3_700)
        let b = try resident(s)
        let entry = try start(s, b)
        s.app.clock.advance(seconds: 8 * 86_400)
        let late = try json(b, "PUT", "/api/v1/quiz/entries/\(entry.json["entryId"]!)/answers/0",
                            ["token": entry.json["token"]!, "response": ["judge": true]])
        #expect(late.status == 409 && late.errorCode == "closed")
        #expect(try start(s, try resident(s), device: "device-late").errorCode == "closed")
    }

    @Test func roundsThatCannotBeFairAreRefused() throws {
        let s = try setUp()
        let withCase = try json(s.staff, "POST", "/api/v1/quiz-rounds", roundInput((s.app, s.questions), ids: ["q-1", "q-4"]))
        #expect(withCase.status == 422 && withCase.text.contains("案例分析"))
        var noSeed = roundInput((s.app, s.questions))
        noSeed["publicSeed"] = nil
        #expect(try json(s.staff, "POST", "/api/v1/quiz-rounds", noSeed).status == 422)
        var open = roundInput((s.app, s.questions))
        open["opensAt"] = iso(s.app.clock.now - 1000)
        let draft = try json(s.staff, "POST", "/api/v1/quiz-rounds", open)
        #expect(draft.status == 201)
        let late = try s.staff.send("POST", "/api/v1/quiz-rounds/\(draft.json["id"]!)/publish")
        #expect(late.status == 422 && late.text.contains("开始之前"), "prize rules must be public before anyone plays")
    }
}

extension QuizScenarioTests {
    /// Plays a whole round right for one phone.
    func playPerfect(_ s: Setup, device: String, phone: String, nickname: String) throws -> String {
        let b = try resident(s)
        let entry = try start(s, b, device: device)
        let id = entry.json["entryId"] as! String, token = entry.json["token"] as! String
        for q in entry.json["questions"] as! [[String: Any]] {
            s.app.clock.advance(seconds: 5)
            let response: [String: Any] = q["type"] as? String == "single" ? ["choice": [1]] : ["judge": true]
            _ = try json(b, "PUT", "/api/v1/quiz/entries/\(id)/answers/\(q["slot"]!)", ["token": token, "response": response])
        }
        let done = try json(b, "POST", "/api/v1/quiz/entries/\(id)/finish",
                            ["token": token, "nickname": nickname, "phone": phone, "regionId": s.village])
        #expect(done.json["inDraw"] as? Bool == true, "\(done.text)")
        return id
    }

    @Test func theDrawIsFrozenDrawnAndCheckableByAnyone() throws {
        let s = try setUp()
        s.app.clock.advance(seconds: 3_700)
        let ids = try (1...3).map { try playPerfect(s, device: "device-\($0)000", phone: "1380000000\($0)", nickname: "居民\($0)") }
        let early = try s.staff.send("POST", "/api/v1/quiz-rounds/\(s.roundId)/draw/freeze")
        #expect(early.status == 422 && early.text.contains("结束后"))
        s.app.clock.advance(seconds: 8 * 86_400)
        let staff = try s.app.signedIn([.editor])   // a week later: a new session
        let frozen = try staff.send("POST", "/api/v1/quiz-rounds/\(s.roundId)/draw/freeze")
        #expect(frozen.status == 200 && frozen.json["eligibleCount"] as? Int == 3, "\(frozen.text)")
        #expect(try staff.send("POST", "/api/v1/quiz-rounds/\(s.roundId)/draw/freeze").status == 422, "frozen once")
        #expect(try json(staff, "PUT", "/api/v1/quiz-rounds/\(s.roundId)/entries/\(ids[0])/review", ["review": "excluded"]).status == 422)
        #expect(try json(staff, "POST", "/api/v1/quiz-rounds/\(s.roundId)/draw", ["publicValue": ""]).status == 422)

        let drawn = try json(staff, "POST", "/api/v1/quiz-rounds/\(s.roundId)/draw", ["publicValue": "numbers:3 9 14 22 27 31 6"])
        #expect(drawn.status == 200, "\(drawn.text)")
        let winners = try #require(drawn.json["winners"] as? [[String: Any]])
        #expect(winners.count == 2 && winners.allSatisfy { ($0["code"] as? String)?.count == 10 && ($0["maskedPhone"] as? String)?.contains("****") == true })
        #expect(try json(staff, "POST", "/api/v1/quiz-rounds/\(s.roundId)/draw", ["publicValue": "numbers:1 2 3"]).status == 422, "drawn once")

        // Anyone: the page shows no code, and the three files verify with the same algorithm.
        let anyone = s.app.browser()
        let page = try anyone.get("/api/v1/quiz/rounds/\(s.roundId)/draw")
        #expect(page.status == 200 && !page.text.contains(winners[0]["code"] as! String) && !page.text.contains("13800000001"))
        let rulesFile = try anyone.get("/api/v1/quiz/rounds/\(s.roundId)/draw/rules.json").body
        let eligibleFile = try anyone.get("/api/v1/quiz/rounds/\(s.roundId)/draw/eligible.txt").body
        let resultFile = try anyone.get("/api/v1/quiz/rounds/\(s.roundId)/draw/result.json").body
        #expect(try anyone.get("/api/v1/quiz/rounds/\(s.roundId)/draw/secrets.txt").status == 404)
        let rules = try DrawRules.decode(json: rulesFile, file: "rules.json")
        #expect(rules.commitment() == page.json["commitment"] as? String, "the rules published before opening are the rules drawn under")
        let publication = DrawPublication(rules: rules, eligible: try EligibleList.parse(bytes: eligibleFile, file: "eligible.txt"),
                                          result: try DrawResult.decode(json: resultFile, file: "result.json"))
        #expect(publication.verify(publicValue: .numbers([3, 9, 14, 22, 27, 31, 6])).mismatches.isEmpty)
        #expect(!publication.verify(publicValue: .numbers([1, 2, 3])).mismatches.isEmpty)

        // The prize is handed over once against its code; the phone is revealed only with the permission, logged.
        let code = winners[0]["code"] as! String
        #expect(try json(staff, "POST", "/api/v1/quiz-rounds/\(s.roundId)/redeem", ["code": "WRONGCODE1"]).status == 404)
        let redeemed = try json(staff, "POST", "/api/v1/quiz-rounds/\(s.roundId)/redeem", ["code": code.lowercased()])
        #expect(redeemed.status == 200 && redeemed.json["redeemed"] as? Bool == true && redeemed.json["alreadyRedeemed"] as? Bool == false)
        #expect(redeemed.json["maskedPhone"] as? String == winners[0]["maskedPhone"] as? String)
        s.app.clock.advance(seconds: 1)
        let again = try json(staff, "POST", "/api/v1/quiz-rounds/\(s.roundId)/redeem", ["code": code])
        #expect(again.json["alreadyRedeemed"] as? Bool == true, "a code used twice says so")
        let winner = winners[0]["entryId"] as! String
        #expect(try staff.send("POST", "/api/v1/quiz-rounds/\(s.roundId)/winners/\(winner)/phone").status == 403)
        let admin = try s.app.admin()
        let phone = try admin.send("POST", "/api/v1/quiz-rounds/\(s.roundId)/winners/\(winner)/phone")
        #expect(phone.status == 200 && (phone.json["phone"] as? String)?.hasPrefix("1380000000") == true)
        #expect((try admin.get("/api/v1/audit?pageSize=1").json["items"] as? [[String: Any]])?.first?["action"] as? String == "personal.reveal")
        #expect(try admin.send("POST", "/api/v1/quiz-rounds/\(s.roundId)/winners/NOPE/phone").status == 404)
    }
}

extension QuizScenarioTests {
    @Test func oneAddressStartingEntriesFasterThanPeopleDoIsSlowedDown() throws {
        let s = try setUp()
        s.app.clock.advance(seconds: 3_700)
        let b = try resident(s)
        var statuses: [Int] = []
        for i in 0..<31 { statuses.append(try start(s, b, device: "device-rate-\(i)").status) }
        #expect(statuses.prefix(30).allSatisfy { $0 == 201 })
        let limited = try start(s, b, device: "device-rate-31")
        #expect(limited.status == 429 && limited.errorCode == "rate_limited" && limited.header("Retry-After") != nil)
        s.app.clock.advance(seconds: 61)
        #expect(try start(s, b, device: "device-rate-32").status == 201, "a minute later it is allowed again")
    }
}
