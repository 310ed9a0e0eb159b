import Accounts
import Draws
import Foundation
import HTTPServer
import Persistence
import Quizzes

/// The draw: public pages and files for anyone to check; freezing, drawing, redeeming and revealing for staff.
extension Handlers {
    func handleQuizDraw(_ request: Request, _ context: AppContext) throws -> Response {
        .json(QuizDrawDTO(try quizzes.drawState(try request.intParameter("id")), codes: nil))
    }

    func handleQuizDrawFile(_ request: Request, _ context: AppContext) throws -> Response {
        let file = try quizzes.drawFile(try request.intParameter("id"), name: try request.parameter("file"))
        return Response(status: 200, headers: Headers([("Content-Type", file.type),
                                                       ("Content-Disposition", "attachment; filename=\"\(try request.parameter("file"))\"")]),
                        body: .bytes(file.bytes))
    }

    func handleFreezeQuizDraw(_ request: Request, _ context: AppContext) throws -> Response {
        .json(QuizDrawDTO(try quizzes.freezeDraw(try request.intParameter("id"), actor: context.actor), codes: nil))
    }

    func handleRunQuizDraw(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(QuizDrawBody.self)
        let (state, codes) = try quizzes.runDraw(try request.intParameter("id"), publicValue: body.publicValue, actor: context.actor)
        return .json(QuizDrawDTO(state, codes: codes))
    }

    func handleRedeemQuizPrize(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(QuizRedeemBody.self)
        let id = try request.intParameter("id")
        let now = clock.nowMillis()
        let winner = try quizzes.redeem(id, code: body.code, actor: context.actor)
        var dto = QuizDrawDTO.Winner(winner, result: try quizzes.drawState(id).result, code: nil)
        dto.alreadyRedeemed = (winner.redeemedAt ?? now) < now
        return .json(dto)
    }

    func handleRevealWinnerPhone(_ request: Request, _ context: AppContext) throws -> Response {
        let entry = try request.parameter("entryId")
        let phone = try store.revealWinnerPhone(roundId: try request.intParameter("id"), entryPublicId: entry, now: clock.nowMillis(),
                                                actor: context.actor)
        return .json(WinnerPhoneDTO(entryId: entry, phone: phone))
    }
}

struct QuizDrawBody: Decodable { var publicValue: String }
struct QuizRedeemBody: Decodable { var code: String }
struct WinnerPhoneDTO: Encodable { var entryId: String; var phone: String? }

/// Everything a member of the public needs to check the draw, and for staff right after drawing, the codes.
struct QuizDrawDTO: Encodable {
    struct Winner: Encodable {
        var entryId: String
        var prize: String
        var position: Int
        var maskedPhone: String?
        var redeemed: Bool
        var redeemedAt: Date?
        /// For a redemption: the code had been used before (the prize was handed over at `redeemedAt`).
        var alreadyRedeemed: Bool?
        /// Shown once, to the staff member who ran the draw.
        var code: String?

        init(_ w: StoredWinner, result: DrawResult?, code: String?) {
            entryId = w.entryPublicId; prize = w.prize; position = w.position; redeemed = w.redeemedAt != nil; self.code = code
            redeemedAt = w.redeemedAt.map(Date.init(millis:))
            maskedPhone = result?.winners.first { $0.entryId == w.entryPublicId }?.maskedPhone
        }
    }
    var roundId: Int
    var title: String
    var closesAt: Date
    var commitment: String?
    var rules: String?
    var publicSeed: DrawRules.PublicSeed?
    var frozen: Bool
    var eligibleCount: Int?
    var eligibleDigest: String?
    var frozenAt: Date?
    var drawn: Bool
    var publicValue: String?
    var key: String?
    var drawnAt: Date?
    var winners: [Winner]

    init(_ s: QuizService.DrawState, codes: [String: String]?) {
        roundId = s.round.id; title = s.round.settings.title; closesAt = Date(millis: s.round.settings.closesAt)
        commitment = s.round.commitment; rules = s.rulesJSON; publicSeed = s.round.settings.publicSeed
        frozen = s.stored != nil; eligibleCount = s.stored?.eligibleCount; eligibleDigest = s.stored?.eligibleDigest
        frozenAt = s.stored.map { Date(millis: $0.frozenAt) }; drawn = s.stored?.drawnAt != nil
        publicValue = s.stored?.publicValue; key = s.result?.key; drawnAt = s.stored?.drawnAt.map(Date.init(millis:))
        winners = s.winners.map { Winner($0, result: s.result, code: codes?[$0.entryPublicId]) }
    }
}
