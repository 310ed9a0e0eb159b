import Foundation
@testable import HTTPServer
import Synchronization
import Testing
import TestSupport

/// Long polls: a handler answers later from another thread while the connection waits suspended, holding no thread.
@Suite struct DeferredResponseTests {
    final class Waiting: Sendable { let list = Mutex<[DeferredResponse]>([]) }

    func start(_ router: Router<TestContext>, workers: Int = 1) throws -> Server {
        var config = ServerConfiguration()
        config.port = 0
        config.workerThreads = workers
        let server = Server(configuration: config, responder: router)
        try server.start()
        return server
    }

    @Test func manyWaitingRequestsAreAnsweredWhenTheEventComesAndHoldNoWorker() throws {
        let waiting = Waiting()
        var r = Router<TestContext>()
        // A GET answered inline, and a POST that goes through the single worker: neither keeps a thread while waiting.
        r.add(.GET, "/wait", operationId: "wait") { _, _ in
            let d = DeferredResponse()
            waiting.list.withLock { $0.append(d) }
            var shell = Response.deferred(d)
            shell.headers.add("X-Shell", "kept")
            return shell
        }
        r.add(.POST, "/wait", operationId: "waitPost") { _, _ in
            let d = DeferredResponse()
            waiting.list.withLock { $0.append(d) }
            return .deferred(d)
        }
        r.add(.POST, "/now", operationId: "now") { _, _ in .text("now") }
        let server = try start(r)
        defer { server.shutdown() }
        let port = server.port
        let answers = Mutex<[String]>([])
        let clients = (0..<20).map { i in
            Thread {
                let response = try? RawHTTPClient.send(port: port, method: i % 2 == 0 ? "GET" : "POST", path: "/wait")
                answers.withLock { $0.append("\(response?.status ?? 0) \(response?.text ?? "") \(response?.header("X-Shell") ?? "-")") }
            }
        }
        clients.forEach { $0.start() }
        for _ in 0..<500 where waiting.list.withLock({ $0.count }) < 20 { usleep(10_000) }
        #expect(waiting.list.withLock { $0.count } == 20)
        // Twenty requests wait; the one worker is still free for other work.
        #expect(try RawHTTPClient.send(port: port, method: "POST", path: "/now").text == "now")
        #expect(answers.withLock { $0.isEmpty })
        for d in waiting.list.withLock({ $0 }) { d.complete(.text("event")) }
        for _ in 0..<500 where answers.withLock({ $0.count }) < 20 { usleep(10_000) }
        let got = answers.withLock { $0 }
        #expect(got.count == 20 && got.allSatisfy { $0.hasPrefix("200 event") })
        #expect(got.filter { $0.hasSuffix("kept") }.count == 10, "the shell's headers reach the client")
    }

    @Test func anAnswerDeliveredBeforeTheServerAsksIsSentAtOnceAndOnlyTheFirstCounts() throws {
        var r = Router<TestContext>()
        r.add(.GET, "/ready", operationId: "ready") { _, _ in
            let d = DeferredResponse()
            #expect(d.complete(.text("first")))
            #expect(!d.complete(.text("second")))
            return .deferred(d)
        }
        let server = try start(r)
        defer { server.shutdown() }
        #expect(try RawHTTPClient.send(port: server.port, method: "GET", path: "/ready").text == "first")
    }
}
