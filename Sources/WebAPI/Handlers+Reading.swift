import Accounts
import Audience
import Foundation
import HTTPServer
import Persistence
import Reach

/// The reader's reports of effective reading time, the person's study tasks and the feed.
extension Handlers {
    func handleReading(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(ReadingInputDTO.self)
        guard let profile = try resolveProfile(request, context) else { return Response(status: 204) }
        let progress = try studyTasks.read(profileId: profile, slug: body.slug, seconds: body.seconds, scrollDepth: body.scrollDepth ?? 0)
        // Reach counts the server's credited seconds, not the page's claim.
        if progress.credited > 0 {
            try events.recordServer(.read, contentId: progress.contentId, profile: profile, seconds: progress.credited,
                                    depth: body.scrollDepth ?? 0)
        }
        if progress.newlyFinished {
            try events.recordServer(.finished, contentId: progress.contentId, profile: profile, depth: body.scrollDepth ?? 0,
                                    clientId: "finished-\(progress.contentId)")
        }
        return .json(ReadingProgressDTO(seconds: progress.seconds, requiredSeconds: progress.requiredSeconds, finished: progress.finished,
                                        forTask: progress.forTask, completedTasks: progress.completedTasks))
    }

    func handleMyTasks(_ request: Request, _ context: AppContext) throws -> Response {
        guard let profile = try resolveProfile(request, context) else { return .json(ListDTO<MyTaskDTO>(items: [])) }
        return .json(ListDTO(items: try store.myStudyTasks(profileId: profile).map {
            MyTaskDTO(id: $0.task.id, title: $0.task.title, slug: $0.task.slug, contentTitle: $0.task.contentTitle,
                      deadline: Date(millis: $0.task.deadline), minSeconds: $0.task.minSeconds, seconds: $0.seconds,
                      completedAt: $0.completedAt.map(Date.init(millis:)))
        }))
    }

    func handleFeed(_ request: Request, _ context: AppContext) throws -> Response {
        let limit = min(50, max(1, try intQuery(request, "limit") ?? 10))
        let items = try studyTasks.feed(profileId: try resolveProfile(request, context), limit: limit)
        return .json(ListDTO(items: items.map {
            FeedItemDTO(slug: $0.candidate.slug, title: $0.candidate.title, summary: $0.candidate.summary, topics: $0.candidate.topics,
                        reason: $0.reason, reasonCode: $0.reasonCode.rawValue)
        }))
    }
}

struct ReadingInputDTO: Decodable {
    var slug: String
    var seconds: Int
    var scrollDepth: Double?
}

struct ReadingProgressDTO: Encodable {
    var seconds: Int
    var requiredSeconds: Int
    var finished: Bool
    /// The required time is a study task's (else the piece's suggested reading time).
    var forTask: Bool
    var completedTasks: [Int]
}

struct MyTaskDTO: Encodable {
    var id: Int
    var title: String
    var slug: String
    var contentTitle: String
    var deadline: Date
    var minSeconds: Int
    var seconds: Int
    var completedAt: Date?
}

struct FeedItemDTO: Encodable {
    var slug: String
    var title: String
    var summary: String
    var topics: [String]
    /// "中文 / English".
    var reason: String
    /// task_due, gap, inbox, interest, audience or fresh.
    var reasonCode: String
}
