import Accounts
import Audience
import Foundation
import Outbound
import Persistence
import Secrets

/// Campaigns for staff: drafts checked and stored, started (now, at a time, every year), paused, resumed, cancelled,
/// with progress; group robots and their test message. The sending itself is `CampaignSender`'s job.
public final class CampaignService: Sendable {
    let store: Store
    let clock: AppClock
    let poster: HTTPPoster
    let linkBase: String
    /// Recomputes a segment's members right before its audience is frozen (wired to the segment service).
    let refreshSegment: @Sendable (Int) throws -> Void

    public init(store: Store, clock: AppClock = .system, poster: HTTPPoster = HTTPPoster(), linkBase: String = "",
                refreshSegment: @escaping @Sendable (Int) throws -> Void = { _ in }) {
        self.store = store
        self.clock = clock
        self.poster = poster
        self.linkBase = linkBase
        self.refreshSegment = refreshSegment
    }

    /// What staff posted, checked: every problem at once (422), or a bad schedule with its reason.
    func input(name: String, contentSlug: String, segmentId: Int, channels: [String], robotIds: [Int], message: String, schedule: String,
               startsAt: Int64?, yearly: String?, priority: Int, ratePerMinute: Int) throws -> CampaignInput {
        var problems: [String] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...60).contains(trimmed.count) { problems.append("名称须为 1–60 字 / the name must be 1–60 characters") }
        let contentId = try store.contentId(slug: contentSlug)
        if contentId == nil { problems.append("没有“\(contentSlug)”这篇内容 / no content \(contentSlug)") }
        if try !store.segmentExists(id: segmentId) { problems.append("没有这个受众分组 / no segment \(segmentId)") }
        if channels.isEmpty || !Set(channels).isSubset(of: ["inbox", "robots"]) {
            problems.append("渠道须为站内消息（inbox）和/或群机器人（robots） / channels are inbox and/or robots")
        }
        if channels.contains("robots") {
            let known = Set(try store.robots().map(\.id))
            if robotIds.isEmpty { problems.append("请选择至少一个群机器人 / choose at least one robot") }
            if let unknown = robotIds.first(where: { !known.contains($0) }) { problems.append("没有机器人 \(unknown) / no robot \(unknown)") }
        }
        if message.count > 200 { problems.append("附言最多 200 字 / the message is limited to 200 characters") }
        if !(0...9).contains(priority) { problems.append("优先级须为 0–9 / priority must be 0–9") }
        if !(1...1_000_000).contains(ratePerMinute) { problems.append("速率须为每分钟 1–1000000 / rate must be 1–1,000,000 a minute") }
        let parsed: CampaignSchedule
        do {
            parsed = try CampaignSchedule.parse(kind: schedule, startsAt: startsAt, yearly: yearly, now: clock.nowMillis())
        } catch {
            problems.append(error.description)
            parsed = .now
        }
        if contentId != nil, let first = parsed.nextRun(after: clock.nowMillis() - 1), let problem = try unreadable(contentSlug, on: first) {
            problems.append(problem)
        }
        guard problems.isEmpty, let contentId else { throw CampaignError.invalid(problems) }
        return CampaignInput(name: trimmed, contentId: contentId, segmentId: segmentId, channels: channels,
                             robotIds: channels.contains("robots") ? robotIds : [], message: message, schedule: parsed, priority: priority,
                             ratePerMinute: ratePerMinute)
    }

    func create(_ input: CampaignInput, actor: Actor) throws -> CampaignRecord {
        try store.createCampaign(input, now: clock.nowMillis(), actor: actor)
    }

    func update(id: Int, _ input: CampaignInput, actor: Actor) throws -> CampaignRecord {
        try store.updateCampaign(id: id, input, now: clock.nowMillis(), actor: actor)
    }

    func campaign(id: Int) throws -> CampaignRecord {
        guard let found = try store.campaign(id: id) else { throw CampaignError.notFound("推送 \(id) / campaign \(id)") }
        return found
    }

    /// Starts a draft: its first run is scheduled; a campaign for "now" has its audience frozen at once.
    func start(id: Int, actor: Actor) throws -> CampaignRecord {
        let campaign = try campaign(id: id)
        let now = clock.nowMillis()
        guard let first = campaign.input.schedule.nextRun(after: now - 1) else {
            throw CampaignError.wrongState("定时发送的时间已过，请修改后再开始 / the sending time has passed; change it first")
        }
        if let problem = try unreadable(campaign.contentSlug, on: first) { throw CampaignError.invalid([problem]) }
        let run = try store.scheduleCampaign(id: id, startsAt: first, now: now, actor: actor)
        if first <= now { try freeze(runId: run.id, segmentId: campaign.input.segmentId, now: now) }
        return try self.campaign(id: id)
    }

    /// Why readers could not open the piece on the day of `moment` (a draft, retired, not yet published or expired), or
    /// nil: a campaign never pushes a link that answers 404.
    func unreadable(_ slug: String, on moment: Int64) throws -> String? {
        guard let piece = try store.content(slug: slug) else { return "没有“\(slug)”这篇内容 / no content \(slug)" }
        let day = BeijingDay.of(moment)
        guard piece.status == .published else { return "“\(piece.meta.title)”尚未发布 / “\(slug)” is not published" }
        guard piece.meta.isLive(on: day) else {
            return "“\(piece.meta.title)”在 \(day) 不可阅读（上线 \(piece.meta.publish ?? "—")，下线 \(piece.meta.expire ?? "—")） / "
                + "“\(slug)” cannot be read on \(day) (shown \(piece.meta.publish ?? "-") to \(piece.meta.expire ?? "-"))"
        }
        return nil
    }

    /// The audience of a run: the segment recomputed, then frozen in one transaction.
    func freeze(runId: Int, segmentId: Int, now: Int64) throws {
        try refreshSegment(segmentId)
        try store.freezeRun(id: runId, now: now, linkBase: linkBase)
    }

    func change(id: Int, action: String, actor: Actor) throws -> CampaignRecord {
        try store.changeCampaign(id: id, action: action, now: clock.nowMillis(), actor: actor)
    }

    /// The current run's figures and its robot messages.
    func progress(id: Int) throws -> (run: CampaignRun?, counts: RunCounts, eta: Int, robots: [RobotMessage]) {
        let campaign = try campaign(id: id)
        guard let run = try store.campaignRuns(campaignId: id).first(where: { $0.frozenAt != nil }) else { return (nil, RunCounts(), 0, []) }
        let counts = try store.runCounts(id: run.id)
        let eta = run.status == "sending" || run.status == "paused"
            ? CampaignProgress.etaSeconds(pending: counts.pending, ratePerMinute: campaign.input.ratePerMinute, now: clock.nowMillis(),
                                          latestDue: counts.latestDue)
            : 0
        return (run, counts, eta, try store.robotMessages(source: run.source))
    }

    // MARK: Robots

    func saveRobot(id: Int, name: String, kind: String, url: String, secret: String??, enabled: Bool?, scope: (unitId: Int??, regionId: Int??),
                   actor: Actor) throws -> RobotRecord {
        let existing = id == 0 ? nil : try store.robot(id: id)
        if id != 0 && existing == nil { throw CampaignError.notFound("机器人 \(id) / robot \(id)") }
        let lower = url.lowercased()
        guard (lower.hasPrefix("http://") || lower.hasPrefix("https://")), URL(string: url)?.host != nil else { throw CampaignError.badURL(url) }
        var problems: [String] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...60).contains(trimmed.count) { problems.append("名称须为 1–60 字 / the name must be 1–60 characters") }
        guard let kind = RobotWebhook.Kind(rawValue: kind) else {
            throw CampaignError.invalid(problems + ["类型须为 dingtalk 或 wecom / kind is dingtalk or wecom"])
        }
        guard problems.isEmpty else { throw CampaignError.invalid(problems) }
        // The secret is write-only: left out keeps it, "" removes it.
        let newSecret: String? = switch secret {
        case .none: existing?.secret
        case .some(let value): (value ?? "").isEmpty ? nil : value
        }
        // The scope likewise: left out keeps it, null clears it (the store refuses a unit or region that does not exist).
        let robot = RobotRecord(id: id, name: trimmed, kind: kind, url: url, secret: newSecret, unitId: scope.unitId ?? existing?.unitId,
                                regionId: scope.regionId ?? existing?.regionId, enabled: enabled ?? existing?.enabled ?? true)
        return try store.saveRobot(robot, now: clock.nowMillis(), actor: actor)
    }

    /// Posts a test message to a robot now; nil when it was accepted, else why not.
    func testRobot(id: Int) throws -> String? {
        guard let robot = try store.robot(id: id) else { throw CampaignError.notFound("机器人 \(id) / robot \(id)") }
        return post(robot: robot, title: "普法平台测试消息", text: "### 普法平台测试消息\n\n机器人“\(robot.name)”已连通。")
    }

    /// One webhook request: the robot's JSON, DingTalk's signature when a secret is set; nil on success.
    func post(robot: RobotRecord, title: String, text: String) -> String? {
        var address = robot.url
        if robot.kind == .dingtalk, let secret = robot.secret, !secret.isEmpty {
            let timestamp = clock.nowMillis()
            address += (address.contains("?") ? "&" : "?")
                + "timestamp=\(timestamp)&sign=\(Sodium.dingTalkSignature(secret: secret, timestampMillis: timestamp))"
        }
        guard let url = URL(string: address) else { return "地址无效 / invalid URL" }
        switch poster.postJSON(url, body: RobotWebhook.payload(kind: robot.kind, title: title, text: text)) {
        case .failure(let error): return error.description
        case .success(let response): return RobotWebhook.failure(status: response.status, body: response.body)
        }
    }
}
