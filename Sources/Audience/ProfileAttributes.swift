import Foundation

/// What staff (all of it) or the person themselves (age band, occupation, interests) may set on a profile.
/// `problems` checks it; Persistence stores it as given.
public struct ProfileAttributes: Sendable, Equatable {
    public var groups: Set<AudienceGroup>
    public var ageBand: AgeBand?
    public var occupation: String?
    public var interests: [String]
    public var regionId: Int?
    public var unitId: Int?

    public static let maxInterests = 20
    public static let maxWordLength = 20

    public init(groups: Set<AudienceGroup> = [], ageBand: AgeBand? = nil, occupation: String? = nil, interests: [String] = [],
                regionId: Int? = nil, unitId: Int? = nil) {
        self.groups = groups
        self.ageBand = ageBand
        self.occupation = occupation
        self.interests = interests
        self.regionId = regionId
        self.unitId = unitId
    }

    /// Occupation and interests trimmed, blanks and repeats dropped (the order people chose is kept).
    public var normalized: ProfileAttributes {
        var copy = self
        let trimmed = occupation?.trimmingCharacters(in: .whitespacesAndNewlines)
        copy.occupation = trimmed?.isEmpty == false ? trimmed : nil
        var seen: Set<String> = []
        copy.interests = interests.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        return copy
    }

    /// Every rule the attributes break, as bilingual sentences (empty when they may be stored).
    public func problems(knownRegions: Set<Int>, knownUnits: Set<Int>) -> [String] {
        var problems: [String] = []
        if let occupation, occupation.count > Self.maxWordLength {
            problems.append("职业不能超过 \(Self.maxWordLength) 个字 / the occupation is at most \(Self.maxWordLength) characters")
        }
        if interests.count > Self.maxInterests {
            problems.append("兴趣最多 \(Self.maxInterests) 个 / at most \(Self.maxInterests) interests")
        }
        if let long = interests.first(where: { $0.count > Self.maxWordLength }) {
            problems.append("兴趣“\(long)”过长（最多 \(Self.maxWordLength) 字）/ the interest \(long) is too long")
        }
        if let regionId, !knownRegions.contains(regionId) { problems.append("地区 \(regionId) 不存在 / region \(regionId) does not exist") }
        if let unitId, !knownUnits.contains(unitId) { problems.append("单位 \(unitId) 不存在 / unit \(unitId) does not exist") }
        return problems
    }
}
