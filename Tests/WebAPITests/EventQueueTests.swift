import Foundation
import HTTPServer
import Testing
@testable import WebAPI

/// Between flushes accepted events wait in a queue of bounded length: past it a batch is answered 503 and taken
/// later, so what a stop must write stays small and every event answered 202 is stored.
@Suite struct EventQueueTests {
    func batch(_ prefix: String, at: Int64, count: Int = 10) -> EventBatchDTO {
        EventBatchDTO(device: "device-qqqq-0001", token: nil, events: (0..<count).map {
            .init(id: "\(prefix)\($0)", kind: "opened", content: "fanzha-sanbu", campaign: nil, channel: nil, at: at, seconds: nil, depth: nil)
        })
    }

    @Test func aFullQueueAnswersBusyUntilTheFlusherHasWritten() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", ContentScenarioTests.piece).status == 201)
        let service = EventService(store: app.app.store, clock: app.clock.appClock, secret: "queue-test-secret", flushMillis: 60_000,
                                   maxQueued: 25)
        func record(_ b: EventBatchDTO) throws -> EventReceipt {
            try service.record(b, profile: nil, userAgent: EventScenarioTests.phoneAgent, purpose: nil, address: "10.0.0.1")
        }
        let now = app.clock.now
        #expect(try record(batch("a", at: now)).accepted == 10)
        #expect(try record(batch("b", at: now)).accepted == 10)
        #expect(throws: HTTPError(503, code: "overloaded", message: "事件太多，请稍后再试 / too many events queued; try again shortly",
                                  headers: [("Retry-After", "1")])) { try record(batch("c", at: now)) }
        #expect(try record(batch("d", at: now, count: 5)).accepted == 5, "what still fits is taken")

        try service.flush()
        #expect(try app.app.store.pool.read { try $0.scalar("SELECT count(*) FROM events") } == .integer(25))
        #expect(try record(batch("c", at: now)).accepted == 10, "taken once the queue has been written")
        try service.flush()
        #expect(try app.app.store.pool.read { try $0.scalar("SELECT count(*) FROM events") } == .integer(35))
    }
}
