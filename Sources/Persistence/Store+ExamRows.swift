import Database
import Exams
import Foundation
import Questions

/// Row mapping and the writes shared by the exam store's methods.
extension Store {
    static func exam(_ db: Connection, _ id: Int) throws -> ExamRecord? {
        try db.queryOne(ExamSQL.examById, [id]).flatMap(examRecord)
    }

    static func examRecord(_ row: Row) -> ExamRecord? {
        guard let text = row.string("settings"),
              let settings = try? JSONDecoder().decode(ExamSettings.self, from: Data(text.utf8)) else { return nil }
        return ExamRecord(id: row.int("id") ?? 0, settings: settings,
                          status: ExamStatus(rawValue: row.string("status") ?? "") ?? .draft,
                          ownerUnitId: row.int("owner_unit_id"), createdAt: row.int64("created_at") ?? 0,
                          rosterCount: row.int("roster_count") ?? 0, submittedCount: row.int("submitted_count") ?? 0)
    }

    static func rosterEntry(_ row: Row) -> RosterEntry {
        RosterEntry(userId: row.int("user_id") ?? 0, username: row.string("username") ?? "",
                    displayName: row.string("display_name") ?? "", unitId: row.int("unit_id"), unitName: row.string("unit_name"))
    }

    static func insertAttempt(_ db: Connection, examId: Int, userId: Int, number: Int, items: [PaperItem]) throws -> Int {
        try db.run(ExamSQL.insertAttempt, [examId, userId, number, items.map(\.points).reduce(0, +)])
        let id = Int(db.lastInsertRowID)
        for item in items {
            try db.run(ExamSQL.insertItem, [id, item.slot, item.questionId, item.version, item.points,
                                            item.optionOrder.map(String.init).joined(separator: ",")])
        }
        return id
    }

    static func attempt(_ db: Connection, _ row: Row, withItems: Bool = true) throws -> AttemptRecord {
        let id = row.int("id") ?? 0
        let items = withItems ? try db.query(ExamSQL.items, [id]).map { r in
            PaperItem(slot: r.int("slot") ?? 0, questionId: r.int("question_id") ?? 0, version: r.int("version") ?? 1,
                      points: r.double("points") ?? 0,
                      optionOrder: (r.string("option_order") ?? "").split(separator: ",").compactMap { Int($0) })
        } : []
        return AttemptRecord(id: id, examId: row.int("exam_id") ?? 0, userId: row.int("user_id") ?? 0,
                             number: row.int("number") ?? 1, state: AttemptState(rawValue: row.string("state") ?? "") ?? .ready,
                             startedAt: row.int64("started_at"), deadline: row.int64("deadline"),
                             submittedAt: row.int64("submitted_at"),
                             submittedBy: row.string("submitted_by").flatMap(SubmittedBy.init),
                             ownerClient: row.string("owner_client"), score: row.double("score"),
                             maxScore: row.double("max_score") ?? 0, passed: row.bool("passed"), digest: row.string("digest"),
                             items: items)
    }

    static func responses(_ db: Connection, _ attemptId: Int) throws -> [SavedResponse] {
        try db.query(ExamSQL.responses, [attemptId]).compactMap { row in
            guard let text = row.string("response"),
                  let response = try? JSONDecoder().decode(QuestionResponse.self, from: Data(text.utf8)) else { return nil }
            return SavedResponse(slot: row.int("slot") ?? 0, seq: row.int64("seq") ?? 0, response: response,
                                 savedAt: row.int64("saved_at") ?? 0)
        }
    }
}
