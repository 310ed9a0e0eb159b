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

    @Test func aBatchWaitsWhileTheQueueIsFullAndIsAnsweredOnceTheFlusherHasMadeRoom() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", ContentScenarioTests.piece).status == 201)
        let service = EventService(store: app.app.store, clock: app.clock.appClock, secret: "queue-test-secret", flushMillis: 60_000,
                                   maxQueued: 25, maxWaiting: 2)
        func record(_ b: EventBatchDTO) throws -> (receipt: EventReceipt, later: DeferredResponse?) {
            try service.record(b, profile: nil, userAgent: EventScenarioTests.phoneAgent, purpose: nil, address: "10.0.0.1")
        }
        func stored() throws -> Int {
            guard case .integer(let n) = try app.app.store.pool.read({ try $0.scalar("SELECT count(*) FROM events") }) else { return -1 }
            return Int(n)
        }
        let now = app.clock.now
        #expect(try record(batch("a", at: now)).later == nil)
        #expect(try record(batch("b", at: now)).later == nil)
        // 20 queued: 10 more do not fit, so the batch waits; a small one that would fit waits behind it.
        let c = try record(batch("c", at: now)), d = try record(batch("d", at: now, count: 5))
        #expect(c.receipt.accepted == 10 && d.receipt.accepted == 5)
        guard let cLater = c.later, let dLater = d.later else { Issue.record("c and d should wait"); return }
        #expect(!cLater.isCompleted && !dLater.isCompleted)
        // Two wait already: a third is refused, to be sent again.
        #expect(throws: EventService.busy) { try record(batch("e", at: now)) }

        try service.flush()
        #expect(try stored() == 20)
        #expect(service.admitWaiting() == 2)
        #expect(cLater.isCompleted && dLater.isCompleted)
        try service.flush()
        #expect(try stored() == 35)
        #expect(try record(batch("e", at: now)).later == nil, "taken at once when nothing waits and it fits")
    }

    @Test func aStopWritesWhatWaitsToo() throws {
        let app = try TestApp()
        let editor = try app.signedIn([.editor])
        #expect(try json(editor, "PUT", "/api/v1/content-admin/fanzha-sanbu", ContentScenarioTests.piece).status == 201)
        let service = EventService(store: app.app.store, clock: app.clock.appClock, secret: "queue-test-secret", flushMillis: 60_000,
                                   maxQueued: 10)
        for prefix in ["a", "b", "c"] {
            _ = try service.record(batch(prefix, at: app.clock.now), profile: nil, userAgent: nil, purpose: nil, address: "10.0.0.1")
        }
        service.stop()
        #expect(try app.app.store.pool.read { try $0.scalar("SELECT count(*) FROM events") } == .integer(30))
    }
}
