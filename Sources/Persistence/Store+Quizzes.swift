import Accounts
import Database
import Draws
import Exams
import Foundation
import Questions
import Quizzes

extension Store: QuizStore {
    public func createRound(_ settings: QuizRoundSettings, createdBy: Int?, now: Int64) throws -> QuizRound {
        try pool.write { db in
            try db.run(QuizSQL.insertRound, [settings.title, settings.opensAt, settings.closesAt, Self.json(settings) ?? "{}",
                                             createdBy, now, now])
            let id = Int(db.lastInsertRowID)
            try audit(db, Accounts.Actor(userId: createdBy, name: "staff", requestId: nil), "quiz.create", "quiz_round", String(id),
                      before: nil, after: Self.json(settings), now: now)
            return try Self.round(db, id)!
        }
    }

    public func updateRound(id: Int, settings: QuizRoundSettings, now: Int64) throws -> QuizRound {
        try pool.write { db in
            guard try Self.round(db, id) != nil else { throw QuizError.notFound("竞答 \(id) / round \(id)") }
            guard try db.run(QuizSQL.updateRound, [settings.title, settings.opensAt, settings.closesAt, Self.json(settings) ?? "{}",
                                                   now, id]) == 1 else { throw QuizError.alreadyPublished }
            return try Self.round(db, id)!
        }
    }

    public func publishRound(id: Int, rules: DrawRules?, now: Int64) throws -> QuizRound {
        try pool.write { db in
            guard try Self.round(db, id) != nil else { throw QuizError.notFound("竞答 \(id) / round \(id)") }
            guard try db.run(QuizSQL.publishRound, [rules?.canonicalJSON(), rules?.commitment(), now, now, id]) == 1 else {
                throw QuizError.alreadyPublished
            }
            try audit(db, Accounts.Actor(userId: nil, name: "staff", requestId: nil), "quiz.publish", "quiz_round", String(id),
                      before: nil, after: rules.map { "{\"commitment\":\"\($0.commitment())\"}" }, now: now)
            return try Self.round(db, id)!
        }
    }

    public func round(id: Int) throws -> QuizRound? {
        try pool.read { try Self.round($0, id) }
    }

    public func rounds() throws -> [QuizRound] {
        try pool.read { db in try db.query(QuizSQL.rounds).compactMap(Self.round) }
    }

    /// The published rules' exact text (its SHA-256 is the commitment), or nil.
    public func roundRules(id: Int) throws -> String? {
        try pool.read { try $0.scalar(QuizSQL.rulesOfRound, [id]).string }
    }

    public func insertEntry(_ entry: QuizEntry, tokenDigest: String, day: String) throws -> QuizEntry {
        try pool.write { db in
            let items = String(decoding: try JSONEncoder().encode(entry.items), as: UTF8.self)
            try db.run(QuizSQL.insertEntry, [entry.publicId, entry.roundId, tokenDigest, entry.deviceKey, day, entry.startedAt,
                                             items, entry.maxScore])
            var stored = entry
            stored.id = Int(db.lastInsertRowID)
            return stored
        }
    }

    public func entry(publicId: String) throws -> (entry: QuizEntry, tokenDigest: String)? {
        try pool.read { db in
            guard let row = try db.queryOne(QuizSQL.entryByPublicId, [publicId]) else { return nil }
            let answers = try db.query(QuizSQL.answersOfEntry, [row.int("id") ?? 0]).compactMap(Self.answer)
            return (Self.entry(row, answers: answers), row.string("token_digest") ?? "")
        }
    }

    public func deviceEntries(roundId: Int, deviceKey: String, day: String) throws -> (today: Int, round: Int, phones: Set<String>) {
        try pool.read { db in
            (try db.scalar(QuizSQL.deviceToday, [roundId, deviceKey, day]).int ?? 0,
             try db.scalar(QuizSQL.deviceRound, [roundId, deviceKey]).int ?? 0,
             Set(try db.query(QuizSQL.devicePhones, [roundId, deviceKey]).compactMap { $0.string("phone") }))
        }
    }

    public func insertAnswer(entryId: Int, _ answer: QuizAnswer, completion: @escaping @Sendable (Result<Bool, any Error>) -> Void) {
        let response = ResponseJSON.encode(answer.response)
        pool.writeAsync(singleStatement: true, { db in
            try db.run(QuizSQL.insertAnswer, [entryId, answer.slot, response, answer.fraction, answer.late, answer.answeredAt]) == 1
        }, completion: completion)
    }

