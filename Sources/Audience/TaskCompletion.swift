/// Completion of a study task for one unit, counting its sub-units too (as bureaus report it).
public struct UnitCompletion: Sendable, Equatable {
    public var unitId: Int?
    public var unitName: String
    public var parentId: Int?
    public var depth: Int
    public var assigned: Int
    public var completed: Int

    /// Percent completed, nil when no one is assigned.
    public var rate: Double? { assigned > 0 ? Double(completed) / Double(assigned) * 100 : nil }
}

public enum TaskCompletion {
    /// One row per unit with assignees in its subtree (depth-first, each rolling up its sub-units; people without a
    /// unit last) and the total — the same rollup as the annual exam's report.
    public static func rollup(people: [(unitId: Int?, completed: Bool)], units: [(id: Int, parentId: Int?, name: String)])
        -> (units: [UnitCompletion], total: UnitCompletion) {
        var direct: [Int?: (assigned: Int, completed: Int)] = [:]
        for p in people {
            var d = direct[p.unitId] ?? (0, 0)
            d.assigned += 1
            d.completed += p.completed ? 1 : 0
            direct[p.unitId] = d
        }
        let children = Dictionary(grouping: units, by: \.parentId)
        var result: [UnitCompletion] = []
        func visit(_ unit: (id: Int, parentId: Int?, name: String), depth: Int) -> UnitCompletion {
            let own = direct[unit.id] ?? (0, 0)
            var row = UnitCompletion(unitId: unit.id, unitName: unit.name, parentId: unit.parentId, depth: depth,
                                     assigned: own.assigned, completed: own.completed)
            let index = result.count
            result.append(row)
            for child in (children[unit.id] ?? []).sorted(by: { $0.name < $1.name }) {
                let c = visit(child, depth: depth + 1)
                row.assigned += c.assigned
                row.completed += c.completed
            }
            result[index] = row
            return row
        }
        for root in (children[nil] ?? []).sorted(by: { $0.name < $1.name }) { _ = visit(root, depth: 0) }
        if let none = direct[nil] {
            result.append(UnitCompletion(unitId: nil, unitName: "（无单位）", parentId: nil, depth: 0, assigned: none.assigned,
                                         completed: none.completed))
        }
        let total = UnitCompletion(unitId: nil, unitName: "合计", parentId: nil, depth: 0, assigned: people.count,
                                   completed: people.filter(\.completed).count)
        return (result.filter { $0.assigned > 0 }, total)
    }
}
