import CMicroHTTPD
import Foundation
import Logging
import Synchronization

/// A libmicrohttpd daemon that turns each connection's repeated access-handler calls into one `Request`,
/// asks the responder, and sends the `Response`. Blocking routes run on a `WorkerPool` while their
/// connection is suspended, so the epoll threads never wait on a disk or a hash.
public final class Server: @unchecked Sendable {
    public let configuration: ServerConfiguration
    let responder: any Responder
    let logger: Logger
    private(set) var workers: WorkerPool?
    private var daemon: OpaquePointer?
    private let active = Atomic<Int>(0)
    public private(set) var port: UInt16 = 0

    public init(configuration: ServerConfiguration, responder: any Responder, logger: Logger = Logger(label: "pufa.http")) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// Binds and starts serving; throws when the address cannot be bound.
    public func start() throws {
        let flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
        let me = Unmanaged.passUnretained(self).toOpaque()
        daemon = pufa_mhd_start(flags, configuration.host, configuration.port,
                                accessHandler, me, requestCompleted, me,
                                UInt32(configuration.eventThreads), UInt32(configuration.connectionLimit),
                                UInt32(configuration.connectionTimeoutSeconds), UInt32(configuration.listenBacklog),
                                configuration.connectionMemoryBytes)
        guard let daemon else {
            throw ServerError(description: "cannot listen on \(configuration.host):\(configuration.port) (address in use, or not an IPv4 address?)")
        }
        port = pufa_mhd_bound_port(daemon)
        // Started only once the socket is bound, so a failed start leaves no threads behind.
        workers = WorkerPool(threads: configuration.workerThreads, capacity: configuration.workerQueueLimit)
        logger.info("listening on http://\(configuration.host):\(port)")
    }

    /// Requests between their first byte and their completion.
    public var inFlight: Int { active.load(ordering: .relaxed) }

    public var openConnections: Int { daemon.map { Int(pufa_mhd_current_connections($0)) } ?? 0 }

    public var workerQueueDepth: Int { workers?.queued ?? 0 }

    /// Stops accepting, lets in-flight requests finish (up to `timeout`), then stops the daemon.
    public func shutdown(timeout: Duration = .seconds(10)) {
        guard let daemon else { return }
        let listenFD = MHD_quiesce_daemon(daemon)
        if listenFD >= 0 { close(listenFD) }
        let deadline = ContinuousClock.now + timeout
        while inFlight > 0 && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        if inFlight > 0 { logger.warning("stopping with \(inFlight) requests still in flight") }
        MHD_stop_daemon(daemon)
        self.daemon = nil
        workers?.stop()
        logger.info("stopped")
    }

    func began() { active.wrappingAdd(1, ordering: .relaxed) }
    func ended() { active.wrappingSubtract(1, ordering: .relaxed) }
}
