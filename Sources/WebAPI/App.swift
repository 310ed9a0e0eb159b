import Accounts
import Audience
import Database
import Foundation
import HTTPServer
import Logging
import Outbound
import Persistence
import Secrets

/// The running application: store, services, router and HTTP server, wired once.
/// `pufa serve` and the HTTP scenario tests both build one of these.
public final class App: Sendable {
    public let configuration: AppConfiguration
    public let store: Store
    public let accounts: AccountService
    public let questions: QuestionService
    public let exams: ExamService
    public let quizzes: QuizService
    public let live: LiveService
    public let content: ContentService
    public let events: EventService
    public let studyTasks: StudyTaskService
    public let campaigns: CampaignService
    public let campaignSender: CampaignSender
    public let profiles: ProfileService
    public let segments: SegmentService
    let router: Router<AppContext>
    let handlers: Handlers
    private let server = Box<Server>()
    private let stopping: Box<Bool> = { let b = Box<Bool>(); b.value = false; return b }()

    public init(configuration: AppConfiguration, store: Store, clock: AppClock = .system,
                logger: Logger = Logger(label: "pufa")) throws {
        self.configuration = configuration
        self.store = store
        let secret = try store.secret(named: "address_digest_key") { Sodium.randomToken() }
        accounts = AccountService(store: store, hasher: PasswordHasher(cost: configuration.passwordCost), clock: clock,
                                  addressSecret: secret, concurrentHashes: configuration.concurrentHashes)
        let metrics = RequestMetrics()
        questions = QuestionService(store: store, clock: clock)
        exams = ExamService(store: store, clock: clock)
        quizzes = QuizService(store: store, clock: clock, deviceSecret: secret, startsPerMinute: configuration.quizStartsPerMinute)
        live = LiveService(store: store, clock: clock)
        content = ContentService(store: store, clock: clock)
        profiles = ProfileService(store: store, clock: clock)
        segments = SegmentService(store: store, clock: clock)
        events = EventService(store: store, clock: clock, secret: secret, flushMillis: configuration.eventFlushMillis)
        studyTasks = StudyTaskService(store: store, clock: clock)
        campaigns = CampaignService(store: store, clock: clock, poster: HTTPPoster(timeout: configuration.webhookTimeoutSeconds),
                                    linkBase: configuration.siteURL,
                                    refreshSegment: { [segments] in _ = try segments.recompute($0) })
        campaignSender = CampaignSender(service: campaigns, policy: configuration.deliveryPolicy, batchSize: configuration.sendBatchSize,
                                        logger: logger)
        try campaignSender.recover()
        handlers = Handlers(configuration: configuration, store: store, accounts: accounts, clock: clock, logger: logger,
                            metrics: metrics, questions: questions, exams: exams, quizzes: quizzes, live: live, content: content,
                            events: events, campaigns: campaigns, profiles: profiles, segments: segments, server: server, openAPI: Box(),
                            studyTasks: studyTasks)
        let files = try StaticFiles(root: configuration.publicDirectory,
                                    aliases: ["/": "index.html", "/exam": "exam.html", "/exam/": "exam.html",
                                              "/admin": "admin.html", "/admin/": "admin.html",
                                              "/quiz": "quiz.html", "/quiz/": "quiz.html",
                                              "/live": "live.html", "/live/": "live.html",
                                              "/read": "read.html", "/read/": "read.html"],
                                    mounts: configuration.mounts)
        var api = APIBuilder(router: Router<AppContext>(metrics: metrics, logger: logger,
                                                        accessLog: configuration.accessLog))
        api.router.use(AuthMiddleware(accounts: accounts))
        api.router.use(CSRFMiddleware())
        handlers.registerRoutes(&api)
        api.router.fallback = { files.response(for: $0) }
        handlers.openAPI.value = OpenAPI.document(api.operations)
        router = api.router
    }

    /// Starts listening and the background jobs. Returns once the socket is bound.
    public func start() throws {
        let server = Server(configuration: configuration.server, responder: router, logger: handlers.logger)
        try server.start()
        self.server.value = server
        if configuration.sweepIntervalSeconds > 0 { startSweeper() }
        let logger = handlers.logger
        events.startFlusher { logger.error("\($0)") }
        if configuration.remindIntervalSeconds > 0 { startReminders() }
        if configuration.sendIntervalMillis > 0 {
            campaignSender.startThread(intervalMillis: configuration.sendIntervalMillis, clock: handlers.clock)
        }
        if configuration.segmentRefreshSeconds > 0 { startSegmentRefresher() }
        if configuration.reachSetsIntervalSeconds > 0 { startReachSetsBuilder() }
    }

