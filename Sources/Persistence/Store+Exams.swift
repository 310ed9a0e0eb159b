import Accounts
import Database
import Exams
import Foundation
import Questions

extension Store: ExamStore {
    public func createExam(_ settings: ExamSettings, ownerUnitId: Int?, createdBy: Int?, now: Int64) throws -> ExamRecord {
        try pool.write { db in
            try db.run(ExamSQL.insertExam, [settings.title, settings.year, settings.opensAt, settings.closesAt,
                                            Self.json(settings) ?? "{}", ownerUnitId, createdBy, now, now])
            let id = Int(db.lastInsertRowID)
            try audit(db, Accounts.Actor(userId: createdBy, name: "organizer", requestId: nil), "exam.create", "exam", String(id), before: nil,
                      after: Self.json(settings), now: now)
            return try Self.exam(db, id)!
        }
    }

    public func updateExam(id: Int, settings: ExamSettings, now: Int64) throws -> ExamRecord {
        try pool.write { db in
            guard let before = try Self.exam(db, id) else { throw ExamError.notFound("exam \(id)") }
            guard before.status == .draft else { throw ExamError.alreadyPublished }
            try db.run(ExamSQL.updateExam, [settings.title, settings.year, settings.opensAt, settings.closesAt,
                                            Self.json(settings) ?? "{}", now, id])
            return try Self.exam(db, id)!
        }
    }

    public func exam(id: Int) throws -> ExamRecord? {
        try pool.read { try Self.exam($0, id) }
    }

    public func exams(ownerUnits: Set<Int>?) throws -> [ExamRecord] {
        try pool.read { db in
            try db.query(ExamSQL.allExams).compactMap(Self.examRecord).filter { exam in
                ownerUnits.map { units in exam.ownerUnitId.map(units.contains) ?? false } ?? true
            }
        }
    }

    public func officials(inUnits units: Set<Int>) throws -> [(userId: Int, unitId: Int?)] {
        try pool.read { db in
            try db.query(ExamSQL.officialsInUnits, ["[" + units.sorted().map(String.init).joined(separator: ",") + "]"])
                .map { ($0.int("id") ?? 0, $0.int("unit_id")) }
        }
    }

    public func accounts(usernames: [String]) throws -> [String: (userId: Int, unitId: Int?)] {
        try pool.read { db in
            var found: [String: (userId: Int, unitId: Int?)] = [:]
            for name in usernames {
                if let row = try db.queryOne(ExamSQL.accountByName, [name]) { found[name] = (row.int("id") ?? 0, row.int("unit_id")) }
            }
            return found
        }
    }

    public func setRoster(examId: Int, entries: [(userId: Int, unitId: Int?)], units: [Int], now: Int64) throws {
        try pool.write { db in
            guard let exam = try Self.exam(db, examId) else { throw ExamError.notFound("exam \(examId)") }
            guard exam.status == .draft else { throw ExamError.alreadyPublished }
            try db.run(ExamSQL.clearRoster, [examId])
            try db.run(ExamSQL.clearRosterUnits, [examId])
            for unit in units { try db.run(ExamSQL.insertRosterUnit, [examId, unit]) }
            for entry in entries { try db.run(ExamSQL.insertRoster, [examId, entry.userId, entry.unitId]) }
        }
    }

    public func roster(examId: Int) throws -> [RosterEntry] {
        try pool.read { try $0.query(ExamSQL.roster, [examId]).map(Self.rosterEntry) }
    }

    public func rosterUnits(examId: Int) throws -> [Int] {
        try pool.read { try $0.query(ExamSQL.rosterUnits, [examId]).compactMap { $0.int("unit_id") } }
    }

    public func questionPool(ids questionIds: [Int]?) throws -> [PoolQuestion] {
        let wanted = questionIds.map(Set.init)
        return try pool.read { db in
            try db.query(ExamSQL.poolAll).compactMap { row -> PoolQuestion? in
                guard let id = row.int("id"), wanted?.contains(id) ?? true,
                      let type = row.string("type").flatMap(QuestionType.init),
                      let content = Self.decodeContent(row.string("content")) else { return nil }
                return PoolQuestion(id: id, version: row.int("current_version") ?? 1, type: type,
                                    category: row.string("category") ?? "", difficulty: row.int("difficulty") ?? 2,
                                    optionCount: content.options.count)
            }
        }
    }

