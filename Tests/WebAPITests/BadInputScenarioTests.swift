import Foundation
import Testing
import TestSupport

/// Every kind of bad input gets a clear JSON error, never a 500, and writes nothing.
@Suite struct BadInputScenarioTests {
    @Test func malformedJSONIsA400WithTheReason() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let broken = try admin.send("POST", "/api/v1/units", headers: [("Content-Type", "application/json")],
                                    body: Array(#"{"name": "司法局""#.utf8))
        #expect(broken.status == 400)
        #expect(broken.errorCode == "malformed_json")
        let missing = try admin.post("/api/v1/units", json: ["parentId": 3])
        #expect(missing.status == 400)
        #expect((missing.json["error"] as? [String: Any])?["message"] as? String == "Missing field name")
        let wrongType = try admin.post("/api/v1/users", json: ["username": "x1", "displayName": "x", "password": 12, "roles": []])
        #expect(wrongType.status == 400)
        #expect(((wrongType.json["error"] as? [String: Any])?["message"] as? String)?.contains("password") == true)
    }

    @Test func aBodyThatIsNotJSONIsA415() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let response = try admin.send("POST", "/api/v1/units", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                      body: Array("name=x".utf8))
        #expect(response.status == 415)
        #expect(response.errorCode == "unsupported_media_type")
    }

    @Test func anAnnouncedOversizeBodyGetsA413TheClientCanRead() throws {
        let app = try TestApp(maxBodyBytes: 1024)
        let admin = try app.admin()
        let response = try admin.send("POST", "/api/v1/units", headers: [("Content-Type", "application/json")],
                                      body: Array(("{\"name\":\"" + String(repeating: "x", count: 4000) + "\"}").utf8))
        #expect(response.status == 413)
        #expect(response.errorCode == "payload_too_large")
    }

    @Test func aHugeAnnouncedBodyIsRefusedWithoutReadingIt() throws {
        let app = try TestApp(maxBodyBytes: 1024)
        let head = "POST /api/v1/units HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 100000000\r\n\r\n"
        let bytes = try RawHTTPClient.exchange(port: app.port, bytes: Array(head.utf8))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("HTTP/1.1 413"))
    }

    @Test func aChunkedOversizeBodyIsRefusedToo() throws {
        let app = try TestApp(maxBodyBytes: 1024)
        let admin = try app.admin()
        let cookie = admin.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        let chunk = String(repeating: "y", count: 800)
        var raw = "POST /api/v1/units HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
        raw += "Transfer-Encoding: chunked\r\nCookie: \(cookie)\r\nX-CSRF-Token: \(admin.cookies["pufa_csrf"]!)\r\n\r\n"
        for _ in 0..<3 { raw += String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n" }
        raw += "0\r\n\r\n"
        let bytes = try RawHTTPClient.exchange(port: app.port, bytes: Array(raw.utf8))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("HTTP/1.1 413"))
    }

    @Test func unknownRoutesAndMethodsAnswerInJSON() throws {
        let app = try TestApp()
        let browser = app.browser()
        let missing = try browser.get("/api/v1/nothing-here")
        #expect(missing.status == 404)
        #expect(missing.errorCode == "not_found")
        let wrongMethod = try browser.send("DELETE", "/api/v1/session")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.errorCode == "method_not_allowed")
        #expect(wrongMethod.header("Allow") == "GET")
        let unknownMethod = try browser.send("BREW", "/api/v1/session")
        #expect(unknownMethod.status == 405 || unknownMethod.status == 501)
    }

    @Test(arguments: ["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
                      "/..%2fsecret.txt", "/.hidden", "/assets/..%5c..%5csecret.txt", "//etc/passwd"])
    func pathTraversalFindsNothing(_ path: String) throws {
        let app = try TestApp()
        let response = try RawHTTPClient.send(port: app.port, method: "GET", path: path)
        #expect(response.status == 404 || response.status == 400, "\(path) → \(response.status)")
        #expect(!response.text.contains("outside the web root"))
    }

    @Test func badPagingIsA400() throws {
        let app = try TestApp()
        let admin = try app.admin()
        #expect(try admin.get("/api/v1/users?page=0").status == 400)
        #expect(try admin.get("/api/v1/users?page=abc").status == 400)
        #expect(try admin.get("/api/v1/users?role=emperor").status == 400)
        #expect(try admin.get("/api/v1/users/not-a-number").status == 404)
    }

    @Test func noResponseAfterAFloodOfBadInputIsA500() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let bodies = ["", "null", "[]", "{}", "\"text\"", "{\"name\":null}", "{\"name\":\"\"}", "{\"name\":\"x\",\"parentId\":999}",
                      "{\"name\":\"" + String(repeating: "长", count: 65) + "\"}", "\u{0}\u{1}"]
        for path in ["/api/v1/units", "/api/v1/regions", "/api/v1/users", "/api/v1/auth/login", "/api/v1/me/password"] {
            for body in bodies {
                let r = try admin.send("POST", path, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
                #expect((400..<500).contains(r.status), "\(path) \(body) → \(r.status) \(r.text)")
            }
        }
        #expect((try admin.get("/api/v1/units").json["items"] as? [Any])?.isEmpty == true)
    }
}
