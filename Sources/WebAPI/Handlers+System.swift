import Foundation
import HTTPServer
import Synchronization

extension Handlers {
    struct Health: Encodable { var status: String; var database: String }

    func handleHealth(_ request: Request, _ context: AppContext) throws -> Response {
        health.response {
            do {
                _ = try store.pool.read { try $0.scalar("SELECT 1") }
                return .json(Health(status: "ok", database: "ok"))
            } catch {
                return .json(Health(status: "degraded", database: "\(error)"), status: 503)
            }
        }
    }

    func handleMetrics(_ request: Request, _ context: AppContext) throws -> Response {
        var text = metrics.render()
        let db = store.pool.statistics
        let gauges: [(String, String, Int)] = [
            ("pufa_db_readers_total", "Reader connections in the pool.", db.readersTotal),
            ("pufa_db_readers_busy", "Reader connections in use now.", db.readersBusy),
            ("pufa_db_writer_queue_depth", "Writes waiting for the writer.", db.writerQueueDepth),
            ("pufa_http_connections_open", "Open HTTP connections.", server.value?.openConnections ?? 0),
            ("pufa_http_requests_in_flight", "Requests being answered.", server.value?.inFlight ?? 0),
            ("pufa_worker_queue_depth", "Blocking requests waiting for a worker thread.", server.value?.workerQueueDepth ?? 0),
        ]
        for (name, help, value) in gauges {
            text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n\(name) \(value)\n"
        }
        let counters: [(String, String, Int)] = [
            ("pufa_db_writes_committed_total", "Writes committed.", db.writesCommitted),
            ("pufa_db_transactions_committed_total", "Writer transactions (group commits).", db.transactionsCommitted),
            ("pufa_db_writes_failed_total", "Writes that failed and were rolled back.", db.writesFailed),
        ]
        for (name, help, value) in counters {
            text += "# HELP \(name) \(help)\n# TYPE \(name) counter\n\(name) \(value)\n"
        }
        return .text(text, contentType: "text/plain; version=0.0.4; charset=utf-8")
    }

    func handleOpenAPI(_ request: Request, _ context: AppContext) throws -> Response {
        Response(status: 200, headers: Headers([("Content-Type", "application/json; charset=utf-8")]),
                 body: .bytes(openAPI.value ?? []))
    }
}

/// Remembers the last health answer for a second: probes and load balancers may ask thousands of times a second,
/// and the database needs checking far less often than that.
final class HealthProbe: Sendable {
    private let last = Mutex<(at: ContinuousClock.Instant, response: Response)?>(nil)
    let maxAge: Duration = .seconds(1)

    func response(_ check: () -> Response) -> Response {
        let now = ContinuousClock.now
        if let cached = last.withLock({ $0 }), now - cached.at < maxAge { return cached.response }
        let fresh = check()
        last.withLock { $0 = (now, fresh) }
        return fresh
    }
}
