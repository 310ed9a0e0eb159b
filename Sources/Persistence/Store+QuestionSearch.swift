import Database
import Questions

extension Store {
    /// Filters and Chinese full-text search over stems, options, explanations and bases (see `SearchText`).
    public func search(_ query: QuestionQuery) throws -> QuestionPage {
        var clauses: [String] = []
        var args: [any SQLBindable] = []
        if let text = query.text.map(SearchText.normalize), !text.isEmpty {
            if let match = SearchText.matchExpression(text) {
                // All the bigrams through the index, then the whole query as a substring of the normalized text.
                clauses.append("""
                    q.id IN (SELECT g.rowid FROM question_grams g JOIN question_text t ON t.question_id = g.rowid
                             WHERE question_grams MATCH ? AND instr(t.body, ?) > 0)
                    """)
                args += [match, text]
            } else {
                clauses.append("q.id IN (SELECT question_id FROM question_text WHERE instr(body, ?) > 0)")
                args.append(text)
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
            // Page over ids first (indexes only), then load the page's content: sorting thousands of matches
            // with their JSON attached was the slow part.
            let rows = try db.query("""
                SELECT \(QuestionSQL.columns) \(QuestionSQL.fromCurrent)
                WHERE q.id IN (SELECT q.id FROM questions q \(filter) ORDER BY q.id LIMIT ? OFFSET ?)
                ORDER BY q.id
                """, args + [query.pageSize, (query.page - 1) * query.pageSize])
            return QuestionPage(items: rows.compactMap(Self.storedQuestion), total: total, page: query.page,
                                pageSize: query.pageSize)
        }
    }
}

import Foundation
