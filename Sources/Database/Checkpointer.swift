import Foundation

/// Copies the WAL into the database file on its own thread and connection, so the writer seldom has to.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold: that commit (and every save
/// waiting behind it in the group) waits while pages are copied and the database file is flushed. Here a `PASSIVE`
/// checkpoint — which never blocks the writer or readers, and costs next to nothing when there is nothing to copy —
/// runs every `interval`, so when the writer's own (rarer, see `DatabasePool.writerCheckpointPages`) comes, little is
/// left to copy. The writer's stays because only it can catch up with itself under steady writes, which is what lets
/// the WAL start over from its beginning.
final class Checkpointer: @unchecked Sendable {
    private let db: Connection
    private let interval: TimeInterval
    private let stopped = NSCondition()
    private var stopping = false  // guarded by `stopped`
    private var running = true    // guarded by `stopped`

    init(path: String, interval: TimeInterval = 0.5) throws {
        db = try Connection(path: path, readOnly: false)
        self.interval = interval
        let thread = Thread { [self] in loop() }
        thread.name = "pufa.db.checkpoint"
        thread.start()
    }

    /// One pass; the frames of the WAL not yet in the database file afterwards (0 when it has caught up).
    @discardableResult
    func pass() -> Int64 {
        guard let row = try? db.queryOne("PRAGMA wal_checkpoint(PASSIVE)"),
              case .integer(let log) = row[position: 1], case .integer(let done) = row[position: 2] else { return 0 }
        return max(0, log - done)
    }

    private func loop() {
        while true {
            stopped.lock()
            if !stopping { _ = stopped.wait(until: Date(timeIntervalSinceNow: interval)) }
            let stop = stopping
            stopped.unlock()
            if stop { break }
            pass()
        }
        db.close()
        stopped.lock()
        running = false
        stopped.broadcast()
        stopped.unlock()
    }

    /// Ends the thread and closes its connection; waits for a pass in progress.
    func stop() {
        stopped.lock()
        stopping = true
        stopped.broadcast()
        while running { stopped.wait() }
        stopped.unlock()
    }
}
