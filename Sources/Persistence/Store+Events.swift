import Database

/// An event ready to store: accepted by `EventRules`, with the person and their dimensions resolved.
public struct IngestEvent: Sendable, Equatable {
    public var person: String
    public var clientId: String
    public var kind: String
    public var contentId: Int
    public var campaignId: Int?
    public var channel: String
    public var at: Int64
    public var day: String
    public var hour: Int
    public var seconds: Int
    public var depth: Double
    public var label: String
    public var clamped: String?
    public var regionId: Int
    public var unitId: Int
    public var groupsMask: Int

    public init(person: String, clientId: String, kind: String, contentId: Int, campaignId: Int? = nil, channel: String = "", at: Int64,
                day: String, hour: Int, seconds: Int = 0, depth: Double = 0, label: String = "", clamped: String? = nil, regionId: Int = 0,
                unitId: Int = 0, groupsMask: Int = 0) {
        self.person = person
        self.clientId = clientId
        self.kind = kind
        self.contentId = contentId
        self.campaignId = campaignId
        self.channel = channel
        self.at = at
        self.day = day
        self.hour = hour
        self.seconds = seconds
        self.depth = depth
        self.label = label
        self.clamped = clamped
        self.regionId = regionId
        self.unitId = unitId
        self.groupsMask = groupsMask
    }
}

/// What ingestion counted over a range of days.
public struct IngestionFigures: Sendable, Equatable {
    public var counted: [String: (events: Int, personTimes: Int)]
    public var labelled: [String: Int]
    public var rejected: [String: Int]

    public static func == (a: Self, b: Self) -> Bool {
        a.labelled == b.labelled && a.rejected == b.rejected && a.counted.mapValues { [$0.events, $0.personTimes] } == b.counted.mapValues { [$0.events, $0.personTimes] }
    }
}

extension Store {
    /// Stores a batch of events and updates the rollups in the same transaction: a resent event (same person and
    /// client id) is counted as a duplicate, not again. `rejected` adds to the refused figures. Returns the duplicates.
    /// The rollup rows are summed in memory first, so a batch of thousands of events makes one upsert per cell.
    @discardableResult
    public func ingest(_ events: [IngestEvent], rejected: [(day: String, reason: String, count: Int)] = [], now: Int64) throws -> Int {
        try pool.write { db in
            var duplicates: [String: Int] = [:]
            var cells: [RollupCell: (events: Int, personTimes: Int, seconds: Int)] = [:]
            var personRows: [String: Int] = [:], personEvents: [String: Int] = [:]
            for e in events {
                let added = try db.run(ReachSQL.insertEvent, [e.person, e.clientId, e.kind, e.contentId, e.campaignId, e.channel, e.at, e.day,
                                                             e.hour, e.seconds, e.depth, e.label, e.clamped, now])
                guard added > 0 else { duplicates[e.day, default: 0] += 1; continue }
                // Labelled (non-person) events count as events, never as persons reached.
                let newPerson = e.label.isEmpty ? try db.run(ReachSQL.insertPerson, [e.contentId, e.kind, e.person, e.day, e.campaignId ?? 0,
                                                                                    e.regionId, e.unitId, e.groupsMask]) : 0
                personRows[e.day, default: 0] += newPerson
                if e.label.isEmpty { personEvents[e.day, default: 0] += 1 }
                cells[RollupCell(e), default: (0, 0, 0)].events += 1
                cells[RollupCell(e)]!.personTimes += newPerson
                cells[RollupCell(e)]!.seconds += e.seconds
            }
            for (c, sums) in cells {
                try db.run(ReachSQL.bumpHourly, [c.day, c.hour, c.contentId, c.campaignId, c.channel, c.regionId, c.unitId, c.groupsMask,
                                                 c.kind, c.label, sums.events, sums.personTimes, sums.seconds])
            }
            // A closed day's person sets are stale once its row count differs from the one they were built from.
            for (day, n) in personRows where n > 0 { try db.run(ReachSetSQL.bumpDayRows, [day, n]) }
            // And its sums once its persons' events differ from the count they were built from.
            for (day, n) in personEvents { try db.run(ReachSumSQL.bumpDayEvents, [day, n]) }
            for (day, n) in duplicates { try db.run(ReachSQL.bumpRejection, [day, "duplicate", n]) }
            for r in rejected where r.count > 0 { try db.run(ReachSQL.bumpRejection, [r.day, r.reason, r.count]) }
            return duplicates.values.reduce(0, +)
        }
    }

