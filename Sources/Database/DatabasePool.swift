import Foundation

/// How busy a pool is and what its writer has done since it opened; for logs and `/metrics`.
public struct PoolStatistics: Sendable {
    /// Reader connections in the pool.
    public var readersTotal: Int
    /// Readers lent out right now.
    public var readersBusy: Int
    /// Write jobs queued and not yet taken by the writer.
    public var writerQueueDepth: Int
    /// `write` calls that committed (durably).
    public var writesCommitted: Int
    /// Transactions the writer committed for `write` calls; fewer than `writesCommitted` when batching happens.
    public var transactionsCommitted: Int
    /// `write` calls that threw.
    public var writesFailed: Int

    public init(readersTotal: Int = 0, readersBusy: Int = 0, writerQueueDepth: Int = 0,
                writesCommitted: Int = 0, transactionsCommitted: Int = 0, writesFailed: Int = 0) {
        self.readersTotal = readersTotal
        self.readersBusy = readersBusy
        self.writerQueueDepth = writerQueueDepth
        self.writesCommitted = writesCommitted
        self.transactionsCommitted = transactionsCommitted
        self.writesFailed = writesFailed
    }
}

/// One writer thread + N reader connections, over one WAL database file.
///
/// Built once in `main` and passed to the stores. Reads run on the caller's thread with a
/// borrowed reader; writes run on the writer thread, batched into shared transactions
/// (group commit), and return only once durable. Blocking: call from threads, not from
/// latency-sensitive async code.
public final class DatabasePool: @unchecked Sendable {
    /// The database file.
    public let path: String
    /// WAL pages after which a commit checkpoints on the writer (SQLite's default is 1,000): by then the checkpointer
    /// has copied all but the last half second of them.
    static let writerCheckpointPages = 4_000
    private let writer: WriterQueue
    private let readers: ReaderPool
    private let checkpointer: Checkpointer
    private let closeLock = NSLock()
    private var closed = false  // guarded by closeLock

    /// Opens the writer (switching the file to WAL, `synchronous=FULL`), `readers` read-only connections and the
    /// checkpointer's connection. The file's directory must exist; the file is created if needed.
    public init(path: String, readers: Int = 4) throws {
        precondition(readers >= 1, "a pool needs at least one reader")
        precondition(path != ":memory:" && !path.isEmpty, "a pool shares one file between connections")
        self.path = path
        let writerConnection = try Connection(path: path, readOnly: false)
        // The checkpointer copies the WAL on its own thread, so commits seldom wait for a checkpoint; the writer's
        // own automatic checkpoint stays as a backstop at a larger size, because under steady writes the WAL can only
        // start over from its beginning after a checkpoint that catches up with the writer, which only the writer's
        // own can be sure to do. Without it the WAL grows without end (a benchmark filled the disk).
        try writerConnection.execute("PRAGMA wal_autocheckpoint = \(Self.writerCheckpointPages)")
        let readerConnections = try (0..<readers).map { _ in try Connection(path: path, readOnly: true) }
        self.readers = ReaderPool(readerConnections)
        self.checkpointer = try Checkpointer(path: path)
        self.writer = WriterQueue(connection: writerConnection)
    }

    deinit {
        close()
    }

    /// Borrows a reader for `body` (blocks while all are busy) and returns it afterwards.
    ///
    /// Each statement sees the latest committed data; wrap several in `transaction` for one
    /// consistent snapshot. Do not nest `read` calls: with every reader lent out, the inner one waits forever.
    @discardableResult
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try readers.withReader(body)
    }

    /// Runs `body` on the writer thread in a savepoint of a transaction shared with the other
    /// writes waiting at that moment (group commit); blocks the calling thread until that
    /// transaction is durable.
    ///
    /// Returns `body`'s value once committed. If `body` throws, only its own changes are
    /// rolled back and its error is rethrown; if the commit fails, every write of the batch throws.
    /// `body` must not call `write` (precondition) and should be quick: the batch waits for it.
    @discardableResult
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try submit(.batched, body)
    }

    /// Like `write`, without blocking the caller: `body` runs on the writer thread in the next group commit, and
    /// `completion` runs once that transaction is durable (or failed), with `body`'s value or the error, on the pool's
    /// completion thread (completions of one batch in order, batches in the order they committed).
    /// For request handlers that answer through a deferred response, so that no thread sits waiting for the disk.
    /// Both closures must be quick: the batch waits for `body`, the next batches' completions for `completion`.
    /// When the pool is closed, or too many writes already wait (`DatabaseError.queueFull`), `completion` runs at once
    /// on the caller's thread with the error.
    /// `singleStatement`: `body` runs exactly one statement, so the writer runs it without a savepoint of its own
    /// (two statements fewer on the one writer thread; the hottest writes are single inserts).
    public func writeAsync<T>(singleStatement: Bool = false, _ body: @escaping @Sendable (Connection) throws -> T,
                              completion: @escaping @Sendable (Result<T, any Error>) -> Void) {
        let result = AsyncResult<T>()
        let run: (Connection) throws -> Void = { db in result.value = try body(db) }
        let job = WriteJob(kind: .batched, singleStatement: singleStatement, body: run) { error in
            if let error { completion(.failure(error)); return }
            guard let value = result.value else { preconditionFailure("a write finished without a value or an error") }
            completion(.success(value))
        }
        writer.submit(job)
    }

    /// Runs `body` on the writer thread alone, with no implicit transaction: for migrations
    /// (which make their own), VACUUM and PRAGMAs. A transaction it leaves open is rolled back.
    @discardableResult
    public func writeWithoutTransaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try submit(.exclusive, body)
    }

    private func submit<T>(_ kind: WriteJob.Kind, _ body: (Connection) throws -> T) throws -> T {
        precondition(!writer.isCurrentThread, "write called from inside a write body")
        return try withoutActuallyEscaping(body) { body in
            var value: T?
            let job = WriteJob(kind: kind) { db in value = try body(db) }
            try writer.submitAndWait(job)
            guard let value else { preconditionFailure("a write finished without a value or an error") }
            return value
        }
    }

    /// The value of an asynchronous write: set on the writer thread, read on the completion thread after the batch
    /// is handed over (under the completion queue's lock).
    private final class AsyncResult<T>: @unchecked Sendable {
        var value: T?
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)` on the writer: copies the WAL into the database file
    /// and empties it. Waits (up to the busy timeout) for readers on older snapshots; writes wait meanwhile.
    public func checkpoint() throws {
        try writeWithoutTransaction { db in
            _ = try db.query("PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Readers, queue depth and write counters right now.
    public var statistics: PoolStatistics {
        let (depth, counters) = writer.snapshot()
        return PoolStatistics(readersTotal: readers.total, readersBusy: readers.busy,
                              writerQueueDepth: depth, writesCommitted: counters.committed,
                              transactionsCommitted: counters.transactions, writesFailed: counters.failed)
    }

    /// Finishes the writes already queued, waits for reads in progress, and closes every
    /// connection. Later reads and writes throw. Idempotent. Must not be called from a write
    /// body (precondition) nor from a read body (it would wait for that read forever).
    public func close() {
        precondition(!writer.isCurrentThread, "close called from inside a write body")
        closeLock.lock()
        defer { closeLock.unlock() }
        guard !closed else { return }
        closed = true
        checkpointer.stop()
        writer.close()
        readers.close()
    }
}
