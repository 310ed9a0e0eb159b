import ArgumentParser
import Dispatch
import Foundation
import HTTPServer
import Logging
import Persistence
import WebAPI

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server until SIGINT or SIGTERM.")

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Address to listen on (env PUFA_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on; 0 picks a free one (env PUFA_PORT, default 8080).") var port: Int?
    @Option(help: "Directory of the web client (env PUFA_PUBLIC, default ./Public).") var publicDir: String?
    @Option(help: "libmicrohttpd event threads (env PUFA_THREADS, default 4).") var threads: Int?
    @Flag(help: "Mark cookies Secure: set when served over HTTPS (env PUFA_SECURE_COOKIES=1).") var secureCookies = false
    @Flag(help: "Do not log one line per request (env PUFA_ACCESS_LOG=0).") var noAccessLog = false

    func run() throws {
        bootstrapLogging()
        let logger = Logger(label: "pufa")
        try dataOptions.prepareDirectory()
        var config = AppConfiguration(publicDirectory: URL(fileURLWithPath: publicDir ?? Environment.string("PUFA_PUBLIC") ?? "Public"))
        config.server.host = host ?? Environment.string("PUFA_HOST") ?? "127.0.0.1"
        let portValue = port ?? Environment.string("PUFA_PORT").flatMap(Int.init) ?? 8080
        guard (0...65535).contains(portValue) else { throw CLIError("port must be 0–65535, not \(portValue)") }
        config.server.port = UInt16(portValue)
        config.server.eventThreads = threads ?? Environment.string("PUFA_THREADS").flatMap(Int.init) ?? 4
        config.secureCookies = secureCookies || Environment.string("PUFA_SECURE_COOKIES") == "1"
        config.accessLog = !(noAccessLog || Environment.string("PUFA_ACCESS_LOG") == "0")

        let store = try Store.open(path: dataOptions.databasePath, now: nowMillis())
        let app = try App(configuration: config, store: store, logger: logger)
        if let admin = Environment.string("PUFA_ADMIN_USER"), let password = Environment.string("PUFA_ADMIN_PASSWORD"),
           let created = try app.bootstrapAdmin(username: admin, password: password) {
            logger.info("created the first admin account \(created.username)")
        }
        try app.start()
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
