import ArgumentParser
import Audience
import Dispatch
import Foundation
import HTTPServer
import Logging
import Persistence
import Secrets
import WebAPI

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server until SIGINT or SIGTERM.")

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Address to listen on (env PUFA_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on; 0 picks a free one (env PUFA_PORT, default 8080).") var port: Int?
    @Option(help: "Directory of the web client (env PUFA_PUBLIC, default ./Public).") var publicDir: String?
    @Option(help: "libmicrohttpd event threads (env PUFA_THREADS, default 4).") var threads: Int?
    @Option(help: "Starter question banks imported into an empty database (env PUFA_QUESTIONS, default ./Questions).")
    var questionsDir: String?
    @Option(help: "Starter teaching material imported when there is none yet (env PUFA_CONTENT, default ./Content).")
    var contentDir: String?
    @Flag(help: "Mark cookies Secure: set when served over HTTPS (env PUFA_SECURE_COOKIES=1).") var secureCookies = false
    @Flag(help: "Do not log one line per request (env PUFA_ACCESS_LOG=0).") var noAccessLog = false
    @Option(help: "Quiz entries one address may start per minute (env PUFA_QUIZ_STARTS_PER_MINUTE, default 30).")
    var quizStartsPerMinute: Int?
    @Option(help: "Quiet hours for campaign deliveries, Beijing time, or off (env PUFA_QUIET_HOURS, default 22:00-08:00).")
    var quietHours: String?
    @Option(help: "Campaign deliveries per person in any 24 h / 7 days (env PUFA_DAILY_CAP, PUFA_WEEKLY_CAP; default 3 and 10).")
    var dailyCap: Int?
    @Option(help: "See --daily-cap.") var weeklyCap: Int?
    @Option(help: "The site's public address, for links in group-robot messages (env PUFA_SITE_URL).") var siteURL: String?
    @Option(help: "Seconds a group robot's webhook may take to answer (env PUFA_WEBHOOK_TIMEOUT, default 10).")
    var webhookTimeout: Double?
    @Option(help: "Recompute saved segments older than this many seconds; 0 = never (env PUFA_SEGMENT_REFRESH_SECONDS, default 3600).")
    var segmentRefreshSeconds: Int?
    @Option(help: "Build the dashboard's person sets and day sums of closed days every this many seconds; 0 = never (env PUFA_REACH_SETS_SECONDS, default 600).")
    var reachSetsSeconds: Int?

    func run() throws {
        bootstrapLogging()
        let logger = Logger(label: "pufa")
        try dataOptions.prepareDirectory()
        var config = AppConfiguration(publicDirectory: URL(fileURLWithPath: publicDir ?? Environment.string("PUFA_PUBLIC") ?? "Public"))
        config.server.host = host ?? Environment.string("PUFA_HOST") ?? "127.0.0.1"
        let portValue = try port ?? Environment.int("PUFA_PORT") ?? 8080
        guard (0...65535).contains(portValue) else { throw CLIError("port must be 0–65535, not \(portValue)") }
        config.server.port = UInt16(portValue)
        config.server.eventThreads = try threads ?? Environment.int("PUFA_THREADS") ?? 4
        config.secureCookies = secureCookies || Environment.string("PUFA_SECURE_COOKIES") == "1"
        config.accessLog = !(noAccessLog || Environment.string("PUFA_ACCESS_LOG") == "0")
        config.quizStartsPerMinute = max(1, try quizStartsPerMinute ?? Environment.int("PUFA_QUIZ_STARTS_PER_MINUTE") ?? 30)
        try configureDelivery(&config)
        config.segmentRefreshSeconds = max(0, try segmentRefreshSeconds ?? Environment.int("PUFA_SEGMENT_REFRESH_SECONDS") ?? 3600)
        config.reachSetsIntervalSeconds = max(0, try reachSetsSeconds ?? Environment.int("PUFA_REACH_SETS_SECONDS") ?? 600)

        let store = try Store.open(path: dataOptions.databasePath, now: nowMillis())
        let app = try App(configuration: config, store: store, logger: logger)
        // The starter bank is in place before the first request, so the first page a user sees already has it.
        try importStarterQuestions(app, logger: logger)
        try importStarterContent(app, logger: logger)
        try app.start()
        try createFirstAdmin(app, logger: logger)
        logger.info("Pufa is serving http://\(config.server.host):\(app.port) with data in \(dataOptions.directory)")
        waitForTerminationSignal()
        logger.info("shutting down: finishing in-flight requests")
        app.shutdown()
    }
}

