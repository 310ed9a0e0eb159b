import Accounts
import Foundation
import HTTPServer
import Persistence
import Questions
import Quizzes

/// Public prize quizzes: residents play without an account; staff with `quizzes.manage` run the rounds.
extension Handlers {
    // MARK: Residents

    func handleListQuizRounds(_ request: Request, _ context: AppContext) throws -> Response {
        let now = clock.nowMillis()
        return .json(ListDTO(items: try quizzes.openRounds().map { QuizRoundDTO($0, now: now, staff: false) }))
    }

    func handleGetQuizRound(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        guard let round = try store.round(id: id), round.status == .published else { throw QuizError.notFound("竞答 \(id) / round \(id)") }
        return .json(QuizRoundDTO(round, now: clock.nowMillis(), staff: false))
    }

    func handleStartQuizEntry(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(QuizStartBody.self)
        let started = try quizzes.start(roundId: try request.intParameter("id"), deviceId: body.deviceId, address: request.remoteAddress)
        // A reader who goes on to a quiz: counted for quiz conversion when the person is known (never for anonymous starts).
        if let slug = body.from, !slug.isEmpty, slug.utf8.count <= 80, let profile = try? eventProfile(request, context, token: body.token),
           let contentId = try? store.publishedContentId(slug: slug) {
            try? events.recordServer(.quizStarted, contentId: contentId, profile: profile, channel: "quiz", clientId: "quiz-" + started.entry.publicId)
        }
        return .json(QuizEntryDTO(started, round: try store.round(id: started.entry.roundId)), status: 201)
    }

    /// Runs on the event-loop thread; the reply is written before the answer is stored and sent once it is durable.
    func handleAnswerQuizQuestion(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try AnswerBodyReader.quizAnswer(request)
        let response: QuestionResponse
        do { response = try body.response.value() } catch { throw QuizError.invalid([error.description]) }
        let reply = DeferredResponse(), logger = self.logger, requestId = request.id
        try quizzes.answer(try request.parameter("entryId"), token: body.token, slot: try request.intParameter("slot"),
                           response: response, render: { QuizFeedbackDTO($0).response() }) { result in
            reply.complete(Self.answer(result, requestId: requestId, logger: logger) { $0 })
        }
        return .deferred(reply)
    }

    func handleFinishQuizEntry(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(QuizFinishBody.self)
        let (entry, round) = try quizzes.finish(try request.parameter("entryId"), token: body.token, nickname: body.nickname,
                                                phone: body.phone, regionId: body.regionId)
        var result = QuizResultDTO(entry, round: round, owner: true)
        // A phone left for the draw makes (or refreshes) the resident's audience profile; the browser keeps its token.
        if let participant = entry.participant { result.profileToken = try profiles.resident(participant) }
        return .json(result)
    }

    func handleRecordQuizRead(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(QuizTokenBody.self)
        let entry = try quizzes.ownEntry(try request.parameter("entryId"), token: body.token)
        try store.recordRead(entryId: entry.id, at: clock.nowMillis())
        return .empty()
    }

    func handleQuizStats(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        guard try store.round(id: id) != nil else { throw QuizError.notFound("竞答 \(id) / round \(id)") }
        let regions = try store.regions().map { RegionNode(id: $0.id, parentId: $0.parentId, name: $0.name, level: $0.level.rawValue) }
        let stats = QuizStats.build(entries: try store.entries(roundId: id), regions: regions, readers: try store.readers(roundId: id))
        let stems = try store.versions(stats.questions.map { ($0.questionId, $0.version) })
        return .json(QuizStatsDTO(stats, stems: stems.mapValues(\.stem)))
    }

    func handleQuizResultCard(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.parameter("entryId")
        guard let entry = try store.entry(publicId: id)?.entry, entry.finishedAt != nil,
              let round = try store.round(id: entry.roundId) else { throw QuizError.notFound("作答 \(id) / entry \(id)") }
        return .json(QuizResultDTO(entry, round: round, owner: false))
    }

