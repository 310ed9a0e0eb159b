import Foundation
import Synchronization

/// Prometheus-style counters and a latency histogram per route, safe to update from any thread.
public final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Key: Hashable { var route: String; var method: String; var status: Int }
    struct Histogram { var counts = [UInt64](repeating: 0, count: RequestMetrics.buckets.count); var sum = 0.0; var count: UInt64 = 0 }
    struct State { var requests: [Key: UInt64] = [:]; var latency: [String: Histogram] = [:] }

    private let state = Mutex(State())

    public init() {}

    public func record(route: String, method: HTTPMethod, status: Int, seconds: Double) {
        state.withLock { s in
            s.requests[Key(route: route, method: method.rawValue, status: status), default: 0] += 1
            var h = s.latency[route] ?? Histogram()
            if let i = Self.buckets.firstIndex(where: { seconds <= $0 }) { h.counts[i] += 1 }
            h.sum += seconds
            h.count += 1
            s.latency[route] = h
        }
    }

    /// The Prometheus text exposition of everything recorded so far.
    public func render() -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP pufa_http_requests_total HTTP requests by route pattern, method and status.\n"
        out += "# TYPE pufa_http_requests_total counter\n"
        for (key, n) in snapshot.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            out += "pufa_http_requests_total{route=\"\(escape(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\"} \(n)\n"
        }
        out += "# HELP pufa_http_request_duration_seconds Time to answer, by route pattern.\n"
        out += "# TYPE pufa_http_request_duration_seconds histogram\n"
        for (route, h) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            var cumulative: UInt64 = 0
            for (i, bound) in Self.buckets.enumerated() {
                cumulative += h.counts[i]
                out += "pufa_http_request_duration_seconds_bucket{route=\"\(escape(route))\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "pufa_http_request_duration_seconds_bucket{route=\"\(escape(route))\",le=\"+Inf\"} \(h.count)\n"
            out += "pufa_http_request_duration_seconds_sum{route=\"\(escape(route))\"} \(h.sum)\n"
            out += "pufa_http_request_duration_seconds_count{route=\"\(escape(route))\"} \(h.count)\n"
        }
        return out
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
