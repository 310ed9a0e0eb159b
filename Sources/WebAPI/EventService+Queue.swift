import HTTPServer
import Persistence
import Synchronization

/// A batch judged while the flusher's queue was full: its events, and the answer its page is waiting for.
struct WaitingBatch: Sendable {
    var events: [IngestEvent]
    var refused: [String: Int]
    var day: String
    var receipt: EventReceipt
    var answer: DeferredResponse
}

/// The queue between the request threads and the flusher. It holds at most `maxQueued` events, so memory stays
/// bounded and what a stop must write stays a few seconds of writing. When the writer falls that far behind, a batch
/// is not refused but waits, its connection suspended (no thread held), and is answered 202 once a flush has made room:
/// the page's `fetch` simply takes longer, which slows the senders to what the writer can store, and no event answered
/// 202 is lost. Only when `maxWaiting` batches already wait is one answered 503 with `Retry-After`.
extension EventService {
    /// Hands a judged batch to the flusher; returns the answer to wait for when it could not be taken now.
    func enqueue(_ accepted: [IngestEvent], refused: [String: Int], day: String, receipt: EventReceipt) throws -> DeferredResponse? {
        guard !accepted.isEmpty || !refused.isEmpty else { return nil }
        // Batches already waiting go first, so a new one cannot overtake them.
        if waitingCount.load(ordering: .relaxed) == 0, let queued = append(accepted, refused: refused, day: day) {
            // A racy maximum is enough: it only sizes the next interval's queue.
            if queued > queuePeak.load(ordering: .relaxed) { queuePeak.store(queued, ordering: .relaxed) }
            return nil
        }
        let answer = DeferredResponse()
        let waits = waiting.withLock { w in
            guard w.count < maxWaiting else { return false }
            w.append(WaitingBatch(events: accepted, refused: refused, day: day, receipt: receipt, answer: answer))
            waitingCount.store(w.count, ordering: .relaxed)
            return true
        }
        guard waits else { throw Self.busy }
        return answer
    }

    /// Moves waiting batches, oldest first, into the queue while they fit, and answers them. The flusher calls this
    /// after each flush. Returns how many were taken.
    @discardableResult
    func admitWaiting() -> Int {
        let taken: [WaitingBatch] = waiting.withLock { w in
            var n = 0
            while n < w.count, append(w[n].events, refused: w[n].refused, day: w[n].day) != nil { n += 1 }
            defer { w.removeFirst(n); waitingCount.store(w.count, ordering: .relaxed) }
            return Array(w.prefix(n))
        }
        for batch in taken { batch.answer.complete(batch.receipt.response) }
        return taken.count
    }

    /// Answers every batch still waiting 503 (at stop, once nothing more will be written).
    func refuseWaiting() {
        let left = waiting.withLock { w in
            defer { w.removeAll(); waitingCount.store(0, ordering: .relaxed) }
            return w
        }
        for batch in left { batch.answer.complete(.error(Self.busy)) }
    }

    static let busy = HTTPError(503, code: "overloaded", message: "事件太多，请稍后再试 / too many events queued; try again shortly",
                                headers: [("Retry-After", "1")])

    /// Appends to the queue if the batch fits; returns the queue's new length, nil when full.
    private func append(_ accepted: [IngestEvent], refused: [String: Int], day: String) -> Int? {
        pending.withLock { p in
            guard p.events.count + accepted.count <= maxQueued else { return nil }
            if p.events.isEmpty { p.events.reserveCapacity(max(accepted.count, queuePeak.exchange(0, ordering: .relaxed))) }
            p.events.append(contentsOf: accepted)
            for (reason, n) in refused { p.rejected[day + "|" + reason, default: 0] += n }
            return p.events.count
        }
    }
}

extension EventReceipt {
    /// The 202 every taken batch is answered with.
    var response: Response {
        Response(status: 202, headers: Headers([("Content-Type", "application/json; charset=utf-8")]), body: .bytes(json))
    }
}
