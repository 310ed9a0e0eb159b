import Accounts
import Foundation
import QuestionFormats
import Testing
import TestSupport

/// The annual exam end to end: an organizer sets it up, officials take it, time belongs to the server.
@Suite struct ExamScenarioTests {
    static let bank = """
        bank: 考试题库
        questions:
          - {id: e-1, type: single, stem: 题一, options: [甲, 乙, 丙, 丁], answer: B, explanation: B项正确，A、C、D项错误, basis: 《某法》第一条}
          - {id: e-2, type: judge, stem: 题二, answer: true, explanation: 解析二, basis: 《某法》第二条}
          - {id: e-3, type: multiple, stem: 题三, options: [甲, 乙, 丙], answer: AC, explanation: 解析三, basis: 《某法》第三条}
        """

    struct Setup {
        let app: TestApp
        let organizer: Browser
        let examId: Int
        let unit: Int
        let official: Browser
        let officialName: String
    }

    func iso(_ millis: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// An exam open from now for two hours, 30 minutes long, on the three questions, assigned to one unit.
    func setUp(review: String = "answersImmediately", attempts: Int = 1, alsoOnRoster: [String] = []) throws -> Setup {
        let app = try TestApp()
        let admin = try app.admin()
        let unit = try #require(try admin.post("/api/v1/units", json: ["name": "县司法局"]).json["id"] as? Int)
        _ = try admin.send("POST", "/api/v1/questions/import?filename=b.yaml", body: Array(Self.bank.utf8))
        let questions = try #require(try admin.get("/api/v1/questions?pageSize=10").json["items"] as? [[String: Any]])
        let organizer = try app.signedIn([.organizer], unitId: unit)
        let officialName = "kaosheng"
        let official = try app.signedIn([.official], unitId: unit, username: officialName)
        for name in alsoOnRoster { _ = try app.signedIn([.official], unitId: unit, username: name) }
        let now = app.clock.now
        let exam = try json(organizer, "POST", "/api/v1/exams", [
            "title": "2026年度学法考试", "year": 2026, "opensAt": iso(now - 60_000), "closesAt": iso(now + 7_200_000),
            "durationMinutes": 30, "passPercent": 60, "attemptsAllowed": attempts, "review": review,
            "paper": ["fixed": questions.map { ["questionId": $0["id"]!, "points": 10] }]])
        #expect(exam.status == 201, "\(exam.text)")
        let examId = try #require(exam.json["id"] as? Int)
        let roster = try json(organizer, "PUT", "/api/v1/exams/\(examId)/roster", ["unitIds": [unit]])
        #expect(roster.json["total"] as? Int == 1 + alsoOnRoster.count)
        #expect(try organizer.send("POST", "/api/v1/exams/\(examId)/publish").status == 200)
        return Setup(app: app, organizer: organizer, examId: examId, unit: unit, official: official, officialName: officialName)
    }

    func start(_ s: Setup, client: String = "tab-1", browser: Browser? = nil) throws -> [String: Any] {
        let r = try json(browser ?? s.official, "POST", "/api/v1/exams/\(s.examId)/attempts", ["clientId": client])
        #expect(r.status == 201, "\(r.text)")
        return r.json
    }

    func save(_ s: Setup, _ attempt: Int, slot: Int, seq: Int, _ response: [String: Any], client: String = "tab-1") throws -> RawResponse {
        try json(s.official, "PUT", "/api/v1/attempts/\(attempt)/responses/\(slot)", ["seq": seq, "clientId": client, "response": response])
    }

    @Test func anAnswerTakenBackIsNotCountedAndAJudgementCanBeTakenBackToo() throws {
        let s = try setUp()
        let view = try start(s)
        let attempt = try #require(view["id"] as? Int)
        let items = try #require(view["items"] as? [[String: Any]])
        let judge = try #require(items.first { $0["type"] as? String == "judge" }?["slot"] as? Int)
        let other = try #require(items.first { $0["type"] as? String != "judge" }?["slot"] as? Int)
        #expect(try save(s, attempt, slot: judge, seq: 1, ["judge": true]).status == 200)
        #expect(try save(s, attempt, slot: other, seq: 2, ["choice": [0]]).status == 200)
        #expect(try save(s, attempt, slot: judge, seq: 3, ["choice": []]).json["stored"] as? Bool == true, "a judgement taken back")
        #expect(try save(s, attempt, slot: judge, seq: 4, ["choice": [0]]).status == 422, "only an empty choice fits a judge question")
        let receipt = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "tab-1"])
        #expect(receipt.json["answered"] as? Int == 1, "\(receipt.text)")
    }

    @Test func anOfficialTakesTheExamAndGetsAVerifiableReceipt() throws {
        let s = try setUp()
        let mine = try #require(try s.official.get("/api/v1/my/exams").json["items"] as? [[String: Any]])
        #expect(mine.first?["canStart"] as? Bool == true)
        let view = try start(s)
        let attempt = try #require(view["id"] as? Int)
        let items = try #require(view["items"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(!view.description.contains("解析"), "no explanation or key before submitting")
        for item in items {
            let slot = item["slot"] as! Int
            let r = try save(s, attempt, slot: slot, seq: slot + 1, item["type"] as? String == "judge" ? ["judge": true] : ["choice": [0]])
            #expect(r.status == 200 && r.json["stored"] as? Bool == true)
        }
        let receipt = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "tab-1"])
        #expect(receipt.status == 200)
        #expect(receipt.json["answered"] as? Int == 3 && (receipt.json["digest"] as? String)?.count == 64)
        let again = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "tab-1"])
        #expect(again.json["digest"] as? String == receipt.json["digest"] as? String, "submitting twice returns the same receipt")
        #expect(try save(s, attempt, slot: 0, seq: 99, ["choice": [1]]).errorCode == "not_in_progress")
        let review = try s.official.get("/api/v1/attempts/\(attempt)").json["review"] as? [String: Any]
        #expect((review?["items"] as? [Any])?.count == 3, "answers shown as the review policy allows")
        // Options are shuffled per candidate: the explanation names the letters this candidate saw.
        let first = try #require(items.first { $0["stem"] as? String == "题一" })
        let reviewed = try #require((review?["items"] as? [[String: Any]])?.first { $0["slot"] as? Int == first["slot"] as? Int })
        let shown = try #require(((reviewed["correct"] as? [String: Any])?["choice"] as? [Int])?.first)
        let options = try #require(first["options"] as? [String])
        #expect(options[shown] == "乙")
        let letter = String(UnicodeScalar(UInt8(65 + shown)))
        #expect((reviewed["explanation"] as? String)?.hasPrefix(letter + "项正确") == true, "\(reviewed)")
    }

    @Test func aDuplicateOrOlderSaveNeverOverwritesANewerOne() throws {
        let s = try setUp()
        let attempt = try start(s)["id"] as! Int
        #expect(try save(s, attempt, slot: 0, seq: 5, ["choice": [2]]).json["stored"] as? Bool == true)
        let older = try save(s, attempt, slot: 0, seq: 4, ["choice": [3]])
        #expect(older.status == 200 && older.json["stored"] as? Bool == false)
        let duplicate = try save(s, attempt, slot: 0, seq: 5, ["choice": [1]])
        #expect(duplicate.json["stored"] as? Bool == false)
        let items = try s.official.get("/api/v1/attempts/\(attempt)").json["items"] as! [[String: Any]]
        #expect((items.first { $0["slot"] as? Int == 0 }?["response"] as? [String: Any])?["choice"] as? [Int] == [2])
    }

    @Test func aSecondTabTakesOverAndTheFirstIsTold() throws {
        let s = try setUp()
        let attempt = try start(s, client: "laptop")["id"] as! Int
        #expect(try save(s, attempt, slot: 0, seq: 1, ["choice": [0]], client: "laptop").status == 200)
        let resumed = try start(s, client: "phone")
        #expect(resumed["id"] as? Int == attempt, "starting again resumes the same attempt")
        #expect(resumed["lastSeq"] as? Int == 1)
        let refused = try save(s, attempt, slot: 1, seq: 2, ["judge": true], client: "laptop")
        #expect(refused.status == 409 && refused.errorCode == "taken_over")
        #expect(try save(s, attempt, slot: 1, seq: 2, ["judge": true], client: "phone").status == 200)
    }

    @Test func savesAfterTheDeadlineAndGraceAreRefusedAndTheSweeperSubmits() throws {
        let s = try setUp()
        let attempt = try start(s)["id"] as! Int
        #expect(try save(s, attempt, slot: 0, seq: 1, ["choice": [1]]).status == 200)
        s.app.clock.advance(seconds: 30 * 60 + 10)   // past the deadline, within the 15 s grace
        #expect(try save(s, attempt, slot: 1, seq: 2, ["judge": true]).status == 200)
        s.app.clock.advance(seconds: 6)               // past the grace
        let late = try save(s, attempt, slot: 2, seq: 3, ["choice": [0]])
        #expect(late.status == 409 && late.errorCode == "deadline_passed")
        #expect(try s.app.app.exams.sweep() == 1)
        #expect(try s.app.app.exams.sweep() == 0, "an attempt is submitted once")
        let view = try s.official.get("/api/v1/attempts/\(attempt)").json
        #expect(view["state"] as? String == "submitted")
        #expect((view["receipt"] as? [String: Any])?["submittedBy"] as? String == "deadline")
        #expect((view["receipt"] as? [String: Any])?["answered"] as? Int == 2, "the sweeper submits what was saved")
    }

    @Test func extraTimeMovesTheServersDeadlineEvenMidAttempt() throws {
        let s = try setUp()
        let attempt = try start(s)["id"] as! Int
        let extended = try json(s.organizer, "PUT", "/api/v1/exams/\(s.examId)/overrides", ["usernames": [s.officialName], "extraMinutes": 10])
        #expect(extended.status == 200)
        #expect((extended.json["items"] as? [[String: Any]])?.first?["extraMinutes"] as? Int == 10)
        s.app.clock.advance(seconds: 35 * 60)   // past the normal 30 minutes, within the extra 10
        #expect(try save(s, attempt, slot: 0, seq: 1, ["choice": [0]]).status == 200)
        s.app.clock.advance(seconds: 6 * 60)
        #expect(try save(s, attempt, slot: 1, seq: 2, ["judge": true]).errorCode == "deadline_passed")
        #expect(try json(s.organizer, "PUT", "/api/v1/exams/\(s.examId)/overrides", ["usernames": ["nobody"], "extraMinutes": 5]).status == 422)
        #expect(try json(s.organizer, "PUT", "/api/v1/exams/\(s.examId)/overrides", ["usernames": [s.officialName], "extraMinutes": 9999]).status == 422)
    }

    @Test func theReportCountsTheRosterAndRollsUpUnits() throws {
        let s = try setUp(review: "score")
        let attempt = try start(s)["id"] as! Int
        let items = try s.official.get("/api/v1/attempts/\(attempt)").json["items"] as! [[String: Any]]
        for item in items where item["type"] as? String == "judge" {
            _ = try save(s, attempt, slot: item["slot"] as! Int, seq: 1, ["judge": true])
        }
        for _ in 0..<2 {
            #expect(try json(s.official, "POST", "/api/v1/attempts/\(attempt)/events", ["kind": "visibility_hidden"]).status == 204)
        }
        #expect(try json(s.official, "POST", "/api/v1/attempts/\(attempt)/events", ["kind": "hacking"]).status == 422)
        _ = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "tab-1"])
        let report = try s.organizer.get("/api/v1/exams/\(s.examId)/report").json
        let total = try #require(report["total"] as? [String: Any])
        #expect(total["onRoster"] as? Int == 1 && total["took"] as? Int == 1 && total["passed"] as? Int == 0)
        #expect((total["mean"] as? Double).map { abs($0 - 100.0 / 3) < 0.01 } == true)
        let candidate = try #require((report["candidates"] as? [[String: Any]])?.first)
        #expect(candidate["username"] as? String == s.officialName && candidate["state"] as? String == "submitted")
        #expect((candidate["events"] as? [String: Int])?["visibility_hidden"] == 2, "integrity evidence, shown to the organizer")
    }

    @Test func aKeyChangeIsRegradedExplicitlyWithAReportOfWhoseResultChanged() throws {
        let s = try setUp(review: "score")
        let attempt = try start(s)["id"] as! Int
        let items = try s.official.get("/api/v1/attempts/\(attempt)").json["items"] as! [[String: Any]]
        let judgeSlot = items.first { $0["type"] as? String == "judge" }!["slot"] as! Int
        _ = try save(s, attempt, slot: judgeSlot, seq: 1, ["judge": true])
        _ = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "tab-1"])
        let admin = try s.app.admin()
        let judge = try #require((try admin.get("/api/v1/questions?type=judge").json["items"] as? [[String: Any]])?.first)
        let id = judge["id"] as! Int
        // The law changed: the statement is now false.
        let edited = try json(admin, "PUT", "/api/v1/questions/\(id)", ["type": "judge", "stem": judge["stem"]!, "answer": false,
                                                                       "explanation": "修订后不再正确。", "basis": judge["basis"]!,
                                                                       "expectedVersion": 1])
        #expect(edited.json["version"] as? Int == 2)
        let before = try s.organizer.get("/api/v1/exams/\(s.examId)/report").json["total"] as? [String: Any]
        #expect((before?["mean"] as? Double).map { abs($0 - 100.0 / 3) < 0.01 } == true, "past grades do not move by themselves")
        let preview = try json(s.organizer, "POST", "/api/v1/exams/\(s.examId)/regrade", ["questionId": id, "dryRun": true])
        #expect(preview.json["applied"] as? Bool == false)
        let change = try #require((preview.json["changes"] as? [[String: Any]])?.first)
        #expect(change["oldScore"] as? Double == 10 && change["newScore"] as? Double == 0)
        #expect(change["username"] as? String == s.officialName, "the organizer sees whose result changes")
        let stale = try json(s.organizer, "POST", "/api/v1/exams/\(s.examId)/regrade", ["questionId": id, "expectedVersion": 1])
        #expect(stale.status == 409 && stale.errorCode == "stale_version", "applying what was not previewed is refused")
        let elsewhere = try json(s.organizer, "POST", "/api/v1/exams/\(s.examId)/regrade", ["questionId": 999_999])
        #expect(elsewhere.status == 422 && elsewhere.text.contains("999999"))
        let applied = try json(s.organizer, "POST", "/api/v1/exams/\(s.examId)/regrade", ["questionId": id, "expectedVersion": 2])
        #expect(applied.json["applied"] as? Bool == true && (applied.json["changes"] as? [Any])?.count == 1)
        let after = try s.organizer.get("/api/v1/exams/\(s.examId)/report").json["total"] as? [String: Any]
        #expect(after?["mean"] as? Double == 0)
        let again = try json(s.organizer, "POST", "/api/v1/exams/\(s.examId)/regrade", ["questionId": id])
        #expect((again.json["changes"] as? [Any])?.isEmpty == true, "a regrade is a replay: doing it twice changes nothing more")
        let audit = try admin.get("/api/v1/audit").json["items"] as? [[String: Any]] ?? []
        #expect(audit.contains { $0["action"] as? String == "exam.regrade" })
        let usage = try admin.get("/api/v1/questions/\(id)").json["usage"] as? [String: Any]
        #expect(usage?["attempts"] as? Int == 1 && usage?["facility"] as? Double == 0, "usage and facility per question")
    }

    @Test func itemAnalysisUsesTheCountedAttempts() throws {
        let s = try setUp(review: "score")
        let attempt = try start(s)["id"] as! Int
        let items = try s.official.get("/api/v1/attempts/\(attempt)").json["items"] as! [[String: Any]]
        for item in items where item["type"] as? String == "judge" {
            _ = try save(s, attempt, slot: item["slot"] as! Int, seq: 1, ["judge": true])
        }
        _ = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "tab-1"])
        let stats = try s.organizer.get("/api/v1/exams/\(s.examId)/statistics").json
        #expect((stats["test"] as? [String: Any])?["attempts"] as? Int == 1)
        let questions = try #require(stats["questions"] as? [[String: Any]])
        #expect(questions.count == 3)
        let judge = try #require(questions.first { $0["type"] as? String == "judge" })
        #expect(judge["facility"] as? Double == 100 && judge["randomGuessScore"] as? Double == 50)
        #expect((judge["responses"] as? [[String: Any]])?.first?["count"] as? Int == 1)
        #expect(judge["discriminationIndex"] == nil, "undefined with one attempt: left out, not NaN")
    }

    @Test func caseAnswersWaitInTheMarkingQueueAndTheMarkCountsTowardThePass() throws {
        let s = try setUp()
        let admin = try s.app.admin()
        let caseBank = """
            bank: 案例题库
            questions:
              - {id: c-1, type: case, stem: 请分析本案。, answer: 参考答案, rubric: [指出违法之处], points: 10, explanation: 解析, basis: 《某法》第四条}
            """
        #expect(try admin.send("POST", "/api/v1/questions/import?filename=c.yaml", body: Array(caseBank.utf8)).status == 201)
        let caseId = try #require((try admin.get("/api/v1/questions?type=case").json["items"] as? [[String: Any]])?.first?["id"] as? Int)
        let now = s.app.clock.now
        let exam = try json(s.organizer, "POST", "/api/v1/exams", [
            "title": "案例分析", "year": 2026, "opensAt": iso(now - 60_000), "closesAt": iso(now + 7_200_000), "durationMinutes": 30,
            "passPercent": 60, "paper": ["fixed": [["questionId": caseId, "points": 10]]]]).json["id"] as! Int
        _ = try json(s.organizer, "PUT", "/api/v1/exams/\(exam)/roster", ["unitIds": [s.unit]])
        _ = try s.organizer.send("POST", "/api/v1/exams/\(exam)/publish")
        let attempt = try json(s.official, "POST", "/api/v1/exams/\(exam)/attempts", ["clientId": "t"]).json["id"] as! Int
        _ = try json(s.official, "PUT", "/api/v1/attempts/\(attempt)/responses/0", ["seq": 1, "clientId": "t", "response": ["text": "行政机关未告知听证权利。"]])
        _ = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "t"])
        let queue = try #require(try s.organizer.get("/api/v1/exams/\(exam)/marking").json["items"] as? [[String: Any]])
        #expect(queue.count == 1 && queue[0]["answer"] as? String == "行政机关未告知听证权利。" && queue[0]["reference"] as? String == "参考答案")
        #expect(try json(s.organizer, "PUT", "/api/v1/attempts/\(attempt)/marks/0", ["mark": 11]).status == 422, "above the question's points")
        let marked = try json(s.organizer, "PUT", "/api/v1/attempts/\(attempt)/marks/0", ["mark": 7, "comment": "要点基本答出"])
        #expect(marked.json["score"] as? Double == 7 && marked.json["passed"] as? Bool == true)
        #expect((try s.organizer.get("/api/v1/exams/\(exam)/marking").json["items"] as? [Any])?.isEmpty == true)
        let other = try s.app.signedIn([.organizer])
        #expect(try json(other, "PUT", "/api/v1/attempts/\(attempt)/marks/0", ["mark": 0]).status == 404)
        // A regrade after the reference answer is reworded keeps the hand mark.
        _ = try json(admin, "PUT", "/api/v1/questions/\(caseId)", ["type": "case", "stem": "请分析本案。", "answer": "新的参考答案",
                                                                  "explanation": "解析", "basis": "《某法》第四条", "expectedVersion": 1])
        let regrade = try json(s.organizer, "POST", "/api/v1/exams/\(exam)/regrade", ["questionId": caseId])
        #expect(regrade.status == 200 && (regrade.json["changes"] as? [Any])?.isEmpty == true, "\(regrade.text)")
        let report = try s.organizer.get("/api/v1/exams/\(exam)/report").json["total"] as? [String: Any]
        #expect(report?["passed"] as? Int == 1)
    }

    @Test func aMakeUpExamIsForThoseWhoMissedOrFailed() throws {
        let s = try setUp(review: "score", alsoOnRoster: ["tongguo", "queKao"])
        let attempt = try start(s)["id"] as! Int
        _ = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "tab-1"])   // blank: fails
        // "tongguo" answers everything right and passes; "queKao" never starts.
        let passer = Browser(port: s.app.port)
        try passer.start()
        _ = try passer.post("/api/v1/auth/login", json: ["username": "tongguo", "password": "password-tongguo"])
        let view = try json(passer, "POST", "/api/v1/exams/\(s.examId)/attempts", ["clientId": "p"]).json
        let passerAttempt = view["id"] as! Int
        for item in view["items"] as! [[String: Any]] {
            let slot = item["slot"] as! Int
            let options = item["options"] as? [String] ?? []
            let response: [String: Any] = switch item["type"] as? String {
            case "judge": ["judge": true]
            case "single": ["choice": [options.firstIndex(of: "乙")!]]
            default: ["choice": ["甲", "丙"].map { options.firstIndex(of: $0)! }]
            }
            _ = try json(passer, "PUT", "/api/v1/attempts/\(passerAttempt)/responses/\(slot)", ["seq": slot + 1, "clientId": "p", "response": response])
        }
        let passed = try json(passer, "POST", "/api/v1/attempts/\(passerAttempt)/submit", ["clientId": "p"])
        #expect(passed.json["passed"] as? Bool == true)
        let certificate = try passer.get("/api/v1/attempts/\(passerAttempt)/certificate")
        #expect(certificate.status == 200 && certificate.header("Content-Type") == "text/html; charset=utf-8")
        #expect(certificate.text.contains("合格证明") && certificate.text.contains("考试合格"))
        #expect(try s.official.get("/api/v1/attempts/\(attempt)/certificate").errorCode == "not_passed")
        let now = s.app.clock.now
        let makeup = try json(s.organizer, "POST", "/api/v1/exams/\(s.examId)/makeup",
                              ["opensAt": iso(now + 86_400_000), "closesAt": iso(now + 2 * 86_400_000)])
        #expect(makeup.status == 201, "\(makeup.text)")
        #expect(makeup.json["makeupOf"] as? Int == s.examId && makeup.json["title"] as? String == "2026年度学法考试（补考）")
        #expect(makeup.json["status"] as? String == "draft" && makeup.json["rosterCount"] as? Int == 2)
        let roster = try s.organizer.get("/api/v1/exams/\(makeup.json["id"] as! Int)/roster").json["items"] as? [[String: Any]] ?? []
        #expect(Set(roster.compactMap { $0["username"] as? String }) == [s.officialName, "queKao"], "the failed and the absent, not the passer")
        let bad = try json(s.organizer, "POST", "/api/v1/exams/\(s.examId)/makeup", ["opensAt": iso(now), "closesAt": iso(now - 1000)])
        #expect(bad.status == 422)
    }

    @Test func candidatesAndOrganizersSeeOnlyTheirOwn() throws {
        let s = try setUp()
        let attempt = try start(s)["id"] as! Int
        let stranger = try s.app.signedIn([.official])
        #expect(try stranger.get("/api/v1/attempts/\(attempt)").status == 404)
        #expect(try json(stranger, "POST", "/api/v1/exams/\(s.examId)/attempts", ["clientId": "x"]).status == 404)
        let otherOrganizer = try s.app.signedIn([.organizer])
        #expect(try otherOrganizer.get("/api/v1/exams/\(s.examId)/report").status == 404)
        #expect(try s.organizer.get("/api/v1/exams/\(s.examId)/report").status == 200)
        #expect(try json(s.organizer, "PUT", "/api/v1/exams/\(s.examId)/roster", ["unitIds": [s.unit]]).errorCode == "exam_published")
    }

    @Test func badExamInputIsExplained() throws {
        let app = try TestApp()
        let organizer = try app.signedIn([.organizer])
        let r = try json(organizer, "POST", "/api/v1/exams", ["title": "", "year": 2026, "opensAt": "tomorrow", "closesAt": iso(0),
                                                               "durationMinutes": 30, "paper": ["fixed": []]])
        #expect(r.status == 422)
        let bad = try json(organizer, "POST", "/api/v1/exams", ["title": "x", "year": 2026, "opensAt": iso(10_000), "closesAt": iso(0),
                                                                 "durationMinutes": 0, "paper": ["fixed": []]])
        let message = (bad.json["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(bad.status == 422 && message.contains("结束时间") && message.contains("时长") && message.contains("没有题目"))
    }
}

extension ExamScenarioTests {
    @Test func aVersionWithAnotherNumberOfOptionsCannotBeRegraded() throws {
        let s = try setUp(review: "score")
        let attempt = try start(s)["id"] as! Int
        _ = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "tab-1"])
        let admin = try s.app.admin()
        let single = try #require((try admin.get("/api/v1/questions?type=single").json["items"] as? [[String: Any]])?.first)
        let id = single["id"] as! Int
        let edited = try json(admin, "PUT", "/api/v1/questions/\(id)", ["type": "single", "stem": "题一", "options": ["甲", "乙", "丙"],
                                                                       "answer": "A", "explanation": "解析", "basis": "《某法》第一条",
                                                                       "expectedVersion": 1])
        #expect(edited.status == 200, "\(edited.text)")
        let refused = try json(s.organizer, "POST", "/api/v1/exams/\(s.examId)/regrade", ["questionId": id, "dryRun": true])
        #expect(refused.status == 422 && refused.text.contains("选项数"), "\(refused.text)")
    }
}

