import Accounts
import Audience
import Foundation
import Persistence

/// Segments: rule trees checked and previewed live, saved with a version, materialized on demand and on a schedule.
public final class SegmentService: Sendable {
    let store: Store
    let clock: AppClock

    public init(store: Store, clock: AppClock = .system) {
        self.store = store
        self.clock = clock
    }

    /// A rule from the console's JSON (any JSON value); every problem names its place (`rule.all[1].field`).
    static func rule(_ value: Any?) throws -> SegmentRule {
        guard let value, !(value is NSNull) else { throw AudienceError.rule(.invalid(path: "rule", reason: "缺少规则 / the rule is missing")) }
        guard JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value) else {
            throw AudienceError.rule(.invalid(path: "rule", reason: "应为对象 / must be an object"))
        }
        do throws(SegmentRuleError) { return try SegmentRule.parse(Array(data)) } catch { throw AudienceError.rule(error) }
    }

    static func checkHoldout(_ percent: Int?) throws -> Int {
        let p = percent ?? 0
        guard (0...50).contains(p) else { throw AudienceError.invalid(["对照组比例应为 0–50 / the hold-out is 0–50 percent"]) }
        return p
    }

    /// The live builder's figures: how many profiles the rule selects now, how many a hold-out would keep back,
    /// and how they spread over the top-level regions' subtrees (plus those without a region).
    func preview(_ rule: SegmentRule, holdoutPercent: Int, segmentId: Int?) throws
        -> (count: Int, heldOut: Int, byRegion: [(id: Int?, name: String, count: Int)]) {
        let now = clock.nowMillis()
        try store.ensureAccountProfiles(now: now)
        let expanded = try store.expand(rule, replacing: segmentId)
        let counted = try store.countSegment(expanded, now: now)
        var heldOut = 0
        if holdoutPercent > 0 {
            // A saved segment's split is exact; a new one has no id yet, so its share is the expected one.
            if let segmentId {
                heldOut = try store.matchingProfileIds(expanded, now: now)
                    .filter { Holdout.isHeldOut(segment: segmentId, profile: $0, percent: holdoutPercent) }.count
            } else {
                heldOut = Int((Double(counted.total) * Double(holdoutPercent) / 100).rounded())
            }
        }
        let regions = try store.regionLinks()
        let parent = Dictionary(uniqueKeysWithValues: regions.map { ($0.id, $0.parentId) })
        func top(_ id: Int) -> Int {
            var cur = id
            var guardSteps = 0
            while let p = parent[cur] ?? nil, guardSteps < 64 { cur = p; guardSteps += 1 }
            return cur
        }
        var byTop: [Int?: Int] = [:]
        for (region, n) in counted.byRegion { byTop[region.map(top), default: 0] += n }
        let names = Dictionary(uniqueKeysWithValues: regions.map { ($0.id, $0.name) })
        let rows: [(id: Int?, name: String, count: Int)] = byTop.map { key, n in
            (id: key, name: key.flatMap { names[$0] } ?? "未填地区", count: n)
        }
        // Largest first; "no region" last.
        let sorted = rows.sorted { a, b in
            let ka = (a.id == nil ? 1 : 0, -a.count, a.id ?? 0), kb = (b.id == nil ? 1 : 0, -b.count, b.id ?? 0)
            return ka < kb
        }
        return (counted.total, heldOut, sorted)
    }

    func list() throws -> [SegmentRecord] { try store.segments() }

    func get(_ id: Int) throws -> SegmentRecord {
        guard let s = try store.segment(id: id) else { throw AudienceError.notFound("分群 \(id) / segment \(id)") }
        return s
    }

    static func draft(name: String?, description: String?, rule: SegmentRule, holdoutPercent: Int?) throws -> SegmentDraft {
        let trimmed = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [String] = []
        if !(1...60).contains(trimmed.count) { problems.append("名称应为 1–60 个字 / the name is 1–60 characters") }
        let text = (description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > 500 { problems.append("说明不能超过 500 字 / the description is at most 500 characters") }
        guard problems.isEmpty else { throw AudienceError.invalid(problems) }
        return SegmentDraft(name: trimmed, description: text, rule: rule, holdoutPercent: try checkHoldout(holdoutPercent))
    }

    func create(_ draft: SegmentDraft, actor: Actor) throws -> SegmentRecord {
        try store.createSegment(draft, now: clock.nowMillis(), actor: actor)
    }

    func update(_ id: Int, _ draft: SegmentDraft, expectedVersion: Int?, actor: Actor) throws -> SegmentRecord {
        try store.updateSegment(id: id, draft, expectedVersion: expectedVersion, now: clock.nowMillis(), actor: actor)
    }

    func delete(_ id: Int, actor: Actor) throws { try store.deleteSegment(id: id, now: clock.nowMillis(), actor: actor) }

    /// Recomputes now, from the latest facts and accounts.
    func recompute(_ id: Int) throws -> SegmentRecord {
        _ = try get(id)
        let now = clock.nowMillis()
        try store.foldFacts(now: now)
        try store.syncAccountProfiles(now: now)
        try store.recomputeSegment(id: id, now: now)
        return try get(id)
    }

    func setOverride(_ id: Int, profileId: Int, mode: SegmentOverride.Mode?, actor: Actor) throws {
        try store.setSegmentOverride(segmentId: id, profileId: profileId, mode: mode, now: clock.nowMillis(), actor: actor)
    }

    /// The refresh job's round: fold new facts, refresh account profiles, recompute segments older than `interval`.
    /// Returns how many segments were recomputed.
    @discardableResult
    public func refresh(olderThanSeconds interval: Int) throws -> Int {
        let now = clock.nowMillis()
        try store.foldFacts(now: now)
        try store.syncAccountProfiles(now: now)
        var done = 0
        for id in try store.staleSegments(olderThan: now - Int64(interval) * 1000) {
            try store.recomputeSegment(id: id, now: now)
            done += 1
        }
        return done
    }
}
