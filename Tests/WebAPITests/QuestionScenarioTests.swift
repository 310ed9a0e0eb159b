import Foundation
import Testing
import TestSupport

/// Publicity staff manage the question bank through the API: import, search, edit with versions, export.
@Suite struct QuestionScenarioTests {
    static let bankYAML = """
        bank: 测试题库
        law: 中华人民共和国行政处罚法
        questions:
          - id: t-001
            type: single
            category: 行政处罚法/行政处罚的种类和设定
            stem: 限制人身自由的行政处罚只能由什么设定？
            options: [法律, 行政法规, 地方性法规, 规章]
            answer: A
            explanation: 第十条第二款规定，限制人身自由的行政处罚只能由法律设定。
            basis: 《中华人民共和国行政处罚法》第十条
            topics: [设定权]
            difficulty: 1
            audiences: [civil_servant]
          - id: t-002
            type: judge
            category: 行政处罚法/行政处罚的决定
            stem: 当事人有权进行陈述和申辩。
            answer: true
            explanation: 第七条规定当事人有权进行陈述和申辩。
            basis: 《中华人民共和国行政处罚法》第七条
            topics: [陈述申辩]
            difficulty: 1
            audiences: [resident]
        """

    func importFile(_ browser: Browser, _ text: String, name: String = "bank.yaml", dryRun: Bool = false) throws -> RawResponse {
        try browser.send("POST", "/api/v1/questions/import?filename=\(name)\(dryRun ? "&dryRun=1" : "")",
                         headers: [("Content-Type", "application/octet-stream")], body: Array(text.utf8))
    }

