/// Who a person is, for targeting: the audience groups of the design, one bit each in a profile's group set.
/// The codes are the same as content's `audiences` front matter.
public enum AudienceGroup: String, Sendable, Codable, CaseIterable {
    case leader, civilServant = "civil_servant", enforcer, youth, enterprise, villageExpert = "village_expert", corrections,
         resident

    /// The bit in `profiles.groups_mask`.
    public var bit: Int { 1 << Self.allCases.firstIndex(of: self)! }

    public var chinese: String {
        switch self {
        case .leader: "领导干部"
        case .civilServant: "公务员"
        case .enforcer: "行政执法人员"
        case .youth: "青少年"
        case .enterprise: "企业"
        case .villageExpert: "村居法律明白人"
        case .corrections: "社区矫正对象"
        case .resident: "群众"
        }
    }

    /// The groups in a bit set.
    public static func groups(in mask: Int) -> [AudienceGroup] { allCases.filter { mask & $0.bit != 0 } }

    /// The bit set of some groups.
    public static func mask(_ groups: some Sequence<AudienceGroup>) -> Int { groups.reduce(0) { $0 | $1.bit } }
}

/// Age bands a profile may state.
public enum AgeBand: String, Sendable, Codable, CaseIterable {
    case under18, young = "18-34", middle = "35-59", senior = "60+"
}