    public func publish(examId: Int, papers: [(userId: Int, items: [PaperItem])], now: Int64) throws {
        try pool.write { db in
            guard try db.run(ExamSQL.publishExam, [now, examId]) == 1 else { throw ExamError.alreadyPublished }
            for paper in papers { _ = try Self.insertAttempt(db, examId: examId, userId: paper.userId, number: 1, items: paper.items) }
        }
    }

    public func myExams(userId: Int) throws -> [ExamRecord] {
        try pool.read { try $0.query(ExamSQL.myExams, [userId]).compactMap(Self.examRecord) }
    }

    public func attempts(examId: Int, userId: Int) throws -> [AttemptRecord] {
        try pool.read { db in try db.query(ExamSQL.attemptsOf, [examId, userId]).map { try Self.attempt(db, $0) } }
    }

    public func attempt(id: Int) throws -> AttemptRecord? {
        try pool.read { db in try db.queryOne(ExamSQL.attemptById, [id]).map { try Self.attempt(db, $0) } }
    }

    public func createAttempt(examId: Int, userId: Int, number: Int, items: [PaperItem]) throws -> AttemptRecord {
        try pool.write { db in
            let id = try Self.insertAttempt(db, examId: examId, userId: userId, number: number, items: items)
            return try Self.attempt(db, db.queryOne(ExamSQL.attemptById, [id])!)
        }
    }

    public func start(attemptId: Int, startedAt: Int64, deadline: Int64, clientId: String) throws -> AttemptRecord {
        try pool.write { db in
            try db.run(ExamSQL.start, [startedAt, deadline, clientId, attemptId])
            guard let row = try db.queryOne(ExamSQL.attemptById, [attemptId]) else { throw ExamError.notFound("attempt \(attemptId)") }
            return try Self.attempt(db, row)
        }
    }

    public func takeOver(attemptId: Int, clientId: String) throws {
        try pool.write { try $0.run(ExamSQL.takeOver, [clientId, attemptId]) }
    }

    public func save(attemptId: Int, slot: Int, seq: Int64, response: QuestionResponse, clientId: String, now: Int64,
                     completion: @escaping @Sendable (Result<SaveResult, any Error>) -> Void) {
        let encoded = ResponseJSON.encode(response)
        pool.writeAsync({ db in
            guard let row = try db.queryOne(ExamSQL.saveCheck, [attemptId]) else { throw ExamError.notFound("attempt \(attemptId)") }
            guard row.string("state") == AttemptState.inProgress.rawValue else { throw ExamError.notInProgress }
            guard row.string("owner_client") == clientId else { throw ExamError.takenOver }
            let deadline = row.int64("deadline")
            guard ExamClock.acceptsSave(now: now, deadline: deadline ?? 0) else { throw ExamError.deadlinePassed }
            try db.run(ExamSQL.insertStep, [attemptId, slot, seq, encoded, now])
            if try db.run(ExamSQL.upsertResponse, [attemptId, slot, seq, encoded, now]) == 1 {
                return SaveResult(outcome: .stored(savedAt: now), deadline: deadline)
            }
            let stored = try db.scalar(ExamSQL.storedSeq, [attemptId, slot]).int.map(Int64.init) ?? seq
            return SaveResult(outcome: .olderIgnored(storedSeq: stored), deadline: deadline)
        }, completion: completion)
    }

    public func responses(attemptId: Int) throws -> [SavedResponse] {
        try pool.read { try Self.responses($0, attemptId) }
    }

    public func submit(attemptId: Int, now: Int64, by: SubmittedBy, grade: ([SavedResponse]) throws -> Submission) throws -> Bool {
        try pool.write { db in
            let result = try grade(try Self.responses(db, attemptId))
            return try db.run(ExamSQL.submit, [now, by.rawValue, result.score, result.passed, result.needsMarking, result.digest,
                                               attemptId]) == 1
        }
    }

