import Foundation

/// The single writer: a dedicated thread that owns the writable connection and runs
/// every write, batching waiting jobs into one transaction (group commit).
///
/// One `synchronous=FULL` commit costs a disk flush whatever its size, so committing
/// everything that queued up during the previous flush makes durable writes fast.
final class WriterQueue: @unchecked Sendable {
    /// The most jobs one transaction carries.
    static let maxBatch = 256
    /// The most asynchronous jobs that may wait: beyond it `submit` refuses, so a flood is answered "busy" at once
    /// instead of waiting in an ever longer queue.
    static let maxPendingAsync = 8_192

    /// The writable connection; used only on the writer thread.
    let db: Connection
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var pending: [WriteJob] = []
    private var closing = false
    private var counters = WriteCounters()
    private var thread: Thread?
    private let exited = DispatchSemaphore(value: 0)
    /// Finishes committed batches off the writer thread.
    private let completions = CompletionQueue(name: "pufa.db.completions")

    /// Counts for `PoolStatistics`, over `write` jobs only.
    struct WriteCounters {
        var committed = 0
        var transactions = 0
        var failed = 0
    }

    /// Takes ownership of `db`: from now on only the writer thread uses it.
    init(connection db: Connection) {
        self.db = db
        let thread = Thread { [self] in runLoop() }
        thread.name = "pufa.db.writer"
        self.thread = thread
        thread.start()
    }

    /// True on the writer thread, i.e. inside a write body.
    var isCurrentThread: Bool {
        condition.lock()
        defer { condition.unlock() }
        return thread.map { Thread.current === $0 } ?? false
    }

    /// Queues `job` and blocks until the writer has finished it; throws its error.
    func submitAndWait(_ job: WriteJob) throws {
        condition.lock()
        guard !closing else {
            condition.unlock()
            let error = DatabaseError.misuse("database pool is closed")
            job.abandon(error)
            throw error
        }
        pending.append(job)
        condition.broadcast()
        condition.unlock()
        try job.wait()
    }

    /// Queues an asynchronous `job` without waiting; its completion runs on the writer thread, or at once on this one
    /// with the reason when the pool is closed or too many writes already wait.
    func submit(_ job: WriteJob) {
        condition.lock()
        let refusal: DatabaseError? = closing ? .misuse("database pool is closed")
            : pending.count >= Self.maxPendingAsync ? .queueFull : nil
        if refusal == nil {
            pending.append(job)
            condition.broadcast()
        }
        condition.unlock()
        if let refusal { job.abandon(refusal) }
    }

    /// Jobs waiting, and the counters so far.
    func snapshot() -> (depth: Int, counters: WriteCounters) {
        condition.lock()
        defer { condition.unlock() }
        return (pending.count, counters)
    }

    /// Refuses new jobs, lets the writer finish the queued ones, and waits for it to stop.
    /// Call once.
    func close() {
        condition.lock()
        closing = true
        condition.broadcast()
        condition.unlock()
        exited.wait()
    }

    private func runLoop() {
        while let batch = nextBatch() {
            if batch.count == 1, batch[0].kind == .exclusive {
                runExclusive(batch[0])
            } else {
                commit(batch[...])
            }
            finish(batch)
        }
        completions.close()
        db.close()
        condition.lock()
        thread = nil
        condition.unlock()
        exited.signal()
    }

    /// Waits for work; takes every batched job waiting (up to `maxBatch`), or one exclusive job.
    /// Nil once closing and drained.
    private func nextBatch() -> [WriteJob]? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !closing {
            condition.wait()
        }
        guard let first = pending.first else { return nil }
        var count = 1
        if first.kind == .batched {
            while count < min(pending.count, Self.maxBatch) && pending[count].kind == .batched {
                count += 1
            }
        }
        let batch = Array(pending.prefix(count))
        pending.removeFirst(count)
        return batch
    }

    /// Counts the outcome, then has the completion thread wake each caller with its own result.
    private func finish(_ batch: [WriteJob]) {
        condition.lock()
        for job in batch where job.kind == .batched {
            if job.failed { counters.failed += 1 } else { counters.committed += 1 }
        }
        condition.unlock()
        completions.submit(batch)
    }

    func countTransaction() {
        condition.lock()
        counters.transactions += 1
        condition.unlock()
    }
}
