/// Decides whether a login may be tried now, from recent failures for the account and for the address.
/// Pure: the store supplies the failure times, the caller supplies `now` (milliseconds).
public struct LoginThrottle: Sendable, Equatable {
    /// How far back failures count.
    public var windowMillis: Int64 = 15 * 60 * 1000
    /// Failures for one account before it must wait.
    public var accountLimit = 5
    /// Failures from one address (a whole office may share one) before it must wait.
    public var addressLimit = 30
    /// The first wait; doubles with each further failure, up to `maxDelayMillis`.
    public var baseDelayMillis: Int64 = 30 * 1000
    public var maxDelayMillis: Int64 = 15 * 60 * 1000

    public init() {}

    public enum Decision: Equatable, Sendable { case allowed, wait(seconds: Int) }

    public func decide(accountFailures: [Int64], addressFailures: [Int64], now: Int64) -> Decision {
        let a = wait(recent(accountFailures, now), limit: accountLimit, now: now)
        let b = wait(recent(addressFailures, now), limit: addressLimit, now: now)
        let longest = max(a, b)
        return longest > 0 ? .wait(seconds: Int((longest + 999) / 1000)) : .allowed
    }

    func recent(_ times: [Int64], _ now: Int64) -> [Int64] {
        times.filter { $0 > now - windowMillis && $0 <= now }.sorted()
    }

    /// Milliseconds still to wait, 0 when allowed.
    func wait(_ failures: [Int64], limit: Int, now: Int64) -> Int64 {
        guard failures.count >= limit, let last = failures.last else { return 0 }
        let excess = min(failures.count - limit, 20)
        let delay = min(baseDelayMillis << Int64(excess), maxDelayMillis)
        return max(0, last + delay - now)
    }
}