    public func expiredAttempts(now: Int64) throws -> [Int] {
        try pool.read { try $0.query(ExamSQL.expired, [now - ExamClock.graceMillis]).compactMap { $0.int("id") } }
    }

    public func versions(_ keys: [(questionId: Int, version: Int)]) throws -> [Int: QuestionContent] {
        try pool.read { db in
            var result: [Int: QuestionContent] = [:]
            for key in keys {
                if let content = Self.decodeContent(try db.scalar(ExamSQL.version, [key.questionId, key.version]).string) {
                    result[key.questionId] = content
                }
            }
            return result
        }
    }

    public func recordEvent(attemptId: Int, kind: String, at: Int64, receivedAt: Int64) throws {
        try pool.write { try $0.run(ExamSQL.insertEvent, [attemptId, kind, at, receivedAt]) }
    }

    public func submittedAttempts(examId: Int, using questionId: Int)
        throws -> [(attempt: AttemptRecord, responses: [SavedResponse], marks: [Int: Double])] {
        try pool.read { db in
            try db.query(ExamSQL.submittedUsing, [examId, questionId]).map { row in
                let attempt = try Self.attempt(db, row)
                return (attempt, try Self.responses(db, attempt.id), try Self.manualMarks(db, attempt.id))
            }
        }
    }

    public func applyRegrade(examId: Int, questionId: Int, version: Int, changes: [RegradeChange], actorId: Int?,
                             actorName: String, requestId: String?, now: Int64) throws {
        try pool.write { db in
            try db.run(ExamSQL.moveVersion, [version, questionId, examId])
            for c in changes { try db.run(ExamSQL.setResult, [c.newScore, c.newPassed, c.attemptId]) }
            try audit(db, Accounts.Actor(userId: actorId, name: actorName, requestId: requestId), "exam.regrade", "exam", String(examId),
                      before: nil, after: Self.json(RegradeAudit(questionId: questionId, version: version, changes: changes.count,
                                                                  details: changes.map(RegradeAudit.Line.init))), now: now)
        }
    }

    public func uses(of questionId: Int) throws -> [(item: PaperItem, response: SavedResponse?, scoring: MultipleChoiceScoring)] {
        try pool.read { db in
            try db.query(ExamSQL.uses, [questionId]).map { row in
                let item = PaperItem(slot: row.int("slot") ?? 0, questionId: questionId, version: row.int("version") ?? 1,
                                     points: row.double("points") ?? 0,
                                     optionOrder: (row.string("option_order") ?? "").split(separator: ",").compactMap { Int($0) })
                let response = row.string("response").flatMap { try? JSONDecoder().decode(QuestionResponse.self, from: Data($0.utf8)) }
                    .map { SavedResponse(slot: item.slot, seq: row.int64("seq") ?? 0, response: $0, savedAt: row.int64("saved_at") ?? 0) }
                let settings = row.string("settings").flatMap { try? JSONDecoder().decode(ExamSettings.self, from: Data($0.utf8)) }
                return (item, response, settings?.multipleScoring ?? .allOrNothing)
            }
        }
    }

    public func setOverrides(examId: Int, userIds: [Int], override: Override, now: Int64) throws {
        try pool.write { db in
            guard let exam = try Self.exam(db, examId) else { throw ExamError.notFound("exam \(examId)") }
            for user in userIds {
                try db.run(ExamSQL.upsertOverride, [examId, user, override.extraMinutes, override.closesAt])
                for row in try db.query(ExamSQL.inProgressOf, [examId, user]) {
                    let deadline = ExamClock.deadline(startedAt: row.int64("started_at") ?? now,
                                                      durationMinutes: exam.settings.durationMinutes,
                                                      extraMinutes: override.extraMinutes,
                                                      closesAt: override.closesAt ?? exam.settings.closesAt)
                    try db.run(ExamSQL.setDeadline, [deadline, row.int("id") ?? 0])
                }
            }
            try audit(db, Accounts.Actor(userId: nil, name: "organizer", requestId: nil), "exam.override", "exam", String(examId),
                      before: nil, after: Self.json(["users": userIds.map(String.init).joined(separator: ","),
                                                     "extraMinutes": String(override.extraMinutes),
                                                     "closesAt": override.closesAt.map(String.init) ?? ""]), now: now)
        }
    }