    /// Published pieces by slug (for checking that events name real content).
    public func publishedContentIds() throws -> [String: Int] {
        try pool.read { db in
            Dictionary(try db.query(ReachSQL.publishedSlugs).compactMap { row in row["slug"].string.map { ($0, row["id"].int ?? 0) } },
                       uniquingKeysWith: { a, _ in a })
        }
    }

    /// One published piece's id by its slug, or nil.
    public func publishedContentId(slug: String) throws -> Int? {
        try pool.read { try $0.scalar(ReachSQL.publishedSlug, [slug]).int }
    }

    /// A profile's region, unit and audience groups for the rollups (zeros when unknown).
    public func reachDimensions(profile id: Int) throws -> (region: Int, unit: Int, groups: Int) {
        try pool.read { db in
            guard let row = try db.queryOne(ReachSQL.profileDimensions, [id]) else { return (0, 0, 0) }
            return (row["region_id"].int ?? 0, row["unit_id"].int ?? 0, row["groups_mask"].int ?? 0)
        }
    }

    /// The profile of an account, if it has one (events never create profiles).
    public func existingProfileId(userId: Int) throws -> Int? {
        try pool.read { try $0.scalar(ReachSQL.profileOfUser, [userId]).int }
    }

    /// Deletes raw events received before `cutoff`; rollups and reached persons stay, so no figure changes.
    @discardableResult
    public func pruneEvents(receivedBefore cutoff: Int64) throws -> Int {
        try pool.write { try $0.run(ReachSQL.pruneEvents, [cutoff]) }
    }

    /// Ingestion figures over Beijing days `from`…`to`, for one piece when `contentId` is given (refusals are never
    /// about a known piece, so they are the same either way).
    public func ingestionFigures(from: String, to: String, contentId: Int? = nil) throws -> IngestionFigures {
        try pool.read { db in
            var counted: [String: (Int, Int)] = [:]
            for row in try db.query(ReachSQL.countedByKind, [from, to, contentId]) {
                counted[row["kind"].string ?? ""] = (row["events"].int ?? 0, row["person_times"].int ?? 0)
            }
            let labelled = Dictionary(try db.query(ReachSQL.labelled, [from, to, contentId]).map { ($0["label"].string ?? "", $0["events"].int ?? 0) },
                                      uniquingKeysWith: +)
            let rejected = Dictionary(try db.query(ReachSQL.rejected, [from, to]).map { ($0["reason"].string ?? "", $0["count"].int ?? 0) },
                                      uniquingKeysWith: +)
            return IngestionFigures(counted: counted.mapValues { (events: $0.0, personTimes: $0.1) }, labelled: labelled, rejected: rejected)
        }
    }
}

/// One row of the hourly rollup: its key.
struct RollupCell: Hashable {
    var day: String, hour: Int, contentId: Int, campaignId: Int, channel: String, regionId: Int, unitId: Int, groupsMask: Int
    var kind: String, label: String

    init(_ e: IngestEvent) {
        (day, hour, contentId, campaignId, channel) = (e.day, e.hour, e.contentId, e.campaignId ?? 0, e.channel)
        (regionId, unitId, groupsMask, kind, label) = (e.regionId, e.unitId, e.groupsMask, e.kind, e.label)
    }
}
