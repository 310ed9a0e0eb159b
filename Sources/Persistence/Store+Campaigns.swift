import Accounts
import Audience
import Database
import Foundation

/// A campaign as stored, with the names of its piece and segment.
public struct CampaignRecord: Sendable, Equatable {
    public var id: Int
    public var input: CampaignInput
    public var status: String
    public var contentSlug: String
    public var contentTitle: String
    public var segmentName: String
    public var createdBy: String?
    public var createdAt: Int64
    public var updatedAt: Int64
}

/// What staff choose for a campaign: content, segment, channels, schedule, pace.
public struct CampaignInput: Sendable, Equatable {
    public var name: String
    public var contentId: Int
    public var segmentId: Int
    /// "inbox" and/or "robots".
    public var channels: [String]
    public var robotIds: [Int]
    public var message: String
    public var schedule: CampaignSchedule
    public var priority: Int
    public var ratePerMinute: Int

    public init(name: String, contentId: Int, segmentId: Int, channels: [String], robotIds: [Int], message: String,
                schedule: CampaignSchedule, priority: Int, ratePerMinute: Int) {
        self.name = name; self.contentId = contentId; self.segmentId = segmentId; self.channels = channels; self.robotIds = robotIds
        self.message = message; self.schedule = schedule; self.priority = priority; self.ratePerMinute = ratePerMinute
    }
}

/// One sending of a campaign; its audience is frozen when it starts.
public struct CampaignRun: Sendable, Equatable {
    public var id: Int
    public var campaignId: Int
    public var startsAt: Int64
    public var status: String
    public var frozenAt: Int64?
    public var audience: Int
    public var heldOut: Int
    public var finishedAt: Int64?
    public var source: String { "run:\(id)" }
}

/// How far a run is.
public struct RunCounts: Sendable, Equatable {
    public var sent = 0
    public var pending = 0
    public var cancelled = 0
    /// Pending deliveries moved at least once, by reason ("daily_cap", "quiet_hours"…).
    public var deferred: [String: Int] = [:]
    public var latestDue: Int64?
    public init() {}
}

extension Store {
    public func campaigns() throws -> [CampaignRecord] {
        try pool.read { try $0.query(CampaignSQL.campaigns).map(Self.campaignRecord) }
    }

    public func campaign(id: Int) throws -> CampaignRecord? {
        try pool.read { try $0.queryOne(CampaignSQL.campaign, [id]).map(Self.campaignRecord) }
    }

    /// Stores a new campaign as a draft.
    public func createCampaign(_ input: CampaignInput, now: Int64, actor: Actor) throws -> CampaignRecord {
        try pool.write { db in
            try db.run(CampaignSQL.insertCampaign, Self.arguments(input) + [actor.name, now, now])
            let id = Int(db.lastInsertRowID)
            try audit(db, actor, "campaign.create", "campaign", String(id), before: nil, after: Self.json(["name": input.name]), now: now)
            return try db.queryOne(CampaignSQL.campaign, [id]).map(Self.campaignRecord)!
        }
    }

    /// Changes a draft; a campaign that has started is refused.
    public func updateCampaign(id: Int, _ input: CampaignInput, now: Int64, actor: Actor) throws -> CampaignRecord {
        try pool.write { db in
            guard try db.queryOne(CampaignSQL.campaign, [id]) != nil else { throw CampaignError.notFound("推送 \(id) / campaign \(id)") }
            guard try db.run(CampaignSQL.updateCampaign, Self.arguments(input) + [now, id]) == 1 else {
                throw CampaignError.wrongState("只有草稿可以修改 / only a draft can be changed")
            }
            try audit(db, actor, "campaign.update", "campaign", String(id), before: nil, after: Self.json(["name": input.name]), now: now)
            return try db.queryOne(CampaignSQL.campaign, [id]).map(Self.campaignRecord)!
        }
    }

    /// Schedules the first run of a draft at `startsAt` (the sender freezes it when due).
    public func scheduleCampaign(id: Int, startsAt: Int64, now: Int64, actor: Actor) throws -> CampaignRun {
        try pool.write { db in
            guard let row = try db.queryOne(CampaignSQL.campaign, [id]) else { throw CampaignError.notFound("推送 \(id) / campaign \(id)") }
            guard row.string("status") == "draft" else { throw CampaignError.wrongState("推送已开始 / the campaign has already started") }
            try db.run(CampaignSQL.insertRun, [id, startsAt])
            try db.run(CampaignSQL.setCampaignStatus, ["scheduled", now, id])
            try audit(db, actor, "campaign.start", "campaign", String(id), before: nil, after: "{\"startsAt\":\(startsAt)}", now: now)
            return try db.query(CampaignSQL.runs, [id]).map(Self.campaignRun)[0]
        }
    }

    public func campaignRuns(campaignId: Int) throws -> [CampaignRun] {
        try pool.read { try $0.query(CampaignSQL.runs, [campaignId]).map(Self.campaignRun) }
    }

