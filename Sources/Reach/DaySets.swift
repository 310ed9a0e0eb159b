/// What a day's person set is keyed by besides the kind: everyone, or persons with a row of one piece, campaign,
/// region, unit or audience-group bit set. Campaign sets exist only for real campaigns (id ≠ 0).
public enum PersonDimension: String, Sendable, CaseIterable {
    case all
    case content
    case campaign
    /// Persons who came through any campaign (value 0).
    case anyCampaign = "any_campaign"
    /// Persons of one piece through one campaign; value `PersonDimension.pair(content, campaign)`, campaign 0 = any.
    case contentCampaign = "content_campaign"
    case region
    case unit
    /// Value: the row's groups_mask.
    case groups

    /// The value of a (piece, campaign) set: the piece in the high 32 bits, the campaign (0 = any) in the low.
    public static func pair(_ content: Int, _ campaign: Int) -> Int64 { Int64(content) << 32 | Int64(campaign & 0xFFFF_FFFF) }
}

/// One `reach_persons` row as the sets need it: the person already turned into their number.
public struct NumberedRow: Sendable, Equatable {
    public var kind: String
    public var contentId: Int, campaignId: Int, regionId: Int, unitId: Int, groupsMask: Int
    public var number: UInt32

    public init(kind: String, contentId: Int, campaignId: Int, regionId: Int, unitId: Int, groupsMask: Int, number: UInt32) {
        (self.kind, self.contentId, self.campaignId, self.regionId, self.unitId, self.groupsMask, self.number)
            = (kind, contentId, campaignId, regionId, unitId, groupsMask, number)
    }
}

/// The person filters of a dashboard query: a piece, a campaign, the region and unit ids of a subtree, audience bits.
public struct PersonFilter: Sendable, Equatable {
    public var contentId: Int?, campaignId: Int?
    public var regions: [Int]?, units: [Int]?
    public var groupsBits: Int?

    public init(contentId: Int? = nil, campaignId: Int? = nil, regions: [Int]? = nil, units: [Int]? = nil, groupsBits: Int? = nil) {
        (self.contentId, self.campaignId, self.regions, self.units, self.groupsBits) = (contentId, campaignId, regions, units, groupsBits)
    }
}

/// The person sets of one Beijing day by kind, dimension and value — all of them when built from the day's rows, or
/// only those a query loaded. A missing set is empty.
///
/// `persons(_:_:)` answers "who has a row of this kind matching every filter" by set algebra: the piece and campaign
/// filters pick one set (pairs are kept, so they are exact), and each person filter intersects the union of its
/// values' sets. That equals the row-by-row answer as long as a person's region, unit and groups do not change within
/// the day; a range is the union of its days, so filters combine per person and day, not per event.
public struct DaySets: Sendable, Equatable {
    /// The kinds that have persons figures.
    public static let kinds = ["opened", "read", "finished", "quiz_started"]

    public struct Slot: Hashable, Sendable {
        public var kind: String, dimension: PersonDimension
        public init(_ kind: String, _ dimension: PersonDimension) { (self.kind, self.dimension) = (kind, dimension) }
    }

    public var sets: [Slot: [Int64: PersonSet]] = [:]

    public init() {}

    /// Every set of a day from its rows (rows of other kinds are ignored).
    public init(rows: [NumberedRow]) {
        for kind in Self.kinds {
            var numbers: [PersonDimension: [Int64: [UInt32]]] = [:]
            var all: [UInt32] = [], content: [Int64: [UInt32]] = [:], region: [Int64: [UInt32]] = [:], unit: [Int64: [UInt32]] = [:]
            var groups: [Int64: [UInt32]] = [:]
            for r in rows where r.kind == kind {
                all.append(r.number)
                content[Int64(r.contentId), default: []].append(r.number)
                region[Int64(r.regionId), default: []].append(r.number)
                unit[Int64(r.unitId), default: []].append(r.number)
                groups[Int64(r.groupsMask), default: []].append(r.number)
                if r.campaignId != 0 {
                    numbers[.campaign, default: [:]][Int64(r.campaignId), default: []].append(r.number)
                    numbers[.anyCampaign, default: [:]][0, default: []].append(r.number)
                    numbers[.contentCampaign, default: [:]][PersonDimension.pair(r.contentId, r.campaignId), default: []].append(r.number)
                    numbers[.contentCampaign, default: [:]][PersonDimension.pair(r.contentId, 0), default: []].append(r.number)
                }
            }
            guard !all.isEmpty else { continue }
            (numbers[.all], numbers[.content], numbers[.region], numbers[.unit], numbers[.groups]) = ([0: all], content, region, unit, groups)
            for (d, values) in numbers { sets[Slot(kind, d)] = values.mapValues { PersonSet($0) } }
        }
    }

