import Database
import Reach

extension Store {
    /// The `limit` pieces with the most person-times (人次) of opened over Beijing days `from`…`to` under `f`, most first
    /// (ties by key, as text), each with its persons reached, readers and finishers — the same rows as
    /// `reachRows(by: "content")` sorted and cut, but the persons of only those pieces are worked out: the ranking
    /// needs person-times alone, and reading every piece's sets of a month is most of the cost of the breakdown.
    public func reachTopContent(from: String, to: String, filter f: ReachFilter, limit: Int) throws -> [ReachRow] {
        try pool.read { db in
            var rows = try personTimesRows(db, by: "content", from: from, to: to, filter: f)
            let ranked = Self.ranked(Array(rows.values)).filter { $0.personTimes > 0 }
            if ranked.count >= limit {
                // Every piece left out has no person-times, so it ranks below these whatever its persons.
                let top = ranked.prefix(limit)
                rows = Dictionary(uniqueKeysWithValues: top.map { ($0.key, $0) })
                try addPersons(db, by: .content, from: from, to: to, filter: f, only: top.compactMap { Int64($0.key) }, to: &rows)
                return Self.ranked(Array(rows.values))
            }
            // Fewer pieces with person-times than places: pieces with persons alone fill the rest, so every piece counts.
            try addPersons(db, by: .content, from: from, to: to, filter: f, to: &rows)
            return Array(Self.ranked(Array(rows.values)).prefix(limit))
        }
    }

    /// Most person-times first, then by key.
    static func ranked(_ rows: [ReachRow]) -> [ReachRow] {
        rows.sorted { ($0.personTimes, $1.key) > ($1.personTimes, $0.key) }
    }
}
