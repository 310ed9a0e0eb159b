import Foundation
import HTTPServer
import Secrets

/// Everything the web application needs to know at start-up; built once by `pufa serve` (or a test).
public struct AppConfiguration: Sendable {
    public var server = ServerConfiguration()
    /// Public/ — the web client.
    public var publicDirectory: URL
    /// Files served from outside Public/, such as Debian's Chart.js.
    public var mounts: [String: String] = ["/vendor/chart.min.js": "/usr/share/javascript/chart.js/chart.min.js"]
    /// Mark cookies `Secure` (set when Pufa is served over TLS behind a proxy).
    public var secureCookies = false
    /// Log one line per request.
    public var accessLog = true
    public var passwordCost: PasswordHasher.Cost = .owaspMinimum
    /// Password hashes allowed at once; each costs ~19 MiB and a core for tens of milliseconds.
    public var concurrentHashes = 4
    /// How often the deadline sweeper submits expired attempts (0 = never; tests call `sweep()` themselves).
    public var sweepIntervalSeconds = 5
    /// Quiz entries one address may start per minute (a school or village office shares one address: be generous).
    public var quizStartsPerMinute = 30
    /// Saved segments older than this are recomputed (and new facts folded) by a background job (0 = never; tests call it).
    public var segmentRefreshSeconds = 3600

    public init(publicDirectory: URL) {
        self.publicDirectory = publicDirectory
    }
}
