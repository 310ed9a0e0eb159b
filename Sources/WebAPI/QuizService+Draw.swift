import Accounts
import Draws
import Foundation
import Persistence
import Quizzes
import Secrets

/// The draw of a round, in the order the public can check it: rules committed at publishing → eligible list frozen
/// after the close (its digest published) → the named lottery's numbers entered → winners computed by RFC 3797,
/// published with the three files `pufa draw verify` reads. Prize codes go to staff once; phones stay masked.
extension QuizService {
    struct DrawState: Sendable {
        var round: QuizRound
        var rulesJSON: String?
        var stored: StoredDraw?
        var result: DrawResult?
        var winners: [StoredWinner]
    }

    func drawState(_ roundId: Int) throws -> DrawState {
        guard let round = try store.round(id: roundId), round.status == .published else {
            throw QuizError.notFound("竞答 \(roundId) / round \(roundId)")
        }
        let stored = try store.draw(roundId: roundId)
        let result = try stored?.resultJSON.map { try DrawResult.decode(json: Array($0.utf8), file: "result.json") }
        let order = Dictionary((result?.winners ?? []).enumerated().map { ($1.entryId, $0) }, uniquingKeysWith: { a, _ in a })
        let winners = try store.winners(roundId: roundId).sorted { (order[$0.entryPublicId] ?? 0) < (order[$1.entryPublicId] ?? 0) }
        return DrawState(round: round, rulesJSON: try store.roundRules(id: roundId), stored: stored, result: result, winners: winners)
    }

    /// After the close: the eligible list is computed from the entries and frozen, its digest published.
    func freezeDraw(_ roundId: Int, actor: Actor) throws -> DrawState {
        let state = try drawState(roundId)
        guard QuizDraw.rules(state.round) != nil else { throw QuizError.invalid(["本期没有设奖 / this round has no prizes"]) }
        guard clock.nowMillis() >= state.round.settings.closesAt + QuizRules.graceMillis else {
            throw QuizError.invalid(["本期结束后才能冻结抽奖名单 / the list can be frozen only after the round closes"])
        }
        let names = Dictionary(try store.regions().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let eligible = try QuizDraw.eligible(try store.entries(roundId: roundId), round: state.round, regionNames: names)
        guard eligible.count > 0 else { throw QuizError.invalid(["没有符合抽奖条件的参与者 / nobody is eligible"]) }
        try store.freezeDraw(roundId: roundId, eligible: eligible, now: clock.nowMillis(), actor: actor)
        return try drawState(roundId)
    }

    /// Runs the draw with the lottery's published numbers; returns the state and each winner's redemption code (once).
    func runDraw(_ roundId: Int, publicValue raw: String, actor: Actor) throws -> (DrawState, [String: String]) {
        let state = try drawState(roundId)
        guard let stored = state.stored, let rulesJSON = state.rulesJSON else {
            throw QuizError.invalid(["请先冻结抽奖名单 / freeze the eligible list first"])
        }
        guard stored.drawnAt == nil else { throw QuizError.invalid(["本期已经开奖 / this round has been drawn"]) }
        let value: DrawSource
        do { value = try DrawSource.parse(raw) } catch { throw QuizError.invalid(["开奖号码：\(error) / public value: \(error)"]) }
        let rules = try DrawRules.decode(json: Array(rulesJSON.utf8), file: "rules.json")
        let eligible = try EligibleList.parse(stored.eligibleText, file: "eligible.txt")
        let result = try Draw.run(rules: rules, eligible: eligible, publicValue: value)
        var codes: [String: String] = [:]
        for winner in result.winners { codes[winner.entryId] = Sodium.readablePassword(length: 10).uppercased() }
        try store.recordDraw(roundId: roundId, publicValue: raw, result: result,
                             codeDigests: codes.mapValues { Sodium.digest($0) }, now: clock.nowMillis(), actor: actor)
        return (try drawState(roundId), codes)
    }

    /// The three published files, byte for byte what `pufa draw verify` reads.
    func drawFile(_ roundId: Int, name: String) throws -> (bytes: [UInt8], type: String) {
        let state = try drawState(roundId)
        switch name {
        case "rules.json":
            guard let json = state.rulesJSON else { break }
            return (Array(json.utf8), "application/json")
        case "eligible.txt":
            guard let text = state.stored?.eligibleText else { break }
            return (Array(text.utf8), "text/plain; charset=utf-8")
        case "result.json":
            guard let json = state.stored?.resultJSON else { break }
            return (Array(json.utf8), "application/json")
        default:
            break
        }
        throw QuizError.notFound("文件 \(name) / file \(name)")
    }

    func redeem(_ roundId: Int, code: String, actor: Actor) throws -> StoredWinner {
        let normalized = code.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard let winner = try store.redeem(roundId: roundId, codeDigest: Sodium.digest(normalized), now: clock.nowMillis(),
                                            actor: actor) else {
            throw QuizError.notFound("兑奖码 / redemption code")
        }
        return winner
    }
}
