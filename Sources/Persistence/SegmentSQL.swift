import Audience
import Database
import Foundation

/// The SQL behind segments: the translation of a rule tree into a WHERE clause over `profiles p`, and the named
/// statements for saved segments, their members and overrides.
///
/// The translation must select exactly the profiles `SegmentRule.matches` accepts (a property test checks it).
/// Every condition yields 0 or 1, never NULL, so NOT means what it says; lists travel as one JSON parameter
/// (`json_each`), which keeps the statement text stable for the statement cache.
public enum SegmentSQL {
    /// The WHERE clause of an expanded rule (no `.segment` left) at `now`, with its parameters in order.
    public static func condition(_ rule: SegmentRule, now: Int64) -> (sql: String, args: [any SQLBindable]) {
        var args: [any SQLBindable] = []
        let sql = clause(rule, now: now, args: &args)
        return (sql, args)
    }

    static func clause(_ rule: SegmentRule, now: Int64, args: inout [any SQLBindable]) -> String {
        switch rule {
        case .all(let rules): return "(" + rules.map { clause($0, now: now, args: &args) }.joined(separator: " AND ") + ")"
        case .any(let rules): return "(" + rules.map { clause($0, now: now, args: &args) }.joined(separator: " OR ") + ")"
        case .not(let inner): return "NOT " + clause(inner, now: now, args: &args)
        case .groups(let groups):
            args.append(AudienceGroup.mask(groups))
            return "((p.groups_mask & ?) <> 0)"
        case .unitWithin(let ids):
            args.append(json(ids))
            return "(p.unit_id IS NOT NULL AND p.unit_id IN (\(subtree("units"))))"
        case .regionWithin(let ids):
            args.append(json(ids))
            return "(p.region_id IS NOT NULL AND p.region_id IN (\(subtree("regions"))))"
        case .ageBands(let bands):
            args.append(json(bands.map(\.rawValue)))
            return "(p.age_band IS NOT NULL AND p.age_band IN (SELECT value FROM json_each(?)))"
        case .occupations(let list):
            args.append(json(list))
            return "(p.occupation IS NOT NULL AND p.occupation IN (SELECT value FROM json_each(?)))"
        case .interests(let list):
            args.append(json(list))
            return "EXISTS (SELECT 1 FROM json_each(p.interests_json) i WHERE i.value IN (SELECT value FROM json_each(?)))"
        case .isAccount(let flag):
            return flag ? "(p.user_id IS NOT NULL)" : "(p.user_id IS NULL)"
        case .accuracy(let topic, let below, let threshold, let days, let minAnswered):
            args += [topic, SegmentRule.since(days: days, now: now), max(1, minAnswered), threshold]
            // Division in SQL as in Swift (double correct / integer answered), so a fraction on the threshold agrees.
            return """
                (p.id IN (SELECT d.profile_id FROM profile_topic_days d WHERE d.topic = ? AND d.day >= ? GROUP BY d.profile_id
                HAVING sum(d.answered) >= ? AND CAST(sum(d.correct) AS REAL) / sum(d.answered) \(below ? "<" : ">=") ?))
                """
        case .read(let slug, let days):
            args += [slug, days.map { now - Int64($0) * 86_400_000 } ?? Int64.min]
            return """
                (p.id IN (SELECT r.profile_id FROM profile_reads r JOIN content c ON c.id = r.content_id WHERE c.slug = ? AND r.first_at >= ?))
                """
        case .finished(let slug):
            args.append(slug)
            return """
                (p.id IN (SELECT r.profile_id FROM profile_reads r JOIN content c ON c.id = r.content_id
                WHERE c.slug = ? AND r.finished_at IS NOT NULL))
                """
        case .activeWithin(let days):
            args.append(now - Int64(days) * 86_400_000)
            return "(p.last_active_at IS NOT NULL AND p.last_active_at >= ?)"
        case .segment:
            preconditionFailure("expand a rule before translating it")
        }
    }

    /// The ids in a JSON list and every id below them in a tree table.
    static func subtree(_ table: String) -> String {
        "WITH RECURSIVE t(id) AS (SELECT value FROM json_each(?) UNION SELECT x.id FROM \(table) x JOIN t ON x.parent_id = t.id) SELECT id FROM t"
    }

