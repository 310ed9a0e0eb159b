import Database
import Reach

/// What one run of the day-set builder did.
public struct ReachSetsRun: Sendable, Equatable {
    /// Days whose sets were (re)built, and persons numbered for the first time.
    public var days = 0, numbered = 0
    /// Days left for the next run: a person came in while the day was being read.
    public var deferred = 0

    public init() {}
}

extension Store {
    /// Builds the person sets of closed Beijing days (before `today`) that have none or stale ones (late events came
    /// in since), oldest first, at most `limit` days. Called by the background job, and by tests and the benchmark
    /// directly. Each day: its new persons are numbered (a short write), its rows read in a snapshot, its sets written
    /// in one short write, marked with the row count of that snapshot — rows arriving meanwhile leave the day stale
    /// for the next run, never wrong.
    @discardableResult
    public func buildReachDaySets(today: String, limit: Int = 400) throws -> ReachSetsRun {
        var run = ReachSetsRun()
        let days = try pool.read { db in try db.query(ReachSetSQL.staleDays, [today, limit]).compactMap { $0.string("day") } }
        for day in days {
            run.numbered += try pool.write { try $0.run(ReachSetSQL.numberPersons, [day]) }
            guard let (rows, sets) = try readDaySets(day) else { run.deferred += 1; continue }
            try pool.write { db in
                try db.run(ReachSetSQL.deleteDaySets, [day])
                for (slot, values) in sets.sets {
                    for (value, set) in values {
                        try db.run(ReachSetSQL.insertDaySet, [day, slot.kind, slot.dimension.rawValue, value, rows, set.encoded()])
                    }
                }
                // Every kind has its 'all' set, even empty: it is what marks the day as built.
                for kind in DaySets.kinds where sets.sets[DaySets.Slot(kind, .all)] == nil {
                    try db.run(ReachSetSQL.insertDaySet, [day, kind, PersonDimension.all.rawValue, 0, rows, PersonSet().encoded()])
                }
            }
            run.days += 1
        }
        return run
    }

    /// The day's row count and sets from one snapshot; nil when a row's person has no number yet.
    private func readDaySets(_ day: String) throws -> (rows: Int, sets: DaySets)? {
        try pool.read { db in
            try db.snapshot {
                let rows = try db.scalar(ReachSetSQL.dayRows, [day]).int ?? 0
                var numbered: [NumberedRow] = []
                for r in try db.query(ReachSetSQL.numberedRows, [day]) {
                    guard let n = r.values[6].int.flatMap(UInt32.init(exactly:)) else { return nil }
                    numbered.append(NumberedRow(kind: r.values[0].string ?? "", contentId: r.values[1].int ?? 0, campaignId: r.values[2].int ?? 0,
                                                regionId: r.values[3].int ?? 0, unitId: r.values[4].int ?? 0, groupsMask: r.values[5].int ?? 0,
                                                number: n))
                }
                return (rows, DaySets(rows: numbered))
            }
        }
    }
}

extension Connection {
    /// Runs `body` in a read transaction (`BEGIN` … `COMMIT`), so every statement sees the same committed state.
    func snapshot<T>(_ body: () throws -> T) throws -> T {
        try run("BEGIN")
        defer { _ = try? run("COMMIT") }
        return try body()
    }
}
