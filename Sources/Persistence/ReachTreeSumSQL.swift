/// SQL of the day sums under a region or unit with children (`reach_day_tree_sums`): building a closed day's, and
/// reading a range filtered to such a node from the sums of fresh days and the node's subtree cells of the others.
enum ReachTreeSumSQL {
    static let deleteDay = "DELETE FROM reach_day_tree_sums WHERE day = ?"
    static let insertSum = """
        INSERT INTO reach_day_tree_sums (day, tree, node, kind, dim, value, events, person_times, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    /// Days of ?1…?2 with persons' events, and whether their tree sums are fresh: built from the day's event count with
    /// the trees of fingerprint ?3.
    static let rangeDays = """
        SELECT e.day, b.events = e.events AND b.trees = ?3 AS fresh FROM reach_day_events e
        LEFT JOIN reach_day_sums_built b ON b.day = e.day WHERE e.day BETWEEN ?1 AND ?2
        """
    /// Sums by kind and value of dimension ?2 under node ?5 of `tree`: its sums on fresh days ?1 (JSON array), kinds ?3
    /// (JSON array), and the cells of the other days ?4 (JSON array) whose region or unit is in the subtree ?6 (JSON
    /// array), grouped by `column` (`stored` is the key on the sums' side).
    static func sums(_ tree: SumTree, by column: String, stored: String = "s.value") -> String {
        """
        SELECT kind, key, sum(events) AS events, sum(person_times) AS person_times, sum(seconds) AS seconds FROM (
            SELECT s.kind, \(stored) AS key, s.events, s.person_times, s.seconds FROM reach_day_tree_sums s
            WHERE s.day IN (SELECT value FROM json_each(?1)) AND s.tree = '\(tree.rawValue)' AND s.node = ?5 AND s.dim = ?2
            AND s.kind IN (SELECT value FROM json_each(?3))
            UNION ALL
            SELECT h.kind, \(column) AS key, h.events, h.person_times, h.engaged_seconds FROM reach_hourly h
            WHERE h.day IN (SELECT value FROM json_each(?4)) AND h.label = '' AND h.kind IN (SELECT value FROM json_each(?3))
            AND h.\(tree.column) IN (SELECT value FROM json_each(?6))
        ) GROUP BY kind, key
        """
    }

    /// The statement per tree and dimension.
    static let byTreeAndDimension: [String: String] = Dictionary(uniqueKeysWithValues: SumTree.allCases.flatMap { tree in
        SumDimension.allCases.map { d in
            let column = switch d {
            case .all: "''"
            case .day: "h.day"
            case .region: "h.region_id"
            case .unit: "h.unit_id"
            case .groups: "h.groups_mask"
            case .content: "h.content_id"
            case .channel: "h.channel"
            }
            return ("\(tree.rawValue):\(d.rawValue)", sums(tree, by: column, stored: d == .day ? "s.day" : "s.value"))
        }
    })

    static let every = [deleteDay, insertSum, rangeDays] + Array(byTreeAndDimension.values)
}