    static func json(_ values: [some Encodable]) -> String {
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// Profiles matching a rule, counted per region (NULL = no region): the live builder's figures in one scan.
    static func countByRegion(_ condition: String) -> String {
        "SELECT p.region_id AS region_id, count(*) AS n FROM profiles p WHERE \(condition) GROUP BY p.region_id"
    }
    static func matchingIds(_ condition: String) -> String { "SELECT p.id FROM profiles p WHERE \(condition)" }
    /// Materializes members: the rule's matches plus includes, minus excludes (?1 is the segment).
    static func insertMembers(_ condition: String) -> String {
        """
        INSERT INTO segment_members (segment_id, profile_id, holdout)
        SELECT ?1, p.id, 0 FROM profiles p
        WHERE (\(condition) OR p.id IN (SELECT profile_id FROM segment_overrides WHERE segment_id = ?1 AND mode = 'include'))
          AND p.id NOT IN (SELECT profile_id FROM segment_overrides WHERE segment_id = ?1 AND mode = 'exclude')
        """
    }

    static let columns = """
        id, name, description, rule_json, holdout_percent, version, created_by, created_at, updated_at, computed_at, member_count, holdout_count
        """
    static let all = "SELECT \(columns) FROM segments ORDER BY name"
    static let byId = "SELECT \(columns) FROM segments WHERE id = ?"
    static let rules = "SELECT id, rule_json FROM segments"
    static let insert = """
        INSERT INTO segments (name, description, rule_json, holdout_percent, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let update = """
        UPDATE segments SET name = ?, description = ?, rule_json = ?, holdout_percent = ?, version = version + 1, updated_at = ? WHERE id = ?
        """
    static let delete = "DELETE FROM segments WHERE id = ?"
    static let campaignsUsing = "SELECT name FROM campaigns WHERE segment_id = ? AND status NOT IN ('done', 'cancelled') LIMIT 1"
    static let tasksUsing = "SELECT title FROM study_tasks WHERE segment_id = ? LIMIT 1"
    static let campaignsEver = "SELECT name FROM campaigns WHERE segment_id = ? LIMIT 1"
    /// Segments last computed (or, never computed, created) before a time: a new segment is not "old" at once.
    static let stale = "SELECT id FROM segments WHERE coalesce(computed_at, created_at) < ? ORDER BY coalesce(computed_at, 0), id"
    static let clearMembers = "DELETE FROM segment_members WHERE segment_id = ?"
    /// ?1 segment, ?2 JSON list of held-out profile ids.
    static let markHeldOut = """
        UPDATE segment_members SET holdout = 1 WHERE segment_id = ?1 AND profile_id IN (SELECT value FROM json_each(?2))
        """
    static let memberIds = "SELECT profile_id FROM segment_members WHERE segment_id = ? ORDER BY profile_id"
    static let memberIdsReached = "SELECT profile_id FROM segment_members WHERE segment_id = ? AND holdout = 0 ORDER BY profile_id"
    static let computed = "UPDATE segments SET computed_at = ?, member_count = ?, holdout_count = ? WHERE id = ?"
    static let members = """
        SELECT m.holdout, \(ProfileSQL.columns), o.mode AS override FROM segment_members m JOIN profiles p ON p.id = m.profile_id
        LEFT JOIN segment_overrides o ON o.segment_id = m.segment_id AND o.profile_id = m.profile_id
        WHERE m.segment_id = ? ORDER BY p.id LIMIT ? OFFSET ?
        """
    static let memberCount = "SELECT count(*) FROM segment_members WHERE segment_id = ?"
    static let overrides = """
        SELECT o.mode, o.added_by, o.added_at, \(ProfileSQL.columns) FROM segment_overrides o JOIN profiles p ON p.id = o.profile_id
        WHERE o.segment_id = ? ORDER BY o.added_at DESC
        """
    static let putOverride = """
        INSERT INTO segment_overrides (segment_id, profile_id, mode, added_by, added_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (segment_id, profile_id) DO UPDATE SET mode = excluded.mode, added_by = excluded.added_by, added_at = excluded.added_at
        """
    static let deleteOverride = "DELETE FROM segment_overrides WHERE segment_id = ? AND profile_id = ?"
    static let profileExists = "SELECT 1 FROM profiles WHERE id = ?"
    static let regions = "SELECT id, parent_id, name FROM regions"

    static let every = [all, byId, rules, insert, update, delete, campaignsUsing, tasksUsing, campaignsEver, stale, clearMembers,
                        markHeldOut, memberIds, memberIdsReached, computed, members, memberCount, overrides, putOverride,
                        deleteOverride, profileExists, regions, countByRegion("1"), matchingIds("1"), insertMembers("1")]
}
