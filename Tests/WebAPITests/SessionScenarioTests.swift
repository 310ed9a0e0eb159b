import Accounts
import Foundation
import Testing
import TestSupport

@Suite struct SessionScenarioTests {
    @Test func loginSetsHttpOnlySessionAndRotatesBothCookies() throws {
        let app = try TestApp()
        let browser = app.browser()
        try browser.start()
        let csrfBefore = try #require(browser.cookies["pufa_csrf"])
        let response = try browser.post("/api/v1/auth/login", json: ["username": "admin", "password": TestApp.adminPassword])
        #expect(response.status == 200)
        let sessionCookie = try #require(response.headers("Set-Cookie").first { $0.hasPrefix("pufa_session=") })
        #expect(sessionCookie.contains("HttpOnly"))
        #expect(sessionCookie.contains("SameSite=Lax"))
        #expect(browser.cookies["pufa_csrf"] != csrfBefore, "CSRF token rotates at login")
        #expect(try browser.get("/api/v1/me").status == 200)

        // A second login from the same browser replaces the session; the old cookie stops working.
        let oldSession = try #require(browser.cookies["pufa_session"])
        #expect(try browser.post("/api/v1/auth/login", json: ["username": "admin", "password": TestApp.adminPassword]).status == 200)
        let stale = app.browser()
        stale.cookies = ["pufa_session": oldSession]
        #expect(try stale.get("/api/v1/me").status == 401)
    }

    @Test func aPersonSeesTheSignInBeforeThisOneAndStaffSeeTheLatest() throws {
        let app = try TestApp()
        func signIn() throws -> [String: Any] {
            let browser = app.browser()
            try browser.start()
            #expect(try browser.post("/api/v1/auth/login", json: ["username": "admin", "password": TestApp.adminPassword]).status == 200)
            return try #require(try browser.get("/api/v1/me").json["user"] as? [String: Any])
        }
        let first = try signIn()
        #expect(first["previousLoginAt"] is NSNull, "a first sign-in has none before it")
        let firstAt = try #require(first["lastLoginAt"] as? String)
        app.clock.advance(seconds: 3 * 86_400)
        let second = try signIn()
        #expect(second["previousLoginAt"] as? String == firstAt)
        #expect(second["lastLoginAt"] as? String != firstAt)
        let listed = try app.admin().get("/api/v1/users?q=admin").json["items"] as? [[String: Any]]
        #expect(listed?.first { $0["username"] as? String == "admin" }?["lastLoginAt"] as? String != firstAt,
                "the users list shows the latest sign-in")
    }

    @Test func wrongPasswordAndUnknownUserGetTheSameAnswer() throws {
        let app = try TestApp()
        let browser = app.browser()
        try browser.start()
        let wrong = try browser.post("/api/v1/auth/login", json: ["username": "admin", "password": "not-the-password"])
        let unknown = try browser.post("/api/v1/auth/login", json: ["username": "nobody", "password": "not-the-password"])
        #expect(wrong.status == 401 && unknown.status == 401)
        #expect(wrong.errorCode == "invalid_credentials" && unknown.errorCode == "invalid_credentials")
        #expect(browser.cookies["pufa_session"] == nil)
    }

    @Test func repeatedFailuresAreThrottledPerAccountUntilTheWaitPasses() throws {
        let app = try TestApp()
        let browser = app.browser()
        try browser.start()
        for _ in 0..<5 {
            #expect(try browser.post("/api/v1/auth/login", json: ["username": "admin", "password": "guess-guess"]).status == 401)
        }
        let blocked = try browser.post("/api/v1/auth/login", json: ["username": "admin", "password": TestApp.adminPassword])
        #expect(blocked.status == 429)
        #expect(blocked.errorCode == "throttled")
        #expect(Int(blocked.header("Retry-After") ?? "") ?? 0 > 0)
        app.clock.advance(seconds: 31)
        #expect(try browser.post("/api/v1/auth/login", json: ["username": "admin", "password": TestApp.adminPassword]).status == 200)
    }

    @Test func anIdleSessionExpiresAndSaysSo() throws {
        let app = try TestApp()
        let browser = try app.admin()
        app.clock.advance(seconds: 60 * 60)
        #expect(try browser.get("/api/v1/me").status == 200, "used within the idle window: still valid, and extended")
        app.clock.advance(seconds: 2 * 60 * 60 + 1)
        let expired = try browser.get("/api/v1/me")
        #expect(expired.status == 401)
        #expect(expired.errorCode == "session_expired")
    }

    @Test func logoutEndsTheSessionOnTheServer() throws {
        let app = try TestApp()
        let browser = try app.admin()
        let token = try #require(browser.cookies["pufa_session"])
        #expect(try browser.send("POST", "/api/v1/auth/logout").status == 204)
        let replay = app.browser()
        replay.cookies = ["pufa_session": token]
        #expect(try replay.get("/api/v1/me").status == 401)
    }

    @Test func disablingAnAccountEndsItsSessionsAndBlocksLogin() throws {
        let app = try TestApp()
        let official = try app.signedIn([.official], username: "zhangsan")
        let admin = try app.admin()
        let id = try #require(try official.get("/api/v1/me").json["user"] as? [String: Any])["id"] as! Int
        #expect(try admin.patch("/api/v1/users/\(id)", json: ["disabled": true]).status == 200)
        #expect(try official.get("/api/v1/me").status == 401)
        let again = app.browser()
        try again.start()
        let refused = try again.post("/api/v1/auth/login", json: ["username": "zhangsan", "password": "password-zhangsan"])
        #expect(refused.status == 403)
        #expect(refused.errorCode == "account_disabled")
    }

    @Test func changingOwnPasswordNeedsTheCurrentOneAndEndsSessions() throws {
        let app = try TestApp()
        let user = try app.signedIn([.editor], username: "lisi")
        let wrong = try user.post("/api/v1/me/password", json: ["currentPassword": "nope-nope-nope", "newPassword": "new-password-123"])
        #expect(wrong.status == 422)
        let short = try user.post("/api/v1/me/password", json: ["currentPassword": "password-lisi", "newPassword": "short"])
        #expect(short.status == 422)
        #expect(try user.post("/api/v1/me/password", json: ["currentPassword": "password-lisi", "newPassword": "new-password-123"]).status == 204)
        #expect(try user.get("/api/v1/me").status == 401)
        let fresh = app.browser()
        try fresh.start()
        #expect(try fresh.post("/api/v1/auth/login", json: ["username": "lisi", "password": "new-password-123"]).status == 200)
    }
}
