import Foundation
import Testing
import TestSupport

/// Reading events: a batch from a page is judged event by event; duplicates, bots and bad events are counted in
/// their own figures, never as reach; pruning raw events changes no figure.
@Suite struct EventScenarioTests {
    static let phoneAgent = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 MicroMessenger/8.0.44"

    func post(_ app: TestApp, _ body: String, agent: String = phoneAgent, contentType: String = "text/plain;charset=UTF-8") throws -> RawResponse {
        // As navigator.sendBeacon sends it: text/plain, no CSRF header, no session.
        try app.browser().send("POST", "/api/v1/events", headers: [("Content-Type", contentType), ("User-Agent", agent)], body: Array(body.utf8))
    }

    func event(_ id: String, _ kind: String = "opened", content: String = "fanzha-sanbu", at: Int64, seconds: Int? = nil) -> String {
        #"{"id":"\#(id)","kind":"\#(kind)","content":"\#(content)","at":\#(at)\#(seconds.map { ",\"seconds\":\($0)" } ?? "")}"#
    }

    @Test func aSyntheticLogIsCountedWithItsDuplicatesBotsAndRefusals() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", ContentScenarioTests.piece).status == 201)
        let now = app.clock.now
        let day = ISO8601DateFormatter.beijingDay(now)

        // Device A opens and reads; the page resends its batch (same ids): counted once.
        let a = #"{"device":"device-aaaa-0001","events":[\#(event("a1", at: now)),\#(event("a2", "read", at: now, seconds: 15))]}"#
        #expect(try post(app, a).json["accepted"] as? Int == 2)
        #expect(try post(app, a).status == 202)
        // Device B opens twice (two ids): 2 events, 1 person-time.
        let b = #"{"device":"device-bbbb-0002","events":[\#(event("b1", at: now)),\#(event("b2", at: now + 1000))]}"#
        #expect(try post(app, b).json["accepted"] as? Int == 2)
        // A link-preview fetcher: taken, labelled, not a person.
        #expect(try post(app, #"{"events":[\#(event("c1", at: now))]}"#, agent: "facebookexternalhit/1.1").json["accepted"] as? Int == 1)
        // Bad events in a good batch: each refused with its reason, the good one taken.
        let mixed = #"{"device":"device-dddd-0004","events":[\#(event("d1", "liked", at: now)),\#(event("d2", content: "no-such", at: now)),"#
            + #"\#(event("d3", at: now - 3 * 86_400_000)),\#(event("d4", "delivered", at: now)),\#(event("d5", at: now))]}"#
        let r = try post(app, mixed)
        #expect(r.status == 202 && r.json["accepted"] as? Int == 1)
        #expect(r.json["rejected"] as? [String: Int] == ["unknown_kind": 1, "unknown_content": 1, "too_old": 1, "server_kind": 1])
        // Whole batches refused: malformed, too many.
        #expect(try post(app, "{not json").status == 400)
        let many = (0..<51).map { event("m\($0)", at: now) }.joined(separator: ",")
        #expect(try post(app, #"{"device":"device-mmmm-0005","events":[\#(many)]}"#).status == 413)
        #expect(try post(app, #"{"device":"x","events":[]}"#).errorCode == "bad_device")

