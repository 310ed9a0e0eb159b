import Accounts
import Audience
import Database
import Foundation

/// A materialized member of a segment, as staff see it.
public struct SegmentMember: Sendable {
    public var profile: ProfileRecord
    public var heldOut: Bool
    /// Staff put this person in (`include`) regardless of the rule.
    public var override: String?
}

/// A manual include or exclude.
public struct SegmentOverride: Sendable {
    public enum Mode: String, Sendable, Codable { case include, exclude }
    public var profile: ProfileRecord
    public var mode: Mode
    public var addedBy: String?
    public var addedAt: Int64
}

extension Store {
    /// Materializes a segment's members now: the rule's matches, plus includes, minus excludes, with the hold-out
    /// flag from `Holdout.isHeldOut`; sets computed_at and the counts. One write transaction, one INSERT … SELECT;
    /// the hold-out is decided in Swift over the ids and written back as one JSON list.
    /// Called by the console's "recompute", the refresh job, and campaigns before they freeze an audience.
    @discardableResult
    public func recomputeSegment(id: Int, now: Int64) throws -> (members: Int, heldOut: Int) {
        try pool.write { db in
            guard let record = try db.queryOne(SegmentSQL.byId, [id]).map(Self.segmentRecord) else {
                throw AudienceError.notFound("分群 \(id) / segment \(id)")
            }
            let rule: SegmentRule
            do throws(SegmentRuleError) { rule = try SegmentRule.parse(Array(record.ruleJSON.utf8)) } catch { throw AudienceError.rule(error) }
            let expanded = try Self.expand(rule, db: db, replacing: id)
            let (sql, args) = SegmentSQL.condition(expanded, now: now)
            try db.run(SegmentSQL.clearMembers, [id])
            let members = try db.run(SegmentSQL.insertMembers(Self.renumbered(sql, after: 1)), [id] + args)
            var heldOut: [Int] = []
            if record.holdoutPercent > 0 {
                for row in try db.query(SegmentSQL.memberIds, [id]) {
                    let profile = row.int("profile_id") ?? 0
                    if Holdout.isHeldOut(segment: id, profile: profile, percent: record.holdoutPercent) { heldOut.append(profile) }
                }
                if !heldOut.isEmpty { try db.run(SegmentSQL.markHeldOut, [id, SegmentSQL.json(heldOut)]) }
            }
            try db.run(SegmentSQL.computed, [now, members, heldOut.count, id])
            return (members, heldOut.count)
        }
    }

    /// The ids of a segment's members as last computed (without the held-out ones unless asked).
    public func segmentMemberIds(_ id: Int, includeHeldOut: Bool) throws -> [Int] {
        try pool.read { db in
            try db.query(includeHeldOut ? SegmentSQL.memberIds : SegmentSQL.memberIdsReached, [id]).compactMap { $0.int("profile_id") }
        }
    }

    /// Saved segments last computed before `olderThan` (never-computed ones by their creation), oldest first: the
    /// refresh job's work.
    public func staleSegments(olderThan: Int64) throws -> [Int] {
        try pool.read { try $0.query(SegmentSQL.stale, [olderThan]).compactMap { $0.int("id") } }
    }

    public func segmentMembers(_ id: Int, page: Int, pageSize: Int) throws -> Page<SegmentMember> {
        try pool.read { db in
            let total = try db.scalar(SegmentSQL.memberCount, [id]).int ?? 0
            let items = try db.query(SegmentSQL.members, [id, pageSize, (page - 1) * pageSize]).map {
                SegmentMember(profile: Self.profileRecord($0), heldOut: $0.int("holdout") == 1, override: $0.string("override"))
            }
            return Page(items: items, total: total, page: page, pageSize: pageSize)
        }
    }

    public func segmentOverrides(_ id: Int) throws -> [SegmentOverride] {
        try pool.read { db in
            try db.query(SegmentSQL.overrides, [id]).map {
                SegmentOverride(profile: Self.profileRecord($0), mode: SegmentOverride.Mode(rawValue: $0.string("mode") ?? "") ?? .include,
                                addedBy: $0.string("added_by"), addedAt: $0.int64("added_at") ?? 0)
            }
        }
    }

    /// Includes or excludes one profile (nil mode removes the override); takes effect at the next recompute. Audited.
    public func setSegmentOverride(segmentId: Int, profileId: Int, mode: SegmentOverride.Mode?, now: Int64, actor: Actor) throws {
        try pool.write { db in
            guard try db.queryOne(SegmentSQL.byId, [segmentId]) != nil else { throw AudienceError.notFound("分群 \(segmentId) / segment \(segmentId)") }
            guard try db.queryOne(SegmentSQL.profileExists, [profileId]) != nil else {
                throw AudienceError.notFound("对象 \(profileId) / profile \(profileId)")
            }
            if let mode {
                try db.run(SegmentSQL.putOverride, [segmentId, profileId, mode.rawValue, actor.name, now])
            } else {
                try db.run(SegmentSQL.deleteOverride, [segmentId, profileId])
            }
            try audit(db, actor, "segment.override", "segment", String(segmentId), before: nil,
                      after: "{\"profileId\":\(profileId),\"mode\":\"\(mode?.rawValue ?? "none")\"}", now: now)
        }
    }

    /// Shifts anonymous `?` parameters of a generated clause past the numbered ones its surrounding statement uses.
    static func renumbered(_ sql: String, after used: Int) -> String {
        var out = ""
        var n = used
        var inString = false
        for ch in sql {
            if ch == "'" { inString.toggle() }
            if ch == "?" && !inString {
                n += 1
                out += "?\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