    func handleQuizLeaderboard(_ request: Request, _ context: AppContext) throws -> Response {
        let round = try request.query["roundId"].nonEmpty.map { raw throws(HTTPError) -> Int in
            guard let id = Int(raw) else { throw .badRequest("roundId must be a number", code: "bad_query") }
            return id
        }
        let board = try quizzes.leaderboard(roundId: round)
        let names = Dictionary(try store.regions().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return .json(QuizLeaderboardDTO(
            regions: board.regions.map { .init(regionId: $0.regionId, name: $0.name, level: $0.level, entries: $0.entries,
                                               meanPercent: ($0.meanPercent * 10).rounded() / 10, fullMarks: $0.fullMarks) },
            top: board.top.map { .init(entryId: $0.publicId, nickname: $0.nickname, region: $0.regionId.flatMap { names[$0] } ?? "",
                                       percent: ($0.percent * 10).rounded() / 10, seconds: Double($0.durationMillis) / 1000) }))
    }

    // MARK: Staff

    func handleStaffQuizRounds(_ request: Request, _ context: AppContext) throws -> Response {
        let now = clock.nowMillis()
        return .json(ListDTO(items: try store.rounds().map { QuizRoundDTO($0, now: now, staff: true) }))
    }

    func handleCreateQuizRound(_ request: Request, _ context: AppContext) throws -> Response {
        let settings = try request.decode(QuizRoundInputDTO.self).settings()
        return .json(QuizRoundDTO(try quizzes.create(settings, by: try context.requireUser()), now: clock.nowMillis(), staff: true),
                     status: 201)
    }

    func handleStaffQuizRound(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        guard let round = try store.round(id: id) else { throw QuizError.notFound("竞答 \(id) / round \(id)") }
        return .json(QuizRoundDTO(round, now: clock.nowMillis(), staff: true))
    }

    func handleUpdateQuizRound(_ request: Request, _ context: AppContext) throws -> Response {
        let settings = try request.decode(QuizRoundInputDTO.self).settings()
        return .json(QuizRoundDTO(try quizzes.update(try request.intParameter("id"), settings), now: clock.nowMillis(), staff: true))
    }

    func handlePublishQuizRound(_ request: Request, _ context: AppContext) throws -> Response {
        .json(QuizRoundDTO(try quizzes.publish(try request.intParameter("id")), now: clock.nowMillis(), staff: true))
    }

    func handleQuizEntries(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        guard let round = try store.round(id: id) else { throw QuizError.notFound("竞答 \(id) / round \(id)") }
        let rows = try store.entries(roundId: id).map { e in
            QuizEntryRowDTO(entryId: e.publicId, startedAt: Date(millis: e.startedAt), finishedAt: e.finishedAt.map(Date.init(millis:)),
                            percent: (e.percent * 10).rounded() / 10, nickname: e.participant?.nickname,
                            phone: e.participant.map { Phone.masked($0.phone) }, regionId: e.participant?.regionId, flags: e.flags,
                            review: e.review, eligible: e.isEligible(thresholdPercent: round.settings.drawThresholdPercent))
        }
        return .json(ListDTO(items: rows))
    }

    func handleReviewQuizEntry(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(QuizReviewBody.self)
        if try store.draw(roundId: try request.intParameter("id")) != nil {
            throw QuizError.invalid(["抽奖名单已冻结，不能再更改核查结果 / the eligible list is frozen; reviews can no longer change"])
        }
        try store.reviewEntry(roundId: try request.intParameter("id"), publicId: try request.parameter("entryId"), review: body.review,
                              by: context.actor.name, now: clock.nowMillis())
        return Response(status: 204)
    }
}

/// `{"items": [...]}`.
struct ListDTO<Item: Encodable>: Encodable { var items: [Item] }
