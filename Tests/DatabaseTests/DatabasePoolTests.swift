import Foundation
import Testing
import Database

@Suite("DatabasePool")
struct DatabasePoolTests {
    struct Refused: Error {}

    @Test func readsSeeCommittedWrites() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let id = try pool.write { db in
                try db.run("INSERT INTO t (n, s) VALUES (?, ?)", [1, "one"])
                return db.lastInsertRowID
            }
            let row = try pool.read { db in try db.queryOne("SELECT id, s FROM t WHERE n = ?", [1]) }
            #expect(row?.int64("id") == id)
            #expect(row?.string("s") == "one")
        }
    }

    @Test func concurrentWritesAllLandAndShareTransactions() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let failures = Locked(0)
            onThreads(8) { thread in
                for i in 0..<25 {
                    do {
                        try pool.write { db in try db.run("INSERT INTO t (n) VALUES (?)", [thread * 100 + i]) }
                    } catch {
                        failures.withValue { $0 += 1 }
                    }
                }
            }
            #expect(failures.current == 0)
            #expect(try countRows(pool) == 200)
            let stats = pool.statistics
            #expect(stats.writesCommitted == 200)
            #expect(stats.writesFailed == 0)
            #expect(stats.transactionsCommitted < stats.writesCommitted, "no batching: \(stats)")
        }
    }

    @Test func oneFailingWriteInABatchLosesNoOther() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            try pool.write { db in try db.run("INSERT INTO t (n) VALUES (-1)") }
            let before = pool.statistics.transactionsCommitted
            let gate = WriterGate(pool)
            let outcomes = Locked([Int: Bool]())
            let group = DispatchGroup()
            for n in 0..<10 {
                group.enter()
                Thread {
                    let ok = (try? pool.write { (db: Connection) -> Void in
                        try db.run("INSERT INTO t (n, s) VALUES (?, 'half-written')", [n])
                        if n == 4 { throw Refused() }
                        if n == 6 { try db.run("INSERT INTO t (n) VALUES (-1)") }  // unique violation
                    }) != nil
                    outcomes.withValue { $0[n] = ok }
                    group.leave()
                }.start()
            }
            #expect(eventually { pool.statistics.writerQueueDepth == 10 })
            gate.release()
            group.wait()
            #expect(outcomes.current.filter { !$0.value }.keys.sorted() == [4, 6])
            let stored = try pool.read { db in try db.query("SELECT n FROM t ORDER BY n").compactMap { $0.int("n") } }
            #expect(stored == [-1, 0, 1, 2, 3, 5, 7, 8, 9])
            let stats = pool.statistics
            #expect(stats.transactionsCommitted - before == 2, "the gate's and one for the batch of ten")
            #expect(stats.writesFailed == 2)
        }
    }

    @Test func writeReturnsTheBodysValueAndRethrowsItsError() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let inTransaction = try pool.write { $0.isInTransaction }
            #expect(inTransaction)
            #expect(throws: Refused.self) { try pool.write { _ in throw Refused() } }
            let unique = #expect(throws: DatabaseError.self) {
                try pool.write { db in try db.run("INSERT INTO t (n) VALUES (1), (1)") }
            }
            #expect(unique?.isUniqueViolation == true)
            let outside = try pool.writeWithoutTransaction { $0.isInTransaction }
            #expect(!outside)
        }
    }

    @Test func closeFinishesQueuedWritesDurably() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            let gate = WriterGate(pool)
            let succeeded = Locked(0)
            let group = DispatchGroup()
            for n in 0..<20 {
                group.enter()
                Thread {
                    if (try? pool.write { db in try db.run("INSERT INTO t (n) VALUES (?)", [n]) }) != nil {
                        succeeded.withValue { $0 += 1 }
                    }
                    group.leave()
                }.start()
            }
            #expect(eventually { pool.statistics.writerQueueDepth == 20 })
            let closed = DispatchSemaphore(value: 0)
            Thread {
                pool.close()
                closed.signal()
            }.start()
            Thread.sleep(forTimeInterval: 0.05)  // let close begin while the writes are still queued
            gate.release()
            closed.wait()
            group.wait()
            #expect(succeeded.current == 20)
            pool.close()  // idempotent
            #expect(throws: DatabaseError.self) { try pool.write { _ in } }
            #expect(throws: DatabaseError.self) { try pool.read { _ in } }

            let reopened = try DatabasePool(path: pool.path)
            defer { reopened.close() }
            #expect(try countRows(reopened) == 20)
        }
    }

    @Test func readersAreLentOneCallerAtATime() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory, readers: 2)
            defer { pool.close() }
            #expect(pool.statistics.readersTotal == 2)
            let busyInside = try pool.read { _ in pool.statistics.readersBusy }
            #expect(busyInside == 1)
            #expect(pool.statistics.readersBusy == 0)
            let maxBusy = Locked(0)
            onThreads(6) { _ in
                for _ in 0..<20 {
                    _ = try? pool.read { db in
                        let busy = pool.statistics.readersBusy
                        maxBusy.withValue { $0 = max($0, busy) }
                        return try db.scalar("SELECT count(*) FROM t")
                    }
                }
            }
            #expect(maxBusy.current <= 2)
        }
    }

    @Test func checkpointEmptiesTheWriteAheadLog() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            for n in 0..<50 {
                try pool.write { db in try db.run("INSERT INTO t (n) VALUES (?)", [n]) }
            }
            let wal = pool.path + "-wal"
            let sizeBefore = try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int
            #expect((sizeBefore ?? 0) > 0)
            try pool.checkpoint()
            let sizeAfter = try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int
            #expect(sizeAfter == 0)
            #expect(try countRows(pool) == 50)
        }
    }
}

@Suite("DatabasePool when a write breaks the shared transaction")
struct BrokenBatchTests {
    /// A body that ends the transaction itself is a programmer error, but it must not make a
    /// write that returned disappear, nor a write that threw appear.
    @Test func everyWriteEitherThrowsOrIsStored() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let gate = WriterGate(pool)
            let returned = Locked(Set<Int>())
            let group = DispatchGroup()
            for n in 0..<6 {
                group.enter()
                Thread {
                    let ok = (try? pool.write { (db: Connection) -> Void in
                        try db.run("INSERT INTO t (n) VALUES (?)", [n])
                        if n == 3 { try db.execute("ROLLBACK") }
                    }) != nil
                    if ok { returned.withValue { _ = $0.insert(n) } }
                    group.leave()
                }.start()
            }
            #expect(eventually { pool.statistics.writerQueueDepth == 6 })
            gate.release()
            group.wait()
            let stored = try pool.read { db in try db.query("SELECT n FROM t").compactMap { $0.int("n") } }
            #expect(Set(stored) == returned.current)
            #expect(!returned.current.contains(3))
            #expect(try pool.write { $0.isInTransaction })  // the writer goes on
        }
    }
}
