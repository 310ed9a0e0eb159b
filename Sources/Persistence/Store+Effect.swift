import Database
import Audience
import Foundation
import Reach

/// The run an effect is measured for.
public struct EffectRun: Sendable, Equatable {
    public var runId: Int
    public var frozenAt: Int64
    /// Beijing day the run started: the hold-out's reference day.
    public var startDay: String
}

extension Store {
    /// The latest run of a campaign whose audience was frozen (nil before it started).
    public func effectRun(campaignId: Int) throws -> EffectRun? {
        try pool.read { db in
            try db.queryOne(EffectSQL.latestFrozenRun, [campaignId]).map {
                let at = $0.int64("frozen_at") ?? 0
                return EffectRun(runId: $0.int("id") ?? 0, frozenAt: at, startDay: BeijingDay.of(at))
            }
        }
    }

    /// Per person, answers on `topics` before, after and 7+ days after their reference day: the readers the run
    /// delivered to (from their first reading) and the run's frozen hold-out (from the run's start). Two grouped
    /// statements in one read, however many people.
    public func campaignMarks(run: EffectRun, contentId: Int, topics: [String]) throws -> [PersonMarks] {
        let points = SegmentSQL.json(topics)
        return try pool.read { db in
            try db.query(EffectSQL.runReaders, [run.runId, contentId, run.frozenAt, points]).map { Self.personMarks($0, .reader) }
                + db.query(EffectSQL.runHoldout, [run.startDay, run.runId, points]).map { Self.personMarks($0, .holdout) }
        }
    }

    /// Per person, answers on `topics` around the day they first opened the piece, for first readings between two
    /// Beijing days (inclusive). No hold-out: there was no campaign to keep anyone from.
    public func pieceMarks(contentId: Int, topics: [String], from: String, to: String) throws -> [PersonMarks] {
        let points = SegmentSQL.json(topics)
        return try pool.read { db in
            try db.query(EffectSQL.pieceReaders, [contentId, from, to, points]).map { Self.personMarks($0, .reader) }
        }
    }

    static func personMarks(_ row: Row, _ group: PersonMarks.Group) -> PersonMarks {
        func tally(_ prefix: String) -> Tally {
            Tally(answered: row.int("\(prefix)_n") ?? 0, correct: row.double("\(prefix)_c") ?? 0)
        }
        return PersonMarks(profileId: row.int("profile_id") ?? 0, group: group, referenceDay: row.string("ref") ?? "",
                           before: tally("b"), after: tally("a"), retention: tally("r"))
    }
}
