import Accounts
import Foundation
import Testing
import TestSupport

/// Teaching material: an editor writes and previews, residents read what is published in its dates, imports are
/// all-or-nothing with file:line problems, and an edit never silently overwrites a newer one.
@Suite struct ContentScenarioTests {
    static var piece: [String: Any] { [
        "title": "遇到电信诈骗怎么办", "summary": "三步止损：挂断、核实、报警。", "topics": ["反诈"], "audiences": ["resident"],
        "basis": ["《中华人民共和国反电信网络诈骗法》第二条"], "body": "## 三步止损\n\n1. 挂断\n2. 核实\n3. 拨打 110\n\n<script>x()</script>"] }

    @Test func anEditorWritesAndResidentsReadSafeHTML() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        let preview = try json(editor, "POST", "/api/v1/content-preview", ["body": "**要点** <b>粗</b>"])
        #expect(preview.status == 200 && (preview.json["html"] as? String)?.contains("<strong>要点</strong>") == true)
        #expect(!(preview.json["html"] as? String ?? "").contains("<b>"), "raw HTML is dropped")
        let created = try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", Self.piece)
        #expect(created.status == 201 && created.json["version"] as? Int == 1, "\(created.text)")
        let read = try app.browser().get("/api/v1/content/fanzha-sanbu")
        #expect(read.status == 200 && (read.json["html"] as? String)?.contains("<h2>三步止损</h2>") == true)
        #expect(!read.text.contains("<script>") && read.json["body"] == nil, "residents get HTML only")
        let list = try app.browser().get("/api/v1/content?audience=resident").json["items"] as? [[String: Any]]
        #expect(list?.contains { $0["slug"] as? String == "fanzha-sanbu" } == true)
        #expect((try app.browser().get("/api/v1/content?audience=leader").json["items"] as? [Any])?.isEmpty == true)
        #expect((try app.browser().get("/api/v1/content?audience=leader,resident&limit=1").json["items"] as? [Any])?.count == 1)

        var edit = Self.piece
        edit["summary"] = "挂断、核实、报警。"
        edit["expectedVersion"] = 1
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", edit).json["version"] as? Int == 2)
        let stale = try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", edit)
        #expect(stale.status == 409 && stale.errorCode == "stale_version", "an edit from version 1 does not overwrite version 2")
        let staff = try editor.get("/api/v1/content-admin/fanzha-sanbu").json
        #expect((staff["versions"] as? [Any])?.count == 2 && (staff["body"] as? String)?.contains("挂断") == true)
    }

    @Test func draftsAndFutureOrExpiredPiecesAreNotShown() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        var draft = Self.piece
        draft["status"] = "draft"
        #expect(try json(editor, "PUT", "/api/v1/content-admin/caogao-yipian", draft).status == 201)
        #expect(try app.browser().get("/api/v1/content/caogao-yipian").status == 404)
        var later = Self.piece
        later["publish"] = "2099-01-01"
        #expect(try json(editor, "PUT", "/api/v1/content-admin/weilai-yipian", later).status == 201)
        #expect(try app.browser().get("/api/v1/content/weilai-yipian").status == 404)
        var bad = Self.piece
        bad["audiences"] = ["martian"]
        bad["basis"] = ["没有书名号"]
        let refused = try json(editor, "PUT", "/api/v1/content-admin/huai-yipian", bad)
        #expect(refused.status == 422 && refused.text.contains("martian") && refused.text.contains("《》"))
        #expect(try json(editor, "PUT", "/api/v1/content-admin/AB", Self.piece).status == 422, "ids are lower-case a-z, 0-9, -")
    }

    @Test func aFileImportsWholeOrNotAtAll() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        let file = """
            ---
            id: daoru-ceshi
            title: 导入测试
            summary: 一段摘要。
            topics: [宪法]
            audiences: [youth]
            basis: [《中华人民共和国宪法》第五条]
            ---
            正文。
            """
        let ok = try editor.send("POST", "/api/v1/content-import?filename=daoru-ceshi.md", body: Array(file.utf8))
        #expect(ok.status == 201 && ok.text.contains("added"), "\(ok.text)")
        let again = try editor.send("POST", "/api/v1/content-import?filename=daoru-ceshi.md", body: Array(file.utf8))
        #expect(again.text.contains("unchanged"))
        let broken = try editor.send("POST", "/api/v1/content-import?filename=daoru-ceshi.md",
                                     body: Array(file.replacingOccurrences(of: "audiences: [youth]", with: "audiences: [nobody]").utf8))
        #expect(broken.status == 422 && broken.errorCode == "import_failed")
        let problems = (broken.json["error"] as? [String: Any])?["problems"] as? [[String: Any]]
        #expect(problems?.first?["line"] as? Int == 6, "\(broken.text)")
        #expect(try editor.send("POST", "/api/v1/content-import?filename=x.md", body: [0xFF, 0xFE, 0x00]).status == 422)
    }
}
