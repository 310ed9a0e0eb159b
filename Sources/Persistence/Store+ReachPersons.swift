import Database
import Reach
import Synchronization

/// The persons figures (人数) of the dashboard: unions of per-day person sets. Closed days with fresh sets are read
/// from `reach_day_sets` (only the dimensions a query needs); the other days — today, a closed day not built yet or
/// made stale by late events — are built in memory from their `reach_persons` rows. Persons who have no number yet
/// (never seen on a built day) get a temporary one above every stored number, so the union counts each person once:
/// the figure is the exact distinct count, as long as a person's region, unit and groups do not change within a day.
struct RangePersons {
    var days: [String: DaySets] = [:]
    /// Days read from stored sets (only the loaded dimensions); the others were built in memory with every set.
    var fresh: [String] = []
    /// The row count each fresh day's sets were built from (what identifies them).
    var freshRows: [String: Int] = [:]

    /// Persons of `kind` matching `f` on `day`.
    func persons(_ kind: String, _ f: PersonFilter, on day: String) -> PersonSet {
        days[day]?.persons(kind, f) ?? PersonSet()
    }

    /// Distinct persons of `kind` matching `f` over the range.
    func count(_ kind: String, _ f: PersonFilter, viaCampaign: Bool = false) -> Int {
        var acc = PersonSet.Accumulator()
        for sets in days.values { acc.formUnion(sets.persons(kind, f, viaCampaign: viaCampaign)) }
        return acc.count
    }

    /// Distinct persons of `kind` matching `f` per value of a breakdown dimension (values with nobody left out).
    func counts(_ kind: String, _ f: PersonFilter, by d: PersonDimension) -> [Int64: Int] {
        var perValue: [Int64: [PersonSet]] = [:]
        for sets in days.values {
            for (v, s) in sets.persons(kind, f, by: d) { perValue[v, default: []].append(s) }
        }
        var scratch: [UInt64] = []
        return perValue.mapValues { PersonSet.unionCount($0, scratch: &scratch) }
    }
}

extension Store {
    /// The subtree ids of the filter's region and unit, and the filter as the set algebra takes it.
    func personFilter(_ db: Connection, _ f: ReachFilter) throws -> PersonFilter {
        func ids(_ root: Int?, _ sql: String) throws -> [Int]? {
            guard let root else { return nil }
            let nodes = try db.query(sql).map { ReachTreeNode(id: $0.int("id") ?? 0, parentId: $0.int("parent_id"), name: "") }
            return Self.subtreeIds(root, in: nodes)
        }
        return PersonFilter(contentId: f.contentId, campaignId: f.campaignId, regions: try ids(f.regionId, ReachQuerySQL.regionTree),
                            units: try ids(f.unitId, ReachQuerySQL.unitTree), groupsBits: f.groupsMask)
    }

    /// The sets of Beijing days `from`…`to` for `kinds`, enough to answer `f` (and the breakdown `by`, if any; with
    /// `only`, just those pieces of a content breakdown are read from the stored sets — days built in memory have all).
    /// Call inside `snapshot`, so fresh days, their sets and the other days' rows agree.
    func rangePersons(_ db: Connection, from: String, to: String, kinds: [String], filter f: PersonFilter, viaCampaign: Bool = false,
                      by: PersonDimension? = nil, only: [Int64]? = nil) throws -> RangePersons {
        var range = RangePersons()
        let (fresh, freshRows, live) = try rangeDays(db, from: from, to: to)
        (range.fresh, range.freshRows) = (fresh, freshRows)
        if !fresh.isEmpty {
            let daysJSON = Self.jsonArray(fresh), kindsJSON = Self.jsonArray(kinds)
            for load in Self.loads(f, viaCampaign: viaCampaign, by: by, only: only) {
                let values: String? = load.values.map { Self.jsonArray($0) }
                // Thousands of sets for a month's breakdown: read in place, not as rows.
                try db.forEachRow(ReachSetSQL.daySets, [daysJSON, kindsJSON, load.dimension.rawValue, values, load.bits, load.pairCampaign]) { row in
                    guard let day = row.text(0), let kind = row.text(1), let value = row.int64(2),
                          let set = try row.withBlob(3, { raw throws(PersonSetError) in try PersonSet(decoding: raw) }) else { return }
                    range.days[day, default: DaySets()].sets[DaySets.Slot(kind, load.dimension), default: [:]][value] = set
                }
            }
        }
        if !live.isEmpty {
            for (day, sets) in try liveDaySets(db, live) { range.days[day] = sets }
        }
        return range
    }

    /// The days of the range with stored fresh sets (and the row count each was built from), and the other days with
    /// rows (and their counts).
    func rangeDays(_ db: Connection, from: String, to: String) throws -> (fresh: [String], freshRows: [String: Int], live: [String: Int]) {
        let fresh = try db.query(ReachSetSQL.freshDays, [from, to]).compactMap { $0.string("day") }
        var live: [String: Int] = [:], freshRows: [String: Int] = [:]
        for row in try db.query(ReachSetSQL.daysWithRows, [from, to]) { live[row.string("day") ?? ""] = row.int("rows") ?? 0 }
        for day in fresh { freshRows[day] = live.removeValue(forKey: day) }
        return (fresh, freshRows, live)
    }

