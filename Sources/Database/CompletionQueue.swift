import Foundation

/// Where a committed batch's jobs are finished — their completions run, their callers woken, their closures let go —
/// on a thread of its own, so that the writer goes on to the next transaction at once.
///
/// The writer is the one serial step of every durable write: while it ran a batch's completions (resuming each
/// waiting connection, updating caches, freeing the jobs) new writes only queued. Batches are finished in the order
/// they were committed.
final class CompletionQueue: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var batches: [[WriteJob]] = []
    private var closing = false
    private let exited = DispatchSemaphore(value: 0)

    init(name: String) {
        let thread = Thread { [self] in runLoop() }
        thread.name = name
        thread.start()
    }

    /// Queues a committed (or failed) batch to be finished.
    func submit(_ batch: [WriteJob]) {
        condition.lock()
        batches.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// Finishes what is queued, then stops the thread. Call once, after the last `submit`.
    func close() {
        condition.lock()
        closing = true
        condition.signal()
        condition.unlock()
        exited.wait()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while batches.isEmpty && !closing { condition.wait() }
            let taken = batches
            batches.removeAll(keepingCapacity: true)
            condition.unlock()
            if taken.isEmpty { break }
            for batch in taken {
                for job in batch { job.finish() }
            }
        }
        exited.signal()
    }
}
