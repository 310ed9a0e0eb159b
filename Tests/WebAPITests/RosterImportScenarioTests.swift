import Accounts
import Foundation
import QuestionFormats
import Testing
import TestSupport

/// Officials arrive on an exam's roster from the sheet a unit keeps: all or nothing, every problem by row,
/// initial passwords shown once, phones masked everywhere but the logged reveal.
@Suite struct RosterImportScenarioTests {
    struct Setup {
        let app: TestApp
        let admin: Browser
        let organizer: Browser
        let examId: Int
        let bureau: Int
        let office: Int
    }

    static let bank = """
        bank: 名单题库
        questions:
          - {id: r-1, type: judge, stem: 题一, answer: true, explanation: 解析, basis: 《某法》第一条}
        """

    func setUp() throws -> Setup {
        let app = try TestApp()
        let admin = try app.admin()
        let bureau = try #require(try admin.post("/api/v1/units", json: ["name": "县司法局", "code": "SFJ"]).json["id"] as? Int)
        let office = try #require(try admin.post("/api/v1/units", json: ["name": "法治宣传科", "parentId": bureau]).json["id"] as? Int)
        _ = try admin.send("POST", "/api/v1/questions/import?filename=b.yaml", body: Array(Self.bank.utf8))
        let question = try #require((try admin.get("/api/v1/questions").json["items"] as? [[String: Any]])?.first?["id"] as? Int)
        let organizer = try app.signedIn([.organizer], unitId: bureau)
        let now = Date(timeIntervalSince1970: Double(app.clock.now) / 1000)
        let iso = ISO8601DateFormatter()
        let exam = try organizer.send("POST", "/api/v1/exams", headers: [("Content-Type", "application/json")], body: [UInt8](
            try JSONSerialization.data(withJSONObject: [
                "title": "名单导入", "year": 2026, "opensAt": iso.string(from: now.addingTimeInterval(3600)),
                "closesAt": iso.string(from: now.addingTimeInterval(7200)), "durationMinutes": 30,
                "paper": ["fixed": [["questionId": question, "points": 10]]]])))
        #expect(exam.status == 201, "\(exam.text)")
        return Setup(app: app, admin: admin, organizer: organizer, examId: try #require(exam.json["id"] as? Int),
                     bureau: bureau, office: office)
    }

    func upload(_ s: Setup, _ bytes: [UInt8], filename: String = "名单.csv", dryRun: Bool = false, as who: Browser? = nil) throws -> RawResponse {
        let name = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "f"
        return try (who ?? s.organizer).send("POST", "/api/v1/exams/\(s.examId)/roster/import?filename=\(name)\(dryRun ? "&dryRun=1" : "")",
                                             body: bytes)
    }

    static let goodCSV = """
        姓名,登录名,单位,人员类别,手机号码
        张三,zhangsan,县司法局/法治宣传科,领导干部,138 0013 8000
        李四,lisi,SFJ,行政执法人员,
        王五,wangwu,法治宣传科,公务员,+86 13900139000

        """

    func users(_ s: Setup) throws -> [[String: Any]] {
        try #require(try s.admin.get("/api/v1/users?pageSize=100").json["items"] as? [[String: Any]])
    }

