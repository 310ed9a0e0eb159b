import Audience
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
    /// How often study-task reminders and escalations are queued (0 = never; tests call `remindOnce()` themselves).
    public var remindIntervalSeconds = 60
    /// Quiz entries one address may start per minute (a school or village office shares one address: be generous).
    public var quizStartsPerMinute = 30
    /// Reading events are written in batches this often (0 = at once, as the tests do); a crash loses at most this much.
    public var eventFlushMillis = 250
    /// How often the campaign sender runs, in milliseconds (0 = never; tests call `sendOnce(now:)` themselves).
    public var sendIntervalMillis = 1000
    /// Deliveries written per transaction by the sender.
    public var sendBatchSize = 500
    /// Caps per person and quiet hours for campaign deliveries.
    public var deliveryPolicy = DeliveryPolicy()
    /// How long a group robot's webhook may take to answer.
    public var webhookTimeoutSeconds: Double = 10
    /// The site's public address for links in group-robot messages ("https://pufa.example.gov.cn"); empty = relative.
    public var siteURL = ""
    /// Saved segments older than this are recomputed (and new facts folded) by a background job (0 = never; tests call it).
    public var segmentRefreshSeconds = 3600
    /// How often the person sets of closed days are built or rebuilt after late events, for the dashboard's 人数
    /// (0 = never; tests call `Store.buildReachDaySets` themselves).
    public var reachSetsIntervalSeconds = 600

    public init(publicDirectory: URL) {
        self.publicDirectory = publicDirectory
    }
}