    /// Scheduled runs whose time has come (their campaign neither paused nor cancelled).
    public func dueRuns(now: Int64) throws -> [Int] {
        try pool.read { try $0.query(CampaignSQL.dueRuns, [now]).compactMap { $0.int("id") } }
    }

    /// The segment a run's campaign targets.
    public func runSegment(runId: Int) throws -> Int {
        guard let id = try pool.read({ try $0.scalar(CampaignSQL.runSegment, [runId]).int }) else { throw CampaignError.notFound("run \(runId)") }
        return id
    }

    /// Starts a run: in ONE transaction, a delivery per member of the segment who is not held out (one
    /// `INSERT … SELECT`), the held-out members (`campaign_holdouts`), one robot message per chosen enabled robot, the counts, and the status. False if it had
    /// already started (another node, or a second call).
    @discardableResult
    public func freezeRun(id: Int, now: Int64, linkBase: String) throws -> Bool {
        try pool.write { db in
            guard let run = try db.queryOne(CampaignSQL.run, [id]).map(Self.campaignRun),
                  let campaign = try db.queryOne(CampaignSQL.campaign, [run.campaignId]).map(Self.campaignRecord),
                  try db.run(CampaignSQL.startRun, [now, id]) == 1 else { return false }
            let input = campaign.input
            if input.channels.contains("inbox") {
                try db.run(CampaignSQL.freeze, [run.source, id, input.contentId, input.priority, now, input.segmentId])
            }
            let audience = try db.scalar(CampaignSQL.runAudience, [id]).int ?? 0
            // The hold-out is recorded as it stands now: the effect is measured against exactly who was kept unreached.
            try db.run(EffectSQL.freezeHoldouts, [id, input.segmentId])
            let heldOut = try db.scalar(EffectSQL.holdoutCount, [id]).int ?? 0
            try db.run(CampaignSQL.setRunCounts, [audience, heldOut, id])
            if input.channels.contains("robots") {
                let summary = try db.scalar(CampaignSQL.contentSummary, [input.contentId]).string ?? ""
                let text = RobotWebhook.markdown(title: campaign.contentTitle, summary: summary, message: input.message,
                                                 link: "\(linkBase)/read?c=\(run.campaignId)&via=robot#/\(campaign.contentSlug)")
                let body = Self.json(["title": campaign.contentTitle, "text": text]) ?? "{}"
                for robotId in input.robotIds {
                    guard let robot = try db.queryOne(CampaignSQL.robot, [robotId]), robot.int("enabled") == 1 else { continue }
                    try db.run(CampaignSQL.insertRobotMessage, [run.source, robotId, input.contentId, body, now, now])
                }
            }
            try db.run(CampaignSQL.setCampaignStatus, ["sending", now, run.campaignId])
            return true
        }
    }

    /// Pause, resume or cancel the campaign's current run. Cancelling drops what was not yet sent (never what was).
    public func changeCampaign(id: Int, action: String, now: Int64, actor: Actor) throws -> CampaignRecord {
        try pool.write { db in
            guard let campaign = try db.queryOne(CampaignSQL.campaign, [id]).map(Self.campaignRecord) else {
                throw CampaignError.notFound("推送 \(id) / campaign \(id)")
            }
            let run = try db.query(CampaignSQL.runs, [id]).map(Self.campaignRun).first
            let refused = CampaignError.wrongState("推送现为“\(campaign.status)”，不能\(action) / cannot \(action) a campaign that is \(campaign.status)")
            switch action {
            case "pause":
                guard let run, ["sending", "scheduled"].contains(campaign.status) else { throw refused }
                try db.run(CampaignSQL.setRunStatus, ["paused", run.id, run.status])
                try db.run(CampaignSQL.setCampaignStatus, ["paused", now, id])
            case "resume":
                guard let run, campaign.status == "paused", run.status == "paused" else { throw refused }
                // A run paused before its audience was frozen goes back to waiting for its time.
                let back = run.frozenAt == nil ? "scheduled" : "sending"
                try db.run(CampaignSQL.setRunStatus, [back, run.id, "paused"])
                try db.run(CampaignSQL.setCampaignStatus, [back, now, id])
            case "cancel":
                guard ["draft", "scheduled", "sending", "paused"].contains(campaign.status) else { throw refused }
                for r in try db.query(CampaignSQL.runs, [id]).map(Self.campaignRun) where r.status != "done" {
                    try db.run(CampaignSQL.cancelDeliveries, [r.id])
                    try db.run(CampaignSQL.cancelRobotMessages, ["已取消 / cancelled", r.source])
                }
                try db.run(CampaignSQL.cancelRuns, [now, id])
                try db.run(CampaignSQL.setCampaignStatus, ["cancelled", now, id])
            default:
                throw CampaignError.invalid(["未知操作 / unknown action \(action)"])
            }
            try audit(db, actor, "campaign.\(action)", "campaign", String(id), before: "{\"status\":\"\(campaign.status)\"}", after: nil, now: now)
            return try db.queryOne(CampaignSQL.campaign, [id]).map(Self.campaignRecord)!
        }
    }

