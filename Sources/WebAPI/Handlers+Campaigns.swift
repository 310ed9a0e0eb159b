import Accounts
import Audience
import Foundation
import HTTPServer
import Persistence
import Secrets

/// Campaigns, group robots (campaigns.manage) and the person's inbox (signed in, or a resident's device token).
extension Handlers {
    func handleListCampaigns(_ request: Request, _ context: AppContext) throws -> Response {
        let items = try store.campaigns().map { campaign -> CampaignDTO in
            guard let run = try store.campaignRuns(campaignId: campaign.id).first(where: { $0.frozenAt != nil }) else {
                return CampaignDTO(campaign)
            }
            let counts = try store.runCounts(id: run.id)
            return CampaignDTO(campaign, percent: CampaignProgress.percent(done: counts.sent + counts.cancelled, audience: run.audience))
        }
        return .json(ListDTO(items: items))
    }

    func handleCreateCampaign(_ request: Request, _ context: AppContext) throws -> Response {
        let input = try request.decode(CampaignInputDTO.self).input(campaigns)
        return .json(CampaignDTO(try campaigns.create(input, actor: context.actor)), status: 201)
    }

    func handleGetCampaign(_ request: Request, _ context: AppContext) throws -> Response {
        .json(CampaignDTO(try campaigns.campaign(id: try request.intParameter("id"))))
    }

    func handleUpdateCampaign(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        _ = try campaigns.campaign(id: id)
        let input = try request.decode(CampaignInputDTO.self).input(campaigns)
        return .json(CampaignDTO(try campaigns.update(id: id, input, actor: context.actor)))
    }

    func handleStartCampaign(_ request: Request, _ context: AppContext) throws -> Response {
        .json(CampaignDTO(try campaigns.start(id: try request.intParameter("id"), actor: context.actor)))
    }

    func handleCampaignAction(_ action: String) -> @Sendable (Request, AppContext) throws -> Response {
        { request, context in
            .json(CampaignDTO(try campaigns.change(id: try request.intParameter("id"), action: action, actor: context.actor)))
        }
    }

    func handleCampaignProgress(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        let campaign = try campaigns.campaign(id: id)
        let p = try campaigns.progress(id: id)
        let run = p.run
        let next = try store.campaignRuns(campaignId: id).first { $0.frozenAt == nil && ($0.status == "scheduled" || $0.status == "paused") }
        return .json(CampaignProgressDTO(
            status: campaign.status, runId: run?.id, runStatus: run?.status, startsAt: run.map { Date(millis: $0.startsAt) },
            nextRunAt: next.map { Date(millis: $0.startsAt) },
            frozenAt: run?.frozenAt.map(Date.init(millis:)), finishedAt: run?.finishedAt.map(Date.init(millis:)),
            audience: run?.audience ?? 0, heldOut: run?.heldOut ?? 0, sent: p.counts.sent, pending: p.counts.pending,
            cancelled: p.counts.cancelled,
            percent: run == nil ? 0 : CampaignProgress.percent(done: p.counts.sent + p.counts.cancelled, audience: run?.audience ?? 0),
            deferred: p.counts.deferred, rate: campaign.input.ratePerMinute, etaSeconds: p.eta,
            robots: p.robots.map {
                .init(id: $0.id, name: $0.robot.name, status: $0.status, attempts: $0.attempts, error: $0.lastError,
                      nextAt: $0.status == "pending" ? Date(millis: $0.nextAt) : nil, sentAt: $0.sentAt.map(Date.init(millis:)))
            }))
    }

    func handleCampaignAudiences(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ListDTO(items: try store.segmentChoices().map {
            SegmentChoiceDTO(id: $0.id, name: $0.name, memberCount: $0.members, holdoutCount: $0.heldOut,
                             computedAt: $0.computedAt.map(Date.init(millis:)))
        }))
    }

    func handleListRobots(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ListDTO(items: try store.robots().map(RobotDTO.init)))
    }

    func handleCreateRobot(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(RobotInputDTO.self)
        let robot = try campaigns.saveRobot(id: 0, name: body.name, kind: body.kind, url: body.url, secret: body.secret,
                                            enabled: body.enabled, scope: (body.unitId, body.regionId), actor: context.actor)
        return .json(RobotDTO(robot), status: 201)
    }

    func handleUpdateRobot(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        guard try store.robot(id: id) != nil else { throw CampaignError.notFound("机器人 \(id) / robot \(id)") }
        let body = try request.decode(RobotInputDTO.self)
        return .json(RobotDTO(try campaigns.saveRobot(id: id, name: body.name, kind: body.kind, url: body.url, secret: body.secret,
                                                      enabled: body.enabled, scope: (body.unitId, body.regionId), actor: context.actor)))
    }

    func handleDeleteRobot(_ request: Request, _ context: AppContext) throws -> Response {
        try store.deleteRobot(id: try request.intParameter("id"), now: clock.nowMillis(), actor: context.actor)
        return Response(status: 204)
    }

    func handleTestRobot(_ request: Request, _ context: AppContext) throws -> Response {
        let error = try campaigns.testRobot(id: try request.intParameter("id"))
        return .json(RobotTestDTO(ok: error == nil, error: error))
    }

    func handleResendRobotMessage(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        guard try store.robotMessage(id: id) != nil else { throw CampaignError.notFound("消息 \(id) / message \(id)") }
        try store.resendRobotMessage(id: id, now: clock.nowMillis(), actor: context.actor)
        return Response(status: 204)
    }

    func handleInbox(_ request: Request, _ context: AppContext) throws -> Response {
        guard let profile = try resolveProfile(request, context) else { throw CampaignError.noProfile }
        let limit = min(100, max(1, try intQuery(request, "limit") ?? 50))
        let found = try store.inbox(profileId: profile, limit: limit)
        return .json(InboxDTO(items: found.items.map {
            .init(id: $0.deliveryId, kind: $0.kind, note: $0.note, slug: $0.slug, title: $0.title, summary: $0.summary,
                  createdAt: Date(millis: $0.createdAt), seen: $0.seenAt != nil, campaignId: $0.campaignId)
        }, unread: found.unread))
    }

    func handleInboxSeen(_ request: Request, _ context: AppContext) throws -> Response {
        guard let profile = try resolveProfile(request, context) else { throw CampaignError.noProfile }
        let id = try request.intParameter("id")
        guard try store.markInboxSeen(profileId: profile, deliveryId: id, now: clock.nowMillis()) else {
            throw CampaignError.notFound("消息 \(id) / message \(id)")
        }
        return Response(status: 204)
    }
}

struct RobotTestDTO: Encodable {
    var ok: Bool
    var error: String?
}
