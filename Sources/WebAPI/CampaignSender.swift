import Audience
import Foundation
import Logging
import Persistence
import Synchronization

/// The resumable delivery job. Each pass starts the runs whose time has come (freezing their audience), delivers
/// study-task reminders first, then each sending run's due deliveries at its campaign's rate (most urgent campaign
/// first), posts due group-robot messages with retries, and closes runs with nothing left (a yearly campaign gets
/// its next run). All state is in the tables: after a crash the next pass carries on, and the unique keys and
/// conditional updates mean nothing is delivered twice.
public final class CampaignSender: Sendable {
    let service: CampaignService
    let store: Store
    let policy: DeliveryPolicy
    let batchSize: Int
    let logger: Logger
    /// Per run: sends allowed now (a token bucket filled at the campaign's rate, up to 10 seconds' worth).
    private let buckets = Mutex<[Int: (tokens: Double, at: Int64)]>([:])
    let runningThread = Mutex<Running?>(nil)

    public init(service: CampaignService, policy: DeliveryPolicy, batchSize: Int = 500, logger: Logger = Logger(label: "pufa.sender")) {
        self.service = service
        self.store = service.store
        self.policy = policy
        self.batchSize = max(1, batchSize)
        self.logger = logger
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public var started = 0
        public var sent = 0
        public var deferred = 0
        public var robotsPosted = 0
        public var robotsFailed = 0
        public var finished = 0
    }

    /// Marks robot messages interrupted by a crash as 'unknown' (call once at start-up, before any pass).
    public func recover() throws {
        let n = try store.markInterruptedRobotMessages()
        if n > 0 { logger.warning("\(n) robot messages were being sent when the server stopped; marked unknown") }
    }

    /// One pass of the job at `now`.
    @discardableResult
    public func sendOnce(now: Int64) throws -> Pass {
        var pass = Pass()
        for runId in try store.dueRuns(now: now) {
            do {
                let segment = try store.runSegment(runId: runId)
                try service.freeze(runId: runId, segmentId: segment, now: now)
                pass.started += 1
            } catch {
                logger.error("could not start campaign run \(runId): \(error)")
            }
        }
        // Reminders never wait behind a broadcast: they go first, in full batches, unthrottled.
        for _ in 0..<20 {
            let batch = try store.sendBatch(runId: nil, limit: batchSize, policy: policy, now: now)
            pass.sent += batch.sent
            pass.deferred += batch.deferred
            if batch.sent + batch.deferred < batchSize { break }
        }
        let runs = try store.sendingRuns()
        for run in runs {
            let allowed = take(run: run.runId, rate: run.ratePerMinute, now: now)
            guard allowed > 0 else { continue }
            let batch = try store.sendBatch(runId: run.runId, note: run.message, limit: min(allowed, batchSize), policy: policy, now: now)
            giveBack(run: run.runId, unused: allowed - batch.sent)
            pass.sent += batch.sent
            pass.deferred += batch.deferred
        }
        for message in try store.dueRobotMessages(now: now, limit: 20) {
            guard try store.claimRobotMessage(id: message.id) else { continue }
            let error = service.post(robot: message.robot, title: message.title, text: message.text)
            let retryAt = error == nil ? nil : RobotWebhook.retryAt(now: service.clock.nowMillis(), attempts: message.attempts + 1)
            try store.recordRobotAttempt(id: message.id, error: error, retryAt: retryAt, now: service.clock.nowMillis())
            if let error {
                pass.robotsFailed += 1
                logger.warning("robot \(message.robot.name): attempt \(message.attempts + 1) failed: \(error)")
            } else {
                pass.robotsPosted += 1
            }
        }
        for run in runs {
            let campaign = try store.campaign(id: run.campaignId)
            let next: Int64? = if case .yearly = campaign?.input.schedule { campaign?.input.schedule.nextRun(after: now) } else { nil }
            if try store.finishRunIfDone(id: run.runId, next: next, now: now) {
                pass.finished += 1
                _ = buckets.withLock { $0.removeValue(forKey: run.runId) }
            }
        }
        return pass
    }

    /// Whole sends allowed for a run now, taken from its bucket.
    func take(run: Int, rate: Int, now: Int64) -> Int {
        buckets.withLock { buckets in
            let capacity = max(1, Double(rate) / 6)   // 10 seconds' worth
            var bucket = buckets[run] ?? (tokens: max(1, Double(rate) / 60), at: now)
            bucket.tokens = min(capacity, bucket.tokens + Double(max(0, now - bucket.at)) * Double(rate) / 60_000)
            bucket.at = max(bucket.at, now)
            let whole = Int(bucket.tokens.rounded(.down))
            bucket.tokens -= Double(whole)
            buckets[run] = bucket
            return whole
        }
    }

    func giveBack(run: Int, unused: Int) {
        guard unused > 0 else { return }
        buckets.withLock { $0[run]?.tokens += Double(unused) }
    }
}

extension CampaignSender {
    /// Runs a pass every `intervalMillis` on its own thread until `stop()`.
    public func startThread(intervalMillis: Int, clock: AppClock) {
        let running = Running()
        runningThread.withLock { $0 = running }
        let thread = Thread { [self] in
            defer { running.exited.signal() }
            while !running.stopRequested {
                do {
                    let pass = try sendOnce(now: clock.nowMillis())
                    if pass.sent + pass.started + pass.finished > 0 {
                        logger.info("campaign sender: started \(pass.started), sent \(pass.sent), deferred \(pass.deferred), finished \(pass.finished)")
                    }
                } catch {
                    logger.error("campaign sender: \(error)")
                }
                var waited = 0
                while waited < intervalMillis && !running.stopRequested {
                    Thread.sleep(forTimeInterval: 0.05)
                    waited += 50
                }
            }
        }
        thread.name = "pufa-campaign-sender"
        thread.start()
    }

    /// Asks the thread to stop and waits for its current pass (a webhook may take its timeout) before the database
    /// closes.
    public func stop(waitSeconds: Double) {
        guard let running = runningThread.withLock({ $0 }) else { return }
        running.stopRequested = true
        if running.exited.wait(timeout: .now() + waitSeconds) == .timedOut {
            logger.warning("campaign sender still busy at shutdown; an interrupted robot message will show as unknown")
        }
    }
}

/// The sender thread's stop flag and exit signal.
final class Running: @unchecked Sendable {
    private let lock = NSLock()
    private var stop = false
    let exited = DispatchSemaphore(value: 0)
    var stopRequested: Bool {
        get { lock.withLock { stop } }
        set { lock.withLock { stop = newValue } }
    }
}
