/// The SQL behind the quiz store, by name. Parameters are always bound (`?`).
enum QuizSQL {
    static let roundColumns = "id, title, status, opens_at, closes_at, settings_json, rules_json, commitment"
    static let insertRound = """
        INSERT INTO quiz_rounds (title, opens_at, closes_at, settings_json, created_by, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let updateRound = """
        UPDATE quiz_rounds SET title = ?, opens_at = ?, closes_at = ?, settings_json = ?, updated_at = ?
        WHERE id = ? AND status = 'draft'
        """
    static let publishRound = """
        UPDATE quiz_rounds SET status = 'published', rules_json = ?, commitment = ?, published_at = ?, updated_at = ?
        WHERE id = ? AND status = 'draft'
        """
    static let roundById = "SELECT \(roundColumns) FROM quiz_rounds WHERE id = ?"
    static let rulesOfRound = "SELECT rules_json FROM quiz_rounds WHERE id = ?"
    static let rounds = "SELECT \(roundColumns) FROM quiz_rounds ORDER BY opens_at DESC, id DESC"

    static let entryColumns = """
        id, public_id, round_id, token_digest, device_key, started_at, items_json, finished_at, nickname, phone, region_id,
        flags_json, review
        """
    static let insertEntry = """
        INSERT INTO quiz_entries (public_id, round_id, token_digest, device_key, day, started_at, items_json, max_score)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let entryByPublicId = "SELECT \(entryColumns) FROM quiz_entries WHERE public_id = ?"
    static let entriesOfRound = "SELECT \(entryColumns) FROM quiz_entries WHERE round_id = ? ORDER BY id"
    static let answersOfEntry = "SELECT slot, response_json, fraction, late, answered_at FROM quiz_answers WHERE entry_id = ? ORDER BY slot"
    static let answersOfRound = """
        SELECT a.entry_id, a.slot, a.response_json, a.fraction, a.late, a.answered_at
        FROM quiz_answers a JOIN quiz_entries e ON e.id = a.entry_id WHERE e.round_id = ? ORDER BY a.entry_id, a.slot
        """
    static let deviceToday = "SELECT count(*) FROM quiz_entries WHERE round_id = ? AND device_key = ? AND day = ?"
    static let deviceRound = "SELECT count(*) FROM quiz_entries WHERE round_id = ? AND device_key = ?"
    static let devicePhones = "SELECT DISTINCT phone FROM quiz_entries WHERE round_id = ? AND device_key = ? AND phone IS NOT NULL"
    /// A replayed answer finds the slot taken and changes nothing.
    static let insertAnswer = """
        INSERT INTO quiz_answers (entry_id, slot, response_json, fraction, late, answered_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (entry_id, slot) DO NOTHING
        """
    static let finishEntry = """
        UPDATE quiz_entries SET finished_at = ?, score = (SELECT coalesce(sum(fraction), 0) FROM quiz_answers WHERE entry_id = ?),
            nickname = ?, phone = ?, region_id = ?, flags_json = ?
        WHERE id = ? AND finished_at IS NULL
        """
    static let reviewEntry = """
        UPDATE quiz_entries SET review = ?, reviewed_by = ?, reviewed_at = ? WHERE round_id = ? AND public_id = ?
        """

    static let drawOfRound = """
        SELECT eligible_text, eligible_digest, eligible_count, frozen_at, public_value, result_json, drawn_at
        FROM quiz_draws WHERE round_id = ?
        """
    static let insertDraw = """
        INSERT INTO quiz_draws (round_id, eligible_text, eligible_digest, eligible_count, frozen_at) VALUES (?, ?, ?, ?, ?)
        """
    static let recordDraw = """
        UPDATE quiz_draws SET public_value = ?, result_json = ?, drawn_at = ?, drawn_by = ? WHERE round_id = ? AND drawn_at IS NULL
        """
    static let insertWinner = """
        INSERT INTO quiz_winners (round_id, entry_public_id, prize, position, code_digest) VALUES (?, ?, ?, ?, ?)
        """
    static let winnersOfRound = """
        SELECT entry_public_id, prize, position, redeemed_at FROM quiz_winners WHERE round_id = ? ORDER BY entry_public_id
        """
    static let winnerByCode = """
        SELECT entry_public_id, prize, position, redeemed_at FROM quiz_winners WHERE round_id = ? AND code_digest = ?
        """
    static let winnerByEntry = "SELECT prize FROM quiz_winners WHERE round_id = ? AND entry_public_id = ?"
    static let redeemWinner = "UPDATE quiz_winners SET redeemed_at = ? WHERE round_id = ? AND code_digest = ? AND redeemed_at IS NULL"
    static let phoneOfEntry = "SELECT phone FROM quiz_entries WHERE public_id = ?"

    static let insertRead = "INSERT INTO quiz_reads (entry_id, first_at) VALUES (?, ?) ON CONFLICT (entry_id) DO NOTHING"
    static let readersOfRound = """
        SELECT r.entry_id FROM quiz_reads r JOIN quiz_entries e ON e.id = r.entry_id WHERE e.round_id = ?
        """

    static let all = [insertRead, readersOfRound, drawOfRound, insertDraw, recordDraw, insertWinner, winnersOfRound, winnerByCode, winnerByEntry, redeemWinner,
                      phoneOfEntry, insertRound, rulesOfRound, updateRound, publishRound, roundById, rounds, insertEntry, entryByPublicId, entriesOfRound,
                      answersOfEntry, answersOfRound, deviceToday, deviceRound, devicePhones, insertAnswer, finishEntry, reviewEntry]
}
