import Database
import Reach

/// The region or the unit tree.
public enum SumTree: String, Sendable, CaseIterable {
    case region, unit

    /// The rollup cells' column of the tree.
    var column: String { self == .region ? "region_id" : "unit_id" }
}

/// Whose persons' events a range of day sums adds up: everyone's (no filter), or those under one region or unit that
/// has children (`subtree` is its ids, for the cells of days without fresh sums).
enum SumScope: Equatable {
    case everyone
    case node(SumTree, id: Int, subtree: [Int])
}

/// The region and unit trees as the tree sums need them: for each node, the nodes with children whose subtree it is
/// in (itself included when it has children), and a fingerprint that changes when either tree does.
struct ReachTrees {
    var sumNodes: [SumTree: [Int: [Int]]] = [:]
    var fingerprint: Int64

    init(regions: [ReachTreeNode], units: [ReachTreeNode]) {
        // FNV-1a over (id, parent) in id order: stable across runs and machines, unlike Hasher.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ n: Int) { for b in 0..<8 { h = (h ^ UInt64(truncatingIfNeeded: n >> (8 * b) & 0xFF)) &* 0x100_0000_01b3 } }
        for (i, tree) in [regions, units].enumerated() {
            mix(-1 - i)
            for n in tree { mix(n.id); mix(n.parentId ?? -1) }
        }
        fingerprint = h == 0 ? 1 : Int64(bitPattern: h)
        sumNodes = [.region: Self.sumNodes(regions), .unit: Self.sumNodes(units)]
    }

    static func sumNodes(_ nodes: [ReachTreeNode]) -> [Int: [Int]] {
        let parent = Dictionary(nodes.map { ($0.id, $0.parentId) }, uniquingKeysWith: { a, _ in a })
        let inner = Set(nodes.compactMap(\.parentId))
        var out: [Int: [Int]] = [:]
        for n in nodes {
            var chain: [Int] = [], at: Int? = n.id, seen = Set<Int>()
            // `seen` stops a loop in a damaged tree instead of spinning.
            while let id = at, seen.insert(id).inserted {
                if inner.contains(id) { chain.append(id) }
                at = parent[id] ?? nil
            }
            out[n.id] = chain
        }
        return out
    }

    /// Whether a filter on `id` can be answered from the tree sums (it has children) — leaves read their own cells.
    func hasSums(_ tree: SumTree, _ id: Int) -> Bool { sumNodes[tree]?[id]?.first == id }
}

extension Store {
    /// Both trees, read whole (small).
    func reachTrees(_ db: Connection) throws -> (trees: ReachTrees, regions: [ReachTreeNode], units: [ReachTreeNode]) {
        func nodes(_ sql: String) throws -> [ReachTreeNode] {
            try db.query(sql).map { ReachTreeNode(id: $0.int("id") ?? 0, parentId: $0.int("parent_id"), name: "") }
        }
        let (regions, units) = (try nodes(ReachQuerySQL.regionTree), try nodes(ReachQuerySQL.unitTree))
        return (ReachTrees(regions: regions, units: units), regions, units)
    }

    /// Which day sums answer `f`: everyone's with no filter, a node's with only a region or only a unit filter on a
    /// node that has children; nil when only the cells can (a leaf, a piece, a campaign, a group, a channel, or two).
    func sumScope(_ db: Connection, _ f: ReachFilter) throws -> (scope: SumScope, fingerprint: Int64)? {
        if f.isEmpty { return (.everyone, 0) }
        let tree: SumTree, id: Int
        switch (f.regionId, f.unitId) {
        case (let r?, nil) where ReachFilter(regionId: r) == f: (tree, id) = (.region, r)
        case (nil, let u?) where ReachFilter(unitId: u) == f: (tree, id) = (.unit, u)
        default: return nil
        }
        let (trees, regions, units) = try reachTrees(db)
        guard trees.hasSums(tree, id) else { return nil }
        return (.node(tree, id: id, subtree: Self.subtreeIds(id, in: tree == .region ? regions : units)), trees.fingerprint)
    }

    /// One day's cells added up under every node with children of both trees: 'all' for every kind, the breakdown
    /// dimensions for 'opened'. Keys: tree, node, kind, dimension, value.
    static func addTreeSums(_ cell: [SQLValue], trees: ReachTrees, into sums: inout [TreeSumKey: ReachSums]) {
        let kind = cell[0].string ?? ""
        let add = ReachSums(events: cell[6].int ?? 0, personTimes: cell[7].int ?? 0, seconds: cell[8].int ?? 0)
        let dims: [(String, SQLValue)] = kind == "opened"
            ? [("all", .text("")), ("content", cell[1]), ("channel", cell[2]), ("region", cell[3]), ("unit", cell[4]), ("groups", cell[5])]
            : [("all", .text(""))]
        for (tree, column) in [(SumTree.region, 3), (SumTree.unit, 4)] {
            for node in trees.sumNodes[tree]?[cell[column].int ?? 0] ?? [] {
                for (dim, value) in dims {
                    sums[TreeSumKey(tree: tree.rawValue, node: node, kind: kind, dim: dim, value: value), default: ReachSums()] += add
                }
            }
        }
    }

    struct TreeSumKey: Hashable { var tree: String, node: Int, kind: String, dim: String, value: SQLValue }
}
