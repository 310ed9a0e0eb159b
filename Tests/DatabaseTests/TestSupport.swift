import Foundation
import Database

/// Runs `body` with a fresh directory under the system's temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("pufa-db-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// Runs `body(i)` for i in 0..<count, each on its own new thread, all at once; waits for all.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            body(index)
            group.leave()
        }.start()
    }
    group.wait()
}

/// A value shared between test threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withValue<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    var current: Value { withValue { $0 } }
}

/// Keeps the writer thread busy inside one write until `release()`, so that the writes
/// submitted meanwhile queue up and are taken as one batch.
final class WriterGate: @unchecked Sendable {
    private let entered = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Returns once the writer is inside the gate's write.
    init(_ pool: DatabasePool) {
        Thread { [entered, released, finished] in
            _ = try? pool.write { _ in
                entered.signal()
                released.wait()
            }
            finished.signal()
        }.start()
        entered.wait()
    }

    /// Lets the writer go on, and waits until the gate's own write has returned.
    func release() {
        released.signal()
        finished.wait()
    }
}

/// Waits (up to 10 s) until `condition` holds; returns whether it did.
func eventually(_ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.001)
    }
    return condition()
}

/// A pool over a new file with a table `t(id INTEGER PRIMARY KEY, n INTEGER UNIQUE, s TEXT)`.
func makePool(in directory: URL, readers: Int = 4) throws -> DatabasePool {
    let pool = try DatabasePool(path: directory.appendingPathComponent("test.sqlite").path, readers: readers)
    try pool.writeWithoutTransaction { db in
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER UNIQUE, s TEXT)")
    }
    return pool
}

/// Rows in `t`, read through the pool.
func countRows(_ pool: DatabasePool) throws -> Int64? {
    try pool.read { db in try db.scalar("SELECT count(*) FROM t") }.integerValue
}

extension SQLValue {
    var integerValue: Int64? {
        if case .integer(let i) = self { return i }
        return nil
    }
}
