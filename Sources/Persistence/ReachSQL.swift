/// SQL of reach and effect: event ingestion and its rollups, the refused-events figures.
enum ReachSQL {
    static let insertEvent = """
        INSERT INTO events (person, client_id, kind, content_id, campaign_id, channel, at, day, hour, seconds, depth, label, clamped,
                            received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (person, client_id) DO NOTHING
        """
    static let insertPerson = """
        INSERT INTO reach_persons (content_id, kind, person, day, campaign_id, region_id, unit_id, groups_mask)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT DO NOTHING
        """
    static let bumpHourly = """
        INSERT INTO reach_hourly (day, hour, content_id, campaign_id, channel, region_id, unit_id, groups_mask, kind, label, events,
                                  person_times, engaged_seconds)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET events = events + excluded.events, person_times = person_times + excluded.person_times,
                                  engaged_seconds = engaged_seconds + excluded.engaged_seconds
        """
    static let bumpRejection = """
        INSERT INTO event_rejections (day, reason, count) VALUES (?, ?, ?)
        ON CONFLICT DO UPDATE SET count = count + excluded.count
        """
    static let publishedSlugs = "SELECT id, slug FROM content WHERE status = 'published'"
    static let publishedSlug = "SELECT id FROM content WHERE slug = ? AND status = 'published'"
    static let profileDimensions = "SELECT region_id, unit_id, groups_mask FROM profiles WHERE id = ?"
    static let profileOfUser = "SELECT id FROM profiles WHERE user_id = ?"
    static let pruneEvents = "DELETE FROM events WHERE received_at < ?"

    /// Ingestion figures for a range of Beijing days: counted (persons' events), labelled by reason, refused by reason.
    static let countedByKind = """
        SELECT kind, sum(events) AS events, sum(person_times) AS person_times FROM reach_hourly
        WHERE day BETWEEN ? AND ? AND label = '' AND (?3 IS NULL OR content_id = ?3) GROUP BY kind ORDER BY kind
        """
    static let labelled = """
        SELECT label, sum(events) AS events FROM reach_hourly WHERE day BETWEEN ? AND ? AND label <> '' AND (?3 IS NULL OR content_id = ?3)
        GROUP BY label ORDER BY label
        """
    static let rejected = "SELECT reason, sum(count) AS count FROM event_rejections WHERE day BETWEEN ? AND ? GROUP BY reason ORDER BY reason"

    static let every = [insertEvent, insertPerson, bumpHourly, bumpRejection, publishedSlugs, publishedSlug, profileDimensions, profileOfUser, pruneEvents, countedByKind,
                        labelled, rejected]
}
