import Dispatch

/// One `write`, `writeWithoutTransaction` or `writeAsync` call waiting for the writer thread.
///
/// A blocking caller's closure is not Sendable; it crosses to the writer thread here, which is
/// safe because the caller blocks on `done` until the writer has run it and let it go. An
/// asynchronous job (`writeAsync`) has Sendable closures and a `completion` instead of a waiting caller.
final class WriteJob: @unchecked Sendable {
    /// How the writer runs a job.
    enum Kind {
        /// In a savepoint of a shared transaction, batched with the other waiting jobs.
        case batched
        /// Alone, outside any transaction (migrations, VACUUM, PRAGMA, checkpoint).
        case exclusive
    }

    let kind: Kind
    /// A batched job whose body runs exactly one statement needs no savepoint of its own: SQLite undoes a failed
    /// statement by itself and keeps the transaction's earlier changes (or rolls the whole transaction back, which
    /// the writer detects either way).
    let singleStatement: Bool
    // Set by the caller, read by the writer, cleared by the writer before `done` is signalled:
    // the caller's `withoutActuallyEscaping` checks that nothing still holds the closure.
    private var body: ((Connection) throws -> Void)?
    /// The job's failure; written by the writer before `done` is signalled, read after.
    private(set) var error: (any Error)?
    private let done = DispatchSemaphore(value: 0)
    /// For an asynchronous job: run on the pool's completion thread once the job's transaction is durable or failed,
    /// with its error.
    private let completion: (@Sendable ((any Error)?) -> Void)?

    init(kind: Kind, singleStatement: Bool = false, body: @escaping (Connection) throws -> Void,
         completion: (@Sendable ((any Error)?) -> Void)? = nil) {
        self.kind = kind
        self.singleStatement = singleStatement
        self.body = body
        self.completion = completion
    }

    /// Runs the caller's closure on the writer's connection; records (and rethrows) its error.
    func execute(_ db: Connection) throws {
        guard let body else { return }
        do {
            try body(db)
        } catch {
            fail(error)
            throw error
        }
    }

    /// Records a failure; the first one is kept, since later ones are consequences.
    func fail(_ error: any Error) {
        if self.error == nil { self.error = error }
    }

    var failed: Bool { error != nil }

    /// After the job's transaction (on the pool's completion thread): lets go of the closure and wakes the caller, or
    /// runs the completion of an asynchronous job.
    func finish() {
        body = nil
        if let completion { completion(error) } else { done.signal() }
    }

    /// Caller side: waits for `finish`, then throws the job's error if it has one.
    func wait() throws {
        done.wait()
        if let error { throw error }
    }

    /// Caller side: the job never reached the writer (the pool was closed, or the queue was full).
    func abandon(_ reason: any Error) {
        body = nil
        completion?(reason)
    }
}
