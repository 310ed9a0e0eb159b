/// SQL of the per-day person sets (`reach_day_sets`, `reach_person_numbers`, `reach_day_rows`): building them for
/// closed days, and reading them — or, for days without fresh sets, the rows they would be built from.
enum ReachSetSQL {
    static let bumpDayRows = """
        INSERT INTO reach_day_rows (day, rows) VALUES (?, ?) ON CONFLICT DO UPDATE SET rows = rows + excluded.rows
        """
    /// Days before ?1 (today) whose sets are missing or were built from fewer rows than the day has now, oldest first.
    static let staleDays = """
        SELECT r.day FROM reach_day_rows r WHERE r.day < ?1
        AND NOT EXISTS (SELECT 1 FROM reach_day_sets s WHERE s.day = r.day AND s.kind = 'opened' AND s.dim = 'all' AND s.value = 0
                        AND s.rows = r.rows)
        ORDER BY r.day LIMIT ?2
        """
    static let dayRows = "SELECT rows FROM reach_day_rows WHERE day = ?"
    /// Numbers the day's persons who have none yet, densely after the largest number given.
    static let numberPersons = """
        INSERT INTO reach_person_numbers (person, number)
        SELECT person, (SELECT coalesce(max(number), -1) FROM reach_person_numbers) + row_number() OVER (ORDER BY person)
        FROM (SELECT DISTINCT rp.person FROM reach_persons rp WHERE rp.day = ?1 AND rp.kind IN ('opened', 'read', 'finished', 'quiz_started')
              AND NOT EXISTS (SELECT 1 FROM reach_person_numbers n WHERE n.person = rp.person))
        """
    /// A day's rows with their persons' numbers (NULL for a person who has none yet).
    static let numberedRows = """
        SELECT rp.kind, rp.content_id, rp.campaign_id, rp.region_id, rp.unit_id, rp.groups_mask, n.number
        FROM reach_persons rp LEFT JOIN reach_person_numbers n ON n.person = rp.person
        WHERE rp.kind IN ('opened', 'read', 'finished', 'quiz_started') AND rp.day = ?1
        """
    static let deleteDaySets = "DELETE FROM reach_day_sets WHERE day = ?"
    static let insertDaySet = "INSERT INTO reach_day_sets (day, kind, dim, value, rows, persons) VALUES (?, ?, ?, ?, ?, ?)"

    /// Days of ?1…?2 whose sets are fresh (built from as many rows as the day has): one key lookup per day, never a
    /// walk over the sets themselves.
    static let freshDays = """
        SELECT r.day FROM reach_day_rows r WHERE r.day BETWEEN ?1 AND ?2
        AND EXISTS (SELECT 1 FROM reach_day_sets s WHERE s.day = r.day AND s.kind = 'opened' AND s.dim = 'all' AND s.value = 0
                    AND s.rows = r.rows)
        """
    static let daysWithRows = "SELECT day, rows FROM reach_day_rows WHERE day BETWEEN ?1 AND ?2"
    /// Sets of days ?1 and kinds ?2 (JSON arrays) in dimension ?3, only values ?4 (JSON array), values sharing a bit
    /// with ?5, or (piece, campaign) pairs of campaign ?6, when given.
    static let daySets = """
        SELECT s.day, s.kind, s.value, s.persons FROM reach_day_sets s
        WHERE s.day IN (SELECT value FROM json_each(?1)) AND s.kind IN (SELECT value FROM json_each(?2)) AND s.dim = ?3
        AND (?4 IS NULL OR s.value IN (SELECT value FROM json_each(?4))) AND (?5 IS NULL OR s.value & ?5 <> 0)
        AND (?6 IS NULL OR (s.value & 4294967295) = ?6)
        """
    /// Every row of days ?1 (a JSON array) of the kinds with persons figures, with the person's number, or the person
    /// when they have none yet.
    static let liveRows = """
        SELECT rp.day, rp.kind, rp.content_id, rp.campaign_id, rp.region_id, rp.unit_id, rp.groups_mask, n.number,
               CASE WHEN n.number IS NULL THEN rp.person END AS person
        FROM reach_persons rp LEFT JOIN reach_person_numbers n ON n.person = rp.person
        WHERE rp.kind IN ('opened', 'read', 'finished', 'quiz_started') AND rp.day IN (SELECT value FROM json_each(?1))
        """
    static let maxNumber = "SELECT coalesce(max(number), -1) FROM reach_person_numbers"

    static let every = [bumpDayRows, staleDays, dayRows, numberPersons, numberedRows, deleteDaySets, insertDaySet, freshDays, daysWithRows,
                        daySets, liveRows, maxNumber]
}
