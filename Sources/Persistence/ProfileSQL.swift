/// The SQL behind audience profiles and the facts derived from behaviour, by name.
/// Group bits are bound as parameters (AudienceGroup.bit), never written here as numbers.
enum ProfileSQL {
    static let columns = """
        p.id, p.user_id, p.phone, p.display_name, p.groups_mask, p.unit_id, p.region_id, p.age_band, p.occupation,
        p.interests_json, p.last_active_at, p.created_at, p.updated_at
        """
    static let accountsMissing = "SELECT EXISTS (SELECT 1 FROM users u WHERE NOT EXISTS (SELECT 1 FROM profiles p WHERE p.user_id = u.id))"
    static let byId = "SELECT \(columns) FROM profiles p WHERE p.id = ?"
    static let idByUser = "SELECT id FROM profiles WHERE user_id = ?"

    /// The groups an account's rank and roles give: ?1 leader, ?2 civil servant, ?3 enforcer, ?4 resident.
    static let derivedMask = """
        (CASE u.rank WHEN 'leader' THEN ?1 WHEN 'civil_servant' THEN ?2 WHEN 'enforcer' THEN ?3 ELSE 0 END)
        | (CASE WHEN EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'resident') THEN ?4 ELSE 0 END)
        """
    /// Profiles for accounts that have none (?5 now; ?6 one user id, or NULL for all).
    static let insertAccounts = """
        INSERT INTO profiles (user_id, display_name, groups_mask, unit_id, region_id, created_at, updated_at)
        SELECT u.id, u.display_name, \(derivedMask), u.unit_id, u.region_id, ?5, ?5 FROM users u
        WHERE (?6 IS NULL OR u.id = ?6) AND NOT EXISTS (SELECT 1 FROM profiles p WHERE p.user_id = u.id)
        """
    /// Name, unit, region and the rank-derived bits from the account (?7 = every derived bit: staff-set groups stay).
    static let syncAccounts = """
        UPDATE profiles SET display_name = u.display_name, unit_id = u.unit_id, region_id = u.region_id,
            groups_mask = (profiles.groups_mask & ~?7) | \(derivedMask), updated_at = ?5
        FROM users u WHERE u.id = profiles.user_id
            AND (profiles.display_name IS NOT u.display_name OR profiles.unit_id IS NOT u.unit_id
                 OR profiles.region_id IS NOT u.region_id OR (profiles.groups_mask & ?7) <> \(derivedMask))
        """
    /// A resident known by phone: created, or renamed and moved (groups only gain the resident bit).
    static let upsertResident = """
        INSERT INTO profiles (phone, display_name, groups_mask, region_id, last_active_at, created_at, updated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5)
        ON CONFLICT (phone) DO UPDATE SET display_name = excluded.display_name,
            region_id = coalesce(excluded.region_id, profiles.region_id), groups_mask = profiles.groups_mask | excluded.groups_mask,
            last_active_at = max(coalesce(profiles.last_active_at, 0), excluded.last_active_at), updated_at = excluded.updated_at
        RETURNING id
        """
    static let insertToken = "INSERT INTO profile_tokens (token_digest, profile_id, created_at) VALUES (?, ?, ?)"
    static let profileByToken = "SELECT profile_id FROM profile_tokens WHERE token_digest = ?"
    static let touch = "UPDATE profiles SET last_active_at = ?2 WHERE id = ?1 AND coalesce(last_active_at, 0) < ?2"

    /// Staff search: ?1 words (NULL = any), ?2 phone suffix, ?3 group bit (0 = any), ?4 region, ?5 unit (subtrees).
    static let searchWhere = """
        (?1 IS NULL OR p.display_name LIKE '%' || ?1 || '%' OR (?2 IS NOT NULL AND p.phone LIKE '%' || ?2))
        AND (?3 = 0 OR (p.groups_mask & ?3) <> 0)
        AND (?4 IS NULL OR p.region_id IN (WITH RECURSIVE t(id) AS (SELECT ?4 UNION SELECT r.id FROM regions r JOIN t ON r.parent_id = t.id)
                                           SELECT id FROM t))
        AND (?5 IS NULL OR p.unit_id IN (WITH RECURSIVE t(id) AS (SELECT ?5 UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id)
                                         SELECT id FROM t))
        """
    static let search = "SELECT \(columns) FROM profiles p WHERE \(searchWhere) ORDER BY p.id DESC LIMIT ?6 OFFSET ?7"
    static let searchCount = "SELECT count(*) FROM profiles p WHERE \(searchWhere)"

    static let update = """
        UPDATE profiles SET groups_mask = ?, age_band = ?, occupation = ?, interests_json = ?, region_id = ?, unit_id = ?, updated_at = ?
        WHERE id = ?
        """
    static let updateOwn = "UPDATE profiles SET age_band = ?, occupation = ?, interests_json = ?, updated_at = ? WHERE id = ?"

    /// Accuracy per knowledge point from a Beijing day on, most answered first.
    static let topicTotals = """
        SELECT topic, sum(answered) AS answered, sum(correct) AS correct, max(day) AS last_day FROM profile_topic_days
        WHERE profile_id = ? AND day >= ? GROUP BY topic ORDER BY sum(answered) DESC, topic LIMIT 100
        """
    static let reads = """
        SELECT c.slug, c.title, r.seconds, r.first_at, r.last_at, r.finished_at FROM profile_reads r JOIN content c ON c.id = r.content_id
        WHERE r.profile_id = ? ORDER BY r.last_at DESC LIMIT 100
        """
    static let memberships = """
        SELECT s.id, s.name, m.holdout FROM segment_members m JOIN segments s ON s.id = m.segment_id WHERE m.profile_id = ? ORDER BY s.name
        """
    static let regionIds = "SELECT id FROM regions"
    static let unitIds = "SELECT id FROM units"

    // The facts job: finished quiz entries with a phone and submitted attempts in a window of finishing times.
    static let getMark = "SELECT value FROM settings WHERE key = ?"
    static let putMark = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    static let finishedEntries = """
        SELECT id, phone, nickname, region_id, items_json, finished_at FROM quiz_entries
        WHERE finished_at > ? AND finished_at <= ? AND phone IS NOT NULL ORDER BY finished_at, id
        """
    static let entryAnswers = "SELECT slot, fraction, answered_at FROM quiz_answers WHERE entry_id = ?"
    static let submittedAttempts = """
        SELECT * FROM attempts WHERE state = 'submitted' AND submitted_at > ? AND submitted_at <= ? ORDER BY submitted_at, id
        """
    static let examScoring = "SELECT settings FROM exams WHERE id = ?"
    static let addTopicDay = """
        INSERT INTO profile_topic_days (profile_id, topic, day, answered, correct) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (profile_id, topic, day) DO UPDATE SET answered = answered + excluded.answered, correct = correct + excluded.correct
        """

    static let every = [accountsMissing, getMark, putMark, finishedEntries, entryAnswers, submittedAttempts, examScoring, addTopicDay, byId, idByUser, insertAccounts, syncAccounts, upsertResident, insertToken, profileByToken, touch, search,
                        searchCount, update, updateOwn, topicTotals, reads, memberships, regionIds, unitIds]
}
