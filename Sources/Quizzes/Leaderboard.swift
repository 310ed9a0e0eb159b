/// A region as leaderboards need it.
public struct RegionNode: Sendable, Equatable {
    public var id: Int
    public var parentId: Int?
    public var name: String
    /// "county", "town" or "village".
    public var level: String

    public init(id: Int, parentId: Int?, name: String, level: String) {
        self.id = id
        self.parentId = parentId
        self.name = name
        self.level = level
    }
}

/// A finished entry with its participant's region, the input of a leaderboard.
public struct ScoredEntry: Sendable, Equatable {
    public var publicId: String
    public var roundId: Int
    public var nickname: String
    public var regionId: Int?
    public var percent: Double
    public var durationMillis: Int64

    public init(publicId: String, roundId: Int, nickname: String, regionId: Int?, percent: Double, durationMillis: Int64) {
        self.publicId = publicId
        self.roundId = roundId
        self.nickname = nickname
        self.regionId = regionId
        self.percent = percent
        self.durationMillis = durationMillis
    }
}

/// One region's line: how many took part (人数, one per nickname+region is not knowable — entries are counted),
/// the mean score and how many had full marks.
public struct RegionStanding: Sendable, Equatable {
    public var regionId: Int
    public var name: String
    public var level: String
    public var entries: Int
    public var meanPercent: Double
    public var fullMarks: Int
}

/// Leaderboards by region (town and village, each rolling up its villages) and the top entries overall.
public enum Leaderboard {
    /// Regions ranked by entries, then mean score; a town includes its villages. Regions with no entry are left out.
    public static func regions(_ entries: [ScoredEntry], regions: [RegionNode]) -> [RegionStanding] {
        let byId = Dictionary(regions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var sums: [Int: (n: Int, total: Double, full: Int)] = [:]
        for entry in entries {
            var cursor = entry.regionId.flatMap { byId[$0] }
            var guardCount = 0
            while let region = cursor, guardCount < 8 {
                var s = sums[region.id] ?? (0, 0, 0)
                s.n += 1
                s.total += entry.percent
                if entry.percent >= 100 - 1e-9 { s.full += 1 }
                sums[region.id] = s
                cursor = region.parentId.flatMap { byId[$0] }
                guardCount += 1
            }
        }
        return sums.compactMap { id, s -> RegionStanding? in
            guard let region = byId[id] else { return nil }
            return RegionStanding(regionId: id, name: region.name, level: region.level, entries: s.n,
                                  meanPercent: s.total / Double(s.n), fullMarks: s.full)
        }.sorted { ($0.entries, $0.meanPercent, -$0.regionId) > ($1.entries, $1.meanPercent, -$1.regionId) }
    }

    /// The best `limit` entries: higher score first, then the faster one, then the earlier id.
    public static func top(_ entries: [ScoredEntry], limit: Int) -> [ScoredEntry] {
        Array(entries.sorted { a, b in
            if a.percent != b.percent { return a.percent > b.percent }
            if a.durationMillis != b.durationMillis { return a.durationMillis < b.durationMillis }
            return a.publicId < b.publicId
        }.prefix(limit))
    }
}