    /// Closes a run with nothing left to deliver or post; a yearly campaign gets its next run scheduled at `next`.
    /// True when the run was closed now.
    @discardableResult
    public func finishRunIfDone(id: Int, next: Int64?, now: Int64) throws -> Bool {
        try pool.write { db in
            guard let run = try db.queryOne(CampaignSQL.run, [id]).map(Self.campaignRun), run.status == "sending",
                  try db.scalar(CampaignSQL.runLeft, [id, run.source]).int == 0 else { return false }
            try db.run(CampaignSQL.finishRun, [now, id])
            if let next {
                try db.run(CampaignSQL.insertRun, [run.campaignId, next])
                try db.run(CampaignSQL.setCampaignStatus, ["scheduled", now, run.campaignId])
            } else {
                try db.run(CampaignSQL.setCampaignStatus, ["done", now, run.campaignId])
            }
            return true
        }
    }

    public func runCounts(id: Int) throws -> RunCounts {
        try pool.read { db in
            var counts = RunCounts()
            for row in try db.query(CampaignSQL.runCounts, [id]) {
                let n = row.int("n") ?? 0
                switch row.string("status") {
                case "sent": counts.sent = n
                case "pending": counts.pending = n
                case "cancelled": counts.cancelled = n
                default: break
                }
            }
            for row in try db.query(CampaignSQL.runDeferred, [id]) {
                counts.deferred[row.string("last_reason") ?? "", default: 0] += row.int("n") ?? 0
                counts.latestDue = max(counts.latestDue ?? 0, row.int64("latest") ?? 0)
            }
            return counts
        }
    }

    /// Saved segments for choosing an audience: size and when it was computed.
    public func segmentChoices() throws -> [(id: Int, name: String, members: Int, heldOut: Int, computedAt: Int64?)] {
        try pool.read { db in
            try db.query(CampaignSQL.segments).map {
                ($0.int("id") ?? 0, $0.string("name") ?? "", $0.int("member_count") ?? 0, $0.int("holdout_count") ?? 0, $0.int64("computed_at"))
            }
        }
    }

    public func segmentExists(id: Int) throws -> Bool {
        try pool.read { try $0.scalar(CampaignSQL.segmentExists, [id]).int == 1 }
    }

    public func contentId(slug: String) throws -> Int? {
        try pool.read { try $0.scalar(CampaignSQL.contentExists, [slug]).int }
    }

    static func arguments(_ input: CampaignInput) -> [any SQLBindable] {
        var startsAt: Int64?
        if case .at(let at) = input.schedule { startsAt = at }
        return [input.name, input.contentId, input.segmentId, json(input.channels) ?? "[]", json(input.robotIds) ?? "[]", input.message,
                input.schedule.kind, startsAt, input.schedule.yearlyText, input.priority, input.ratePerMinute]
    }

    static func campaignRecord(_ row: Row) -> CampaignRecord {
        func decode<T: Decodable>(_ column: String, _ fallback: T) -> T {
            (try? JSONDecoder().decode(T.self, from: Data((row.string(column) ?? "").utf8))) ?? fallback
        }
        let schedule = (try? CampaignSchedule.parse(kind: row.string("schedule") ?? "now", startsAt: row.int64("starts_at"),
                                                   yearly: row.string("yearly"), now: Int64.min)) ?? .now
        let input = CampaignInput(name: row.string("name") ?? "", contentId: row.int("content_id") ?? 0, segmentId: row.int("segment_id") ?? 0,
                                  channels: decode("channels_json", []), robotIds: decode("robot_ids_json", []),
                                  message: row.string("message") ?? "", schedule: schedule, priority: row.int("priority") ?? 0,
                                  ratePerMinute: row.int("rate_per_minute") ?? 1)
        return CampaignRecord(id: row.int("id") ?? 0, input: input, status: row.string("status") ?? "draft",
                              contentSlug: row.string("content_slug") ?? "", contentTitle: row.string("content_title") ?? "",
                              segmentName: row.string("segment_name") ?? "", createdBy: row.string("created_by"),
                              createdAt: row.int64("created_at") ?? 0, updatedAt: row.int64("updated_at") ?? 0)
    }

    static func campaignRun(_ row: Row) -> CampaignRun {
        CampaignRun(id: row.int("id") ?? 0, campaignId: row.int("campaign_id") ?? 0, startsAt: row.int64("starts_at") ?? 0,
                    status: row.string("status") ?? "", frozenAt: row.int64("frozen_at"), audience: row.int("audience") ?? 0,
                    heldOut: row.int("held_out") ?? 0, finishedAt: row.int64("finished_at"))
    }
}
