import Database
import Questions

extension Store {
    /// Filters and full-text search. Text of three or more characters uses the FTS5 trigram index; shorter text
    /// (a two-character Chinese word such as 离婚) falls back to LIKE over the same columns.
    public func search(_ query: QuestionQuery) throws -> QuestionPage {
        var clauses: [String] = []
        var args: [any SQLBindable] = []
        if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if text.count >= 3 {
                clauses.append("q.id IN (SELECT rowid FROM question_search WHERE question_search MATCH ?)")
                args.append("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
            } else {
                let like = "%" + escapeLike(text) + "%"
                clauses.append("""
                    q.id IN (SELECT rowid FROM question_search WHERE stem LIKE ? ESCAPE '\\' OR options LIKE ? ESCAPE '\\'
                             OR explanation LIKE ? ESCAPE '\\' OR basis LIKE ? ESCAPE '\\')
                    """)
                args += [like, like, like, like]
            }
        }
        if let type = query.type { clauses.append("q.type = ?"); args.append(type.rawValue) }
        if let status = query.status { clauses.append("q.status = ?"); args.append(status.rawValue) }
        if let bank = query.bankId { clauses.append("q.bank_id = ?"); args.append(bank) }
        if let difficulty = query.difficulty { clauses.append("q.difficulty = ?"); args.append(difficulty) }
        if let law = query.law { clauses.append("q.law = ?"); args.append(law) }
        if let category = query.category {
            clauses.append("""
                q.category_id IN (SELECT id FROM question_categories WHERE path = ? OR path LIKE ? ESCAPE '\\')
                """)
            args += [category, escapeLike(category) + "/%"]
        }
        if let topic = query.topic {
            clauses.append("q.id IN (SELECT question_id FROM question_topics WHERE topic = ?)")
            args.append(topic)
        }
        if let audience = query.audience {
            clauses.append("q.id IN (SELECT question_id FROM question_audiences WHERE audience = ?)")
            args.append(audience)
        }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try pool.read { db in
            let total = try db.scalar("SELECT count(*) FROM questions q \(filter)", args).int ?? 0
            let rows = try db.query("SELECT \(QuestionSQL.columns) \(QuestionSQL.fromCurrent) \(filter) ORDER BY q.id LIMIT ? OFFSET ?",
                                    args + [query.pageSize, (query.page - 1) * query.pageSize])
            return QuestionPage(items: rows.compactMap(Self.storedQuestion), total: total, page: query.page,
                                pageSize: query.pageSize)
        }
    }
}

import Foundation
