import Accounts
import Database
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

/// Images: an editor uploads, the address is the digest, anyone fetches it with its type; anything else is refused.
@Suite struct MediaScenarioTests {
    static let gif: [UInt8] = Array("GIF89a".utf8) + [0x02, 0x00, 0x02, 0x00, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04,
                                                       0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 0x02, 0, 0x02, 0, 0, 0x02, 0x02, 0x44, 0x01, 0, 0x3B]

    @Test func anEditorUploadsAnImageAndReadersFetchIt() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        let up = try editor.send("POST", "/api/v1/media", headers: [("Content-Type", "image/gif")], body: Self.gif)
        #expect(up.status == 201 && up.json["width"] as? Int == 2 && up.json["mime"] as? String == "image/gif", "\(up.text)")
        let url = try #require(up.json["url"] as? String)
        #expect(url.hasPrefix("/media/") && url.hasSuffix(".gif"))
        let again = try editor.send("POST", "/api/v1/media", body: Self.gif)
        #expect(again.json["url"] as? String == url, "the same bytes keep one address")
        let got = try app.browser().get(url)
        #expect(got.status == 200 && got.body == Self.gif && got.header("Content-Type") == "image/gif")
        #expect(got.header("X-Content-Type-Options") == "nosniff")
        let md = try json(editor, "POST", "/api/v1/content-preview", ["body": "![示意图](\(url))"])
        #expect((md.json["html"] as? String)?.contains("<img src=\"\(url)\"") == true, "\(md.text)")
    }

    @Test func badUploadsAreRefusedAndNothingIsKept() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8)
        for (body, type) in [(svg, "image/svg+xml"), ([UInt8](), "image/png"), (Self.gif, "image/png")] {
            let r = try editor.send("POST", "/api/v1/media", headers: [("Content-Type", type)], body: body)
            #expect(r.status == 422 && r.errorCode == "validation_failed", "\(type): \(r.text)")
        }
        #expect(try app.app.store.pool.read { try $0.scalar("SELECT count(*) FROM media") } == .integer(0))
        #expect(try app.browser().get("/media/\(String(repeating: "0", count: 64)).png").status == 404)
        #expect(try app.browser().get("/media/..%2Fetc.png").status == 404)
        #expect(try app.signedIn([.resident]).send("POST", "/api/v1/media", body: Self.gif).status == 403)
    }
}