    @Test func aDryRunShowsThePlanAndWritesNothing() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        let dry = try importFile(editor, Self.bankYAML, dryRun: true)
        #expect(dry.status == 200)
        #expect(dry.json["added"] as? Int == 2 && dry.json["dryRun"] as? Bool == true)
        #expect(try editor.get("/api/v1/questions").json["total"] as? Int == 0)
    }

    @Test func importingTwiceAddsOnceAndAChangedFileMakesNewVersions() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try importFile(editor, Self.bankYAML).json["added"] as? Int == 2)
        let again = try importFile(editor, Self.bankYAML)
        #expect(again.json["unchanged"] as? Int == 2 && again.json["added"] as? Int == 0)
        let edited = Self.bankYAML.replacingOccurrences(of: "当事人有权进行陈述和申辩。\n", with: "当事人依法有权进行陈述和申辩。\n")
        #expect(try importFile(editor, edited).json["changed"] as? Int == 1)
        let list = try #require(try editor.get("/api/v1/questions?type=judge").json["items"] as? [[String: Any]])
        let id = try #require(list.first?["id"] as? Int)
        let detail = try editor.get("/api/v1/questions/\(id)").json
        #expect(detail["version"] as? Int == 2)
        #expect((detail["versions"] as? [[String: Any]])?.map { $0["stem"] as? String } ==
                ["当事人有权进行陈述和申辩。", "当事人依法有权进行陈述和申辩。"])
    }

    @Test func reimportingAnExportUnderAnotherNameCreatesNoEmptyBank() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        _ = try importFile(editor, Self.bankYAML)
        let csv = try editor.get("/api/v1/questions/export?format=csv")
        let again = try editor.send("POST", "/api/v1/questions/import?filename=%E6%B5%8B%E8%AF%95%20(1).csv", body: csv.body)
        #expect(again.status == 201)
        #expect(again.json["unchanged"] as? Int == 2)
        #expect((try editor.get("/api/v1/question-banks").json["items"] as? [Any])?.count == 1)
    }

    @Test func savingWithoutAChangeMakesNoNewVersion() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        _ = try importFile(editor, Self.bankYAML)
        let q = try #require((try editor.get("/api/v1/questions?type=judge").json["items"] as? [[String: Any]])?.first)
        let body: [String: Any] = ["type": "judge", "stem": q["stem"]!, "answer": q["answer"]!, "explanation": q["explanation"]!,
                                   "basis": q["basis"]!, "category": q["category"]!, "topics": q["topics"]!,
                                   "difficulty": q["difficulty"]!, "audiences": q["audiences"]!, "quote": q["quote"]!,
                                   "expectedVersion": 1]
        let saved = try editor.send("PUT", "/api/v1/questions/\(q["id"] as! Int)", headers: [("Content-Type", "application/json")],
                                    body: [UInt8](try JSONSerialization.data(withJSONObject: body)))
        #expect(saved.status == 200)
        #expect(saved.json["version"] as? Int == 1)
    }

    @Test func aFileWithAnyBadQuestionImportsNothingAndSaysWhereAndWhy() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        let broken = Self.bankYAML.replacingOccurrences(of: "answer: A", with: "answer: F")
            .replacingOccurrences(of: "stem: 当事人有权进行陈述和申辩。", with: "stem: \"\"")
        let r = try importFile(editor, broken, name: "坏题库.yaml")
        #expect(r.status == 422)
        #expect(r.errorCode == "import_failed")
        let problems = try #require((r.json["error"] as? [String: Any])?["problems"] as? [[String: Any]])
        #expect(problems.count == 2)
        #expect(problems.map { $0["location"] as? String } == ["坏题库.yaml:4", "坏题库.yaml:15"])
        #expect((problems[0]["reason"] as? String)?.contains("F") == true)
        #expect(try editor.get("/api/v1/question-banks").json["items"] as? [Any] != nil)
        #expect((try editor.get("/api/v1/question-banks").json["items"] as? [Any])?.isEmpty == true)
    }

    @Test func badFilesGetClearErrors() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try importFile(editor, "", name: "x.yaml").status == 400)
        let binary = try editor.send("POST", "/api/v1/questions/import?filename=x.yaml", body: [0x89, 0x50, 0x4e, 0x47, 0, 0, 1])
        #expect(binary.status == 422)
        #expect(try importFile(editor, "hello", name: "x.docx").status == 422)
        #expect(try editor.send("POST", "/api/v1/questions/import?filename=x.yaml&format=word", body: [1]).status == 400)
    }

    @Test func chineseSearchFindsTwoAndThreeCharacterWords() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        _ = try importFile(editor, Self.bankYAML)
        func total(_ q: String) throws -> Int? {
            try editor.get("/api/v1/questions?q=" + q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).json["total"] as? Int
        }
        #expect(try total("申辩") == 1)
        #expect(try total("人身自由") == 1)
        #expect(try total("第十条") == 1, "explanations and bases are searched too")
        #expect(try total("民法典") == 0)
        #expect(try editor.get("/api/v1/questions?difficulty=1&audience=resident").json["total"] as? Int == 1)
        #expect(try editor.get("/api/v1/questions?category=%E8%A1%8C%E6%94%BF%E5%A4%84%E7%BD%9A%E6%B3%95").json["total"] as? Int == 2)
        #expect(try editor.get("/api/v1/questions?difficulty=9").status == 400)
    }

    @Test func editingSavesANewVersionAndRefusesAStaleOne() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        _ = try importFile(editor, Self.bankYAML)
        let q = try #require((try editor.get("/api/v1/questions?type=single").json["items"] as? [[String: Any]])?.first)
        let id = q["id"] as! Int
        var body: [String: Any] = ["type": "single", "stem": q["stem"]!, "options": q["options"]!, "answer": "A",
                                   "explanation": "修改后的解析。", "basis": q["basis"]!, "expectedVersion": 1, "note": "补充解析"]
        let saved = try editor.send("PUT", "/api/v1/questions/\(id)", headers: [("Content-Type", "application/json")],
                                    body: [UInt8](try JSONSerialization.data(withJSONObject: body)))
        #expect(saved.status == 200)
        #expect(saved.json["version"] as? Int == 2)
        let search = { (word: String) in
            try editor.get("/api/v1/questions?q=" + word.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).json["total"] as? Int
        }
        #expect(try search("修改后的解析") == 1, "the search index follows the new version")
        #expect(try search("第十条第二款") == 0, "and forgets the old one")
        let stale = try editor.send("PUT", "/api/v1/questions/\(id)", headers: [("Content-Type", "application/json")],
                                    body: [UInt8](try JSONSerialization.data(withJSONObject: body)))
        #expect(stale.status == 409)
        #expect(stale.errorCode == "stale_version")
        body["expectedVersion"] = 2
        body["answer"] = "E"
        let invalid = try editor.send("PUT", "/api/v1/questions/\(id)", headers: [("Content-Type", "application/json")],
                                      body: [UInt8](try JSONSerialization.data(withJSONObject: body)))
        #expect(invalid.status == 422)
        let audit = try app.admin().get("/api/v1/audit").json["items"] as? [[String: Any]] ?? []
        #expect(audit.contains { $0["action"] as? String == "question.update" })
    }

    @Test func exportedFilesImportIntoAFreshInstanceUnchanged() throws {
        let first = try TestApp()
        let editor = try first.signedIn([.editor])
        _ = try importFile(editor, Self.bankYAML)
        for format in ["native", "gift", "moodle-xml", "csv", "xlsx"] {
            let file = try editor.get("/api/v1/questions/export?format=\(format)")
            #expect(file.status == 200, "\(format)")
            #expect(file.header("Content-Disposition")?.contains("attachment") == true)
            let second = try TestApp()
            let other = try second.signedIn([.editor])
            let ext = ["native": "yaml", "gift": "gift.txt", "moodle-xml": "xml", "csv": "csv", "xlsx": "xlsx"][format]!
            let imported = try other.send("POST", "/api/v1/questions/import?filename=bank.\(ext)", body: file.body)
            #expect(imported.status == 201, "\(format): \(imported.text)")
            #expect(imported.json["added"] as? Int == 2, "\(format)")
        }
    }
}
