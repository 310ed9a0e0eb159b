import Foundation
import Synchronization

/// Prometheus-style counters and a latency histogram per route, updated from every server thread.
/// Counts are kept in shards chosen by thread, so event threads do not queue on one lock; `render` adds them up.
public final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Key: Hashable { var route: String; var method: HTTPMethod; var status: Int }
    struct Histogram {
        var counts = [UInt64](repeating: 0, count: RequestMetrics.buckets.count)
        var sum = 0.0
        var count: UInt64 = 0

        mutating func add(_ other: Histogram) {
            for i in counts.indices { counts[i] += other.counts[i] }
            sum += other.sum
            count += other.count
        }
    }
    struct Shard { var requests: [Key: UInt64] = [:]; var latency: [String: Histogram] = [:] }

    final class ShardBox: Sendable { let state = Mutex(Shard()) }
    private let shards: [ShardBox]

    public init(shards count: Int = 16) {
        shards = (0..<count).map { _ in ShardBox() }
    }

    public func record(route: String, method: HTTPMethod, status: Int, seconds: Double) {
        let shard = shards[Int(UInt(bitPattern: pthread_self().hashValue) % UInt(shards.count))]
        let bucket = Self.buckets.firstIndex { seconds <= $0 }
        shard.state.withLock { s in
            s.requests[Key(route: route, method: method, status: status), default: 0] += 1
            s.latency[route, default: Histogram()].record(bucket, seconds)
        }
    }

    /// The Prometheus text exposition of everything recorded so far.
    public func render() -> String {
        var requests: [Key: UInt64] = [:]
        var latency: [String: Histogram] = [:]
        for shard in shards {
            shard.state.withLock { s in
                requests.merge(s.requests, uniquingKeysWith: +)
                for (route, h) in s.latency { latency[route, default: Histogram()].add(h) }
            }
        }
        var out = "# HELP pufa_http_requests_total HTTP requests by route pattern, method and status.\n"
        out += "# TYPE pufa_http_requests_total counter\n"
        for (key, n) in requests.sorted(by: { ($0.key.route, $0.key.method.rawValue, $0.key.status) < ($1.key.route, $1.key.method.rawValue, $1.key.status) }) {
            out += "pufa_http_requests_total{route=\"\(escape(key.route))\",method=\"\(key.method.rawValue)\",status=\"\(key.status)\"} \(n)\n"
        }
        out += "# HELP pufa_http_request_duration_seconds Time to answer, by route pattern.\n"
        out += "# TYPE pufa_http_request_duration_seconds histogram\n"
        for (route, h) in latency.sorted(by: { $0.key < $1.key }) {
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

extension RequestMetrics.Histogram {
    mutating func record(_ bucket: Int?, _ seconds: Double) {
        if let bucket { counts[bucket] += 1 }
        sum += seconds
        count += 1
    }
}
