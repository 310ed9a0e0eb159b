import Accounts
import Audience
import Database
import Foundation

/// What one sender batch did.
public struct BatchResult: Sendable, Equatable {
    public var sent = 0
    public var deferred = 0
}

/// A group robot; the secret stays inside the server (DTOs say only whether one is set).
public struct RobotRecord: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var kind: RobotWebhook.Kind
    public var url: String
    public var secret: String?
    public var unitId: Int?
    public var regionId: Int?
    public var enabled: Bool
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(id: Int = 0, name: String, kind: RobotWebhook.Kind, url: String, secret: String?, unitId: Int? = nil, regionId: Int? = nil,
                enabled: Bool = true, createdAt: Int64 = 0, updatedAt: Int64 = 0) {
        self.id = id; self.name = name; self.kind = kind; self.url = url; self.secret = secret; self.unitId = unitId
        self.regionId = regionId; self.enabled = enabled; self.createdAt = createdAt; self.updatedAt = updatedAt
    }
}

/// One group message (per source and robot) with its robot's address.
public struct RobotMessage: Sendable, Equatable {
    public var id: Int
    public var source: String
    public var robot: RobotRecord
    public var title: String
    public var text: String
    public var status: String
    public var attempts: Int
    public var nextAt: Int64
    public var lastError: String?
    public var sentAt: Int64?
}

/// A message in a person's inbox.
public struct InboxItem: Sendable, Equatable {
    public var deliveryId: Int
    public var kind: String
    public var note: String
    public var createdAt: Int64
    public var seenAt: Int64?
    public var slug: String
    public var title: String
    public var summary: String
    /// The campaign that sent it (nil for a study-task reminder), for attributing the reading that follows.
    public var campaignId: Int? = nil
}

extension Store {
    /// Sends one batch: up to `limit` due pending deliveries of a run (or, with `runId` nil, of study-task reminders),
    /// each judged by `policy` against that person's campaign deliveries of the last 7 days (one query per batch).
    /// A delivery sent is marked and put in the inbox in the same transaction — exactly once, even after a crash.
    public func sendBatch(runId: Int?, note: String = "", limit: Int, policy: DeliveryPolicy, now: Int64) throws -> BatchResult {
        guard limit > 0 else { return BatchResult() }
        return try pool.write { db in
            let rows = if let runId { try db.query(CampaignSQL.dueForRun, [runId, now, limit]) }
                       else { try db.query(CampaignSQL.dueReminders, [now, limit]) }
            guard !rows.isEmpty else { return BatchResult() }
            let people = Array(Set(rows.compactMap { $0.int("profile_id") }))
            var sentTimes: [Int: [Int64]] = [:]
            for row in try db.query(CampaignSQL.recentSends, [Self.json(people) ?? "[]", now - DeliveryPolicy.weekMillis]) {
                sentTimes[row.int("profile_id") ?? 0, default: []].append(row.int64("sent_at") ?? 0)
            }
            var result = BatchResult()
            for row in rows {
                let id = row.int("id") ?? 0, profile = row.int("profile_id") ?? 0
                let isReminder = row.int("task_id") != nil
                switch policy.decide(now: now, sentTimes: sentTimes[profile] ?? [], isReminder: isReminder) {
                case .sendNow:
                    guard try db.run(CampaignSQL.markSent, [now, id]) == 1 else { continue }
                    try db.run(CampaignSQL.insertInbox, [id, profile, row.int("content_id") ?? 0, isReminder ? "reminder" : "campaign", note, now])
                    if !isReminder { sentTimes[profile, default: []].append(now) }
                    result.sent += 1
                case .later(let at, let reason):
                    try db.run(CampaignSQL.deferDelivery, [at, reason.rawValue, id])
                    result.deferred += 1
                }
            }
            return result
        }
    }

    /// Runs that are sending, most urgent first, with their pace.
    public func sendingRuns() throws -> [(runId: Int, campaignId: Int, priority: Int, ratePerMinute: Int, message: String)] {
        try pool.read { db in
            try db.query(CampaignSQL.sendingRuns).map {
                ($0.int("id") ?? 0, $0.int("campaign_id") ?? 0, $0.int("priority") ?? 0, $0.int("rate_per_minute") ?? 1, $0.string("message") ?? "")
            }
        }
    }

    // MARK: Robots

