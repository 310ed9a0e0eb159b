/// The SQL behind live contests, by name.
enum LiveSQL {
    static let insertContest = """
        INSERT INTO live_contests (code, title, items_json, seconds_per_question, speed_scoring, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let saveStage = """
        UPDATE live_contests SET phase = ?, idx = ?, question_started_at = ?, deadline = ?, version = ?, stage = ? WHERE id = ?
        """
    static let contestColumns = """
        id, code, title, items_json, seconds_per_question, speed_scoring, phase, idx, question_started_at, deadline, version, stage
        """
    static let contestById = "SELECT \(contestColumns) FROM live_contests WHERE id = ?"
    static let contestByCode = "SELECT \(contestColumns) FROM live_contests WHERE code = ? ORDER BY phase = 'ended', id DESC LIMIT 1"
    static let contests = "SELECT \(contestColumns) FROM live_contests ORDER BY id DESC LIMIT 100"
    static let insertPlayer = "INSERT INTO live_players (contest_id, player_id, nickname, token_digest) VALUES (?, ?, ?, ?)"
    static let players = "SELECT player_id, nickname, token_digest FROM live_players WHERE contest_id = ? ORDER BY player_id"
    static let insertAnswer = """
        INSERT INTO live_answers (contest_id, player_id, idx, response_json, correct, points, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (contest_id, player_id, idx) DO NOTHING
        """
    static let answers = "SELECT player_id, idx, response_json, correct, points, elapsed_ms FROM live_answers WHERE contest_id = ?"

    static let all = [insertContest, saveStage, contestById, contestByCode, contests, insertPlayer, players, insertAnswer, answers]
}
