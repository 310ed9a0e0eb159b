import Foundation
import Testing
import TestSupport

@Suite struct StaticAndSystemTests {
    @Test func theThreeFrontDoorsAreServed() throws {
        let app = try TestApp()
        for (path, title) in [("/", "portal"), ("/exam", "exam"), ("/admin", "admin"), ("/admin/", "admin")] {
            let r = try RawHTTPClient.send(port: app.port, method: "GET", path: path)
            #expect(r.status == 200)
            #expect(r.text.contains("<title>\(title)</title>"))
            #expect(r.header("Content-Type") == "text/html; charset=utf-8")
            #expect(r.header("Cache-Control") == "no-cache")
            #expect(r.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
        }
    }

    @Test func assetsCarryAnETagAndRevalidateWithA304() throws {
        let app = try TestApp()
        let first = try RawHTTPClient.send(port: app.port, method: "GET", path: "/assets/app.css")
        #expect(first.status == 200)
        #expect(first.header("Content-Type") == "text/css; charset=utf-8")
        let etag = try #require(first.header("ETag"))
        let again = try RawHTTPClient.send(port: app.port, method: "GET", path: "/assets/app.css",
                                           headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        let stale = try RawHTTPClient.send(port: app.port, method: "GET", path: "/assets/app.css",
                                           headers: [("If-None-Match", "\"other\"")])
        #expect(stale.status == 200)
    }

    @Test func textIsSentGzippedToClientsThatAcceptIt() throws {
        let app = try TestApp()
        let plain = try RawHTTPClient.send(port: app.port, method: "GET", path: "/assets/app.css")
        let gz = try RawHTTPClient.send(port: app.port, method: "GET", path: "/assets/app.css",
                                        headers: [("Accept-Encoding", "gzip, deflate")])
        #expect(gz.header("Content-Encoding") == "gzip")
        #expect(gz.header("Vary") == "Accept-Encoding")
        #expect(gz.body.starts(with: [0x1f, 0x8b]))
        #expect(gz.body.count < plain.body.count)
        #expect(gz.header("ETag") != plain.header("ETag"))
    }

    @Test func headAnswersLikeGetWithoutABody() throws {
        let app = try TestApp()
        let head = try RawHTTPClient.send(port: app.port, method: "HEAD", path: "/assets/app.css")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(Int(head.header("Content-Length") ?? "0")! > 0)
        #expect(try RawHTTPClient.send(port: app.port, method: "HEAD", path: "/healthz").status == 200)
    }

    @Test func healthReportsTheDatabase() throws {
        let app = try TestApp()
        let r = try RawHTTPClient.send(port: app.port, method: "GET", path: "/healthz")
        #expect(r.status == 200)
        #expect(r.json["status"] as? String == "ok")
        #expect(r.header("X-Request-Id")?.isEmpty == false)
    }

    @Test func metricsCountRequestsByRouteAndStatusInPrometheusFormat() throws {
        let app = try TestApp()
        _ = try RawHTTPClient.send(port: app.port, method: "GET", path: "/healthz")
        _ = try RawHTTPClient.send(port: app.port, method: "GET", path: "/api/v1/me")
        let text = try RawHTTPClient.send(port: app.port, method: "GET", path: "/metrics").text
        #expect(text.contains(#"pufa_http_requests_total{route="/healthz",method="GET",status="200"} 1"#))
        #expect(text.contains(#"pufa_http_requests_total{route="/api/v1/me",method="GET",status="401"} 1"#))
        #expect(text.contains("# TYPE pufa_http_request_duration_seconds histogram"))
        #expect(text.contains(#"pufa_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"} 1"#))
        for gauge in ["pufa_db_readers_total 2", "pufa_db_writer_queue_depth", "pufa_db_transactions_committed_total",
                      "pufa_worker_queue_depth", "pufa_http_connections_open"] {
            #expect(text.contains(gauge), "missing \(gauge)")
        }
    }

    @Test func theOpenAPIDocumentListsEveryOperationWithAnId() throws {
        let app = try TestApp()
        let doc = try RawHTTPClient.send(port: app.port, method: "GET", path: "/api/openapi.json").json
        #expect(doc["openapi"] as? String == "3.1.0")
        let paths = try #require(doc["paths"] as? [String: [String: [String: Any]]])
        let ids = paths.values.flatMap { $0.values.compactMap { $0["operationId"] as? String } }
        #expect(ids.count == paths.values.map(\.count).reduce(0, +), "every operation has an operationId")
        #expect(Set(ids).count == ids.count, "operationIds are unique")
        for required in ["login", "logout", "me", "listUsers", "createUser", "listAuditLog"] {
            #expect(ids.contains(required))
        }
        #expect(paths.keys.filter { $0.hasPrefix("/api/v1/") }.count >= 9)
    }
}

@Suite struct FastJSONTests {
    @Test func theHandWrittenSessionJSONMatchesTheEncoder() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let me = try admin.get("/api/v1/me")
        let user = try #require(me.json["user"] as? [String: Any])
        // Same keys, nulls included, same date format as the rest of the API.
        #expect(Set(user.keys) == ["createdAt", "disabled", "displayName", "id", "lastLoginAt", "phone", "previousLoginAt", "rank", "regionId",
                                  "roles", "unitId", "username"])
        #expect(user["unitId"] is NSNull)
        #expect((user["createdAt"] as? String)?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil)
        let users = try admin.get("/api/v1/users").json["items"] as? [[String: Any]]
        #expect(users?.first?["createdAt"] as? String == user["createdAt"] as? String)
        #expect(try app.browser().get("/api/v1/session").text == #"{"permissions":[],"user":null}"#)
    }
}