    public func finishEntry(entryId: Int, at: Int64, participant: Participant?, flags: [QuizFlag]) throws {
        let flagsJSON = String(decoding: try JSONEncoder().encode(flags), as: UTF8.self)
        try pool.write { db in
            do {
                try db.run(QuizSQL.finishEntry, [at, entryId, participant?.nickname, participant?.phone, participant?.regionId,
                                                 flagsJSON, entryId])
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw QuizError.phoneAlreadyEntered
            } catch let error as DatabaseError where error.isForeignKeyViolation {
                throw QuizError.invalid(["所选村镇不存在 / unknown town or village"])
            }
        }
    }

    public func entries(roundId: Int) throws -> [QuizEntry] {
        try pool.read { db in
            var answers: [Int: [QuizAnswer]] = [:]
            for row in try db.query(QuizSQL.answersOfRound, [roundId]) {
                if let answer = Self.answer(row) { answers[row.int("entry_id") ?? 0, default: []].append(answer) }
            }
            return try db.query(QuizSQL.entriesOfRound, [roundId]).map { Self.entry($0, answers: answers[$0.int("id") ?? 0] ?? []) }
        }
    }

    public func reviewEntry(roundId: Int, publicId: String, review: FlagReview, by: String, now: Int64) throws {
        try pool.write { db in
            guard try db.run(QuizSQL.reviewEntry, [review.rawValue, by, now, roundId, publicId]) == 1 else {
                throw QuizError.notFound("作答 \(publicId) / entry \(publicId)")
            }
            try audit(db, Accounts.Actor(userId: nil, name: by, requestId: nil), "quiz.review", "quiz_entry", publicId,
                      before: nil, after: "{\"review\":\"\(review.rawValue)\"}", now: now)
        }
    }

    /// Records that an entry opened the related reading (once; repeats change nothing).
    public func recordRead(entryId: Int, at: Int64) throws {
        try pool.write { _ = try $0.run(QuizSQL.insertRead, [entryId, at]) }
    }

    public func readers(roundId: Int) throws -> Set<Int> {
        try pool.read { Set(try $0.query(QuizSQL.readersOfRound, [roundId]).compactMap { $0.int("entry_id") }) }
    }

    static func round(_ db: Connection, _ id: Int) throws -> QuizRound? {
        try db.queryOne(QuizSQL.roundById, [id]).flatMap(round)
    }

    static func round(_ row: Row) -> QuizRound? {
        guard let text = row.string("settings_json"),
              let settings = try? JSONDecoder().decode(QuizRoundSettings.self, from: Data(text.utf8)) else { return nil }
        return QuizRound(id: row.int("id") ?? 0, settings: settings,
                         status: QuizRoundStatus(rawValue: row.string("status") ?? "") ?? .draft, commitment: row.string("commitment"))
    }

    static func answer(_ row: Row) -> QuizAnswer? {
        guard let text = row.string("response_json"),
              let response = try? JSONDecoder().decode(QuestionResponse.self, from: Data(text.utf8)) else { return nil }
        return QuizAnswer(slot: row.int("slot") ?? 0, response: response, fraction: row.double("fraction") ?? 0,
                          answeredAt: row.int64("answered_at") ?? 0, late: row.bool("late") ?? false)
    }

    static func entry(_ row: Row, answers: [QuizAnswer]) -> QuizEntry {
        let items = (try? JSONDecoder().decode([PaperItem].self, from: Data((row.string("items_json") ?? "[]").utf8))) ?? []
        let flags = (try? JSONDecoder().decode([QuizFlag].self, from: Data((row.string("flags_json") ?? "[]").utf8))) ?? []
        var participant: Participant?
        if let phone = row.string("phone"), let region = row.int("region_id") {
            participant = Participant(nickname: row.string("nickname") ?? "", phone: phone, regionId: region)
        }
        return QuizEntry(id: row.int("id") ?? 0, publicId: row.string("public_id") ?? "", roundId: row.int("round_id") ?? 0,
                         deviceKey: row.string("device_key") ?? "", startedAt: row.int64("started_at") ?? 0, items: items,
                         answers: answers, finishedAt: row.int64("finished_at"), participant: participant, flags: flags,
                         review: row.string("review").flatMap(FlagReview.init))
    }
}