    public func overrides(examId: Int) throws -> [(entry: RosterEntry, override: Override)] {
        try pool.read { db in
            try db.query(ExamSQL.overrides, [examId]).map { row in
                (Self.rosterEntry(row), Override(extraMinutes: row.int("extra_minutes") ?? 0, closesAt: row.int64("closes_at")))
            }
        }
    }

    public func override(examId: Int, userId: Int) throws -> Override? {
        try pool.read { db in
            try db.queryOne(ExamSQL.override, [examId, userId]).map {
                Override(extraMinutes: $0.int("extra_minutes") ?? 0, closesAt: $0.int64("closes_at"))
            }
        }
    }

    public func manualMarks(attemptId: Int) throws -> [Int: Double] {
        try pool.read { try Self.manualMarks($0, attemptId) }
    }

    public func mark(attemptId: Int, slot: Int, mark: Double, comment: String?, markerId: Int?, now: Int64,
                     regrade: ([SavedResponse], [Int: Double]) throws -> Submission) throws {
        try pool.write { db in
            try db.run(ExamSQL.upsertMark, [attemptId, slot, mark, comment, markerId, now])
            let result = try regrade(try Self.responses(db, attemptId), try Self.manualMarks(db, attemptId))
            try db.run(ExamSQL.setMarkedResult, [result.score, result.passed, result.needsMarking, attemptId])
            try audit(db, Accounts.Actor(userId: markerId, name: "marker", requestId: nil), "attempt.mark", "attempt",
                      String(attemptId), before: nil,
                      after: Self.json(["slot": String(slot), "mark": String(mark), "comment": comment ?? ""]), now: now)
        }
    }

    public func attemptsNeedingMarks(examId: Int) throws -> [AttemptRecord] {
        try pool.read { db in try db.query(ExamSQL.needingMarks, [examId]).map { try Self.attempt(db, $0) } }
    }

    static func manualMarks(_ db: Connection, _ attemptId: Int) throws -> [Int: Double] {
        Dictionary(try db.query(ExamSQL.manualMarks, [attemptId]).map { ($0.int("slot") ?? 0, $0.double("mark") ?? 0) },
                   uniquingKeysWith: { a, _ in a })
    }

    public func eventCounts(examId: Int) throws -> [Int: [String: Int]] {
        try pool.read { db in
            var counts: [Int: [String: Int]] = [:]
            for row in try db.query(ExamSQL.eventCounts, [examId]) {
                counts[row.int("user_id") ?? 0, default: [:]][row.string("kind") ?? ""] = row.int("n") ?? 0
            }
            return counts
        }
    }

    public func reportRows(examId: Int) throws -> [(entry: RosterEntry, attempts: [AttemptRecord])] {
        try pool.read { db in
            let attempts = Dictionary(grouping: try db.query(ExamSQL.attemptsOfExam, [examId]).map { try Self.attempt(db, $0, withItems: false) },
                                      by: \.userId)
            return try db.query(ExamSQL.roster, [examId]).map(Self.rosterEntry).map { ($0, attempts[$0.userId] ?? []) }
        }
    }
}

/// What the audit log keeps of a regrade: the question, the version moved to, and every changed result.
struct RegradeAudit: Encodable {
    struct Line: Encodable {
        var attemptId: Int, userId: Int, oldScore: Double, newScore: Double, oldPassed: Bool, newPassed: Bool
        init(_ c: RegradeChange) {
            attemptId = c.attemptId; userId = c.userId; oldScore = c.oldScore; newScore = c.newScore
            oldPassed = c.oldPassed; newPassed = c.newPassed
        }
    }
    var questionId: Int
    var version: Int
    var changes: Int
    var details: [Line]
}