        let f = try editor.get("/api/v1/reach/ingestion?from=\(day)&to=\(day)").json
        let counted = f["counted"] as? [String: [String: Int]]
        #expect(counted?["opened"] == ["events": 4, "personTimes": 3], "A once, B twice as one person-time, D once")
        #expect(counted?["read"] == ["events": 1, "personTimes": 1])
        #expect(f["labelled"] as? [String: Int] == ["link_preview": 1])
        #expect(f["rejected"] as? [String: Int] == ["duplicate": 2, "unknown_kind": 1, "unknown_content": 1, "too_old": 1, "server_kind": 1,
                                                    "malformed": 1, "batch_too_large": 51])

        // Raw events pruned: the figures stay.
        app.clock.advance(seconds: 60)
        #expect(try app.app.store.pruneEvents(receivedBefore: app.clock.now) == 6)
        #expect(try editor.get("/api/v1/reach/ingestion?from=\(day)&to=\(day)").json["counted"] as? [String: [String: Int]] == counted)
        #expect(try editor.get("/api/v1/reach/ingestion?from=2026-13-01").status == 400)
    }

    @Test func aForgedBeaconFromAnotherSiteIsNotAttributedToTheSignedInPerson() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", ContentScenarioTests.piece).status == 201)
        // The session cookie rides along, but without the CSRF header the event is anonymous.
        let r = try editor.send("POST", "/api/v1/events", headers: [("Content-Type", "text/plain"), ("User-Agent", Self.phoneAgent)],
                                body: Array(#"{"events":[\#(event("x1", at: app.clock.now))]}"#.utf8))
        #expect(r.status == 202)
        let person = try app.app.store.pool.read { try $0.scalar("SELECT person FROM events") }
        guard case .text(let key) = person else { Issue.record("no event stored"); return }
        #expect(key.hasPrefix("a:"), "an address-and-day digest, not p:<profile>")
    }
}

extension ISO8601DateFormatter {
    /// The Beijing day of a moment, as the API writes it.
    static func beijingDay(_ millis: Int64) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        return f.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}

extension EventScenarioTests {
    @Test func aPiecePublishedAMomentAgoIsCountedFromItsFirstReader() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", ContentScenarioTests.piece).status == 201)
        #expect(try post(app, #"{"device":"device-aaaa-0001","events":[\#(event("a1", at: app.clock.now))]}"#).json["accepted"] as? Int == 1)
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-xinpian", ContentScenarioTests.piece).status == 201)
        app.clock.advance(seconds: 2)
        let r = try post(app, #"{"device":"device-aaaa-0001","events":[\#(event("a2", content: "fanzha-xinpian", at: app.clock.now))]}"#)
        #expect(r.json["accepted"] as? Int == 1, "\(r.text)")
    }
}

extension EventScenarioTests {
    @Test func aBatchThatIsNotTheExpectedJSONIsRefusedWholeAndCounted() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", ContentScenarioTests.piece).status == 201)
        let now = app.clock.now, day = ISO8601DateFormatter.beijingDay(now)
        let good = event("g1", at: now)
        let bodies = ["", "{not json", #"{"events":[\#(good)]} trailing"#, #"{"events":[\#(good),]}"#, #"{"device":"\ud83d","events":[]}"#,
                      #"{"events":[{"id":1,"kind":"opened","content":"fanzha-sanbu","at":1}]}"#, #"{"events":[\#(good)"#,
                      #"{"events":[{"id":"a","kind":"opened","content":"fanzha-sanbu","at":99999999999999999999}]}"#, #"{"device":"dev-12345678"}"#]
        for body in bodies {
            let r = try post(app, body)
            #expect(r.status == 400 && r.errorCode == "malformed_batch", "\(body)")
        }
        #expect(try post(app, #"{"device":"dev-\u0031234567","events":[\#(good)]}"#).json["accepted"] as? Int == 1, "escapes are fine")
        let f = try editor.get("/api/v1/reach/ingestion?from=\(day)&to=\(day)").json
        #expect(f["rejected"] as? [String: Int] == ["malformed": bodies.count])
    }

    @Test func aBatchOfMadeUpSlugsCostsAFewLookupsAndIsRefusedAsUnknownContent() throws {
        let app = try TestApp()
        let made = (0..<20).map { event("u\($0)", content: "no-such-\($0)", at: app.clock.now) }.joined(separator: ",")
        let r = try post(app, #"{"device":"device-uuuu-0001","events":[\#(made)]}"#)
        #expect(r.status == 202 && r.json["accepted"] as? Int == 0)
        #expect(r.json["rejected"] as? [String: Int] == ["unknown_content": 20])
    }
}