    public func robots() throws -> [RobotRecord] {
        try pool.read { try $0.query(CampaignSQL.robots).map(Self.robotRecord) }
    }

    public func robot(id: Int) throws -> RobotRecord? {
        try pool.read { try $0.queryOne(CampaignSQL.robot, [id]).map(Self.robotRecord) }
    }

    /// Adds (id 0) or changes a robot. The audit entry never holds the secret.
    public func saveRobot(_ robot: RobotRecord, now: Int64, actor: Actor) throws -> RobotRecord {
        try pool.write { db in
            guard try db.scalar(CampaignSQL.robotNameTaken, [robot.name, robot.id]).int == 0 else {
                throw CampaignError.invalid(["已有同名机器人 / a robot with this name exists"])
            }
            let args: [any SQLBindable] = [robot.name, robot.kind.rawValue, robot.url, robot.secret, robot.unitId, robot.regionId, robot.enabled]
            let id: Int
            do {
                if robot.id == 0 {
                    try db.run(CampaignSQL.insertRobot, args + [now, now])
                    id = Int(db.lastInsertRowID)
                } else {
                    guard try db.run(CampaignSQL.updateRobot, args + [now, robot.id]) == 1 else { throw CampaignError.notFound("机器人 \(robot.id) / robot \(robot.id)") }
                    id = robot.id
                }
            } catch let error as DatabaseError where error.isForeignKeyViolation {
                throw CampaignError.invalid(["所选单位或地区不存在 / unknown unit or region"])
            }
            try audit(db, actor, robot.id == 0 ? "robot.create" : "robot.update", "robot", String(id), before: nil,
                      after: Self.json(["name": robot.name, "kind": robot.kind.rawValue, "url": robot.url]), now: now)
            return try db.queryOne(CampaignSQL.robot, [id]).map(Self.robotRecord)!
        }
    }

    /// Removes a robot nobody relies on: refused while a campaign still to send or an open study task posts to it, and once it has messages
    /// (their record stays; disable it instead). Audited.
    public func deleteRobot(id: Int, now: Int64, actor: Actor) throws {
        try pool.write { db in
            guard let robot = try db.queryOne(CampaignSQL.robot, [id]).map(Self.robotRecord) else {
                throw CampaignError.notFound("机器人 \(id) / robot \(id)")
            }
            let campaigns = try db.query(CampaignSQL.campaignsUsingRobot, [id]).compactMap { $0.string("name") }
            guard campaigns.isEmpty else {
                let names = campaigns.map { "「\($0)」" }.joined(separator: "、")
                throw CampaignError.wrongState("推送\(names)仍会发到这个机器人，请先在推送中取消它 / campaigns still to send post to this robot: "
                                               + campaigns.joined(separator: ", "))
            }
            let tasks = try db.query(CampaignSQL.tasksUsingRobot, [id]).compactMap { $0.string("title") }
            guard tasks.isEmpty else {
                let names = tasks.map { "「\($0)」" }.joined(separator: "、")
                throw CampaignError.wrongState("学习任务\(names)到期时会发到这个机器人，请先关闭任务 / open study tasks escalate to this robot: "
                                               + tasks.joined(separator: ", "))
            }
            guard try db.scalar(CampaignSQL.robotMessageCount, [id]).int == 0 else {
                throw CampaignError.wrongState("这个机器人已有发送记录，只能停用，不能删除 / this robot has sent messages: disable it instead")
            }
            try db.run(CampaignSQL.deleteRobot, [id])
            try audit(db, actor, "robot.delete", "robot", String(id), before: Self.json(["name": robot.name, "kind": robot.kind.rawValue,
                                                                                         "url": robot.url]), after: nil, now: now)
        }
    }

    /// Robot messages due now (their run neither paused nor cancelled).
    public func dueRobotMessages(now: Int64, limit: Int) throws -> [RobotMessage] {
        try pool.read { try $0.query(CampaignSQL.dueRobotMessages, [now, limit]).map(Self.robotMessage) }
    }

    public func robotMessages(source: String) throws -> [RobotMessage] {
        try pool.read { try $0.query(CampaignSQL.robotMessagesFor, [source]).map(Self.robotMessage) }
    }

    public func robotMessage(id: Int) throws -> RobotMessage? {
        try pool.read { try $0.queryOne(CampaignSQL.robotMessage, [id]).map(Self.robotMessage) }
    }

