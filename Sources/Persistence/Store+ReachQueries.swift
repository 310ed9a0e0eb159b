import Database
import Foundation
import Reach

/// The dashboard's filters, already checked: ids that exist, a region or unit standing for its whole subtree.
public struct ReachFilter: Sendable, Equatable {
    public var contentId: Int?
    public var campaignId: Int?
    public var regionId: Int?
    public var unitId: Int?
    public var groupsMask: Int?
    public var channel: String?

    public init(contentId: Int? = nil, campaignId: Int? = nil, regionId: Int? = nil, unitId: Int? = nil, groupsMask: Int? = nil,
                channel: String? = nil) {
        (self.contentId, self.campaignId, self.regionId, self.unitId, self.groupsMask, self.channel)
            = (contentId, campaignId, regionId, unitId, groupsMask, channel)
    }

    var narrowsPersons: Bool { regionId != nil || unitId != nil || groupsMask != nil }
}

/// The raw counts behind every measure (see Reach.Measures for the definitions and rates).
public struct ReachTotals: Sendable, Equatable {
    public init() {}
    public var targeted = 0, delivered = 0, reached = 0, reachedFromCampaigns = 0, personTimes = 0, readers = 0, engagedSeconds = 0
    public var finished = 0, quizzed = 0, passed = 0, taskAssignees = 0, tasksCompleted = 0
    /// Events of persons per kind (every report, not once per day).
    public var events: [String: Int] = [:]
}

/// One bucket of the time series; `reached` is nil for hours (persons are kept per day).
public struct ReachBucket: Sendable, Equatable {
    public var bucket: String
    public var reached: Int?
    public var personTimes: Int
    public var readPersonTimes: Int
}

/// One row of a breakdown: persons per kind and person-times under one key (a region, unit, group code or channel).
public struct ReachRow: Sendable, Equatable {
    public var key: String
    public var reached = 0, readers = 0, finished = 0, personTimes = 0

    public init(key: String) { self.key = key }
}

/// A tree node (region or unit) for rolling breakdown rows up.
public struct ReachTreeNode: Sendable, Equatable {
    public var id: Int
    public var parentId: Int?
    public var name: String
}

/// A member the campaign did not reach (unmasked here: mask before it leaves the server).
public struct NotReachedRecord: Sendable, Equatable {
    public var profileId: Int
    public var displayName: String
    public var phone: String?
    public var regionId: Int?
    public var unitId: Int?
    public var sentAt: Int64?
}

extension Store {
    /// The region or unit tree (small: read whole, subtrees worked out in memory).
    public func reachTree(regions: Bool) throws -> [ReachTreeNode] {
        try pool.read { db in
            try db.query(regions ? ReachQuerySQL.regionTree : ReachQuerySQL.unitTree).map {
                ReachTreeNode(id: $0.int("id") ?? 0, parentId: $0.int("parent_id"), name: $0.string("name") ?? "")
            }
        }
    }

    /// The ids of `root` and everything under it.
    static func subtree(_ root: Int?, in nodes: [ReachTreeNode]) -> String? {
        root.map { jsonArray(subtreeIds($0, in: nodes)) }
    }

    /// Bound parameters ?1…?8 for a range given as days or as milliseconds.
    func reachArgs(_ db: Connection, _ lo: any SQLBindable, _ hi: any SQLBindable, _ f: ReachFilter, channel: Bool = true) throws -> [any SQLBindable] {
        let regions = f.regionId == nil ? nil : Self.subtree(f.regionId, in: try db.query(ReachQuerySQL.regionTree).map {
            ReachTreeNode(id: $0.int("id") ?? 0, parentId: $0.int("parent_id"), name: "") })
        let units = f.unitId == nil ? nil : Self.subtree(f.unitId, in: try db.query(ReachQuerySQL.unitTree).map {
            ReachTreeNode(id: $0.int("id") ?? 0, parentId: $0.int("parent_id"), name: "") })
        let args: [any SQLBindable] = [lo, hi, f.contentId, f.campaignId, regions, units, f.groupsMask]
        return channel ? args + [f.channel] : args
    }

    /// Every count behind the measures over Beijing days `from`…`to` (`start`…`end` in milliseconds for timestamps).
    public func reachTotals(from: String, to: String, start: Int64, end: Int64, filter f: ReachFilter) throws -> ReachTotals {
        try pool.read { db in
            try db.snapshot {
                var t = ReachTotals()
                let days = try reachArgs(db, from, to, f, channel: false), hours = try reachArgs(db, from, to, f)
                let millis = try reachArgs(db, start, end, f, channel: false), millis8 = try reachArgs(db, start, end, f)
                let pf = try personFilter(db, f)
                let persons = try rangePersons(db, from: from, to: to, kinds: DaySets.kinds, filter: pf, viaCampaign: true)
                (t.reached, t.readers) = (persons.count("opened", pf), persons.count("read", pf))
                (t.finished, t.quizzed) = (persons.count("finished", pf), persons.count("quiz_started", pf))
                t.reachedFromCampaigns = persons.count("opened", pf, viaCampaign: true)
                for (kind, sums) in try sumsByKind(db, from: from, to: to, filter: f, hourlyArgs: hours) {
                    t.events[kind] = sums.events
                    if kind == "opened" { t.personTimes = sums.personTimes }
                    if kind == "read" { t.engagedSeconds = sums.seconds }
                }
                t.targeted = try (f.narrowsPersons ? db.scalar(ReachQuerySQL.targetedFiltered, millis)
                                                     : db.scalar(ReachQuerySQL.targetedTotal, Array(millis.prefix(4)))).int ?? 0
                t.delivered = try db.scalar(ReachQuerySQL.delivered, millis8).int ?? 0
                if let row = try db.queryOne(ReachQuerySQL.tasks, millis) {
                    (t.taskAssignees, t.tasksCompleted) = (row.int("assignees") ?? 0, row.int("completed") ?? 0)
                }
                t.passed = try db.scalar(ReachQuerySQL.passed, days).int ?? 0
                return t
            }
        }
    }

