/// A department (单位) in the tree of units; organizers act on their unit's subtree.
public struct Unit: Sendable, Equatable, Codable {
    public var id: Int
    public var parentId: Int?
    public var name: String
    public var code: String?

    public init(id: Int, parentId: Int?, name: String, code: String?) {
        self.id = id
        self.parentId = parentId
        self.name = name
        self.code = code
    }

    /// Absent values are written as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(parentId, forKey: .parentId)
        try c.encode(name, forKey: .name)
        try c.encode(code, forKey: .code)
    }
}

/// Levels of the administrative regions residents belong to.
public enum RegionLevel: String, Sendable, Codable, CaseIterable {
    case county, town, village

    /// The level a child of this level must have.
    public var childLevel: RegionLevel? {
        switch self {
        case .county: .town
        case .town: .village
        case .village: nil
        }
    }
}

/// County (县/区) > town (乡镇/街道) > village (村/社区).
public struct Region: Sendable, Equatable, Codable {
    public var id: Int
    public var parentId: Int?
    public var name: String
    public var level: RegionLevel

    public init(id: Int, parentId: Int?, name: String, level: RegionLevel) {
        self.id = id
        self.parentId = parentId
        self.name = name
        self.level = level
    }

    /// Absent values are written as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(parentId, forKey: .parentId)
        try c.encode(name, forKey: .name)
        try c.encode(level, forKey: .level)
    }
}

/// Tree queries over any parent-linked nodes.
public struct Tree: Sendable {
    let children: [Int: [Int]]

    public init(_ links: [(id: Int, parentId: Int?)]) {
        var children: [Int: [Int]] = [:]
        for link in links { if let p = link.parentId { children[p, default: []].append(link.id) } }
        self.children = children
    }

    /// `root` and every node below it.
    public func subtree(_ root: Int) -> Set<Int> {
        var seen: Set<Int> = [root]
        var stack = [root]
        while let next = stack.popLast() {
            for child in children[next] ?? [] where seen.insert(child).inserted { stack.append(child) }
        }
        return seen
    }
}

public enum OrganizationRules {
    /// A region's level must follow its parent's: county at the top, towns under counties, villages under towns.
    public static func checkRegion(name: String, level: RegionLevel, parent: Region?) throws(AccountError) {
        guard !name.trimmingWhitespace.isEmpty, name.count <= 64 else {
            throw .invalid("名称应为 1–64 个字符 / name must be 1–64 characters")
        }
        switch (level, parent) {
        case (.county, nil): return
        case (.county, .some): throw .invalid("县（区）应为顶级地区 / a county has no parent region")
        case (_, nil): throw .invalid("乡镇和村（社区）必须有上级地区 / towns and villages need a parent region")
        case (let level, .some(let parent)):
            guard parent.level.childLevel == level else {
                throw .invalid("「\(parent.name)」下只能添加\(parent.level.childLevel.map(\.label) ?? "（无）") / wrong level under \(parent.name)")
            }
        }
    }

    public static func checkUnit(name: String, code: String?) throws(AccountError) {
        guard !name.trimmingWhitespace.isEmpty, name.count <= 64 else {
            throw .invalid("单位名称应为 1–64 个字符 / unit name must be 1–64 characters")
        }
        if let code, code.count > 32 { throw .invalid("单位代码不能超过 32 个字符 / unit code is too long") }
    }
}

extension RegionLevel {
    public var label: String {
        switch self {
        case .county: "县（区）"
        case .town: "乡镇（街道）"
        case .village: "村（社区）"
        }
    }
}
