/// The SQL behind measured knowledge gain. Every window sum is computed in one grouped statement per group, with the
/// piece's knowledge points as one JSON parameter; the windows match `KnowledgeGain.split` (before < day,
/// after ≥ day + 1, retention ≥ day + 7).
enum EffectSQL {
    // Filled in the same transaction that freezes a run.
    static let freezeHoldouts = """
        INSERT INTO campaign_holdouts (run_id, profile_id)
        SELECT ?, profile_id FROM segment_members WHERE segment_id = ? AND holdout = 1
        ON CONFLICT (run_id, profile_id) DO NOTHING
        """
    static let holdoutCount = "SELECT count(*) FROM campaign_holdouts WHERE run_id = ?"

    /// The latest run whose audience was frozen.
    static let latestFrozenRun = """
        SELECT id, frozen_at FROM campaign_runs WHERE campaign_id = ? AND frozen_at IS NOT NULL ORDER BY frozen_at DESC, id DESC LIMIT 1
        """

    // The per-person sums: `people` is (profile_id, day) with day the person's reference day.
    private static func sums(_ people: String) -> String {
        """
        WITH people(profile_id, ref) AS (\(people))
        SELECT p.profile_id, p.ref,
               coalesce(sum(CASE WHEN t.day < p.ref THEN t.answered END), 0) AS b_n,
               coalesce(sum(CASE WHEN t.day < p.ref THEN t.correct END), 0) AS b_c,
               coalesce(sum(CASE WHEN t.day >= date(p.ref, '+1 day') THEN t.answered END), 0) AS a_n,
               coalesce(sum(CASE WHEN t.day >= date(p.ref, '+1 day') THEN t.correct END), 0) AS a_c,
               coalesce(sum(CASE WHEN t.day >= date(p.ref, '+7 days') THEN t.answered END), 0) AS r_n,
               coalesce(sum(CASE WHEN t.day >= date(p.ref, '+7 days') THEN t.correct END), 0) AS r_c
        FROM people p
        LEFT JOIN profile_topic_days t ON t.profile_id = p.profile_id AND t.topic IN (SELECT value FROM json_each(?))
        GROUP BY p.profile_id, p.ref
        """
    }

    /// Readers of a run: people it delivered to who first opened the piece after the run started (reference day =
    /// the Beijing day of their first reading). Parameters: run, content, frozen_at, topics JSON.
    static let runReaders = sums("""
        SELECT r.profile_id, date((r.first_at / 1000) + 8 * 3600, 'unixepoch')
        FROM deliveries d JOIN profile_reads r ON r.profile_id = d.profile_id AND r.content_id = d.content_id
        WHERE d.run_id = ? AND d.content_id = ? AND r.first_at >= ?
        """)

    /// The run's frozen hold-out, with the run's start day. Parameters: start day, run, topics JSON.
    static let runHoldout = sums("SELECT profile_id, ? FROM campaign_holdouts WHERE run_id = ?")

    /// Everyone who first opened a piece between two Beijing days. Parameters: content, from, to, topics JSON.
    static let pieceReaders = sums("""
        SELECT profile_id, day FROM (
            SELECT profile_id, date((first_at / 1000) + 8 * 3600, 'unixepoch') AS day FROM profile_reads WHERE content_id = ?
        ) WHERE day BETWEEN ? AND ?
        """)

    static let every = [freezeHoldouts, holdoutCount, latestFrozenRun, runReaders, runHoldout, pieceReaders]
}
