import Accounts
import Audience
import Database
import Foundation

/// A saved segment: its rule as stored, and when its members were last materialized.
public struct SegmentRecord: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var description: String
    public var ruleJSON: String
    public var holdoutPercent: Int
    public var version: Int
    public var createdBy: String?
    public var createdAt: Int64
    public var updatedAt: Int64
    public var computedAt: Int64?
    public var memberCount: Int
    public var holdoutCount: Int
}

/// What a segment editor sends: checked (rule parsed) by the caller.
public struct SegmentDraft: Sendable {
    public var name: String
    public var description: String
    public var rule: SegmentRule
    public var holdoutPercent: Int
    public init(name: String, description: String, rule: SegmentRule, holdoutPercent: Int) {
        self.name = name; self.description = description; self.rule = rule; self.holdoutPercent = holdoutPercent
    }
}

/// How many profiles a rule selects, and where they live.
public struct SegmentCount: Sendable, Equatable {
    public var total: Int
    /// Profile count per region id (nil = no region).
    public var byRegion: [Int?: Int]
}

extension Store {
    public func segments() throws -> [SegmentRecord] {
        try pool.read { try $0.query(SegmentSQL.all).map(Self.segmentRecord) }
    }

    public func segment(id: Int) throws -> SegmentRecord? {
        try pool.read { try $0.queryOne(SegmentSQL.byId, [id]).map(Self.segmentRecord) }
    }

    /// A rule with every reference to a saved segment replaced by that segment's rule (unknown or cyclic: refused).
    public func expand(_ rule: SegmentRule, replacing id: Int? = nil) throws -> SegmentRule {
        try pool.read { try Self.expand(rule, db: $0, replacing: id) }
    }

    /// `replacing`: the segment being edited, whose stored rule the new one stands in for (so a cycle through it is seen).
    static func expand(_ rule: SegmentRule, db: Connection, replacing id: Int? = nil) throws -> SegmentRule {
        var stored: [Int: String] = [:]
        for row in try db.query(SegmentSQL.rules) { stored[row.int("id") ?? 0] = row.string("rule_json") }
        var parsed: [Int: SegmentRule] = [:]
        if let id { parsed[id] = rule }
        let resolve: (Int) -> SegmentRule? = { ref in
            if let known = parsed[ref] { return known }
            guard let text = stored[ref], let r = try? SegmentRule.parse(Array(text.utf8)) else { return nil }
            parsed[ref] = r
            return r
        }
        do {
            return try (id.map { SegmentRule.segment($0) } ?? rule).expanded(resolve: resolve)
        } catch {
            throw AudienceError.rule(error)
        }
    }

    /// How many profiles an expanded rule selects now, per region.
    public func countSegment(_ expanded: SegmentRule, now: Int64) throws -> SegmentCount {
        let (sql, args) = SegmentSQL.condition(expanded, now: now)
        return try pool.read { db in
            var byRegion: [Int?: Int] = [:]
            for row in try db.query(SegmentSQL.countByRegion(sql), args) { byRegion[row.int("region_id"), default: 0] += row.int("n") ?? 0 }
            return SegmentCount(total: byRegion.values.reduce(0, +), byRegion: byRegion)
        }
    }

    /// The ids an expanded rule selects now (for an exact hold-out count in a preview).
    public func matchingProfileIds(_ expanded: SegmentRule, now: Int64) throws -> [Int] {
        let (sql, args) = SegmentSQL.condition(expanded, now: now)
        return try pool.read { try $0.query(SegmentSQL.matchingIds(sql), args).compactMap { $0.int("id") } }
    }

    public func regionLinks() throws -> [(id: Int, parentId: Int?, name: String)] {
        try pool.read { try $0.query(SegmentSQL.regions).map { ($0.int("id") ?? 0, $0.int("parent_id"), $0.string("name") ?? "") } }
    }

