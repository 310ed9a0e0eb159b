import Accounts
import Foundation
import Testing
import TestSupport

/// Audience profiles and segments: staff find and edit profiles (phones masked), build a segment with a live count,
/// save it, recompute it, see its members; bad rules name their place, stale edits and cycles are refused.
@Suite struct AudienceScenarioTests {
    /// A county with two towns and residents in both (and one without a region); returns (county, town A, town B).
    static func population(_ app: TestApp) throws -> (Int, Int, Int) {
        let admin = try app.admin()
        let county = try admin.post("/api/v1/regions", json: ["name": "平安县", "level": "county"]).json["id"] as? Int ?? 0
        let townA = try admin.post("/api/v1/regions", json: ["name": "东镇", "level": "town", "parentId": county]).json["id"] as? Int ?? 0
        let townB = try admin.post("/api/v1/regions", json: ["name": "西镇", "level": "town", "parentId": county]).json["id"] as? Int ?? 0
        let village = try admin.post("/api/v1/regions", json: ["name": "东村", "level": "village", "parentId": townA]).json["id"] as? Int ?? 0
        let now = app.clock.now
        for (i, region) in [village, village, townA, townB, townB].enumerated() {
            _ = try app.app.store.residentProfile(phone: "1380013800\(i)", nickname: "居民\(i)", regionId: region, now: now)
        }
        _ = try app.app.store.residentProfile(phone: "13900139000", nickname: "无地区", regionId: nil, now: now)
        return (county, townA, townB)
    }

    @Test func staffFindAndEditProfilesWithPhonesMasked() throws {
        let app = try TestApp()
        let (_, townA, _) = try Self.population(app)
        let editor = try app.signedIn([.editor])
        let page = try editor.get("/api/v1/profiles?regionId=\(townA)")
        #expect(page.status == 200 && page.json["total"] as? Int == 3, "a town's subtree holds its village: \(page.text)")
        #expect(!page.text.contains("13800138000") && page.text.contains("138****8000"), "phones leave masked")
        let bySuffix = try editor.get("/api/v1/profiles?q=9000").json["items"] as? [[String: Any]]
        let id = try #require(bySuffix?.first?["id"] as? Int)
        #expect(try editor.get("/api/v1/profiles?group=pirate").status == 400)

        let edited = try json(editor, "PUT", "/api/v1/profiles/\(id)",
                              ["groups": ["resident", "village_expert"], "ageBand": "60+", "occupation": " 农民 ", "interests": ["反诈", "反诈", "继承"],
                               "regionId": townA])
        #expect(edited.status == 200, "\(edited.text)")
        let profile = edited.json["profile"] as? [String: Any]
        #expect(profile?["occupation"] as? String == "农民" && (profile?["interests"] as? [String]) == ["反诈", "继承"])
        #expect((profile?["groups"] as? [String]).map(Set.init) == ["resident", "village_expert"])
        for bad: [String: Any] in [["groups": ["pirate"]], ["ageBand": "old"], ["regionId": 999], ["occupation": String(repeating: "长", count: 21)]] {
            let r = try json(editor, "PUT", "/api/v1/profiles/\(id)", bad)
            #expect(r.status == 422 && r.errorCode == "validation_failed", "\(bad) → \(r.text)")
        }
        #expect(try json(editor, "PUT", "/api/v1/profiles/99999", ["groups": []]).status == 404)
        let audit = try app.admin().get("/api/v1/audit").text
        #expect(audit.contains("profile.update") && !audit.contains("13900139000"))

        let official = try app.signedIn([.official])
        #expect(try official.get("/api/v1/me/profile").json["kind"] as? String == "account")
        let own = try json(official, "PUT", "/api/v1/me/profile", ["ageBand": "35-59", "interests": ["劳动"], "groups": ["leader"]])
        #expect(own.status == 200 && own.json["ageBand"] as? String == "35-59")
        #expect((own.json["groups"] as? [String])?.contains("leader") != true, "people do not choose their own groups")
    }