    /// Marks a message 'sending' (committed before the request goes out). False if someone else took it.
    public func claimRobotMessage(id: Int) throws -> Bool {
        try pool.write { try $0.run(CampaignSQL.claimRobotMessage, [id]) == 1 }
    }

    /// Records the outcome of an attempt: sent, or pending again at `retryAt`, or failed when no attempt is left.
    public func recordRobotAttempt(id: Int, error: String?, retryAt: Int64?, now: Int64) throws {
        try pool.write { db in
            if let error {
                try db.run(CampaignSQL.robotFailed, [retryAt == nil ? "failed" : "pending", retryAt ?? now, error, id])
            } else {
                try db.run(CampaignSQL.robotSent, [now, id])
            }
        }
    }

    /// After a crash: a message left 'sending' may or may not have been posted. It becomes 'unknown', for staff to
    /// resend if the group did not get it; it is never posted again on its own.
    @discardableResult
    public func markInterruptedRobotMessages() throws -> Int {
        try pool.write { try $0.run(CampaignSQL.robotInterrupted, ["发送时服务中断，不确定是否送达 / interrupted while sending; delivery unknown"]) }
    }

    /// A failed or unknown message goes out again (audited).
    public func resendRobotMessage(id: Int, now: Int64, actor: Actor) throws {
        try pool.write { db in
            guard try db.run(CampaignSQL.robotResend, [now, id]) == 1 else {
                throw CampaignError.wrongState("只有失败或状态不明的消息可以重发 / only failed or unknown messages can be resent")
            }
            try audit(db, actor, "robot_message.resend", "robot_message", String(id), before: nil, after: nil, now: now)
        }
    }

    // MARK: The inbox

    public func inbox(profileId: Int, limit: Int = 50) throws -> (items: [InboxItem], unread: Int) {
        try pool.read { db in
            let items = try db.query(CampaignSQL.inbox, [profileId, limit]).map {
                InboxItem(deliveryId: $0.int("delivery_id") ?? 0, kind: $0.string("kind") ?? "", note: $0.string("note") ?? "",
                          createdAt: $0.int64("created_at") ?? 0, seenAt: $0.int64("seen_at"), slug: $0.string("slug") ?? "",
                          title: $0.string("title") ?? "", summary: $0.string("summary") ?? "", campaignId: $0.int("campaign_id"))
            }
            return (items, try db.scalar(CampaignSQL.unread, [profileId]).int ?? 0)
        }
    }

    /// Marks one of the person's messages seen; false when it is not theirs.
    public func markInboxSeen(profileId: Int, deliveryId: Int, now: Int64) throws -> Bool {
        try pool.write { try $0.run(CampaignSQL.markSeen, [now, deliveryId, profileId]) == 1 }
    }

    static func robotRecord(_ row: Row) -> RobotRecord {
        RobotRecord(id: row.int("id") ?? 0, name: row.string("name") ?? "", kind: RobotWebhook.Kind(rawValue: row.string("kind") ?? "") ?? .dingtalk,
                    url: row.string("url") ?? "", secret: row.string("secret"), unitId: row.int("unit_id"), regionId: row.int("region_id"),
                    enabled: row.int("enabled") == 1, createdAt: row.int64("created_at") ?? 0, updatedAt: row.int64("updated_at") ?? 0)
    }

    static func robotMessage(_ row: Row) -> RobotMessage {
        let body = (try? JSONSerialization.jsonObject(with: Data((row.string("body_json") ?? "{}").utf8))) as? [String: Any] ?? [:]
        let robot = RobotRecord(id: row.int("robot_id") ?? 0, name: row.string("robot_name") ?? "",
                                kind: RobotWebhook.Kind(rawValue: row.string("kind") ?? "") ?? .dingtalk, url: row.string("url") ?? "",
                                secret: row.string("secret"))
        return RobotMessage(id: row.int("id") ?? 0, source: row.string("source") ?? "", robot: robot, title: body["title"] as? String ?? "",
                            text: body["text"] as? String ?? "", status: row.string("status") ?? "", attempts: row.int("attempts") ?? 0,
                            nextAt: row.int64("next_at") ?? 0, lastError: row.string("last_error"), sentAt: row.int64("sent_at"))
    }
}