    public func createSegment(_ draft: SegmentDraft, now: Int64, actor: Actor) throws -> SegmentRecord {
        try pool.write { db in
            _ = try Self.expand(draft.rule, db: db)
            do {
                try db.run(SegmentSQL.insert, [draft.name, draft.description, draft.rule.json, draft.holdoutPercent, actor.name, now, now])
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw AudienceError.nameTaken(draft.name)
            }
            let id = Int(db.lastInsertRowID)
            guard let record = try db.queryOne(SegmentSQL.byId, [id]).map(Self.segmentRecord) else { throw AudienceError.notFound("segment") }
            try audit(db, actor, "segment.create", "segment", String(id), before: nil, after: Self.auditJSON(record), now: now)
            return record
        }
    }

    /// Saves an edit; with `expectedVersion`, an edit from an older version is refused (stale).
    public func updateSegment(id: Int, _ draft: SegmentDraft, expectedVersion: Int?, now: Int64, actor: Actor) throws -> SegmentRecord {
        try pool.write { db in
            guard let before = try db.queryOne(SegmentSQL.byId, [id]).map(Self.segmentRecord) else {
                throw AudienceError.notFound("分群 \(id) / segment \(id)")
            }
            if let expectedVersion, expectedVersion != before.version { throw AudienceError.stale(current: before.version) }
            _ = try Self.expand(draft.rule, db: db, replacing: id)
            do {
                try db.run(SegmentSQL.update, [draft.name, draft.description, draft.rule.json, draft.holdoutPercent, now, id])
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw AudienceError.nameTaken(draft.name)
            }
            guard let after = try db.queryOne(SegmentSQL.byId, [id]).map(Self.segmentRecord) else { throw AudienceError.notFound("segment") }
            try audit(db, actor, "segment.update", "segment", String(id), before: Self.auditJSON(before), after: Self.auditJSON(after), now: now)
            return after
        }
    }

    /// Deletes a segment no campaign, study task or other segment uses.
    public func deleteSegment(id: Int, now: Int64, actor: Actor) throws {
        try pool.write { db in
            guard let before = try db.queryOne(SegmentSQL.byId, [id]).map(Self.segmentRecord) else {
                throw AudienceError.notFound("分群 \(id) / segment \(id)")
            }
            // Campaigns keep their segment for the record even when done: their foreign key must stay valid.
            if let name = try db.scalar(SegmentSQL.campaignsEver, [id]).string { throw AudienceError.inUse("推送活动「\(name)」/ campaign \(name)") }
            if let title = try db.scalar(SegmentSQL.tasksUsing, [id]).string { throw AudienceError.inUse("学习任务「\(title)」/ study task \(title)") }
            for row in try db.query(SegmentSQL.rules) where row.int("id") != id {
                if let rule = try? SegmentRule.parse(Array((row.string("rule_json") ?? "").utf8)), Self.refers(rule, to: id) {
                    throw AudienceError.inUse("分群 \(row.int("id") ?? 0) / segment \(row.int("id") ?? 0)")
                }
            }
            try db.run(SegmentSQL.delete, [id])
            try audit(db, actor, "segment.delete", "segment", String(id), before: Self.auditJSON(before), after: nil, now: now)
        }
    }

    static func refers(_ rule: SegmentRule, to id: Int) -> Bool { rule.references.contains(id) }

    static func auditJSON(_ s: SegmentRecord) -> String? {
        let object: [String: Any] = ["name": s.name, "description": s.description, "rule": s.ruleJSON, "holdoutPercent": s.holdoutPercent,
                                     "version": s.version]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
    }

    static func segmentRecord(_ row: Row) -> SegmentRecord {
        SegmentRecord(id: row.int("id") ?? 0, name: row.string("name") ?? "", description: row.string("description") ?? "",
                      ruleJSON: row.string("rule_json") ?? "{}", holdoutPercent: row.int("holdout_percent") ?? 0,
                      version: row.int("version") ?? 1, createdBy: row.string("created_by"), createdAt: row.int64("created_at") ?? 0,
                      updatedAt: row.int64("updated_at") ?? 0, computedAt: row.int64("computed_at"),
                      memberCount: row.int("member_count") ?? 0, holdoutCount: row.int("holdout_count") ?? 0)
    }
}