    /// Events, person-times and engaged seconds per kind: from the day sums when they answer the filter, else the cells.
    func sumsByKind(_ db: Connection, from: String, to: String, filter f: ReachFilter, hourlyArgs: [any SQLBindable]) throws -> [String: ReachSums] {
        if let (scope, fingerprint) = try sumScope(db, f) {
            return try rangeSums(db, from: from, to: to, by: .all, kinds: EventKind.allCases.map(\.rawValue), scope: scope, fingerprint: fingerprint)
                .compactMapValues { $0[""] }
        }
        var result: [String: ReachSums] = [:]
        for row in try db.query(ReachQuerySQL.hourly(ReachQuerySQL.hourlyByKind, f), hourlyArgs) {
            result[row.string("kind") ?? ""] = ReachSums(events: row.int("events") ?? 0, personTimes: row.int("person_times") ?? 0,
                                                          seconds: row.int("seconds") ?? 0)
        }
        return result
    }

    /// Person-times of opened and read per bucket (day, or "day hh" when `hourly`), and persons reached per day.
    public func reachSeries(from: String, to: String, hourly: Bool, filter f: ReachFilter) throws -> [String: ReachBucket] {
        try pool.read { db in
            var buckets: [String: ReachBucket] = [:]
            func add(_ key: String, _ kind: String, _ personTimes: Int) {
                var b = buckets[key] ?? ReachBucket(bucket: key, reached: hourly ? nil : 0, personTimes: 0, readPersonTimes: 0)
                if kind == "opened" { b.personTimes = personTimes } else { b.readPersonTimes = personTimes }
                buckets[key] = b
            }
            if !hourly, let (scope, fingerprint) = try sumScope(db, f) {
                for (kind, byDay) in try rangeSums(db, from: from, to: to, by: .day, kinds: ["opened", "read"], scope: scope, fingerprint: fingerprint) {
                    for (day, sums) in byDay { add(day, kind, sums.personTimes) }
                }
            } else {
                for row in try db.query(ReachQuerySQL.hourly(hourly ? ReachQuerySQL.seriesHourly : ReachQuerySQL.seriesDaily, f),
                                        try reachArgs(db, from, to, f)) {
                    add(row.string("bucket") ?? "", row.string("kind") ?? "", row.int("person_times") ?? 0)
                }
            }
            if !hourly {
                let pf = try personFilter(db, f)
                let persons = try db.snapshot { try rangePersons(db, from: from, to: to, kinds: ["opened"], filter: pf) }
                for day in persons.days.keys {
                    let n = persons.persons("opened", pf, on: day).count
                    if n > 0 { buckets[day, default: ReachBucket(bucket: day, reached: 0, personTimes: 0, readPersonTimes: 0)].reached = n }
                }
            }
            return buckets
        }
    }

    /// Slugs and titles of pieces by id.
    public func contentTitles(_ ids: [Int]) throws -> [Int: (slug: String, title: String)] {
        try pool.read { db in
            let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
            return Dictionary(try db.query(ReachQuerySQL.contentTitles, [json]).map {
                ($0.int("id") ?? 0, (slug: $0.string("slug") ?? "", title: $0.string("title") ?? ""))
            }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The piece a campaign sends, nil when there is no such campaign.
    public func campaignContentId(_ id: Int) throws -> Int? {
        try pool.read { try $0.scalar(ReachQuerySQL.campaignExists, [id]).int }
    }

    /// Members sent the campaign who never opened its piece, paged, and how many there are.
    public func notReached(campaignId: Int, page: Int, pageSize: Int) throws -> (total: Int, items: [NotReachedRecord]) {
        try pool.read { db in
            let total = try db.scalar(ReachQuerySQL.notReachedCount, [campaignId]).int ?? 0
            let items = try db.query(ReachQuerySQL.notReachedPage, [campaignId, pageSize, (page - 1) * pageSize]).map {
                NotReachedRecord(profileId: $0.int("id") ?? 0, displayName: $0.string("display_name") ?? "", phone: $0.string("phone"),
                                 regionId: $0.int("region_id"), unitId: $0.int("unit_id"), sentAt: $0.int64("sent_at"))
            }
            return (total, items)
        }
    }

    /// Assignees of a study task who have not finished it, paged (`sentAt` is when they were assigned); nil when there
    /// is no such task.
    public func notFinished(taskId: Int, page: Int, pageSize: Int) throws -> (total: Int, items: [NotReachedRecord])? {
        try pool.read { db in
            guard try db.scalar(ReachQuerySQL.taskExists, [taskId]).int == 1 else { return nil }
            let total = try db.scalar(ReachQuerySQL.notFinishedCount, [taskId]).int ?? 0
            let items = try db.query(ReachQuerySQL.notFinishedPage, [taskId, pageSize, (page - 1) * pageSize]).map {
                NotReachedRecord(profileId: $0.int("id") ?? 0, displayName: $0.string("display_name") ?? "", phone: $0.string("phone"),
                                 regionId: $0.int("region_id"), unitId: $0.int("unit_id"), sentAt: $0.int64("sent_at"))
            }
            return (total, items)
        }
    }
}
