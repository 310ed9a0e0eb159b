import Foundation

/// The read-only connections of a pool, lent to one caller at a time.
final class ReaderPool: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var idle: [Connection]
    private var closed = false
    let total: Int

    init(_ connections: [Connection]) {
        idle = connections
        total = connections.count
    }

    /// Lends a reader to `body`, waiting while all are busy; gives it back afterwards.
    func withReader<T>(_ body: (Connection) throws -> T) throws -> T {
        let reader = try borrow()
        defer { giveBack(reader) }
        return try body(reader)
    }

    private func borrow() throws -> Connection {
        condition.lock()
        defer { condition.unlock() }
        while idle.isEmpty && !closed {
            condition.wait()
        }
        guard !closed else { throw DatabaseError.misuse("database pool is closed") }
        return idle.removeLast()
    }

    private func giveBack(_ reader: Connection) {
        condition.lock()
        idle.append(reader)
        condition.broadcast()
        condition.unlock()
    }

    /// Readers lent out right now.
    var busy: Int {
        condition.lock()
        defer { condition.unlock() }
        return total - idle.count
    }

    /// Refuses new reads, waits for the ones in progress, and closes every reader.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while idle.count < total {
            condition.wait()
        }
        let readers = idle
        idle.removeAll()
        condition.unlock()
        readers.forEach { $0.close() }
    }
}
