import Foundation
import Testing
import TestSupport

@Suite struct CSRFScenarioTests {
    @Test func aStateChangingRequestWithoutTheTokenIsRefused() throws {
        let app = try TestApp()
        let admin = try app.admin()
        admin.sendCSRF = false
        let response = try admin.post("/api/v1/units", json: ["name": "司法局"])
        #expect(response.status == 403)
        #expect(response.errorCode == "csrf_failed")
        admin.sendCSRF = true
        #expect(try admin.get("/api/v1/units").json["items"] as? [Any] != nil)
        #expect((try admin.get("/api/v1/units").json["items"] as? [Any])?.isEmpty == true, "nothing was written")
    }

    @Test func aTokenThatDiffersFromTheCookieIsRefused() throws {
        let app = try TestApp()
        let admin = try app.admin()
        admin.sendCSRF = false
        let response = try admin.send("POST", "/api/v1/units",
                                      headers: [("Content-Type", "application/json"), ("X-CSRF-Token", "forged")],
                                      body: Array(#"{"name":"x"}"#.utf8))
        #expect(response.status == 403)
        #expect(response.errorCode == "csrf_failed")
    }

    @Test func aCookieAndHeaderPairNotBoundToTheSessionIsRefused() throws {
        let app = try TestApp()
        let admin = try app.admin()
        admin.cookies["pufa_csrf"] = "attacker-chosen"
        let response = try admin.post("/api/v1/units", json: ["name": "x"])
        #expect(response.status == 403)
        #expect(response.errorCode == "csrf_failed")
    }

    @Test func aForeignOriginIsRefusedEvenWithTheToken() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let token = try #require(admin.cookies["pufa_csrf"])
        let response = try admin.send("POST", "/api/v1/units",
                                      headers: [("Content-Type", "application/json"), ("Origin", "https://evil.example"),
                                                ("X-CSRF-Token", token)],
                                      body: Array(#"{"name":"x"}"#.utf8))
        #expect(response.status == 403)
        #expect(response.errorCode == "csrf_failed")
    }

    @Test func loginItselfNeedsTheToken() throws {
        let app = try TestApp()
        let browser = app.browser()
        let response = try browser.post("/api/v1/auth/login", json: ["username": "admin", "password": TestApp.adminPassword])
        #expect(response.status == 403, "no session fetched, so no CSRF cookie: a forged login form cannot sign a victim in")
    }
}
