import Accounts
import Audience
import Foundation
import HTTPServer
import Persistence

/// Audience profiles: staff (audiences.manage) search, open and edit them; a signed-in person sees and edits their own
/// age band, occupation and interests. Phones leave the server masked.
extension Handlers {
    func handleListProfiles(_ request: Request, _ context: AppContext) throws -> Response {
        let group = try request.query["group"].nonEmpty.map { value throws(HTTPError) -> AudienceGroup in
            guard let g = AudienceGroup(rawValue: value) else { throw .badRequest("Unknown group \(value)", code: "bad_query") }
            return g
        }
        let query = ProfileQuery(text: request.query["q"], group: group, regionId: try intQuery(request, "regionId"),
                                 unitId: try intQuery(request, "unitId"), page: try intQuery(request, "page") ?? 1,
                                 pageSize: min(try intQuery(request, "pageSize") ?? 20, 200))
        return .json(PageDTO(try profiles.search(query), ProfileDTO.init))
    }

    func handleGetProfile(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ProfileDetailDTO(try profiles.detail(id: try request.intParameter("id"))))
    }

    func handleUpdateProfile(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        let body = try request.decode(ProfileInputDTO.self)
        let attributes = ProfileAttributes(groups: Set(try body.parsedGroups()), ageBand: try body.parsedAgeBand(), occupation: body.occupation,
                                           interests: body.interests ?? [], regionId: body.regionId, unitId: body.unitId)
        return .json(ProfileDetailDTO(try profiles.update(id: id, attributes, actor: context.actor)))
    }

    func handleGetOwnProfile(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ProfileDTO(try profiles.own(try context.requireUser())))
    }

    func handleUpdateOwnProfile(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(ProfileInputDTO.self)
        return .json(ProfileDTO(try profiles.updateOwn(try context.requireUser(), ageBand: try body.parsedAgeBand(), occupation: body.occupation,
                                                       interests: body.interests ?? [])))
    }
}

/// A profile's attributes as the console (or the person) sends them.
struct ProfileInputDTO: Decodable {
    var groups: [String]?
    var ageBand: String?
    var occupation: String?
    var interests: [String]?
    var regionId: Int?
    var unitId: Int?

    func parsedGroups() throws -> [AudienceGroup] {
        try (groups ?? []).map { code in
            guard let g = AudienceGroup(rawValue: code) else {
                throw AudienceError.invalid(["未知的对象群体“\(code)” / unknown group \(code)"])
            }
            return g
        }
    }

    func parsedAgeBand() throws -> AgeBand? {
        guard let raw = ageBand, !raw.isEmpty else { return nil }
        guard let band = AgeBand(rawValue: raw) else { throw AudienceError.invalid(["未知的年龄段“\(raw)” / unknown age band \(raw)"]) }
        return band
    }
}

/// A profile in lists: the phone masked.
struct ProfileDTO: Encodable, Sendable {
    var id: Int
    var userId: Int?
    var kind: String
    var displayName: String
    var phone: String?
    var groups: [String]
    var ageBand: String?
    var occupation: String?
    var interests: [String]
    var regionId: Int?
    var unitId: Int?
    var lastActiveAt: Date?
    var updatedAt: Date

    init(_ p: ProfileRecord) {
        id = p.id; userId = p.userId; kind = p.userId == nil ? "resident" : "account"; displayName = p.displayName
        phone = p.phone.map(Phone.masked); groups = AudienceGroup.groups(in: AudienceGroup.mask(p.groups)).map(\.rawValue)
        ageBand = p.attributes.ageBand?.rawValue; occupation = p.attributes.occupation; interests = p.attributes.interests
        regionId = p.attributes.regionId; unitId = p.attributes.unitId; lastActiveAt = p.lastActiveAt.map(Date.init(millis:))
        updatedAt = Date(millis: p.updatedAt)
    }
}

/// A profile with the facts derived from behaviour.
struct ProfileDetailDTO: Encodable {
    struct Topic: Encodable { var topic: String; var answered: Int; var correct: Double; var accuracy: Double; var lastDay: String }
    struct Read: Encodable { var slug: String; var title: String; var seconds: Int; var firstAt: Date; var lastAt: Date; var finishedAt: Date? }
    struct Membership: Encodable { var segmentId: Int; var name: String; var heldOut: Bool }
    var profile: ProfileDTO
    var factsDays: Int
    var topics: [Topic]
    var reads: [Read]
    var segments: [Membership]

    init(_ d: ProfileDetail) {
        profile = ProfileDTO(d.profile)
        factsDays = ProfileService.factsDays
        topics = d.topics.map {
            Topic(topic: $0.topic, answered: $0.answered, correct: $0.correct,
                  accuracy: $0.answered > 0 ? (($0.correct / Double($0.answered)) * 1000).rounded() / 1000 : 0, lastDay: $0.lastDay)
        }
        reads = d.reads.map {
            Read(slug: $0.slug, title: $0.title, seconds: $0.seconds, firstAt: Date(millis: $0.firstAt), lastAt: Date(millis: $0.lastAt),
                 finishedAt: $0.finishedAt.map(Date.init(millis:)))
        }
        segments = d.segments.map { Membership(segmentId: $0.segmentId, name: $0.name, heldOut: $0.heldOut) }
    }
}
