import Accounts
import Database
import Draws
import Foundation
import Quizzes

/// A round's draw as stored: the frozen eligible list, then the public value and the result.
public struct StoredDraw: Sendable, Equatable {
    public var eligibleText: String
    public var eligibleDigest: String
    public var eligibleCount: Int
    public var frozenAt: Int64
    public var publicValue: String?
    public var resultJSON: String?
    public var drawnAt: Int64?
}

/// A winner as staff see it: the prize, the entry, and whether the prize was handed over.
public struct StoredWinner: Sendable, Equatable {
    public var entryPublicId: String
    public var prize: String
    public var position: Int
    public var redeemedAt: Int64?
}

extension Store {
    /// Freezes the eligible list once; a second freeze is refused, so the published digest never changes.
    public func freezeDraw(roundId: Int, eligible: EligibleList, now: Int64, actor: Actor) throws {
        try pool.write { db in
            guard try db.queryOne(QuizSQL.drawOfRound, [roundId]) == nil else {
                throw QuizError.invalid(["抽奖名单已经冻结 / the eligible list is already frozen"])
            }
            try db.run(QuizSQL.insertDraw, [roundId, eligible.canonicalText, eligible.digest(), eligible.count, now])
            try audit(db, actor, "quiz.freeze", "quiz_round", String(roundId), before: nil,
                      after: "{\"eligible\":\(eligible.count),\"digest\":\"\(eligible.digest())\"}", now: now)
        }
    }

    public func draw(roundId: Int) throws -> StoredDraw? {
        try pool.read { db in
            try db.queryOne(QuizSQL.drawOfRound, [roundId]).map { row in
                StoredDraw(eligibleText: row.string("eligible_text") ?? "", eligibleDigest: row.string("eligible_digest") ?? "",
                           eligibleCount: row.int("eligible_count") ?? 0, frozenAt: row.int64("frozen_at") ?? 0,
                           publicValue: row.string("public_value"), resultJSON: row.string("result_json"), drawnAt: row.int64("drawn_at"))
            }
        }
    }

    /// Stores the result and the winners with the digests of their redemption codes, once.
    public func recordDraw(roundId: Int, publicValue: String, result: DrawResult, codeDigests: [String: String], now: Int64,
                           actor: Actor) throws {
        try pool.write { db in
            guard try db.run(QuizSQL.recordDraw, [publicValue, result.publishedJSON(), now, actor.name, roundId]) == 1 else {
                throw QuizError.invalid(["本期已经开奖 / this round has been drawn"])
            }
            for winner in result.winners {
                try db.run(QuizSQL.insertWinner, [roundId, winner.entryId, winner.prize, winner.position, codeDigests[winner.entryId] ?? ""])
            }
            try audit(db, actor, "quiz.draw", "quiz_round", String(roundId), before: nil,
                      after: "{\"publicValue\":\"\(publicValue)\",\"winners\":\(result.winners.count)}", now: now)
        }
    }

    public func winners(roundId: Int) throws -> [StoredWinner] {
        try pool.read { db in
            try db.query(QuizSQL.winnersOfRound, [roundId]).map {
                StoredWinner(entryPublicId: $0.string("entry_public_id") ?? "", prize: $0.string("prize") ?? "",
                             position: $0.int("position") ?? 0, redeemedAt: $0.int64("redeemed_at"))
            }
        }
    }

    /// Marks the prize with this code's digest as handed over; nil if no unredeemed prize has it.
    public func redeem(roundId: Int, codeDigest: String, now: Int64, actor: Actor) throws -> StoredWinner? {
        try pool.write { db in
            guard let row = try db.queryOne(QuizSQL.winnerByCode, [roundId, codeDigest]) else { return nil }
            let winner = StoredWinner(entryPublicId: row.string("entry_public_id") ?? "", prize: row.string("prize") ?? "",
                                      position: row.int("position") ?? 0, redeemedAt: row.int64("redeemed_at"))
            guard winner.redeemedAt == nil else { return winner }
            try db.run(QuizSQL.redeemWinner, [now, roundId, codeDigest])
            try audit(db, actor, "quiz.redeem", "quiz_entry", winner.entryPublicId, before: nil, after: nil, now: now)
            return StoredWinner(entryPublicId: winner.entryPublicId, prize: winner.prize, position: winner.position, redeemedAt: now)
        }
    }

    /// A winner's whole phone number, logged as a reveal by `actor`.
    public func revealWinnerPhone(roundId: Int, entryPublicId: String, now: Int64, actor: Actor) throws -> String? {
        try pool.write { db in
            guard try db.queryOne(QuizSQL.winnerByEntry, [roundId, entryPublicId]) != nil else {
                throw QuizError.notFound("中奖记录 \(entryPublicId) / winner \(entryPublicId)")
            }
            let phone = try db.scalar(QuizSQL.phoneOfEntry, [entryPublicId]).string
            try audit(db, actor, "personal.reveal", "quiz_entry", entryPublicId, before: nil, after: "{\"field\":\"phone\"}", now: now)
            return phone
        }
    }
}
