/// The SQL behind the question store, by name. Parameters are always bound.
enum QuestionSQL {
    static let columns = """
        q.id, q.bank_id, q.external_id, q.status, q.current_version, q.created_at, q.updated_at, v.content
        """
    static let fromCurrent = """
        FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        """
    static let byId = "SELECT \(columns) \(fromCurrent) WHERE q.id = ?"
    static let byExternalId = "SELECT id, fingerprint, status FROM questions WHERE external_id = ?"
    static let byFingerprint = "SELECT id FROM questions WHERE fingerprint = ? ORDER BY id LIMIT 1"
    static let versions = """
        SELECT question_id, version, content, created_at, author_name, note FROM question_versions
        WHERE question_id = ? ORDER BY version
        """
    static let bankByName = "SELECT id FROM question_banks WHERE name = ?"
    static let bankById = "SELECT id FROM question_banks WHERE id = ?"
    static let insertBank = "INSERT INTO question_banks (name, law, description, created_at) VALUES (?, ?, ?, ?)"
    static let updateBank = "UPDATE question_banks SET law = coalesce(?, law), description = coalesce(?, description) WHERE id = ?"
    static let banks = """
        SELECT b.id, b.name, b.law, b.description,
               (SELECT count(*) FROM questions q WHERE q.bank_id = b.id AND q.status != 'retired') AS n
        FROM question_banks b ORDER BY b.name
        """
    static let categoryByPath = "SELECT id FROM question_categories WHERE path = ?"
    static let insertCategory = "INSERT INTO question_categories (parent_id, name, path) VALUES (?, ?, ?)"
    static let categoryPaths = "SELECT path FROM question_categories ORDER BY path"
    static let insertQuestion = """
        INSERT INTO questions (bank_id, external_id, type, status, current_version, category_id, law, difficulty,
                               fingerprint, created_at, updated_at)
        VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
        """
    static let updateQuestion = """
        UPDATE questions SET type = ?, status = ?, current_version = ?, category_id = ?, law = ?, difficulty = ?,
                             fingerprint = ?, updated_at = ?
        WHERE id = ?
        """
    static let currentVersion = "SELECT current_version, status FROM questions WHERE id = ?"
    static let insertVersion = """
        INSERT INTO question_versions (question_id, version, content, fingerprint, created_at, author_id, author_name, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let deleteTopics = "DELETE FROM question_topics WHERE question_id = ?"
    static let insertTopic = "INSERT OR IGNORE INTO question_topics (question_id, topic) VALUES (?, ?)"
    static let deleteAudiences = "DELETE FROM question_audiences WHERE question_id = ?"
    static let insertAudience = "INSERT OR IGNORE INTO question_audiences (question_id, audience) VALUES (?, ?)"
    static let searchBody = "SELECT body FROM question_text WHERE question_id = ?"
    static let upsertSearchBody = """
        INSERT INTO question_text (question_id, body) VALUES (?, ?)
        ON CONFLICT (question_id) DO UPDATE SET body = excluded.body
        """
    /// Contentless FTS5 rows are removed by replaying the indexed text with the 'delete' command.
    static let deleteGrams = "INSERT INTO question_grams (question_grams, rowid, grams) VALUES ('delete', ?, ?)"
    static let insertGrams = "INSERT INTO question_grams (rowid, grams) VALUES (?, ?)"

    static let all = [byId, byExternalId, byFingerprint, versions, bankByName, bankById, insertBank, updateBank, banks,
                      categoryByPath, insertCategory, categoryPaths, insertQuestion, updateQuestion, currentVersion,
                      insertVersion, deleteTopics, insertTopic, deleteAudiences, insertAudience, searchBody, upsertSearchBody,
                      deleteGrams, insertGrams]
}
