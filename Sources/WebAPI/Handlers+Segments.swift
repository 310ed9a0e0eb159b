import Accounts
import Audience
import Foundation
import HTTPServer
import Persistence

/// Segments (audiences.manage): a live preview for the builder, saved segments with versions, recompute, members and
/// manual includes/excludes. Bad rules answer 400 with the place in the rule that is wrong.
extension Handlers {
    /// The typed fields and the rule (any JSON) of a segment body.
    func segmentBody(_ request: Request) throws -> (SegmentInputDTO, SegmentRule) {
        let typed = try request.decode(SegmentInputDTO.self)
        let object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
        return (typed, try SegmentService.rule(object?["rule"]))
    }

    func handlePreviewSegment(_ request: Request, _ context: AppContext) throws -> Response {
        let (body, rule) = try segmentBody(request)
        let result = try segments.preview(rule, holdoutPercent: try SegmentService.checkHoldout(body.holdoutPercent), segmentId: body.segmentId)
        return .json(SegmentPreviewDTO(count: result.count, heldOut: result.heldOut,
                                       byRegion: result.byRegion.map { .init(regionId: $0.id, name: $0.name, count: $0.count) }))
    }

    func handleListSegments(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ListDTO(items: try segments.list().map(SegmentDTO.init)))
    }

    func handleGetSegment(_ request: Request, _ context: AppContext) throws -> Response {
        .json(SegmentDTO(try segments.get(try request.intParameter("id"))))
    }

    func handleCreateSegment(_ request: Request, _ context: AppContext) throws -> Response {
        let (body, rule) = try segmentBody(request)
        let draft = try SegmentService.draft(name: body.name, description: body.description, rule: rule, holdoutPercent: body.holdoutPercent)
        return .json(SegmentDTO(try segments.create(draft, actor: context.actor)), status: 201)
    }

    func handleUpdateSegment(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        _ = try segments.get(id)
        let (body, rule) = try segmentBody(request)
        let draft = try SegmentService.draft(name: body.name, description: body.description, rule: rule, holdoutPercent: body.holdoutPercent)
        return .json(SegmentDTO(try segments.update(id, draft, expectedVersion: body.expectedVersion, actor: context.actor)))
    }

    func handleDeleteSegment(_ request: Request, _ context: AppContext) throws -> Response {
        try segments.delete(try request.intParameter("id"), actor: context.actor)
        return .empty()
    }

    func handleRecomputeSegment(_ request: Request, _ context: AppContext) throws -> Response {
        .json(SegmentDTO(try segments.recompute(try request.intParameter("id"))))
    }

    func handleSegmentMembers(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        _ = try segments.get(id)
        let page = try store.segmentMembers(id, page: try intQuery(request, "page") ?? 1, pageSize: min(try intQuery(request, "pageSize") ?? 20, 200))
        return .json(SegmentMembersDTO(page: PageDTO(page, SegmentMemberDTO.init),
                                       overrides: try store.segmentOverrides(id).map(SegmentOverrideDTO.init)))
    }

    func handlePutSegmentOverride(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(SegmentOverrideInputDTO.self)
        guard let mode = SegmentOverride.Mode(rawValue: body.mode) else {
            throw AudienceError.invalid(["mode 应为 include 或 exclude / mode is include or exclude"])
        }
        try segments.setOverride(try request.intParameter("id"), profileId: try request.intParameter("profileId"), mode: mode, actor: context.actor)
        return .empty()
    }

    func handleDeleteSegmentOverride(_ request: Request, _ context: AppContext) throws -> Response {
        try segments.setOverride(try request.intParameter("id"), profileId: try request.intParameter("profileId"), mode: nil, actor: context.actor)
        return .empty()
    }
}

struct SegmentInputDTO: Decodable {
    var name: String?
    var description: String?
    var holdoutPercent: Int?
    var expectedVersion: Int?
    /// In a preview: the saved segment being edited (its own hold-out split, its place among references).
    var segmentId: Int?
}

struct SegmentOverrideInputDTO: Decodable { var mode: String }

struct SegmentPreviewDTO: Encodable {
    struct Region: Encodable {
        var regionId: Int?
        var name: String
        var count: Int
        enum CodingKeys: String, CodingKey { case regionId, name, count }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(regionId, forKey: .regionId)   // null for "no region", not left out
            try c.encode(name, forKey: .name)
            try c.encode(count, forKey: .count)
        }
    }
    var count: Int
    var heldOut: Int
    var byRegion: [Region]
}

struct SegmentDTO: Encodable, Sendable {
    var id: Int
    var name: String
    var description: String
    /// The rule as stored (canonical JSON), as an object.
    var rule: RawJSON?
    var holdoutPercent: Int
    var version: Int
    var createdBy: String?
    var createdAt: Date
    var updatedAt: Date
    var computedAt: Date?
    var memberCount: Int
    var holdoutCount: Int

    init(_ s: SegmentRecord) {
        id = s.id; name = s.name; description = s.description; rule = RawJSON(s.ruleJSON); holdoutPercent = s.holdoutPercent
        version = s.version; createdBy = s.createdBy; createdAt = Date(millis: s.createdAt); updatedAt = Date(millis: s.updatedAt)
        computedAt = s.computedAt.map(Date.init(millis:)); memberCount = s.memberCount; holdoutCount = s.holdoutCount
    }
}

struct SegmentMemberDTO: Encodable, Sendable {
    var profile: ProfileDTO
    var heldOut: Bool
    var override: String?
    init(_ m: SegmentMember) { profile = ProfileDTO(m.profile); heldOut = m.heldOut; override = m.override }
}

struct SegmentOverrideDTO: Encodable, Sendable {
    var profile: ProfileDTO
    var mode: String
    var addedBy: String?
    var addedAt: Date
    init(_ o: SegmentOverride) { profile = ProfileDTO(o.profile); mode = o.mode.rawValue; addedBy = o.addedBy; addedAt = Date(millis: o.addedAt) }
}

struct SegmentMembersDTO: Encodable {
    var page: PageDTO<SegmentMemberDTO>
    var overrides: [SegmentOverrideDTO]
}