    public subscript(_ kind: String, _ d: PersonDimension, _ value: Int64) -> PersonSet {
        sets[Slot(kind, d)]?[value] ?? PersonSet()
    }

    /// Persons of `kind` with rows matching `f`; with `viaCampaign`, only those who came through a campaign.
    public func persons(_ kind: String, _ f: PersonFilter, viaCampaign: Bool = false) -> PersonSet {
        let s = base(kind, f.contentId, f.campaignId, viaCampaign: viaCampaign)
        guard !s.isEmpty, let through = personFilterSet(kind, f) else { return s }
        return s.intersection(through)
    }

    /// Persons of `kind` matching `f`, split by the values of a breakdown dimension (region, unit, groups or content;
    /// content keys are piece ids). Empty values are left out, as a GROUP BY would.
    public func persons(_ kind: String, _ f: PersonFilter, by d: PersonDimension) -> [Int64: PersonSet] {
        var out: [Int64: PersonSet] = [:]
        let through = personFilterSet(kind, f).map(PersonSet.Probe.init)
        if d == .content {
            let pieces = f.contentId.map { [Int64($0)] } ?? (f.campaignId == nil
                ? Array(sets[Slot(kind, .content)]?.keys ?? [:].keys)
                : (sets[Slot(kind, .contentCampaign)]?.keys ?? [:].keys).filter { Int($0 & 0xFFFF_FFFF) == f.campaignId }.map { $0 >> 32 })
            for c in pieces {
                var s = base(kind, Int(c), f.campaignId, viaCampaign: false)
                if let through, !s.isEmpty { s = through.intersection(s) }
                if !s.isEmpty { out[c] = s }
            }
            return out
        }
        // Unfiltered, every value's set is already within everyone's: no intersection needed.
        let everyone = f.contentId == nil && f.campaignId == nil && through == nil
        let base = everyone ? nil : persons(kind, f)
        if let base, base.isEmpty { return out }
        let within = base.map(PersonSet.Probe.init)
        let allowed: Set<Int>? = (d == .region ? f.regions : d == .unit ? f.units : nil).map(Set.init)
        for (v, set) in sets[Slot(kind, d)] ?? [:] {
            if let allowed, !allowed.contains(Int(v)) { continue }
            if d == .groups, let bits = f.groupsBits, Int(v) & bits == 0 { continue }
            let s = within.map { $0.intersection(set) } ?? set
            if !s.isEmpty { out[v] = s }
        }
        return out
    }

    /// The one set the piece and campaign filters pick.
    func base(_ kind: String, _ content: Int?, _ campaign: Int?, viaCampaign: Bool) -> PersonSet {
        switch (content, campaign) {
        case (nil, nil): viaCampaign ? self[kind, .anyCampaign, 0] : self[kind, .all, 0]
        case (let c?, nil): viaCampaign ? self[kind, .contentCampaign, PersonDimension.pair(c, 0)] : self[kind, .content, Int64(c)]
        case (nil, let k?): self[kind, .campaign, Int64(k)]
        case (let c?, let k?): self[kind, .contentCampaign, PersonDimension.pair(c, k)]
        }
    }

    /// Persons the region, unit and group filters let through (each the union of its values' sets); nil without any.
    func personFilterSet(_ kind: String, _ f: PersonFilter) -> PersonSet? {
        var through: PersonSet?
        func narrow(_ s: PersonSet) { through = through.map { $0.intersection(s) } ?? s }
        if let ids = f.regions.map(Set.init) { narrow(union(kind, .region) { ids.contains(Int($0)) }) }
        if let ids = f.units.map(Set.init) { narrow(union(kind, .unit) { ids.contains(Int($0)) }) }
        if let bits = f.groupsBits { narrow(union(kind, .groups) { Int($0) & bits != 0 }) }
        return through
    }

    private func union(_ kind: String, _ d: PersonDimension, where keep: (Int64) -> Bool) -> PersonSet {
        PersonSet.union((sets[Slot(kind, d)] ?? [:]).filter { keep($0.key) }.map(\.value))
    }
}
