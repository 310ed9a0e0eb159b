/// A segment's rule: a tree of AND / OR / NOT over attributes, unit and region subtrees, and behaviour in time
/// windows. Built from JSON by `SegmentRule.parse`, evaluated here (`matches`, the reference semantics) and, for
/// whole populations, translated to SQL by Persistence; a property test keeps the two in agreement.
public indirect enum SegmentRule: Sendable, Equatable {
    case all([SegmentRule])
    case any([SegmentRule])
    case not(SegmentRule)
    /// In any of these audience groups.
    case groups([AudienceGroup])
    /// In any of these units or below them.
    case unitWithin([Int])
    /// In any of these regions or below them.
    case regionWithin([Int])
    case ageBands([AgeBand])
    case occupations([String])
    /// Has any of these interests.
    case interests([String])
    /// An account (officials, staff) rather than a resident known by phone.
    case isAccount(Bool)
    /// Accuracy on a knowledge point over the last `days` days, with at least `minAnswered` answers: below
    /// `threshold` (or at least it, when `below` is false). Nobody with fewer answers matches either way.
    case accuracy(topic: String, below: Bool, threshold: Double, days: Int, minAnswered: Int)
    /// Started reading the piece within the last `days` days (ever, when nil).
    case read(slug: String, days: Int?)
    /// Finished the piece (its effective reading time met).
    case finished(slug: String)
    /// Active (answered, read, signed in) within the last `days` days.
    case activeWithin(days: Int)
    /// A member of another saved segment (its rule, expanded before evaluation).
    case segment(Int)

    public static let maxDepth = 8
    public static let maxConditions = 60
    static let dayMillis: Int64 = 86_400_000

    /// Does the profile match at `now`? The rule must be expanded (no `.segment` left).
    public func matches(_ p: ProfileFacts, now: Int64) -> Bool {
        switch self {
        case .all(let rules): return rules.allSatisfy { $0.matches(p, now: now) }
        case .any(let rules): return rules.contains { $0.matches(p, now: now) }
        case .not(let rule): return !rule.matches(p, now: now)
        case .groups(let gs): return gs.contains { p.groups.contains($0) }
        case .unitWithin(let ids): return ids.contains { p.unitPath.contains($0) }
        case .regionWithin(let ids): return ids.contains { p.regionPath.contains($0) }
        case .ageBands(let bands): return p.ageBand.map(bands.contains) ?? false
        case .occupations(let list): return p.occupation.map(list.contains) ?? false
        case .interests(let list): return list.contains { p.interests.contains($0) }
        case .isAccount(let flag): return p.isAccount == flag
        case .accuracy(let topic, let below, let threshold, let days, let minAnswered):
            let (answered, fraction) = p.accuracy(topic: topic, since: Self.since(days: days, now: now))
            guard answered >= max(1, minAnswered), let fraction else { return false }
            return below ? fraction < threshold : fraction >= threshold
        case .read(let slug, let days):
            guard let read = p.reads[slug] else { return false }
            return days.map { read.firstAt >= now - Int64($0) * Self.dayMillis } ?? true
        case .finished(let slug): return p.reads[slug]?.finishedAt != nil
        case .activeWithin(let days):
            return p.lastActiveAt.map { $0 >= now - Int64(days) * Self.dayMillis } ?? false
        case .segment: preconditionFailure("expand a rule before evaluating it")
        }
    }

    /// The first Beijing day of a window of `days` days ending today (today counts as one).
    public static func since(days: Int, now: Int64) -> String {
        BeijingDay.of(now - Int64(max(1, days) - 1) * dayMillis)
    }

    /// The rule with every `.segment(id)` replaced by that segment's rule, refusing unknown and cyclic references.
    public func expanded(resolve: (Int) -> SegmentRule?) throws(SegmentRuleError) -> SegmentRule {
        try expanded(resolve: resolve, visiting: [])
    }

    private func expanded(resolve: (Int) -> SegmentRule?, visiting: [Int]) throws(SegmentRuleError) -> SegmentRule {
        switch self {
        case .all(let rules): return .all(try rules.map { r throws(SegmentRuleError) in try r.expanded(resolve: resolve, visiting: visiting) })
        case .any(let rules): return .any(try rules.map { r throws(SegmentRuleError) in try r.expanded(resolve: resolve, visiting: visiting) })
        case .not(let rule): return .not(try rule.expanded(resolve: resolve, visiting: visiting))
        case .segment(let id):
            if visiting.contains(id) { throw .cycle(visiting + [id]) }
            guard let rule = resolve(id) else { throw .unknownSegment(id) }
            return try rule.expanded(resolve: resolve, visiting: visiting + [id])
        default: return self
        }
    }

    /// The saved segments this rule refers to directly.
    public var references: [Int] {
        switch self {
        case .all(let rules), .any(let rules): rules.flatMap(\.references)
        case .not(let rule): rule.references
        case .segment(let id): [id]
        default: []
        }
    }

    /// How many conditions (leaves) the rule has.
    public var conditionCount: Int {
        switch self {
        case .all(let rules), .any(let rules): rules.reduce(0) { $0 + $1.conditionCount }
        case .not(let rule): rule.conditionCount
        default: 1
        }
    }
}

/// Why a rule was refused: every message names where in the rule (`rule.all[1].field`).
public enum SegmentRuleError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(path: String, reason: String)
    case cycle([Int])
    case unknownSegment(Int)

    public var description: String {
        switch self {
        case .invalid(let path, let reason): "\(path): \(reason)"
        case .cycle(let ids): "分群引用成环 / segments refer to each other in a cycle: " + ids.map(String.init).joined(separator: " → ")
        case .unknownSegment(let id): "引用的分群 \(id) 不存在 / segment \(id) does not exist"
        }
    }
}
