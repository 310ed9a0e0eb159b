import Foundation

/// SQL of the reach dashboard. Every statement reads the rollups (`reach_hourly`, `reach_persons`) or the delivery
/// tables, never raw `events`, so figures stay fast on millions of events and unchanged after pruning.
/// Parameters, the same in every statement: ?1 first Beijing day (or millisecond) of the range, ?2 the last day (or
/// the exclusive end millisecond), ?3 content id, ?4 campaign id, ?5 region ids (JSON array of the subtree), ?6 unit
/// ids (JSON array), ?7 audience-group bits, ?8 channel; NULL means "any".
enum ReachQuerySQL {
    /// The person filters on a table alias that has content_id, campaign_id, region_id, unit_id, groups_mask.
    static func filter(_ a: String) -> String {
        """
        (?3 IS NULL OR \(a).content_id = ?3) AND (?4 IS NULL OR \(a).campaign_id = ?4)
        AND (?5 IS NULL OR \(a).region_id IN (SELECT value FROM json_each(?5)))
        AND (?6 IS NULL OR \(a).unit_id IN (SELECT value FROM json_each(?6))) AND (?7 IS NULL OR \(a).groups_mask & ?7 <> 0)
        """
    }
    static let hourlyFilter = filter("h") + " AND (?8 IS NULL OR h.channel = ?8)"

    /// Events, person-times (人次) and engaged seconds per kind; labelled (non-person) cells left out.
    static let hourlyByKind = """
        SELECT h.kind, sum(h.events) AS events, sum(h.person_times) AS person_times, sum(h.engaged_seconds) AS seconds
        FROM reach_hourly h WHERE h.day BETWEEN ?1 AND ?2 AND h.label = '' AND \(hourlyFilter) GROUP BY h.kind
        """
    /// Audiences of runs frozen in the range (hold-out already excluded from `audience`).
    static let targetedTotal = """
        SELECT coalesce(sum(r.audience), 0) FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id
        WHERE r.frozen_at >= ?1 AND r.frozen_at < ?2 AND (?3 IS NULL OR c.content_id = ?3) AND (?4 IS NULL OR c.id = ?4)
        """
    static let profileFilter = """
        (?5 IS NULL OR p.region_id IN (SELECT value FROM json_each(?5))) AND (?6 IS NULL OR p.unit_id IN (SELECT value FROM json_each(?6)))
        AND (?7 IS NULL OR p.groups_mask & ?7 <> 0)
        """
    /// With a region, unit or group filter the audience is counted person by person from the run's deliveries.
    static let targetedFiltered = """
        SELECT count(DISTINCT d.profile_id) FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id
        JOIN deliveries d ON d.run_id = r.id JOIN profiles p ON p.id = d.profile_id
        WHERE r.frozen_at >= ?1 AND r.frozen_at < ?2 AND (?3 IS NULL OR c.content_id = ?3) AND (?4 IS NULL OR c.id = ?4) AND \(profileFilter)
        """
    /// Campaign deliveries sent in the range.
    static let delivered = """
        SELECT count(*) FROM deliveries d JOIN campaign_runs r ON r.id = d.run_id JOIN profiles p ON p.id = d.profile_id
        WHERE d.status = 'sent' AND d.sent_at >= ?1 AND d.sent_at < ?2 AND (?3 IS NULL OR d.content_id = ?3)
        AND (?4 IS NULL OR r.campaign_id = ?4) AND \(profileFilter) AND (?8 IS NULL OR d.channel = ?8)
        """
    /// Assignees and completions of study tasks due in the range (?4 unused: tasks belong to no campaign).
    static let tasks = """
        SELECT count(*) AS assignees, count(a.completed_at) AS completed FROM study_tasks t JOIN task_assignees a ON a.task_id = t.id
        JOIN profiles p ON p.id = a.profile_id
        WHERE t.deadline >= ?1 AND t.deadline < ?2 AND (?3 IS NULL OR t.content_id = ?3) AND \(profileFilter)
        """
    /// Persons who started a quiz from a reading page and finished a quiz entry at full marks in the range.
    static let passed = """
        SELECT count(DISTINCT rp.person) FROM reach_persons rp JOIN profiles p ON p.id = CAST(substr(rp.person, 3) AS INTEGER)
        WHERE rp.kind = 'quiz_started' AND rp.day BETWEEN ?1 AND ?2 AND rp.person LIKE 'p:%' AND \(filter("rp"))
        AND EXISTS (SELECT 1 FROM quiz_entries e WHERE e.phone = p.phone AND e.day BETWEEN ?1 AND ?2 AND e.finished_at IS NOT NULL
                    AND e.max_score > 0 AND e.score >= e.max_score)
        """

