/// SQL of the per-day sums (`reach_day_sums`): bumping the day's event count at ingestion, building a closed day's
/// sums, and reading a range from the sums of fresh days and the rollup cells of the others.
enum ReachSumSQL {
    static let bumpDayEvents = """
        INSERT INTO reach_day_events (day, events) VALUES (?, ?) ON CONFLICT DO UPDATE SET events = events + excluded.events
        """
    /// Days before ?1 (today) whose sums are missing, were built from another event count, or with other region and
    /// unit trees than fingerprint ?3 (their tree sums), oldest first.
    static let staleDays = """
        SELECT e.day FROM reach_day_events e WHERE e.day < ?1
        AND NOT EXISTS (SELECT 1 FROM reach_day_sums_built b WHERE b.day = e.day AND b.events = e.events AND b.trees = ?3)
        ORDER BY e.day LIMIT ?2
        """
    static let dayEvents = "SELECT events FROM reach_day_events WHERE day = ?"
    /// One day's persons' cells.
    static let dayCells = """
        SELECT kind, content_id, channel, region_id, unit_id, groups_mask, events, person_times, engaged_seconds
        FROM reach_hourly WHERE day = ?1 AND label = ''
        """
    static let deleteDay = "DELETE FROM reach_day_sums WHERE day = ?"
    static let insertSum = """
        INSERT INTO reach_day_sums (day, kind, dim, value, events, person_times, seconds) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let markBuilt = """
        INSERT INTO reach_day_sums_built (day, events, trees) VALUES (?, ?, ?)
        ON CONFLICT DO UPDATE SET events = excluded.events, trees = excluded.trees
        """
    /// Days of ?1…?2 with persons' events, and whether their sums are fresh.
    static let rangeDays = """
        SELECT e.day, b.events = e.events AS fresh FROM reach_day_events e LEFT JOIN reach_day_sums_built b ON b.day = e.day
        WHERE e.day BETWEEN ?1 AND ?2
        """
    /// Days of ?1…?2 with events whose sums are fresh.
    static let freshDays = """
        SELECT e.day FROM reach_day_events e JOIN reach_day_sums_built b ON b.day = e.day AND b.events = e.events
        WHERE e.day BETWEEN ?1 AND ?2
        """
    /// Sums by kind and value of dimension ?2 over fresh days ?1 (JSON array), kinds ?3 (JSON array), and the same from
    /// the rollup cells of the other days ?4 (JSON array) grouped by `column` (`stored` is the key on the sums' side).
    static func sums(by column: String, stored: String = "s.value") -> String {
        """
        SELECT kind, key, sum(events) AS events, sum(person_times) AS person_times, sum(seconds) AS seconds FROM (
            SELECT s.kind, \(stored) AS key, s.events, s.person_times, s.seconds FROM reach_day_sums s
            WHERE s.day IN (SELECT value FROM json_each(?1)) AND s.dim = ?2 AND s.kind IN (SELECT value FROM json_each(?3))
            UNION ALL
            SELECT h.kind, \(column) AS key, h.events, h.person_times, h.engaged_seconds FROM reach_hourly h
            WHERE h.day IN (SELECT value FROM json_each(?4)) AND h.label = '' AND h.kind IN (SELECT value FROM json_each(?3))
        ) GROUP BY kind, key
        """
    }
    static let byAll = sums(by: "''"), byDay = sums(by: "h.day", stored: "s.day"), byRegion = sums(by: "h.region_id"), byUnit = sums(by: "h.unit_id")
    static let byGroups = sums(by: "h.groups_mask"), byContent = sums(by: "h.content_id"), byChannel = sums(by: "h.channel")

    static let every = [bumpDayEvents, staleDays, dayEvents, dayCells, deleteDay, insertSum, markBuilt, rangeDays, freshDays, byAll, byDay, byRegion,
                        byUnit, byGroups, byContent, byChannel]
}
