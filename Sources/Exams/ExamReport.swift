/// Participation and results per unit, rolled up the unit tree, as bureaus report them.
public struct UnitResult: Sendable, Equatable {
    public var unitId: Int?
    public var unitName: String
    public var parentId: Int?
    public var depth: Int
    public var onRoster: Int
    public var took: Int
    public var passed: Int
    /// Each candidate's counted percentage (took only).
    public var percents: [Double]

    public var participationRate: Double? { onRoster > 0 ? Double(took) / Double(onRoster) * 100 : nil }
    /// 合格率 as bureaus report it: passed among those who took the exam (participation is reported beside it).
    public var passRate: Double? { took > 0 ? Double(passed) / Double(took) * 100 : nil }
    public var mean: Double? { percents.isEmpty ? nil : percents.reduce(0, +) / Double(percents.count) }
    public var median: Double? {
        guard !percents.isEmpty else { return nil }
        let s = percents.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    /// Counts in ten bands of 10% (the last includes 100%).
    public var distribution: [Int] {
        var bands = [Int](repeating: 0, count: 10)
        for p in percents { bands[min(9, max(0, Int(p / 10)))] += 1 }
        return bands
    }
}

/// A candidate's line in the report.
public struct CandidateResult: Sendable, Equatable {
    public var entry: RosterEntry
    public var state: AttemptState?
    public var counted: AttemptRecord?
}

public enum ExamReportBuilder {
    /// The attempt that counts: the highest or the last submitted one.
    public static func counted(_ attempts: [AttemptRecord], _ counting: AttemptCounting) -> AttemptRecord? {
        let submitted = attempts.filter { $0.state == .submitted }
        switch counting {
        case .highest: return submitted.max { ($0.score ?? 0, -$0.number) < ($1.score ?? 0, -$1.number) }
        case .last: return submitted.max { $0.number < $1.number }
        }
    }

    /// One row per unit (depth-first, each rolling up its sub-units), a total row, and the candidate lines.
    /// "Took" means submitted an attempt; "passed" counts the counted attempt.
    public static func build(rows: [(entry: RosterEntry, attempts: [AttemptRecord])],
                             units: [(id: Int, parentId: Int?, name: String)], counting: AttemptCounting)
        -> (units: [UnitResult], total: UnitResult, candidates: [CandidateResult]) {
        var candidates: [CandidateResult] = []
        var direct: [Int?: UnitResult] = [:]
        var total = UnitResult(unitId: nil, unitName: "合计", parentId: nil, depth: 0, onRoster: 0, took: 0, passed: 0, percents: [])
        for row in rows {
            let best = counted(row.attempts, counting)
            let state = row.attempts.contains { $0.state == .inProgress } ? AttemptState.inProgress
                : (best != nil ? .submitted : nil)
            candidates.append(CandidateResult(entry: row.entry, state: state, counted: best))
            var r = direct[row.entry.unitId] ?? UnitResult(unitId: row.entry.unitId, unitName: row.entry.unitName ?? "（无单位）",
                                                           parentId: nil, depth: 0, onRoster: 0, took: 0, passed: 0, percents: [])
            add(&r, best)
            add(&total, best)
            direct[row.entry.unitId] = r
        }
        // Roll up: each unit row holds its own candidates plus every descendant's.
        let children = Dictionary(grouping: units, by: \.parentId)
        var result: [UnitResult] = []
        func visit(_ unit: (id: Int, parentId: Int?, name: String), depth: Int) -> UnitResult {
            var r = direct[unit.id] ?? UnitResult(unitId: unit.id, unitName: unit.name, parentId: unit.parentId, depth: depth,
                                                  onRoster: 0, took: 0, passed: 0, percents: [])
            r.unitName = unit.name
            r.parentId = unit.parentId
            r.depth = depth
            let index = result.count
            result.append(r)
            for child in (children[unit.id] ?? []).sorted(by: { $0.name < $1.name }) {
                let c = visit(child, depth: depth + 1)
                r.onRoster += c.onRoster
                r.took += c.took
                r.passed += c.passed
                r.percents += c.percents
            }
            result[index] = r
            return r
        }
        for root in (children[nil] ?? []).sorted(by: { $0.name < $1.name }) { _ = visit(root, depth: 0) }
        if let none = direct[nil] { result.append(none) }
        return (result.filter { $0.onRoster > 0 }, total, candidates)
    }

    static func add(_ r: inout UnitResult, _ counted: AttemptRecord?) {
        r.onRoster += 1
        guard let counted, let score = counted.score, counted.maxScore > 0 else { return }
        r.took += 1
        r.percents.append(score / counted.maxScore * 100)
        if counted.passed == true { r.passed += 1 }
    }
}