    @Test func aSegmentIsPreviewedSavedRecomputedAndListed() throws {
        let app = try TestApp()
        let (county, townA, townB) = try Self.population(app)
        let editor = try app.signedIn([.editor])
        let rule: [String: Any] = ["all": [["field": "group", "in": ["resident"]], ["not": ["field": "region", "within": [townB]]]]]
        let preview = try json(editor, "POST", "/api/v1/segments/preview", ["rule": rule, "holdoutPercent": 20])
        #expect(preview.status == 200 && preview.json["count"] as? Int == 4, "\(preview.text)")
        let byRegion = preview.json["byRegion"] as? [[String: Any]] ?? []
        #expect(byRegion.first { $0["regionId"] as? Int == county }?["count"] as? Int == 3, "towns roll up into their county")
        #expect(byRegion.contains { $0["regionId"] is NSNull && $0["count"] as? Int == 1 }, "and those without a region are shown")
        #expect(preview.json["heldOut"] as? Int == 1)

        let created = try json(editor, "POST", "/api/v1/segments", ["name": "东镇群众", "rule": rule, "holdoutPercent": 0])
        #expect(created.status == 201 && created.json["computedAt"] == nil, "\(created.text)")
        let id = try #require(created.json["id"] as? Int)
        #expect(try json(editor, "POST", "/api/v1/segments", ["name": "东镇群众", "rule": rule]).status == 409, "names are unique")

        let recomputed = try json(editor, "POST", "/api/v1/segments/\(id)/recompute", [:])
        #expect(recomputed.status == 200 && recomputed.json["memberCount"] as? Int == 4 && recomputed.json["computedAt"] is String)
        let members = try editor.get("/api/v1/segments/\(id)/members").json
        let items = (members["page"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(items.count == 4 && !String(describing: items).contains("13800138000"))

        // Include someone from town B and exclude someone from town A: effective at the next recompute.
        let outsider = try #require((try editor.get("/api/v1/profiles?regionId=\(townB)").json["items"] as? [[String: Any]])?.first?["id"] as? Int)
        let insider = try #require((try editor.get("/api/v1/profiles?regionId=\(townA)").json["items"] as? [[String: Any]])?.first?["id"] as? Int)
        #expect(try json(editor, "PUT", "/api/v1/segments/\(id)/overrides/\(outsider)", ["mode": "include"]).status == 204)
        #expect(try json(editor, "PUT", "/api/v1/segments/\(id)/overrides/\(insider)", ["mode": "exclude"]).status == 204)
        #expect(try json(editor, "PUT", "/api/v1/segments/\(id)/overrides/\(insider)", ["mode": "maybe"]).status == 422)
        #expect(try json(editor, "PUT", "/api/v1/segments/\(id)/overrides/99999", ["mode": "include"]).status == 404)
        _ = try json(editor, "POST", "/api/v1/segments/\(id)/recompute", [:])
        let ids = ((try editor.get("/api/v1/segments/\(id)/members").json["page"] as? [String: Any])?["items"] as? [[String: Any]] ?? [])
            .compactMap { ($0["profile"] as? [String: Any])?["id"] as? Int }
        #expect(ids.contains(outsider) && !ids.contains(insider) && ids.count == 4)
        #expect(try editor.send("DELETE", "/api/v1/segments/\(id)/overrides/\(insider)").status == 204)

        // The hold-out is deterministic: recomputing keeps the same people back.
        var withHoldout: [String: Any] = ["name": "东镇群众", "rule": rule, "holdoutPercent": 50, "expectedVersion": 1]
        #expect(try json(editor, "PUT", "/api/v1/segments/\(id)", withHoldout).status == 200)
        let first = try json(editor, "POST", "/api/v1/segments/\(id)/recompute", [:]).json["holdoutCount"] as? Int
        #expect(try json(editor, "POST", "/api/v1/segments/\(id)/recompute", [:]).json["holdoutCount"] as? Int == first)
        withHoldout["description"] = "来自旧版本的修改"
        let stale = try json(editor, "PUT", "/api/v1/segments/\(id)", withHoldout)
        #expect(stale.status == 409 && stale.errorCode == "stale_version")
        #expect((try editor.get("/api/v1/segments").json["items"] as? [Any])?.count == 1)
    }

    @Test func badRulesCyclesAndUnknownSegmentsAreRefused() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        for (rule, path) in [(["field": "colour", "in": ["red"]] as [String: Any], "rule.field"),
                             (["all": [] as [Any]], "rule.all"),
                             (["any": [["field": "group", "in": ["pirate"]]]], "rule.any[0].in"),
                             (["field": "accuracy", "topic": "民法典", "below": 2, "days": 30], "rule.below")] {
            let r = try json(editor, "POST", "/api/v1/segments/preview", ["rule": rule])
            #expect(r.status == 400 && r.errorCode == "invalid_rule" && r.text.contains(path), "\(rule) → \(r.text)")
        }
        #expect(try json(editor, "POST", "/api/v1/segments/preview", [:]).status == 400, "a missing rule")
        #expect(try json(editor, "POST", "/api/v1/segments/preview", ["rule": ["field": "account", "is": true], "holdoutPercent": 80]).status == 422)
        #expect(try json(editor, "POST", "/api/v1/segments", ["name": " ", "rule": ["field": "account", "is": true]]).status == 422)

        let unknown = try json(editor, "POST", "/api/v1/segments/preview", ["rule": ["field": "segment", "id": 77]])
        #expect(unknown.status == 422 && unknown.errorCode == "unknown_segment")
        #expect(try editor.get("/api/v1/segments/77").status == 404)

        let a = try json(editor, "POST", "/api/v1/segments", ["name": "甲", "rule": ["field": "account", "is": true]]).json["id"] as? Int ?? 0
        let b = try json(editor, "POST", "/api/v1/segments", ["name": "乙", "rule": ["field": "segment", "id": a]])
        #expect(b.status == 201)
        let bId = b.json["id"] as? Int ?? 0
        let cycle = try json(editor, "PUT", "/api/v1/segments/\(a)", ["name": "甲", "rule": ["any": [["field": "segment", "id": bId]]]])
        #expect(cycle.status == 422 && cycle.errorCode == "cyclic_rule", "\(cycle.text)")
        let self_ = try json(editor, "PUT", "/api/v1/segments/\(a)", ["name": "甲", "rule": ["field": "segment", "id": a]])
        #expect(self_.errorCode == "cyclic_rule")

        let inUse = try editor.send("DELETE", "/api/v1/segments/\(a)")
        #expect(inUse.status == 409 && inUse.errorCode == "in_use", "segment 乙 refers to 甲")
        try app.app.store.pool.write { db in
            try db.run("INSERT INTO content (id, slug, title, created_at, updated_at) VALUES (1, 'fanzha-sanbu', 't', 0, 0)")
            try db.run("""
                INSERT INTO campaigns (name, content_id, segment_id, channels_json, schedule, created_at, updated_at)
                VALUES ('反诈推送', 1, ?, '["inbox"]', 'now', 0, 0)
                """, [bId])
        }
        let byCampaign = try editor.send("DELETE", "/api/v1/segments/\(bId)")
        #expect(byCampaign.status == 409 && byCampaign.text.contains("反诈推送"))
        try app.app.store.pool.write { try $0.run("DELETE FROM campaigns") }
        #expect(try editor.send("DELETE", "/api/v1/segments/\(bId)").status == 204)
        #expect(try editor.send("DELETE", "/api/v1/segments/\(a)").status == 204)
    }
}
