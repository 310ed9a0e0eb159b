/// The SQL behind the exam store, by name. Parameters are always bound.
enum ExamSQL {
    static let examColumns = """
        e.id, e.settings, e.status, e.owner_unit_id, e.created_at,
        (SELECT count(*) FROM exam_roster r WHERE r.exam_id = e.id) AS roster_count,
        (SELECT count(DISTINCT a.user_id) FROM attempts a WHERE a.exam_id = e.id AND a.state = 'submitted') AS submitted_count
        """
    static let examById = "SELECT \(examColumns) FROM exams e WHERE e.id = ?"
    static let allExams = "SELECT \(examColumns) FROM exams e ORDER BY e.opens_at DESC, e.id DESC"
    static let insertExam = """
        INSERT INTO exams (title, year, opens_at, closes_at, settings, status, owner_unit_id, created_by, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)
        """
    static let updateExam = """
        UPDATE exams SET title = ?, year = ?, opens_at = ?, closes_at = ?, settings = ?, updated_at = ? WHERE id = ? AND status = 'draft'
        """
    static let publishExam = "UPDATE exams SET status = 'published', updated_at = ? WHERE id = ? AND status = 'draft'"
    static let officialsInUnits = """
        SELECT u.id, u.unit_id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'official'
        WHERE u.disabled = 0 AND u.unit_id IN (SELECT value FROM json_each(?))
        """
    static let accountByName = "SELECT id, unit_id FROM users WHERE username = ? AND disabled = 0"
    static let clearRoster = "DELETE FROM exam_roster WHERE exam_id = ?"
    static let clearRosterUnits = "DELETE FROM exam_roster_units WHERE exam_id = ?"
    static let insertRoster = "INSERT OR IGNORE INTO exam_roster (exam_id, user_id, unit_id) VALUES (?, ?, ?)"
    static let insertRosterUnit = "INSERT OR IGNORE INTO exam_roster_units (exam_id, unit_id) VALUES (?, ?)"
    static let roster = """
        SELECT r.user_id, u.username, u.display_name, r.unit_id, n.name AS unit_name
        FROM exam_roster r JOIN users u ON u.id = r.user_id LEFT JOIN units n ON n.id = r.unit_id
        WHERE r.exam_id = ? ORDER BY n.name, u.username
        """
    static let rosterUnits = "SELECT unit_id FROM exam_roster_units WHERE exam_id = ? ORDER BY unit_id"
    static let poolAll = """
        SELECT q.id, q.current_version, q.type, coalesce(c.path, '') AS category, q.difficulty, v.content
        FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        LEFT JOIN question_categories c ON c.id = q.category_id
        WHERE q.status = 'active'
        """
    static let myExams = """
        SELECT \(examColumns) FROM exams e JOIN exam_roster r ON r.exam_id = e.id AND r.user_id = ?
        WHERE e.status = 'published' ORDER BY e.opens_at DESC
        """
    static let attemptColumns = """
        id, exam_id, user_id, number, state, started_at, deadline, submitted_at, submitted_by, owner_client, score,
        max_score, passed, digest
        """
    static let attemptById = "SELECT \(attemptColumns) FROM attempts WHERE id = ?"
    static let attemptsOf = "SELECT \(attemptColumns) FROM attempts WHERE exam_id = ? AND user_id = ? ORDER BY number"
    static let attemptsOfExam = "SELECT \(attemptColumns) FROM attempts WHERE exam_id = ? ORDER BY user_id, number"
    static let items = "SELECT slot, question_id, version, points, option_order FROM attempt_items WHERE attempt_id = ? ORDER BY slot"
    static let insertAttempt = """
        INSERT INTO attempts (exam_id, user_id, number, state, max_score) VALUES (?, ?, ?, 'ready', ?)
        """
    static let insertItem = """
        INSERT INTO attempt_items (attempt_id, slot, question_id, version, points, option_order) VALUES (?, ?, ?, ?, ?, ?)
        """
    static let start = """
        UPDATE attempts SET state = 'in_progress', started_at = ?, deadline = ?, owner_client = ? WHERE id = ? AND state = 'ready'
        """
    static let takeOver = "UPDATE attempts SET owner_client = ? WHERE id = ?"
    static let saveCheck = "SELECT state, deadline, owner_client FROM attempts WHERE id = ?"
    static let storedSeq = "SELECT seq FROM responses WHERE attempt_id = ? AND slot = ?"
    static let upsertResponse = """
        INSERT INTO responses (attempt_id, slot, seq, response, saved_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (attempt_id, slot) DO UPDATE SET seq = excluded.seq, response = excluded.response, saved_at = excluded.saved_at
        WHERE excluded.seq > responses.seq
        """
    static let insertStep = "INSERT INTO response_steps (attempt_id, slot, seq, response, saved_at) VALUES (?, ?, ?, ?, ?)"
    static let responses = "SELECT slot, seq, response, saved_at FROM responses WHERE attempt_id = ? ORDER BY slot"
    static let submit = """
        UPDATE attempts SET state = 'submitted', submitted_at = ?, submitted_by = ?, score = ?, passed = ?, needs_marking = ?,
                            digest = ?
        WHERE id = ? AND state = 'in_progress'
        """
    static let expired = "SELECT id FROM attempts WHERE state = 'in_progress' AND deadline < ? ORDER BY deadline LIMIT 500"
    static let version = "SELECT content FROM question_versions WHERE question_id = ? AND version = ?"
    static let submittedUsing = """
        SELECT \(attemptColumns) FROM attempts WHERE exam_id = ? AND state = 'submitted'
        AND id IN (SELECT attempt_id FROM attempt_items WHERE question_id = ?) ORDER BY id
        """
    static let moveVersion = """
        UPDATE attempt_items SET version = ? WHERE question_id = ?
        AND attempt_id IN (SELECT id FROM attempts WHERE exam_id = ? AND state = 'submitted')
        """
    static let setResult = "UPDATE attempts SET score = ?, passed = ? WHERE id = ?"
    static let uses = """
        SELECT i.attempt_id, i.slot, i.question_id, i.version, i.points, i.option_order, r.seq, r.response, r.saved_at, e.settings
        FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id AND a.state = 'submitted'
        JOIN exams e ON e.id = a.exam_id
        LEFT JOIN responses r ON r.attempt_id = i.attempt_id AND r.slot = i.slot
        WHERE i.question_id = ?
        """
    static let upsertOverride = """
        INSERT INTO exam_overrides (exam_id, user_id, extra_minutes, closes_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (exam_id, user_id) DO UPDATE SET extra_minutes = excluded.extra_minutes, closes_at = excluded.closes_at
        """
    static let override = "SELECT extra_minutes, closes_at FROM exam_overrides WHERE exam_id = ? AND user_id = ?"
    static let overrides = """
        SELECT o.user_id, o.extra_minutes, o.closes_at, u.username, u.display_name, u.unit_id, n.name AS unit_name
        FROM exam_overrides o JOIN users u ON u.id = o.user_id LEFT JOIN units n ON n.id = u.unit_id
        WHERE o.exam_id = ? ORDER BY u.username
        """
    static let inProgressOf = "SELECT id, started_at FROM attempts WHERE exam_id = ? AND user_id = ? AND state = 'in_progress'"
    static let setDeadline = "UPDATE attempts SET deadline = ? WHERE id = ?"
    static let manualMarks = "SELECT slot, mark FROM manual_marks WHERE attempt_id = ?"
    static let upsertMark = """
        INSERT INTO manual_marks (attempt_id, slot, mark, comment, marker_id, marked_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (attempt_id, slot) DO UPDATE SET mark = excluded.mark, comment = excluded.comment,
            marker_id = excluded.marker_id, marked_at = excluded.marked_at
        """
    static let setMarkedResult = "UPDATE attempts SET score = ?, passed = ?, needs_marking = ? WHERE id = ? AND state = 'submitted'"
    static let needingMarks = """
        SELECT \(attemptColumns) FROM attempts WHERE exam_id = ? AND state = 'submitted' AND needs_marking = 1 ORDER BY submitted_at
        """
    static let eventCounts = """
        SELECT a.user_id, e.kind, count(*) AS n FROM attempt_events e JOIN attempts a ON a.id = e.attempt_id
        WHERE a.exam_id = ? GROUP BY a.user_id, e.kind
        """
    static let insertEvent = "INSERT INTO attempt_events (attempt_id, kind, at, received_at) VALUES (?, ?, ?, ?)"

    static let all = [examById, allExams, insertExam, updateExam, publishExam, officialsInUnits, accountByName, clearRoster,
                      clearRosterUnits, insertRoster, insertRosterUnit, roster, rosterUnits, poolAll, myExams, attemptById,
                      attemptsOf, attemptsOfExam, items, insertAttempt, insertItem, start, takeOver, saveCheck, storedSeq,
                      upsertResponse, insertStep, responses, submit, expired, version, submittedUsing, moveVersion, setResult,
                      uses, upsertOverride, override, overrides, inProgressOf, setDeadline, manualMarks, upsertMark, setMarkedResult,
                      needingMarks, eventCounts, insertEvent]
}