    /// Submits expired attempts every few seconds until shutdown.
    func startSweeper() {
        let exams = self.exams
        repeatUntilShutdown("pufa-sweeper", every: configuration.sweepIntervalSeconds) { logger in
            let n = try exams.sweep()
            if n > 0 { logger.info("deadline sweeper submitted \(n) attempts") }
        }
    }

    /// Queues study-task reminders and escalations every `remindIntervalSeconds` until shutdown.
    func startReminders() {
        let studyTasks = self.studyTasks
        repeatUntilShutdown("pufa-reminders", every: configuration.remindIntervalSeconds) { logger in
            let run = try studyTasks.remindOnce()
            if run.reminders + run.robotMessages + run.followups > 0 {
                logger.info("study tasks: \(run.reminders) reminders, \(run.robotMessages) robot messages, \(run.followups) follow-ups queued")
            }
        }
    }

    /// Folds new facts into profiles and recomputes saved segments older than the configured interval, until shutdown.
    /// Checks once a minute (or at the interval, if shorter) which segments have grown old.
    func startSegmentRefresher() {
        let segments = self.segments, interval = configuration.segmentRefreshSeconds
        repeatUntilShutdown("pufa-segments", every: min(interval, 60)) { logger in
            let n = try segments.refresh(olderThanSeconds: interval)
            if n > 0 { logger.info("segment refresher recomputed \(n) segments") }
        }
    }

    /// Builds the person sets and the day sums of closed Beijing days (and rebuilds those late events made stale), until
    /// shutdown.
    func startReachSetsBuilder() {
        let store = self.store, clock = handlers.clock
        repeatUntilShutdown("pufa-reach-sets", every: configuration.reachSetsIntervalSeconds) { logger in
            let run = try store.buildReachDaySets(today: BeijingDay.of(clock.nowMillis()))
            if run.days > 0 { logger.info("reach sets: \(run.days) days built, \(run.numbered) persons numbered") }
            let summed = try store.buildReachDaySums(today: BeijingDay.of(clock.nowMillis()))
            if summed > 0 { logger.info("reach sums: \(summed) days built") }
            try store.warmReachBreakdowns(today: BeijingDay.of(clock.nowMillis()))
        }
    }

    /// Runs `body` on its own thread every `seconds` until shutdown; an error is logged and the next round goes on.
    func repeatUntilShutdown(_ name: String, every seconds: Int, _ body: @escaping @Sendable (Logger) throws -> Void) {
        let logger = handlers.logger, stopping = self.stopping
        let thread = Thread {
            while !stopping.value! {
                do { try body(logger) } catch { logger.error("\(name): \(error)") }
                for _ in 0..<(seconds * 10) where !stopping.value! { Thread.sleep(forTimeInterval: 0.1) }
            }
        }
        thread.name = name
        thread.start()
    }

    public var port: UInt16 { server.value?.port ?? 0 }

    /// Stops accepting, finishes in-flight requests, then checkpoints the WAL.
    public func shutdown() {
        stopping.value = true
        // Long polls wait on suspended connections; answer them first, or the server could not stop.
        live.releaseAll()
        campaignSender.stop(waitSeconds: configuration.webhookTimeoutSeconds + 2)
        server.value?.shutdown()
        events.stop()
        do { try store.pool.checkpoint() } catch { handlers.logger.error("WAL checkpoint failed: \(error)") }
        store.pool.close()
    }

    /// Creates the first admin when there is none yet (from PUFA_ADMIN_USER / PUFA_ADMIN_PASSWORD).
    public func bootstrapAdmin(username: String, password: String) throws -> User? {
        guard try store.countActiveAdmins() == 0 else { return nil }
        return try accounts.createUser(NewUser(username: username, displayName: "系统管理员", password: password,
                                               roles: [.admin]), actor: .system)
    }
}

/// The dependencies every handler uses; routes are registered as its methods.
struct Handlers: Sendable {
    let configuration: AppConfiguration
    let store: Store
    let accounts: AccountService
    let clock: AppClock
    let logger: Logger
    let metrics: RequestMetrics
    let questions: QuestionService
    let exams: ExamService
    let quizzes: QuizService
    let live: LiveService
    let content: ContentService
    let events: EventService
    let campaigns: CampaignService
    let profiles: ProfileService
    let segments: SegmentService
    let health = HealthProbe()
    let server: Box<Server>
    let openAPI: Box<[UInt8]>
    let studyTasks: StudyTaskService
}

/// A value set once after construction (the server, once started; the OpenAPI document, once routes exist).
final class Box<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
