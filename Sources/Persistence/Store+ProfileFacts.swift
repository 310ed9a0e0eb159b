import Accounts
import Audience
import Database
import Exams
import Foundation
import Questions

/// What one run of the facts job folded.
public struct FactsFold: Sendable, Equatable {
    public var entries = 0
    public var attempts = 0
    public var answers = 0
}

extension Store {
    static let quizMarkKey = "facts.quiz_entries_until"
    static let attemptMarkKey = "facts.attempts_until"
    /// Entries and attempts finished in the last moments may still be committing: they wait for the next run.
    public static let factsSettleMillis: Int64 = 2_000

    /// Folds finished quiz entries (resident profile by phone) and submitted exam attempts (account profile) into
    /// marks per knowledge point per Beijing day, and their times into last activity. Each source is folded once:
    /// the finishing time folded up to is kept in `settings`, in the same transaction as the marks.
    @discardableResult
    public func foldFacts(now: Int64) throws -> FactsFold {
        let cutoff = now - Self.factsSettleMillis
        return try pool.write { db in
            var fold = FactsFold()
            var points: [String: [String]] = [:]   // "question:version" → knowledge points
            let quizFrom = Int64(try db.scalar(ProfileSQL.getMark, [Self.quizMarkKey]).string ?? "") ?? 0
            if cutoff > quizFrom {
                for entry in try db.query(ProfileSQL.finishedEntries, [quizFrom, cutoff]) {
                    fold.answers += try Self.foldEntry(db, entry, points: &points)
                    fold.entries += 1
                }
                try db.run(ProfileSQL.putMark, [Self.quizMarkKey, String(cutoff)])
            }
            let examFrom = Int64(try db.scalar(ProfileSQL.getMark, [Self.attemptMarkKey]).string ?? "") ?? 0
            if cutoff > examFrom {
                var scoring: [Int: MultipleChoiceScoring] = [:]
                for row in try db.query(ProfileSQL.submittedAttempts, [examFrom, cutoff]) {
                    fold.answers += try Self.foldAttempt(db, row, scoring: &scoring, points: &points, now: now)
                    fold.attempts += 1
                }
                try db.run(ProfileSQL.putMark, [Self.attemptMarkKey, String(cutoff)])
            }
            return fold
        }
    }

    static func foldEntry(_ db: Connection, _ entry: Row, points: inout [String: [String]]) throws -> Int {
        guard let phone = entry.string("phone"), let entryId = entry.int("id"), let finishedAt = entry.int64("finished_at") else { return 0 }
        let profile = try upsertResident(db, phone: phone, nickname: entry.string("nickname") ?? Phone.masked(phone),
                                         regionId: entry.int("region_id"), now: finishedAt)
        let items = (try? JSONDecoder().decode([PaperItem].self, from: Data((entry.string("items_json") ?? "[]").utf8))) ?? []
        let bySlot = Dictionary(items.map { ($0.slot, $0) }, uniquingKeysWith: { a, _ in a })
        var count = 0
        for answer in try db.query(ProfileSQL.entryAnswers, [entryId]) {
            guard let item = answer.int("slot").flatMap({ bySlot[$0] }) else { continue }
            let day = BeijingDay.of(answer.int64("answered_at") ?? finishedAt)
            for topic in try knowledgePoints(db, item, &points) {
                try db.run(ProfileSQL.addTopicDay, [profile, topic, day, 1, answer.double("fraction") ?? 0])
            }
            count += 1
        }
        try db.run(ProfileSQL.touch, [profile, finishedAt])
        return count
    }

    static func foldAttempt(_ db: Connection, _ row: Row, scoring: inout [Int: MultipleChoiceScoring],
                            points: inout [String: [String]], now: Int64) throws -> Int {
        let attempt = try Self.attempt(db, row)
        let submittedAt = attempt.submittedAt ?? now
        let profile = try accountProfileId(db: db, userId: attempt.userId, now: now)
        if scoring[attempt.examId] == nil {
            let text = try db.scalar(ProfileSQL.examScoring, [attempt.examId]).string ?? "{}"
            scoring[attempt.examId] = (try? JSONDecoder().decode(ExamSettings.self, from: Data(text.utf8)))?.multipleScoring ?? .allOrNothing
        }
        let responses = Dictionary(try Self.responses(db, attempt.id).map { ($0.slot, $0) }, uniquingKeysWith: { a, b in a.seq >= b.seq ? a : b })
        let marks = try Self.manualMarks(db, attempt.id)
        var count = 0
        for item in attempt.items {
            guard let content = decodeContent(try db.scalar(ExamSQL.version, [item.questionId, item.version]).string) else { continue }
            let saved = responses[item.slot]
            let response = saved.map { ExamGrader.unshuffle($0.response, item.optionOrder) }
            // A case answer counts once it has a hand mark; unanswered questions count as wrong.
            guard let fraction = content.grade(response, scoring: scoring[attempt.examId] ?? .allOrNothing).fraction
                    ?? marks[item.slot].map({ item.points > 0 ? min(1, $0 / item.points) : 0 }) else { continue }
            let day = BeijingDay.of(saved?.savedAt ?? submittedAt)
            for topic in try knowledgePoints(db, item, &points) {
                try db.run(ProfileSQL.addTopicDay, [profile, topic, day, 1, fraction])
            }
            count += 1
        }
        try db.run(ProfileSQL.touch, [profile, submittedAt])
        return count
    }

    static func knowledgePoints(_ db: Connection, _ item: PaperItem, _ cache: inout [String: [String]]) throws -> [String] {
        let key = "\(item.questionId):\(item.version)"
        if let known = cache[key] { return known }
        let content = decodeContent(try db.scalar(ExamSQL.version, [item.questionId, item.version]).string)
        let found = content.map { KnowledgePoints.of(category: $0.category, topics: $0.topics) } ?? []
        cache[key] = found
        return found
    }
}
