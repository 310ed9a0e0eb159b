import Audience
import Foundation
import Persistence

/// A campaign as staff post it.
struct CampaignInputDTO: Decodable {
    var name: String
    var contentSlug: String
    var segmentId: Int
    var channels: [String]
    var robotIds: [Int]?
    var message: String?
    var schedule: String
    var startsAt: String?
    var yearly: String?
    var priority: Int?
    var ratePerMinute: Int?

    func input(_ service: CampaignService) throws -> CampaignInput {
        var at: Int64?
        if let startsAt, !startsAt.isEmpty {
            do { at = try ISOTime.parse(startsAt, field: "startsAt") } catch { throw CampaignError.invalid([error.description]) }
        }
        return try service.input(name: name, contentSlug: contentSlug, segmentId: segmentId, channels: channels, robotIds: robotIds ?? [],
                                 message: message ?? "", schedule: schedule, startsAt: at, yearly: yearly, priority: priority ?? 0,
                                 ratePerMinute: ratePerMinute ?? 6000)
    }
}

struct CampaignDTO: Encodable {
    var id: Int
    var name: String
    var contentSlug: String
    var contentTitle: String
    var segmentId: Int
    var segmentName: String
    var channels: [String]
    var robotIds: [Int]
    var message: String
    var schedule: String
    var startsAt: Date?
    var yearly: String?
    var priority: Int
    var ratePerMinute: Int
    var status: String
    var createdBy: String?
    var createdAt: Date
    var updatedAt: Date
    /// Whole percent of the current run done (sent or dropped), when one has started.
    var percent: Int?

    init(_ c: CampaignRecord, percent: Int? = nil) {
        id = c.id; name = c.input.name; contentSlug = c.contentSlug; contentTitle = c.contentTitle; segmentId = c.input.segmentId
        segmentName = c.segmentName; channels = c.input.channels; robotIds = c.input.robotIds; message = c.input.message
        schedule = c.input.schedule.kind; yearly = c.input.schedule.yearlyText; priority = c.input.priority
        ratePerMinute = c.input.ratePerMinute; status = c.status; createdBy = c.createdBy; createdAt = Date(millis: c.createdAt)
        updatedAt = Date(millis: c.updatedAt); self.percent = percent
        if case .at(let at) = c.input.schedule { startsAt = Date(millis: at) }
    }
}

struct CampaignProgressDTO: Encodable {
    struct Robot: Encodable {
        var id: Int
        var name: String
        var status: String
        var attempts: Int
        var error: String?
        var nextAt: Date?
        var sentAt: Date?
    }
    var status: String
    var runId: Int?
    var runStatus: String?
    var startsAt: Date?
    /// When the next run (not yet started) is due: an `at` or yearly campaign waiting for its time.
    var nextRunAt: Date?
    var frozenAt: Date?
    var finishedAt: Date?
    var audience: Int
    var heldOut: Int
    var sent: Int
    var pending: Int
    var cancelled: Int
    var percent: Int
    var deferred: [String: Int]
    var rate: Int
    var etaSeconds: Int
    var robots: [Robot]
}

struct RobotInputDTO: Decodable {
    var name: String
    var kind: String
    var url: String
    /// Left out: unchanged; "" removes it; anything else replaces it.
    var secret: String??
    var enabled: Bool?
    /// The scope a study task's escalation keeps to (overdue people of this unit or region subtree). Left out:
    /// unchanged (none for a new robot); null: the whole county.
    var unitId: Int??
    var regionId: Int??

    enum CodingKeys: String, CodingKey { case name, kind, url, secret, enabled, unitId, regionId }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(String.self, forKey: .kind)
        url = try c.decode(String.self, forKey: .url)
        secret = c.contains(.secret) ? .some(try c.decodeNil(forKey: .secret) ? nil : try c.decode(String.self, forKey: .secret)) : .none
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled)
        unitId = c.contains(.unitId) ? .some(try c.decodeNil(forKey: .unitId) ? nil : try c.decode(Int.self, forKey: .unitId)) : .none
        regionId = c.contains(.regionId) ? .some(try c.decodeNil(forKey: .regionId) ? nil : try c.decode(Int.self, forKey: .regionId)) : .none
    }
}

/// A robot for the console: the secret never leaves the server, only whether one is set.
struct RobotDTO: Encodable {
    var id: Int
    var name: String
    var kind: String
    var url: String
    var secretSet: Bool
    var enabled: Bool
    var unitId: Int?
    var regionId: Int?
    var updatedAt: Date

    init(_ r: RobotRecord) {
        id = r.id; name = r.name; kind = r.kind.rawValue; url = r.url; secretSet = !(r.secret ?? "").isEmpty; enabled = r.enabled
        unitId = r.unitId; regionId = r.regionId
        updatedAt = Date(millis: r.updatedAt)
    }
}

struct InboxDTO: Encodable {
    struct Item: Encodable {
        var id: Int
        var kind: String
        var note: String
        var slug: String
        var title: String
        var summary: String
        var createdAt: Date
        var seen: Bool
        var campaignId: Int?
    }
    var items: [Item]
    var unread: Int
}

struct SegmentChoiceDTO: Encodable {
    var id: Int
    var name: String
    var memberCount: Int
    var holdoutCount: Int
    var computedAt: Date?
}
