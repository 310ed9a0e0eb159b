import Accounts
import Foundation
import Testing
import TestSupport

@Suite struct AdminScenarioTests {
    @Test func anAdminCreatesAnAccountThatCanSignIn() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let unit = try admin.post("/api/v1/units", json: ["name": "县司法局", "code": "SFJ"])
        #expect(unit.status == 201)
        let unitId = try #require(unit.json["id"] as? Int)
        let created = try admin.post("/api/v1/users", json: ["username": "wangwu", "displayName": "王五", "password": "wangwu-password",
                                                             "roles": ["official"], "unitId": unitId])
        #expect(created.status == 201)
        #expect(created.json["roles"] as? [String] == ["official"])
        #expect(created.json["password"] == nil && created.json["passwordHash"] == nil)
        let list = try admin.get("/api/v1/users?q=%E7%8E%8B")  // "王"
        #expect(list.json["total"] as? Int == 1)
        let browser = app.browser()
        try browser.start()
        let login = try browser.post("/api/v1/auth/login", json: ["username": "WangWu", "password": "wangwu-password"])
        #expect(login.status == 200, "usernames are case-insensitive")
        #expect((login.json["permissions"] as? [String])?.contains("exams.take") == true)
    }

    @Test func duplicateAndInvalidAccountsAreRefusedWithReasons() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let ok = ["username": "zhao", "displayName": "赵", "password": "zhao-password", "roles": ["editor"]] as [String: Any]
        #expect(try admin.post("/api/v1/users", json: ok).status == 201)
        let dup = try admin.post("/api/v1/users", json: ok.merging(["username": "ZHAO"]) { $1 })
        #expect(dup.status == 409)
        #expect(dup.errorCode == "conflict")
        for (field, value) in [("password", "short"), ("username", "has space"), ("roles", [String]()),
                               ("displayName", "  "), ("unitId", 4242)] as [(String, Any)] {
            var body = ok
            body["username"] = "qian\(field.count)"
            body[field] = value
            let r = try admin.post("/api/v1/users", json: body)
            #expect(r.status == 422, "\(field) → \(r.status) \(r.text)")
        }
        #expect(try admin.get("/api/v1/users").json["total"] as? Int == 2, "only admin and zhao exist")
    }

    @Test func theAuditLogRecordsWhoChangedWhatWithBeforeAndAfter() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let created = try admin.post("/api/v1/users", json: ["username": "sun", "displayName": "孙", "password": "sun-password-1",
                                                             "roles": ["official"]])
        let id = try #require(created.json["id"] as? Int)
        #expect(try admin.patch("/api/v1/users/\(id)", json: ["displayName": "孙七", "roles": ["official", "organizer"]]).status == 200)
        let entries = try #require(try admin.get("/api/v1/audit").json["items"] as? [[String: Any]])
        let update = try #require(entries.first)
        #expect(update["action"] as? String == "user.update")
        #expect(update["actor"] as? String == "admin")
        #expect((update["before"] as? [String: Any])?["displayName"] as? String == "孙")
        #expect((update["after"] as? [String: Any])?["displayName"] as? String == "孙七")
        #expect(entries.contains { $0["action"] as? String == "user.create" && $0["objectId"] as? String == String(id) })
        #expect(update["requestId"] as? String != nil)
    }

    @Test func theLastAdminCannotBeDisabledOrDemoted() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let disable = try admin.patch("/api/v1/users/1", json: ["disabled": true])
        #expect(disable.status == 409)
        #expect(disable.errorCode == "last_admin")
        #expect(try admin.patch("/api/v1/users/1", json: ["roles": ["editor"]]).status == 409)
        #expect(try admin.get("/api/v1/me").status == 200)
    }

    @Test func anOrganizerSeesOnlyAccountsInTheirOwnUnits() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let county = try #require(try admin.post("/api/v1/units", json: ["name": "县政府"]).json["id"] as? Int)
        let bureau = try #require(try admin.post("/api/v1/units", json: ["name": "县司法局", "parentId": county]).json["id"] as? Int)
        let other = try #require(try admin.post("/api/v1/units", json: ["name": "邻县政府"]).json["id"] as? Int)
        let inside = try #require(try admin.post("/api/v1/users", json: ["username": "in1", "displayName": "内", "password": "inside-password",
                                                                         "roles": ["official"], "unitId": bureau]).json["id"] as? Int)
        let outside = try #require(try admin.post("/api/v1/users", json: ["username": "out1", "displayName": "外", "password": "outside-password",
                                                                          "roles": ["official"], "unitId": other]).json["id"] as? Int)
        let organizer = try app.signedIn([.organizer], unitId: county)
        let names = (try organizer.get("/api/v1/users").json["items"] as? [[String: Any]] ?? []).compactMap { $0["username"] as? String }
        #expect(names.contains("in1") && !names.contains("out1"))
        #expect(try organizer.get("/api/v1/users/\(inside)").status == 200)
        #expect(try organizer.get("/api/v1/users/\(outside)").status == 404)
        #expect(try organizer.patch("/api/v1/users/\(inside)", json: ["disabled": true]).status == 403)
    }

    @Test func regionsFollowCountyTownVillage() throws {
        let app = try TestApp()
        let admin = try app.admin()
        let county = try #require(try admin.post("/api/v1/regions", json: ["name": "平安县", "level": "county"]).json["id"] as? Int)
        let town = try #require(try admin.post("/api/v1/regions", json: ["name": "城关镇", "level": "town", "parentId": county]).json["id"] as? Int)
        #expect(try admin.post("/api/v1/regions", json: ["name": "东街村", "level": "village", "parentId": town]).status == 201)
        #expect(try admin.post("/api/v1/regions", json: ["name": "错村", "level": "village", "parentId": county]).status == 422)
        #expect(try admin.post("/api/v1/regions", json: ["name": "孤镇", "level": "town"]).status == 422)
        #expect(try admin.post("/api/v1/regions", json: ["name": "城关镇", "level": "town", "parentId": county]).status == 422)
        #expect(try admin.post("/api/v1/regions", json: ["name": "x", "level": "province"]).status == 400)
        let regions = try #require(try app.browser().get("/api/v1/regions").json["items"] as? [[String: Any]])
        #expect(regions.count == 3)
    }
}
