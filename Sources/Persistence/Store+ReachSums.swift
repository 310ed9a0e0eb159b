import Database
import Reach

/// A dimension the day sums are kept by; `all` has the one value "".
public enum SumDimension: String, Sendable, CaseIterable {
    case all, day, region, unit, groups, content, channel

    var sql: String {
        switch self {
        case .all: ReachSumSQL.byAll
        case .day: ReachSumSQL.byDay
        case .region: ReachSumSQL.byRegion
        case .unit: ReachSumSQL.byUnit
        case .groups: ReachSumSQL.byGroups
        case .content: ReachSumSQL.byContent
        case .channel: ReachSumSQL.byChannel
        }
    }

    /// The dimension's rows in `reach_day_sums` (per-day figures are the `all` rows, keyed by their day).
    var stored: String { self == .day ? "all" : rawValue }
}

/// Events, person-times (人次) and engaged seconds.
public struct ReachSums: Sendable, Equatable {
    public var events = 0, personTimes = 0, seconds = 0

    static func += (lhs: inout ReachSums, rhs: ReachSums) {
        lhs.events += rhs.events; lhs.personTimes += rhs.personTimes; lhs.seconds += rhs.seconds
    }
}

extension Store {
    /// Builds the day sums of closed Beijing days (before `today`) that have none or stale ones, oldest first, at most
    /// `limit` days; returns how many were built. Each day: its cells read in one snapshot with the event count they
    /// come to, the sums — everyone's and those under each region and unit with children — written in one short write
    /// marked with that count and the trees' fingerprint: events arriving meanwhile, or a change of a tree, leave the
    /// day stale for the next run, never wrong. Run by the same job as the person sets.
    @discardableResult
    public func buildReachDaySums(today: String, limit: Int = 400) throws -> Int {
        let (days, trees) = try pool.read { db in
            let trees = try reachTrees(db).trees
            return (try db.query(ReachSumSQL.staleDays, [today, limit, trees.fingerprint]).compactMap { $0.string("day") }, trees)
        }
        for day in days {
            let (events, sums, treeSums) = try pool.read { db in
                try db.snapshot {
                    let (sums, treeSums) = try Self.daySums(db, day, trees: trees)
                    return (try db.scalar(ReachSumSQL.dayEvents, [day]).int ?? 0, sums, treeSums)
                }
            }
            try pool.write { db in
                try db.run(ReachSumSQL.deleteDay, [day])
                for (key, s) in sums {
                    try db.run(ReachSumSQL.insertSum, [day, key.kind, key.dim, key.value, s.events, s.personTimes, s.seconds])
                }
                try db.run(ReachTreeSumSQL.deleteDay, [day])
                for (k, s) in treeSums {
                    try db.run(ReachTreeSumSQL.insertSum, [day, k.tree, k.node, k.kind, k.dim, k.value, s.events, s.personTimes, s.seconds])
                }
                try db.run(ReachSumSQL.markBuilt, [day, events, trees.fingerprint])
            }
        }
        return days.count
    }

    private struct SumKey: Hashable { var kind: String, dim: String, value: SQLValue }

    /// One day's persons' cells added up by each dimension on its own, for everyone and under each tree node.
    private static func daySums(_ db: Connection, _ day: String, trees: ReachTrees) throws -> ([SumKey: ReachSums], [TreeSumKey: ReachSums]) {
        var sums: [SumKey: ReachSums] = [:], treeSums: [TreeSumKey: ReachSums] = [:]
        for row in try db.query(ReachSumSQL.dayCells, [day]) {
            let v = row.values, kind = v[0].string ?? ""
            let add = ReachSums(events: v[6].int ?? 0, personTimes: v[7].int ?? 0, seconds: v[8].int ?? 0)
            for (dim, value) in [("all", SQLValue.text("")), ("content", v[1]), ("channel", v[2]), ("region", v[3]), ("unit", v[4]),
                                 ("groups", v[5])] {
                sums[SumKey(kind: kind, dim: dim, value: value), default: ReachSums()] += add
            }
            addTreeSums(v, trees: trees, into: &treeSums)
        }
        return (sums, treeSums)
    }

    /// Sums over Beijing days `from`…`to` by kind and `dimension` value, for everyone or under one tree node: fresh
    /// days from their day sums, the others (today, late events, days summed with other trees) from the rollup cells —
    /// the same figures either way.
    func rangeSums(_ db: Connection, from: String, to: String, by dimension: SumDimension, kinds: [String],
                   scope: SumScope = .everyone, fingerprint: Int64 = 0) throws -> [String: [String: ReachSums]] {
        var fresh: [String] = [], other: [String] = []
        let days = switch scope {
        case .everyone: try db.query(ReachSumSQL.rangeDays, [from, to])
        case .node: try db.query(ReachTreeSumSQL.rangeDays, [from, to, fingerprint])
        }
        for row in days {
            if row.int("fresh") == 1 { fresh.append(row.string("day") ?? "") } else { other.append(row.string("day") ?? "") }
        }
        func json(_ items: [String]) -> String { "[" + items.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        let (sql, args): (String, [any SQLBindable]) = switch scope {
        case .everyone: (dimension.sql, [json(fresh), dimension.stored, json(kinds), json(other)])
        case .node(let tree, let id, let subtree):
            (ReachTreeSumSQL.byTreeAndDimension["\(tree.rawValue):\(dimension.rawValue)"]!,
             [json(fresh), dimension.stored, json(kinds), json(other), id, Self.jsonArray(subtree)])
        }
        var result: [String: [String: ReachSums]] = [:]
        for row in try db.query(sql, args) {
            let key = row["key"].string ?? String(row["key"].int ?? 0)
            result[row.string("kind") ?? "", default: [:]][key] = ReachSums(events: row.int("events") ?? 0, personTimes: row.int("person_times") ?? 0,
                                                                            seconds: row.int("seconds") ?? 0)
        }
        return result
    }
}

extension ReachFilter {
    /// No filter at all: the day sums answer.
    var isEmpty: Bool { self == ReachFilter() }
}
