/// How the HTTP server listens and protects itself. One immutable value built by `pufa serve`.
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (tests); read the real one from `Server.port`.
    public var port: UInt16 = 8080
    /// libmicrohttpd event-loop threads (epoll, one per pool slot); see ARCHITECTURE.md for the measurement.
    public var eventThreads: Int = 4
    /// Threads for blocking handlers (writes, password hashing). Each waits on a commit, so more threads mean
    /// larger group commits when many candidates save at once; they cost little while idle.
    public var workerThreads: Int = 64
    /// Blocking requests that may wait for a worker before new ones get 503.
    public var workerQueueLimit: Int = 4096
    public var connectionLimit: Int = 10_000
    /// An idle or slow connection is closed after this many seconds, so it cannot pin resources.
    public var connectionTimeoutSeconds: Int = 30
    public var listenBacklog: Int = 4096
    /// Request bodies beyond this get 413 (announced sizes are refused before reading). Large enough for a
    /// question-bank file; JSON bodies have their own, smaller limit (`Request.maxJSONBytes`).
    public var maxBodyBytes: Int = 16 << 20
    /// Per-connection buffer for headers (libmicrohttpd's memory limit; larger headers get 431). libmicrohttpd
    /// clears the whole buffer between requests, so it is kept small: 64 KiB cost 7% of a /healthz in a profile.
    public var connectionMemoryBytes: Int = 16 * 1024

    public init() {}
}

public struct ServerError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
