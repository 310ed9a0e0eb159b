import Content
import Foundation
import HTTPServer
import Persistence
import Quizzes
import Reach
import Secrets

/// Reading events from browsers (`recordEvents`) and the ingestion figures staff see beside every reach figure.
extension Handlers {
    func handleRecordEvents(_ request: Request, _ context: AppContext) throws -> Response {
        guard request.body.count <= 64 * 1024 else {
            events.reject([RejectReason.batchTooLarge.rawValue: 1])
            throw HTTPError(413, code: "batch_too_large", message: "事件批次超过 64 KB / the batch is larger than 64 KB")
        }
        let batch: EventBatchDTO
        do {
            batch = try EventBatchReader.read(request.body)
        } catch {
            events.reject([RejectReason.malformed.rawValue: 1])
            throw HTTPError.badRequest("事件批次不是所需的 JSON / the batch is not the expected JSON", code: "malformed_batch")
        }
        let (receipt, later) = try events.record(batch, profile: try eventProfile(request, context, token: batch.token),
                                                 userAgent: request.headers["User-Agent"],
                                                 purpose: request.headers["Sec-Purpose"] ?? request.headers["Purpose"],
                                                 address: request.remoteAddress)
        return later.map { .deferred($0) } ?? receipt.response
    }

    /// The person behind a batch: the signed-in account only when the CSRF header is right (a beacon from another site
    /// carries the cookie but not the header), else the resident's profile token, else nobody known.
    func eventProfile(_ request: Request, _ context: AppContext, token: String?) throws -> Int? {
        if let user = context.user, let session = context.session, let header = request.headers[CookieNames.csrfHeader],
           Sodium.constantTimeEquals(session.csrfToken, header) {
            return try store.existingProfileId(userId: user.id)
        }
        if let token, !token.isEmpty, token.count <= 200 { return try store.profileId(token: token) }
        return nil
    }

    func handleIngestionFigures(_ request: Request, _ context: AppContext) throws -> Response {
        let today = QuizDay.of(clock.nowMillis())
        let from = request.query["from"] ?? today, to = request.query["to"] ?? today
        for day in [from, to] where QuizDay.parse(day) != day {
            throw HTTPError.badRequest("日期应写成 2026-11-22 / dates look like 2026-11-22", code: "bad_date")
        }
        var contentId: Int?
        if let slug = request.query["content"], !slug.isEmpty {
            guard let id = try store.publishedContentIds()[slug] else { throw ContentError.notFound(slug) }
            contentId = id
        }
        let f = try store.ingestionFigures(from: from, to: to, contentId: contentId)
        return .json(IngestionFiguresDTO(from: from, to: to,
                                         counted: f.counted.mapValues { ["events": $0.events, "personTimes": $0.personTimes] },
                                         labelled: f.labelled, rejected: f.rejected))
    }
}

struct IngestionFiguresDTO: Encodable {
    var from: String
    var to: String
    var counted: [String: [String: Int]]
    var labelled: [String: Int]
    var rejected: [String: Int]
}