    /// Series: person-times of opened and read per day or per hour (persons per day come from the day sets).
    static let seriesDaily = """
        SELECT h.day AS bucket, h.kind, sum(h.person_times) AS person_times FROM reach_hourly h
        WHERE h.day BETWEEN ?1 AND ?2 AND h.label = '' AND h.kind IN ('opened', 'read') AND \(hourlyFilter) GROUP BY h.day, h.kind
        """
    static let seriesHourly = """
        SELECT h.day || ' ' || substr('0' || h.hour, -2) AS bucket, h.kind, sum(h.person_times) AS person_times FROM reach_hourly h
        WHERE h.day BETWEEN ?1 AND ?2 AND h.label = '' AND h.kind IN ('opened', 'read') AND \(hourlyFilter) GROUP BY h.day, h.hour, h.kind
        """
    /// Breakdowns: person-times of opened by one dimension (persons per kind come from the day sets).
    static func personTimesBy(_ column: String) -> String {
        """
        SELECT h.\(column) AS key, sum(h.person_times) AS person_times FROM reach_hourly h
        WHERE h.kind = 'opened' AND h.label = '' AND h.day BETWEEN ?1 AND ?2 AND \(hourlyFilter) GROUP BY h.\(column)
        """
    }
    static let timesByRegion = personTimesBy("region_id"), timesByUnit = personTimesBy("unit_id"), timesByGroups = personTimesBy("groups_mask")
    static let timesByChannel = personTimesBy("channel"), timesByContent = personTimesBy("content_id")

    /// With a piece chosen, a statement over the cells with the piece's condition written plainly: SQLite can then
    /// read the piece's cells through `reach_hourly_piece`, where `(?3 IS NULL OR …)` makes it read every cell of the range.
    /// Likewise with a region chosen (and no piece), through `reach_hourly_region`: a village has no tree sums, so its
    /// cells are read, but only its own; and with a unit chosen (and neither), through `reach_hourly_unit`, for an office.
    static func hourly(_ sql: String, _ f: ReachFilter) -> String {
        if f.contentId != nil { return pieceVariants[sql] ?? sql }
        if f.regionId != nil { return regionVariants[sql] ?? sql }
        if f.unitId != nil { return unitVariants[sql] ?? sql }
        return sql
    }
    static let pieceVariants = Dictionary(uniqueKeysWithValues: [hourlyByKind, seriesDaily, seriesHourly, timesByRegion, timesByUnit,
                                                                 timesByGroups, timesByChannel, timesByContent].map {
        ($0, $0.replacingOccurrences(of: "(?3 IS NULL OR h.content_id = ?3)", with: "h.content_id = ?3"))
    })

    static let regionVariants = plainly("region_id", "?5"), unitVariants = plainly("unit_id", "?6")