extension ExamScenarioTests {
    @Test func theReportDownloadsAsAWorkbookThatAgreesWithTheScreen() throws {
        let s = try setUp(review: "score")
        let attempt = try start(s)["id"] as! Int
        _ = try json(s.official, "POST", "/api/v1/attempts/\(attempt)/submit", ["clientId": "tab-1"])
        let file = try s.organizer.get("/api/v1/exams/\(s.examId)/report/export?format=xlsx")
        #expect(file.status == 200)
        #expect(file.header("Content-Disposition")?.contains("attachment") == true)
        #expect(file.header("Content-Disposition")?.contains("%E6%88%90%E7%BB%A9%E6%8A%A5%E5%91%8A") == true, "成绩报告 in the name")
        let sheet = try Spreadsheet.read(file.body, file: "report.xlsx").get()
        #expect(sheet.sheet == "单位汇总")
        #expect(sheet.rows.first?.cells.prefix(3) == ["单位", "应考人数", "参考人数"])
        let total = try #require(sheet.rows.last?.cells)
        #expect(total[0] == "合计" && total[1] == "1" && total[2] == "1" && total[3] == "1", "\(total)")
        #expect(try s.organizer.get("/api/v1/exams/\(s.examId)/report/export?format=pdf").status == 400)
        #expect(try s.official.get("/api/v1/exams/\(s.examId)/report/export").status == 403)
    }
}
