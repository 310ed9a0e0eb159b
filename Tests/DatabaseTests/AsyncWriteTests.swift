import Foundation
import Testing
import Database

/// `writeAsync`: the same group commit as `write`, answered through a completion on the writer thread.
@Suite("DatabasePool.writeAsync")
struct AsyncWriteTests {
    struct Refused: Error {}

    /// Submits one asynchronous write and waits for its completion (tests only; handlers never wait).
    func await<T: Sendable>(_ pool: DatabasePool, _ body: @escaping @Sendable (Connection) throws -> T) -> Result<T, any Error> {
        let done = DispatchSemaphore(value: 0)
        let result = Locked<Result<T, any Error>?>(nil)
        pool.writeAsync(body) { outcome in
            result.withValue { $0 = outcome }
            done.signal()
        }
        done.wait()
        return result.current!
    }

    @Test func theCompletionGetsTheValueOnceTheRowIsCommitted() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let outcome = self.await(pool) { db -> Int64 in
                try db.run("INSERT INTO t (n, s) VALUES (7, 'seven')")
                return db.lastInsertRowID
            }
            let id = try outcome.get()
            #expect(try pool.read { try $0.queryOne("SELECT s FROM t WHERE id = ?", [id])?.string("s") } == "seven")
        }
    }

    /// Ten asynchronous writes held until they all go in one batch; returns which of them failed.
    func failuresInOneBatch(_ pool: DatabasePool, singleStatement: Bool = false,
                            _ body: @escaping @Sendable (Int, Connection) throws -> Void) -> [Int] {
        let gate = WriterGate(pool)
        let outcomes = Locked([Int: Bool]())
        let group = DispatchGroup()
        for i in 0..<10 {
            group.enter()
            pool.writeAsync(singleStatement: singleStatement, { db in try body(i, db) }, completion: { result in
                outcomes.withValue { $0[i] = (try? result.get()) != nil }
                group.leave()
            })
        }
        gate.release()
        group.wait()
        return outcomes.current.filter { !$0.value }.map(\.key).sorted()
    }

    @Test func aThrowingBodyIsUndoneAloneAndItsErrorReachesTheCompletion() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let failed = failuresInOneBatch(pool) { n, db in
                try db.run("INSERT INTO t (n) VALUES (?)", [n])
                if n == 3 { throw Refused() }
            }
            #expect(failed == [3])
            #expect(try pool.read { try $0.query("SELECT n FROM t ORDER BY n").compactMap { $0.int("n") } } == [0, 1, 2, 4, 5, 6, 7, 8, 9])
            #expect(pool.statistics.writesCommitted >= 9)
        }
    }

    @Test func aFailingSingleStatementIsUndoneAloneWithoutASavepoint() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            // Ten single inserts in one batch; the sixth repeats the third's unique n, and only it fails.
            let failed = failuresInOneBatch(pool, singleStatement: true) { i, db in
                try db.run("INSERT INTO t (n, s) VALUES (?, ?)", [i == 5 ? 2 : i, "job \(i)"])
            }
            #expect(failed == [5])
            #expect(try pool.read { try $0.query("SELECT s FROM t ORDER BY n").compactMap { $0.string("s") } }
                    == ["job 0", "job 1", "job 2", "job 3", "job 4", "job 6", "job 7", "job 8", "job 9"])
        }
    }

    @Test func aSlowCompletionHoldsUpNoCommitAndCompletionsKeepTheirOrder() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let running = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), second = DispatchSemaphore(value: 0)
            pool.writeAsync({ db in try db.run("INSERT INTO t (n) VALUES (1)") }, completion: { _ in
                running.signal()
                release.wait()
            })
            running.wait()
            // The first completion is still running: the next write commits all the same (the writer does not wait for
            // completions), and its own completion runs only after the first one's.
            pool.writeAsync({ db in try db.run("INSERT INTO t (n) VALUES (2)") }, completion: { _ in second.signal() })
            #expect(eventually { (try? countRows(pool)) == 2 })
            #expect(second.wait(timeout: .now() + 0.2) == .timedOut)
            release.signal()
            #expect(second.wait(timeout: .now() + 10) == .success)
        }
    }

    @Test func aFullQueueIsRefusedAtOnceAsBusyAndNothingIsWritten() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let gate = WriterGate(pool)
            let accepted = Locked(0), refused = Locked<[Int32]>([])
            let group = DispatchGroup()
            // The writer is held, so every job waits: the queue fills, then the next one is refused on this thread.
            var submitted = 0
            while refused.current.isEmpty && submitted < 20_000 {
                group.enter()
                let n = submitted
                pool.writeAsync({ db in try db.run("INSERT INTO t (n) VALUES (?)", [n]) }, completion: { result in
                    switch result {
                    case .success: accepted.withValue { $0 += 1 }
                    case .failure(let error): refused.withValue { $0.append((error as? DatabaseError)?.code ?? 0) }
                    }
                    group.leave()
                })
                submitted += 1
            }
            #expect(refused.current == [5])  // SQLITE_BUSY: "try again"
            gate.release()
            group.wait()
            #expect(accepted.current == submitted - 1)
            #expect(try countRows(pool) == Int64(submitted - 1))
        }
    }

    @Test func aClosedPoolRefusesThroughTheCompletion() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            pool.close()
            let outcome = self.await(pool) { db in try db.run("INSERT INTO t (n) VALUES (1)") }
            #expect(throws: DatabaseError.self) { try outcome.get() }
        }
    }
}

/// The WAL is copied into the database file by the checkpointer's thread, never inside a commit.
@Suite("Checkpointer")
struct CheckpointerTests {
    @Test func theWalReachesTheDatabaseFileWithoutAnyCommitCheckpointing() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let file = directory.appendingPathComponent("test.sqlite").path
            func size(_ path: String) -> Int { ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0 }
            let before = size(file)
            try pool.write { db in
                for n in 0..<2_000 { try db.run("INSERT INTO t (n, s) VALUES (?, ?)", [n, String(repeating: "法", count: 200)]) }
            }
            #expect(eventually { size(file) > before + 1_000_000 }, "the checkpointer copied the rows into the database file")
            #expect(try countRows(pool) == 2_000)
        }
    }
}

extension CheckpointerTests {
    @Test func underSteadyWritesTheWalStaysBounded() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let wal = directory.appendingPathComponent("test.sqlite-wal").path
            @Sendable func size() -> Int { ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? 0 }
            let largest = Locked(0)
            // 48 MB of rows from four threads, with no pause for the checkpointer to catch up.
            onThreads(4) { thread in
                let blob = [UInt8](repeating: UInt8(thread), count: 4_000)
                for i in 0..<3_000 {
                    try? pool.write { db in try db.run("INSERT INTO t (n, s) VALUES (?, ?)", [thread * 100_000 + i, String(decoding: blob, as: UTF8.self)]) }
                    if i % 100 == 0 { let now = size(); largest.withValue { $0 = max($0, now) } }
                }
            }
            #expect(try countRows(pool) == 12_000)
            #expect(largest.current < 40_000_000, "the WAL grew to \(largest.current) bytes")
        }
    }
}