    /// Every set of days without fresh stored sets, from all their rows (so one read serves every filter), kept in
    /// memory until one of those days gains a row or someone is numbered. Persons without a number get one above every
    /// stored number, shared by these days, for as long as the entry lives.
    func liveDaySets(_ db: Connection, _ rowsByDay: [String: Int]) throws -> [String: DaySets] {
        let maxNumber = try db.scalar(ReachSetSQL.maxNumber).int ?? -1
        let key = LiveDaysCache.Key(rows: rowsByDay, maxNumber: maxNumber)
        if let cached = liveDays[key] { return cached }
        var next = UInt32(maxNumber + 1)
        var unnumbered: [String: UInt32] = [:]
        var rows: [String: [NumberedRow]] = [:]
        for r in try db.query(ReachSetSQL.liveRows, [Self.jsonArray(rowsByDay.keys.sorted())]) {
            let v = r.values
            let number: UInt32
            if let n = v[7].int { number = UInt32(n) } else {
                let person = v[8].string ?? ""
                if let n = unnumbered[person] { number = n } else { number = next; unnumbered[person] = next; next += 1 }
            }
            rows[v[0].string ?? "", default: []].append(NumberedRow(kind: v[1].string ?? "", contentId: v[2].int ?? 0, campaignId: v[3].int ?? 0,
                                                                    regionId: v[4].int ?? 0, unitId: v[5].int ?? 0, groupsMask: v[6].int ?? 0,
                                                                    number: number))
        }
        let sets = rows.mapValues { DaySets(rows: $0) }
        liveDays[key] = sets
        return sets
    }

    /// Which stored sets answer `f`: the one set of the piece and campaign filters, the values of the person filters,
    /// and every value of the breakdown dimension within the filter (only the pieces `only` of a content breakdown).
    static func loads(_ f: PersonFilter, viaCampaign: Bool, by: PersonDimension?, only: [Int64]? = nil)
        -> [(dimension: PersonDimension, values: [Int64]?, bits: Int?, pairCampaign: Int?)] {
        var loads: [PersonDimension: (values: [Int64]?, bits: Int?, pairCampaign: Int?)] = [:]
        switch (f.contentId, f.campaignId) {
        case (nil, nil):
            loads[.all] = (nil, nil, nil)
            if viaCampaign { loads[.anyCampaign] = (nil, nil, nil) }
        case (let c?, nil):
            loads[.content] = ([Int64(c)], nil, nil)
            if viaCampaign { loads[.contentCampaign] = ([PersonDimension.pair(c, 0)], nil, nil) }
        case (nil, let k?): loads[.campaign] = ([Int64(k)], nil, nil)
        case (let c?, let k?): loads[.contentCampaign] = ([PersonDimension.pair(c, k)], nil, nil)
        }
        if let r = f.regions { loads[.region] = (r.map(Int64.init), nil, nil) } else if by == .region { loads[.region] = (nil, nil, nil) }
        if let u = f.units { loads[.unit] = (u.map(Int64.init), nil, nil) } else if by == .unit { loads[.unit] = (nil, nil, nil) }
        if f.groupsBits != nil || by == .groups { loads[.groups] = (nil, f.groupsBits, nil) }
        if by == .content {
            switch (f.contentId, f.campaignId) {
            case (nil, nil): loads[.content] = (only, nil, nil)
            case (nil, let k?): loads[.contentCampaign] = (only?.map { PersonDimension.pair(Int($0), k) }, nil, k)
            default: break   // the one piece's set is loaded already
            }
        }
        return loads.map { ($0.key, $0.value.values, $0.value.bits, $0.value.pairCampaign) }
    }

    static func subtreeIds(_ root: Int, in nodes: [ReachTreeNode]) -> [Int] {
        var children: [Int: [Int]] = [:]
        for n in nodes { if let p = n.parentId { children[p, default: []].append(n.id) } }
        var ids: [Int] = [], stack = [root]
        while let id = stack.popLast() { ids.append(id); stack += children[id] ?? [] }
        return ids
    }

    /// A JSON array of day or kind names (no quotes or backslashes in them) for `json_each`.
    static func jsonArray(_ names: [String]) -> String { "[" + names.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
    static func jsonArray<T: BinaryInteger>(_ numbers: [T]) -> String { "[" + numbers.map { String($0) }.joined(separator: ",") + "]" }
}

/// The last few results of `Store.liveDaySets`, keyed by the days' row counts and the largest person number: rows are
/// only ever added, so equal counts mean equal rows.
final class LiveDaysCache: Sendable {
    struct Key: Hashable, Sendable {
        var rows: [String: Int]
        var maxNumber: Int
    }

    private let entries = Mutex<[(key: Key, sets: [String: DaySets])]>([])
    static let capacity = 4

    subscript(key: Key) -> [String: DaySets]? {
        get { entries.withLock { $0.first { $0.key == key }?.sets } }
        set {
            guard let newValue else { return }
            entries.withLock { e in
                e.removeAll { $0.key == key }
                e.insert((key, newValue), at: 0)
                if e.count > Self.capacity { e.removeLast() }
            }
        }
    }
}
