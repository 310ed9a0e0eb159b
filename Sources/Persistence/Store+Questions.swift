import Accounts
import Database
import Foundation
import Questions

extension Store: QuestionStore {
    public func existing(externalIds: [String], fingerprints: [String]) throws
        -> (byExternalId: [String: ExistingQuestion], byFingerprint: [String: Int]) {
        try pool.read { db in
            var byId: [String: ExistingQuestion] = [:]
            for id in externalIds {
                if let row = try db.queryOne(QuestionSQL.byExternalId, [id]) {
                    byId[id] = ExistingQuestion(questionId: row.int("id") ?? 0, fingerprint: row.string("fingerprint") ?? "",
                                                status: QuestionStatus(rawValue: row.string("status") ?? "") ?? .active)
                }
            }
            var byPrint: [String: Int] = [:]
            for print in Set(fingerprints) {
                if let id = try db.scalar(QuestionSQL.byFingerprint, [print]).int { byPrint[print] = id }
            }
            return (byId, byPrint)
        }
    }

    public func apply(_ plans: [(plan: ImportPlan, bank: ParsedBank)], editor: Editor, now: Int64) throws -> [ImportOutcome] {
        try pool.write { db in
            try plans.map { try apply(db, $0.plan, bank: $0.bank, editor: editor, now: now) }
        }
    }

    func apply(_ db: Connection, _ plan: ImportPlan, bank: ParsedBank, editor: Editor, now: Int64) throws -> ImportOutcome {
            // A bank is created only for questions it will hold: re-importing an export under another file name
            // (which names the bank) must not leave an empty bank behind.
            let bankId = plan.added > 0 ? try ensureBank(db, bank, now: now)
                : try db.scalar(QuestionSQL.bankByName, [bank.name]).int
            var categories: [String: Int?] = [:]
            for item in plan.items {
                let q = item.question
                switch item.action {
                case .add:
                    _ = try insert(db, q.content, bankId: bankId ?? 0, externalId: q.externalId, status: q.status,
                                   editor: editor, now: now, categories: &categories)
                case .newVersion(let id):
                    _ = try update(db, id: id, content: q.content, status: q.status, note: "imported from \(q.location.file)",
                                   editor: editor, now: now, categories: &categories)
                case .unchanged, .duplicate, .repeatedInFile:
                    continue
                }
            }
            try audit(db, editor.actor, "questions.import", "question_bank", bankId.map(String.init), before: nil,
                      after: Self.json(["bank": bank.name, "added": String(plan.added), "changed": String(plan.changed),
                                        "duplicates": String(plan.duplicates)]), now: now)
            return ImportOutcome(bankId: bankId, added: plan.added, changed: plan.changed, unchanged: plan.unchanged,
                                 duplicates: plan.duplicates)
    }

    public func question(id: Int) throws -> StoredQuestion? {
        try pool.read { try $0.queryOne(QuestionSQL.byId, [id]).flatMap(Self.storedQuestion) }
    }

    public func versions(questionId: Int) throws -> [QuestionVersion] {
        try pool.read { db in
            try db.query(QuestionSQL.versions, [questionId]).compactMap { row in
                guard let content = Self.decodeContent(row.string("content")) else { return nil }
                return QuestionVersion(questionId: questionId, version: row.int("version") ?? 0, content: content,
                                       createdAt: row.int64("created_at") ?? 0, author: row.string("author_name"),
                                       note: row.string("note"))
            }
        }
    }

    public func banks() throws -> [QuestionBank] {
        try pool.read { db in
            try db.query(QuestionSQL.banks).map {
                QuestionBank(id: $0.int("id") ?? 0, name: $0.string("name") ?? "", law: $0.string("law"),
                             description: $0.string("description"), questionCount: $0.int("n") ?? 0)
            }
        }
    }

    public func categoryPaths() throws -> [String] {
        try pool.read { try $0.query(QuestionSQL.categoryPaths).compactMap { $0.string("path") } }
    }

    public func insertQuestion(_ content: QuestionContent, bankId: Int, status: QuestionStatus, editor: Editor,
                               now: Int64) throws -> StoredQuestion {
        try pool.write { db in
            guard try db.queryOne(QuestionSQL.bankById, [bankId]) != nil else { throw QuestionError.bankNotFound(bankId) }
            var categories: [String: Int?] = [:]
            let id = try insert(db, content, bankId: bankId, externalId: nil, status: status, editor: editor, now: now,
                                categories: &categories)
            let stored = try db.queryOne(QuestionSQL.byId, [id]).flatMap(Self.storedQuestion)
            try audit(db, editor.actor, "question.create", "question", String(id), before: nil,
                      after: stored.map { Self.encodeContent($0.content) }, now: now)
            guard let stored else { throw QuestionError.notFound(id) }
            return stored
        }
    }

    public func updateQuestion(id: Int, content: QuestionContent, status: QuestionStatus, expectedVersion: Int,
                               note: String?, editor: Editor, now: Int64) throws -> StoredQuestion {
        try pool.write { db in
            guard let before = try db.queryOne(QuestionSQL.byId, [id]).flatMap(Self.storedQuestion) else {
                throw QuestionError.notFound(id)
            }
            guard before.version == expectedVersion else { throw QuestionError.staleVersion(current: before.version) }
            // Saving without a change makes no version: history only records real edits.
            if before.content.fingerprint == content.fingerprint && before.status == status { return before }
            var categories: [String: Int?] = [:]
            _ = try update(db, id: id, content: content, status: status, note: note, editor: editor, now: now,
                           categories: &categories)
            guard let after = try db.queryOne(QuestionSQL.byId, [id]).flatMap(Self.storedQuestion) else {
                throw QuestionError.notFound(id)
            }
            try audit(db, editor.actor, "question.update", "question", String(id),
                      before: Self.encodeContent(before.content), after: Self.encodeContent(after.content), now: now)
            return after
        }
    }
}

extension Editor {
    var actor: Actor { Actor(userId: userId, name: name, requestId: requestId) }
}
