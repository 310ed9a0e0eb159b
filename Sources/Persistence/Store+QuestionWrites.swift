import Database
import Foundation
import Questions

/// The row-level writes shared by import, create and edit; all run inside the caller's write transaction.
extension Store {
    func ensureBank(_ db: Connection, _ bank: ParsedBank, now: Int64) throws -> Int {
        if let id = try db.scalar(QuestionSQL.bankByName, [bank.name]).int {
            try db.run(QuestionSQL.updateBank, [bank.law, bank.description, id])
            return id
        }
        try db.run(QuestionSQL.insertBank, [bank.name, bank.law, bank.description, now])
        return Int(db.lastInsertRowID)
    }

    func insert(_ db: Connection, _ content: QuestionContent, bankId: Int, externalId: String?, status: QuestionStatus,
                editor: Editor, now: Int64, categories: inout [String: Int?]) throws -> Int {
        let category = try categoryId(db, content.category, cache: &categories)
        let print = content.fingerprint
        do {
            try db.run(QuestionSQL.insertQuestion, [bankId, externalId, content.type.rawValue, status.rawValue, category,
                                                    content.law, content.difficulty, print, now, now])
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw QuestionError.invalid(["编号 \(externalId ?? "") 已存在 / id \(externalId ?? "") already exists"])
        }
        let id = Int(db.lastInsertRowID)
        try writeVersion(db, id: id, version: 1, content: content, fingerprint: print, note: nil, editor: editor, now: now)
        return id
    }

    func update(_ db: Connection, id: Int, content: QuestionContent, status: QuestionStatus, note: String?,
                editor: Editor, now: Int64, categories: inout [String: Int?]) throws -> Int {
        guard let current = try db.queryOne(QuestionSQL.currentVersion, [id])?.int("current_version") else {
            throw QuestionError.notFound(id)
        }
        let category = try categoryId(db, content.category, cache: &categories)
        let print = content.fingerprint
        try db.run(QuestionSQL.updateQuestion, [content.type.rawValue, status.rawValue, current + 1, category, content.law,
                                                content.difficulty, print, now, id])
        try writeVersion(db, id: id, version: current + 1, content: content, fingerprint: print, note: note,
                         editor: editor, now: now)
        return current + 1
    }

    func writeVersion(_ db: Connection, id: Int, version: Int, content: QuestionContent, fingerprint: String,
                      note: String?, editor: Editor, now: Int64) throws {
        try db.run(QuestionSQL.insertVersion, [id, version, Self.encodeContent(content), fingerprint, now, editor.userId,
                                               editor.name, note])
        if version > 1 {
            try db.run(QuestionSQL.deleteTopics, [id])
            try db.run(QuestionSQL.deleteAudiences, [id])
            if let old = try db.scalar(QuestionSQL.searchBody, [id]).string {
                try db.run(QuestionSQL.deleteGrams, [id, SearchText.bigrams(old).joined(separator: " ")])
            }
        }
        for topic in content.topics { try db.run(QuestionSQL.insertTopic, [id, topic]) }
        for audience in content.audiences { try db.run(QuestionSQL.insertAudience, [id, audience]) }
        let index = SearchText.indexText(content)
        try db.run(QuestionSQL.upsertSearchBody, [id, index.normalized])
        try db.run(QuestionSQL.insertGrams, [id, index.grams])
    }

    /// The id of a category path, creating it and its ancestors when missing.
    func categoryId(_ db: Connection, _ path: String, cache: inout [String: Int?]) throws -> Int? {
        let parts = path.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        let full = parts.joined(separator: "/")
        if let cached = cache[full] { return cached }
        var parent: Int?
        for depth in 1...parts.count {
            let prefix = parts.prefix(depth).joined(separator: "/")
            if let id = try db.scalar(QuestionSQL.categoryByPath, [prefix]).int {
                parent = id
            } else {
                try db.run(QuestionSQL.insertCategory, [parent, parts[depth - 1], prefix])
                parent = Int(db.lastInsertRowID)
            }
        }
        cache[full] = parent
        return parent
    }

    static func storedQuestion(_ row: Row) -> StoredQuestion? {
        guard let content = decodeContent(row.string("content")) else { return nil }
        return StoredQuestion(id: row.int("id") ?? 0, bankId: row.int("bank_id") ?? 0, externalId: row.string("external_id"),
                              status: QuestionStatus(rawValue: row.string("status") ?? "") ?? .draft,
                              version: row.int("current_version") ?? 1, content: content,
                              createdAt: row.int64("created_at") ?? 0, updatedAt: row.int64("updated_at") ?? 0)
    }

    static func encodeContent(_ content: QuestionContent) -> String {
        json(content) ?? "{}"
    }

    static func decodeContent(_ text: String?) -> QuestionContent? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(QuestionContent.self, from: Data(text.utf8))
    }
}
