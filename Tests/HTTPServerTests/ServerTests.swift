import Foundation
@testable import HTTPServer
import Synchronization
import Testing
import TestSupport

/// The libmicrohttpd adapter against real sockets.
@Suite struct ServerTests {
    final class Gate: Sendable {
        let released = Atomic<Bool>(false)
        let entered = Atomic<Int>(0)
    }

    func start(_ router: Router<TestContext>, maxBody: Int = 1024) throws -> Server {
        var config = ServerConfiguration()
        config.port = 0
        config.maxBodyBytes = maxBody
        config.workerThreads = 2
        let server = Server(configuration: config, responder: router)
        try server.start()
        return server
    }

    @Test func bodiesArriveWholeAndEchoBack() throws {
        var r = Router<TestContext>()
        r.add(.POST, "/echo", operationId: "echo") { req, _ in Response(status: 200, body: .bytes(req.body)) }
        let server = try start(r, maxBody: 1 << 20)
        defer { server.shutdown() }
        let payload = (0..<300_000).map { UInt8($0 % 251) }
        let response = try RawHTTPClient.send(port: server.port, method: "POST", path: "/echo", body: payload)
        #expect(response.status == 200)
        #expect(response.body == payload)
    }

    @Test func queryArgumentsAreDecoded() throws {
        var r = Router<TestContext>()
        r.add(.GET, "/q", operationId: "q") { req, _ in .text("\(req.query["q"] ?? "-")|\(req.query["n"] ?? "-")") }
        let server = try start(r)
        defer { server.shutdown() }
        let response = try RawHTTPClient.send(port: server.port, method: "GET", path: "/q?q=%E6%B3%95+x&n=2&n=3")
        #expect(response.text == "法 x|2")
    }

    @Test func shutdownWaitsForAnInFlightRequestToFinish() throws {
        let gate = Gate()
        var r = Router<TestContext>()
        r.add(.POST, "/slow", operationId: "slow") { _, _ in
            gate.entered.add(1, ordering: .relaxed)
            while !gate.released.load(ordering: .relaxed) { usleep(1000) }
            return .text("finished")
        }
        let server = try start(r)
        let port = server.port
        let result = Mutex<RawResponse?>(nil)
        let client = Thread { result.withLock { $0 = try? RawHTTPClient.send(port: port, method: "POST", path: "/slow") } }
        client.start()
        while gate.entered.load(ordering: .relaxed) == 0 { usleep(1000) }
        let stopper = Thread { server.shutdown(timeout: .seconds(10)) }
        stopper.start()
        usleep(200_000)
        #expect(throws: (any Error).self, "no new connections once shutting down") {
            try RawHTTPClient.send(port: port, method: "GET", path: "/", headers: [])
        }
        gate.released.store(true, ordering: .relaxed)
        for _ in 0..<500 where result.withLock({ $0 == nil }) { usleep(10_000) }
        #expect(result.withLock { $0?.text } == "finished")
    }

    @Test func aSlowClientIsDisconnectedAfterTheTimeout() throws {
        var config = ServerConfiguration()
        config.port = 0
        config.connectionTimeoutSeconds = 1
        let server = Server(configuration: config, responder: Router<TestContext>())
        try server.start()
        defer { server.shutdown() }
        let started = Date()
        // Half a request line, then silence: the server must close the connection on its own.
        let bytes = try RawHTTPClient.exchange(port: server.port, bytes: Array("GET /slo".utf8), timeoutSeconds: 10)
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
