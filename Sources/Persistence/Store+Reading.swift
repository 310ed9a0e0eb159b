import Accounts
import Audience
import Database
import Foundation

/// Where a reader stands with a piece after a report.
public struct ReadingProgress: Sendable, Equatable {
    public var seconds: Int
    /// The strictest open study task's minimum for this person, else the piece's default.
    public var requiredSeconds: Int
    public var finished: Bool
    /// The minimum comes from a study task (not the piece's default).
    public var forTask: Bool
    /// Study tasks this report completed.
    public var completedTasks: [Int]
    /// The piece, the seconds this report was credited, and whether this report finished it (for reach events).
    public var contentId = 0
    public var credited = 0
    public var newlyFinished = false
}

extension Store {
    /// The profile of an account (created from the account when missing), inside a write.
    static func ensureProfile(_ db: Connection, userId: Int, now: Int64) throws -> Int? {
        try? accountProfileId(db: db, userId: userId, now: now)
    }

    /// Adds a reader's report of effective seconds (capped by `ReadingRules.credit`), marks the piece finished when
    /// the minimum is met and it was scrolled through, and completes the person's study tasks for it. Nil when the
    /// piece is not published and shown on `today`.
    public func recordReading(profileId: Int, slug: String, claimed: Int, scrollDepth: Double, today: String,
                              now: Int64) throws -> ReadingProgress? {
        try pool.write { db in
            guard let piece = try db.queryOne(StudyTaskSQL.readablePiece, [slug, today, today]),
                  let contentId = piece.int("id") else { return nil }
            let strictest = try db.scalar(StudyTaskSQL.strictestTask, [profileId, contentId]).int
            let required = strictest ?? ReadingRules.defaultMinimum(characters: piece.int("characters") ?? 0)
            let row = try db.queryOne(StudyTaskSQL.readRow, [profileId, contentId])
            let credit = ReadingRules.credit(claimed: claimed, lastAt: row?.int64("last_at"), now: now)
            let seconds = (row?.int("seconds") ?? 0) + credit.seconds
            let wasFinished = row?.int64("finished_at") != nil
            let finishes = ReadingRules.finished(seconds: seconds, minimum: required, scrollDepth: scrollDepth)
            try db.run(StudyTaskSQL.upsertRead, [profileId, contentId, seconds, now, credit.lastAt, finishes ? now : nil])
            try db.run(StudyTaskSQL.touchProfile, [now, profileId])
            var completed: [Int] = []
            if scrollDepth >= ReadingRules.finishScroll {
                completed = try db.query(StudyTaskSQL.completeTasks, [now, profileId, contentId, seconds]).compactMap { $0.int("task_id") }
            }
            return ReadingProgress(seconds: seconds, requiredSeconds: required,
                                   finished: seconds >= required && (wasFinished || finishes), forTask: strictest != nil,
                                   completedTasks: completed, contentId: contentId, credited: credit.seconds,
                                   newlyFinished: finishes && !wasFinished)
        }
    }
}