    @Test func aSheetCreatesAccountsPutsThemOnTheRosterAndTheirPasswordsWork() throws {
        let s = try setUp()
        let preview = try upload(s, Array(Self.goodCSV.utf8), dryRun: true)
        #expect(preview.status == 200, "\(preview.text)")
        #expect(preview.json["created"] as? Int == 3 && preview.json["added"] as? Int == 3 && preview.json["rosterTotal"] as? Int == 0)
        #expect((preview.json["credentials"] as? [Any])?.isEmpty == true)
        #expect(try users(s).count == 2, "a dry run creates nobody")

        let applied = try upload(s, Array(Self.goodCSV.utf8))
        #expect(applied.status == 201, "\(applied.text)")
        #expect(applied.json["created"] as? Int == 3 && applied.json["rosterTotal"] as? Int == 3)
        let credentials = try #require(applied.json["credentials"] as? [[String: Any]])
        #expect(credentials.count == 3)
        let zhang = try #require(credentials.first { $0["username"] as? String == "zhangsan" })
        let official = s.app.browser()
        try official.start()
        let login = try official.post("/api/v1/auth/login", json: ["username": "zhangsan", "password": zhang["password"]!])
        #expect(login.status == 200, "the generated initial password signs in")
        let me = try #require(login.json["user"] as? [String: Any])
        #expect(me["rank"] as? String == "leader" && me["phone"] as? String == "138****8000" && me["unitId"] as? Int == s.office)
        #expect((me["roles"] as? [String]) == ["official"])
        let fast = try #require(try official.get("/api/v1/me").json["user"] as? [String: Any])
        let canonical = { (o: [String: Any]) in try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]) }
        #expect(try canonical(fast) == canonical(me), "the hand-written session JSON matches the encoder's")
        let roster = try s.organizer.get("/api/v1/exams/\(s.examId)/roster")
        #expect(Set((roster.json["items"] as? [[String: Any]] ?? []).compactMap { $0["username"] as? String }) == ["zhangsan", "lisi", "wangwu"])
        #expect(!roster.text.contains("13800138000"))
        let listed = try s.admin.get("/api/v1/users?pageSize=100").text
        #expect(listed.contains("138****8000") && !listed.contains("13800138000"))
    }

    @Test func importingAgainUpdatesTheSameAccountsAndCreatesNoOne() throws {
        let s = try setUp()
        #expect(try upload(s, Array(Self.goodCSV.utf8)).status == 201)
        let again = try upload(s, Array(Self.goodCSV.replacingOccurrences(of: "李四,lisi,SFJ,行政执法人员,", with: "李四,lisi,SFJ,公务员,13700137000").utf8))
        #expect(again.status == 201, "\(again.text)")
        #expect(again.json["created"] as? Int == 0 && again.json["updated"] as? Int == 3 && again.json["added"] as? Int == 0)
        #expect((again.json["credentials"] as? [Any])?.isEmpty == true)
        let lisi = try #require(try users(s).first { $0["username"] as? String == "lisi" })
        #expect(lisi["rank"] as? String == "civil_servant" && lisi["phone"] as? String == "137****7000")
    }

    @Test func aSheetWithBadRowsChangesNothingAndNamesEveryRow() throws {
        let s = try setUp()
        let bad = """
            姓名,登录名,单位,人员类别,手机号码
            张三,zhangsan,县司法局,领导干部,13800138000
            ,li si,财政局,处长,12345
            王五,zhangsan,县司法局,公务员,

            """
        let r = try upload(s, Array(bad.utf8))
        #expect(r.status == 422)
        #expect(r.errorCode == "import_failed")
        let error = try #require(r.json["error"] as? [String: Any])
        let problems = try #require(error["problems"] as? [[String: Any]])
        #expect(Set(problems.compactMap { $0["line"] as? Int }) == [3, 4], "\(problems)")
        #expect(problems.allSatisfy { ($0["location"] as? String)?.hasPrefix("名单.csv:") == true })
        #expect(try users(s).count == 2, "no account was created")
        #expect(try s.organizer.get("/api/v1/exams/\(s.examId)/roster").json["total"] as? Int == 0)
    }

    @Test func gb18030AndXLSXSheetsAreReadLikeUTF8() throws {
        let s = try setUp()
        // "姓名,登录名,单位,人员类别\n赵六,zhaoliu,县司法局,公务员\n" as Excel on Chinese Windows saves it (GB18030).
        let gbk: [UInt8] = [0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xB5, 0xC7, 0xC2, 0xBC, 0xC3, 0xFB, 0x2C, 0xB5, 0xA5, 0xCE, 0xBB, 0x2C,
                            0xC8, 0xCB, 0xD4, 0xB1, 0xC0, 0xE0, 0xB1, 0xF0, 0x0A, 0xD5, 0xD4, 0xC1, 0xF9, 0x2C, 0x7A, 0x68, 0x61,
                            0x6F, 0x6C, 0x69, 0x75, 0x2C, 0xCF, 0xD8, 0xCB, 0xBE, 0xB7, 0xA8, 0xBE, 0xD6, 0x2C, 0xB9, 0xAB, 0xCE,
                            0xF1, 0xD4, 0xB1, 0x0A]
        let fromGBK = try upload(s, gbk, dryRun: true)
        #expect(fromGBK.status == 200 && fromGBK.json["created"] as? Int == 1, "\(fromGBK.text)")
        let workbook = try Spreadsheet.xlsx([Spreadsheet.Sheet(name: "名单", header: ["姓名", "登录名", "单位", "人员类别", "手机号码"], rows: [
            ["赵六", "zhaoliu", "县司法局", "公务员", .number(13_800_138_000)],
            ["钱七", "qianqi", "法治宣传科", "执法人员", .empty]])])
        let fromXLSX = try upload(s, workbook, filename: "名单.xlsx")
        #expect(fromXLSX.status == 201 && fromXLSX.json["created"] as? Int == 2, "\(fromXLSX.text)")
        let zhao = try #require(try users(s).first { $0["username"] as? String == "zhaoliu" })
        #expect(zhao["phone"] as? String == "138****8000", "a phone typed as a number in Excel is read as digits")
        let broken = try upload(s, Array(workbook.prefix(200)), filename: "坏.xlsx")
        #expect(broken.status == 422 && broken.errorCode == "import_failed")
    }

    @Test func anOrganizerCannotImportIntoAnotherUnitOrAfterPublishing() throws {
        let s = try setUp()
        let other = try #require(try s.admin.post("/api/v1/units", json: ["name": "县公安局"]).json["id"] as? Int)
        _ = other
        let outside = try upload(s, Array("姓名,登录名,单位,人员类别\n赵六,zhaoliu,县公安局,公务员\n".utf8))
        #expect(outside.status == 422 && outside.text.contains("县公安局"))
        let staff = try upload(s, Array("姓名,登录名,单位,人员类别\n管理员,admin,县司法局,公务员\n".utf8))
        #expect(staff.status == 422, "an organizer cannot rewrite the admin account: \(staff.text)")
        #expect(try upload(s, Array(Self.goodCSV.utf8)).status == 201)
        #expect(try s.organizer.send("POST", "/api/v1/exams/\(s.examId)/publish").status == 200)
        let late = try upload(s, Array(Self.goodCSV.utf8))
        #expect(late.status == 409 && late.errorCode == "exam_published")
        #expect(try upload(s, []).status == 400)
    }

    @Test func revealingAPhoneNeedsThePermissionAndIsLogged() throws {
        let s = try setUp()
        #expect(try upload(s, Array(Self.goodCSV.utf8)).status == 201)
        let zhang = try #require(try users(s).first { $0["username"] as? String == "zhangsan" }?["id"] as? Int)
        #expect(try s.organizer.send("POST", "/api/v1/users/\(zhang)/phone").status == 403)
        let revealed = try s.admin.send("POST", "/api/v1/users/\(zhang)/phone")
        #expect(revealed.status == 200 && revealed.json["phone"] as? String == "13800138000")
        let audit = try s.admin.get("/api/v1/audit?pageSize=5")
        let newest = try #require((audit.json["items"] as? [[String: Any]])?.first)
        #expect(newest["action"] as? String == "personal.reveal")
        #expect(!audit.text.contains("13800138000"), "the audit log keeps no whole phone number")
        let importEntry = try s.admin.get("/api/v1/audit?pageSize=50").text
        #expect(importEntry.contains("roster.import"))
    }
}