/// Blocks until SIGINT or SIGTERM arrives.
func waitForTerminationSignal() {
    let done = DispatchSemaphore(value: 0)
    var sources: [DispatchSourceSignal] = []
    for sig in [SIGINT, SIGTERM] {
        signal(sig, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
        source.setEventHandler { done.signal() }
        source.resume()
        sources.append(source)
    }
    done.wait()
    sources.forEach { $0.cancel() }
}

func bootstrapLogging() {
    let level = Environment.string("PUFA_LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
}

extension Serve {
    /// On first start (no material yet) the shipped Content/ is imported, all or nothing.
    func importStarterContent(_ app: App, logger: Logger) throws {
        let dir = contentDir ?? Environment.string("PUFA_CONTENT") ?? "Content"
        guard try app.store.contentCount() == 0, FileManager.default.fileExists(atPath: dir) else { return }
        let results = try importContent(app.content, try readContentFiles([dir]), dryRun: false)
        logger.info("imported the starter teaching material: \(results.count) pieces from \(dir)")
    }

    /// With no admin yet, creates one: from PUFA_ADMIN_USER / PUFA_ADMIN_PASSWORD when set, otherwise `admin`
    /// with a random password written (mode 0600) to DATA/initial-admin-password.txt and shown once in the log.
    func createFirstAdmin(_ app: App, logger: Logger) throws {
        let username = Environment.string("PUFA_ADMIN_USER") ?? "admin"
        if let password = Environment.string("PUFA_ADMIN_PASSWORD") {
            if let created = try app.bootstrapAdmin(username: username, password: password) {
                logger.info("created the first admin account \(created.username)")
            }
            return
        }
        let password = Sodium.randomToken(bytes: 12)
        guard let created = try app.bootstrapAdmin(username: username, password: password) else { return }
        let file = (dataOptions.directory as NSString).appendingPathComponent("initial-admin-password.txt")
        _ = FileManager.default.createFile(atPath: file, contents: Data((password + "\n").utf8),
                                       attributes: [.posixPermissions: 0o600])
        logger.notice("created the first admin account: user \(created.username), password \(password) (also in \(file); change it after signing in)")
    }
}

extension Serve {
    /// On first start (no bank yet) the shipped Questions/ are imported, all or nothing.
    func importStarterQuestions(_ app: App, logger: Logger) throws {
        let dir = questionsDir ?? Environment.string("PUFA_QUESTIONS") ?? "Questions"
        guard try app.store.banks().isEmpty, FileManager.default.fileExists(atPath: dir) else { return }
        let reports = try app.questions.importBanks(try parseAll([dir]), dryRun: false, editor: cliEditor)
        let added = reports.map(\.plan.added).reduce(0, +)
        logger.info("imported the starter question bank: \(added) questions in \(reports.count) banks from \(dir)")
    }
}

extension Serve {
    /// Caps, quiet hours, the site address and the webhook timeout of campaign delivery.
    func configureDelivery(_ config: inout AppConfiguration) throws {
        let quiet = quietHours ?? Environment.string("PUFA_QUIET_HOURS") ?? "22:00-08:00"
        guard let (start, end) = DeliveryPolicy.parseQuietHours(quiet) else {
            throw CLIError("quiet hours look like 22:00-08:00 (or off), not \(quiet)")
        }
        let policy = DeliveryPolicy(perDay: try dailyCap ?? Environment.int("PUFA_DAILY_CAP") ?? 3,
                                    perWeek: try weeklyCap ?? Environment.int("PUFA_WEEKLY_CAP") ?? 10, quietStart: start, quietEnd: end)
        guard policy.problems.isEmpty else { throw CLIError(policy.problems.joined(separator: "; ")) }
        config.deliveryPolicy = policy
        config.siteURL = (siteURL ?? Environment.string("PUFA_SITE_URL") ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let timeout = webhookTimeout ?? Environment.string("PUFA_WEBHOOK_TIMEOUT").flatMap(Double.init) ?? 10
        guard timeout > 0 && timeout <= 120 else { throw CLIError("the webhook timeout must be 0–120 s") }
        config.webhookTimeoutSeconds = timeout
    }
}
