import Database
import Reach

/// The breakdowns (region, unit, audience groups, channel, content): person-times per value from the sums or the
/// cells, persons per value from the day sets.
extension Store {
    /// Rows keyed by one dimension: "region", "unit", "groups" (the raw bit set), "channel" (person-times only: persons
    /// are not kept per channel) or "content".
    public func reachRows(by dimension: String, from: String, to: String, filter f: ReachFilter) throws -> [String: ReachRow] {
        try pool.read { db in
            var rows = try personTimesRows(db, by: dimension, from: from, to: to, filter: f)
            if let by = Self.personDimension(dimension) { try addPersons(db, by: by, from: from, to: to, filter: f, to: &rows) }
            return rows
        }
    }

    /// The breakdown's dimension in the person sets; nil for channels (persons are not kept per channel).
    static func personDimension(_ dimension: String) -> PersonDimension? {
        switch dimension {
        case "region": .region
        case "unit": .unit
        case "groups": .groups
        case "content": .content
        default: nil
        }
    }

    /// Person-times of opened per value of `dimension`: from the day sums when they answer the filter, else the cells.
    func personTimesRows(_ db: Connection, by dimension: String, from: String, to: String, filter f: ReachFilter) throws -> [String: ReachRow] {
        let times = switch dimension {
        case "region": ReachQuerySQL.timesByRegion
        case "unit": ReachQuerySQL.timesByUnit
        case "groups": ReachQuerySQL.timesByGroups
        case "content": ReachQuerySQL.timesByContent
        default: ReachQuerySQL.timesByChannel
        }
        var rows: [String: ReachRow] = [:]
        if let by = SumDimension(rawValue: dimension), let (scope, fingerprint) = try sumScope(db, f) {
            for (key, sums) in try rangeSums(db, from: from, to: to, by: by, kinds: ["opened"], scope: scope, fingerprint: fingerprint)["opened"] ?? [:] {
                rows[key, default: ReachRow(key: key)].personTimes = sums.personTimes
            }
        } else {
            for row in try db.query(ReachQuerySQL.hourly(times, f), try reachArgs(db, from, to, f)) {
                let key = row["key"].string ?? String(row["key"].int ?? 0)
                rows[key, default: ReachRow(key: key)].personTimes = row.int("person_times") ?? 0
            }
        }
        return rows
    }

    /// Adds persons reached, readers and finishers per value of `by` to `rows`; with `only`, just those values (the
    /// others' sets are not even read).
    func addPersons(_ db: Connection, by: PersonDimension, from: String, to: String, filter f: ReachFilter, only: [Int64]? = nil,
                    to rows: inout [String: ReachRow]) throws {
        let pf = try personFilter(db, f), kinds = ["opened", "read", "finished"]
        let counts: [String: [Int64: Int]]
        if by != .content, pf.regions == nil, pf.units == nil, pf.groupsBits == nil {
            counts = try db.snapshot { try streamedCounts(db, by: by, from: from, to: to, kinds: kinds, filter: pf) }
        } else {
            let persons = try db.snapshot { try rangePersons(db, from: from, to: to, kinds: kinds, filter: pf, by: by, only: only) }
            counts = Dictionary(uniqueKeysWithValues: kinds.map { ($0, persons.counts($0, pf, by: by)) })
        }
        let wanted = only.map(Set.init)
        for kind in kinds {
            for (value, n) in counts[kind] ?? [:] where wanted?.contains(value) ?? true {
                let key = String(value)
                switch kind {
                case "opened": rows[key, default: ReachRow(key: key)].reached = n
                case "read": rows[key, default: ReachRow(key: key)].readers = n
                default: rows[key, default: ReachRow(key: key)].finished = n
                }
            }
        }
    }
}