    /// Each cell statement with its `(?N IS NULL OR h.column IN (…))` written as the plain condition, which the index on
    /// (column, day) serves.
    static func plainly(_ column: String, _ parameter: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: pieceVariants.keys.map {
            ($0, $0.replacingOccurrences(of: "(\(parameter) IS NULL OR h.\(column) IN (SELECT value FROM json_each(\(parameter))))",
                                         with: "h.\(column) IN (SELECT value FROM json_each(\(parameter)))"))
        })
    }

    static let regionTree = "SELECT id, parent_id, name FROM regions ORDER BY id"
    static let unitTree = "SELECT id, parent_id, name FROM units ORDER BY id"
    static let contentTitles = "SELECT id, slug, title FROM content WHERE id IN (SELECT value FROM json_each(?))"
    static let campaignExists = "SELECT content_id FROM campaigns WHERE id = ?"

    /// Members with a sent delivery of the campaign and no `opened` of its piece since (PK lookup per member).
    static let notReachedWhere = """
        FROM deliveries d JOIN campaign_runs r ON r.id = d.run_id JOIN profiles p ON p.id = d.profile_id
        WHERE r.campaign_id = ?1 AND d.status = 'sent'
        AND NOT EXISTS (SELECT 1 FROM reach_persons rp WHERE rp.content_id = d.content_id AND rp.kind = 'opened' AND rp.person = 'p:' || p.id)
        """
    static let notReachedCount = "SELECT count(DISTINCT p.id) " + notReachedWhere
    static let notReachedPage = """
        SELECT p.id, p.display_name, p.phone, p.region_id, p.unit_id, max(d.sent_at) AS sent_at \(notReachedWhere)
        GROUP BY p.id ORDER BY p.id LIMIT ?2 OFFSET ?3
        """

    /// Assignees of a study task who have not completed it (the task's own primary key prefix).
    static let taskExists = "SELECT 1 FROM study_tasks WHERE id = ?"
    static let notFinishedCount = "SELECT count(*) FROM task_assignees WHERE task_id = ?1 AND completed_at IS NULL"
    static let notFinishedPage = """
        SELECT p.id, p.display_name, p.phone, p.region_id, p.unit_id, a.assigned_at AS sent_at FROM task_assignees a
        JOIN profiles p ON p.id = a.profile_id WHERE a.task_id = ?1 AND a.completed_at IS NULL ORDER BY p.id LIMIT ?2 OFFSET ?3
        """

    /// The yearly report (Beijing year: ?1 first day, ?2 last day, ?3 start millis, ?4 end millis).
    static let yearTimesByGroups = """
        SELECT groups_mask AS key, sum(person_times) AS person_times FROM reach_hourly
        WHERE day BETWEEN ?1 AND ?2 AND kind = 'opened' AND label = '' GROUP BY groups_mask
        """
    static let yearPieces = "SELECT count(*) FROM content WHERE status <> 'draft' AND publish_day BETWEEN ?1 AND ?2"
    static let yearCampaigns = """
        SELECT count(DISTINCT campaign_id) AS campaigns, count(*) AS runs, coalesce(sum(audience), 0) AS audience FROM campaign_runs
        WHERE frozen_at >= ?1 AND frozen_at < ?2
        """
    static let yearQuizzes = """
        SELECT q.id, q.title, count(e.id) AS entries, count(DISTINCT coalesce(e.phone, e.device_key)) AS participants,
               count(e.finished_at) AS finished
        FROM quiz_rounds q LEFT JOIN quiz_entries e ON e.round_id = q.id
        WHERE q.status = 'published' AND q.opens_at >= ?1 AND q.opens_at < ?2 GROUP BY q.id ORDER BY q.opens_at
        """
    static let yearExams = """
        SELECT x.id, x.title, (SELECT count(*) FROM exam_roster r WHERE r.exam_id = x.id) AS roster,
               (SELECT count(DISTINCT a.user_id) FROM attempts a WHERE a.exam_id = x.id AND a.state = 'submitted') AS took,
               (SELECT count(DISTINCT a.user_id) FROM attempts a WHERE a.exam_id = x.id AND a.passed = 1) AS passed
        FROM exams x WHERE x.status = 'published' AND x.opens_at >= ?1 AND x.opens_at < ?2 ORDER BY x.opens_at
        """

    static let every = [hourlyByKind, targetedTotal, targetedFiltered, delivered, tasks, passed, seriesDaily, seriesHourly,
                        timesByRegion, timesByUnit,
                        timesByGroups, timesByChannel, timesByContent, regionTree, unitTree, contentTitles, campaignExists,
                        notReachedCount, notReachedPage, taskExists, notFinishedCount, notFinishedPage, yearTimesByGroups, yearPieces, yearCampaigns, yearQuizzes, yearExams]
        + Array(pieceVariants.values) + Array(regionVariants.values)
}
