import Accounts
import Audience
import Database
import Foundation

/// What one pass of the reminder job queued.
public struct ReminderRun: Sendable, Equatable {
    public var reminders = 0
    public var robotMessages = 0
    public var followups = 0
    public init() {}
}

/// The last escalation of a study task: someone for the caseworker or unit contact to follow up.
public struct FollowupRecord: Sendable, Equatable {
    public var id: Int
    public var taskId: Int
    public var taskTitle: String
    public var profileId: Int
    public var displayName: String
    public var username: String?
    public var unitId: Int?
    public var unitName: String?
    public var createdAt: Int64
    public var resolvedAt: Int64?
    public var resolvedBy: String?
    public var note: String?
}

/// The message a group robot posts for the people of its scope who missed a deadline (sent by the robot job).
struct EscalationMessage: Encodable {
    var title: String
    var text: String
    var taskId: Int
    var names: [String]
}

extension Store {
    /// One pass of the reminder job: for each active task, in one transaction, queues the due reminder deliveries
    /// ('task:<id>:remind-N', priority 9, inbox), at the deadline one message per listed robot for the overdue
    /// people in its scope ('task:<id>:escalate-1'), and two days later a follow-up per person with their unit.
    /// Safe to run again or on several nodes: the UNIQUE keys and the assignee's recorded step keep each once.
    public func remindOnce(now: Int64) throws -> ReminderRun {
        var run = ReminderRun()
        let tasks = try pool.read { try $0.query(StudyTaskSQL.activeTasks).map(Self.studyTask) }
        for task in tasks where task.assignees > task.completed {
            let done = try pool.write { db in try Self.remind(db, task, now: now) }
            run.reminders += done.reminders
            run.robotMessages += done.robotMessages
            run.followups += done.followups
        }
        return run
    }

    static func remind(_ db: Connection, _ task: StudyTaskRecord, now: Int64) throws -> ReminderRun {
        var run = ReminderRun()
        let plan = task.plan
        var overdue: [Row] = []
        for a in try db.query(StudyTaskSQL.openAssignees, [task.id]) {
            let profile = a.int("profile_id") ?? 0
            if let step = plan.dueReminder(after: a.string("reminded") ?? "", completed: false, now: now) {
                run.reminders += try db.run(StudyTaskSQL.insertDelivery, ["task:\(task.id):\(step)", task.id, profile, task.contentId, now])
                try db.run(StudyTaskSQL.setReminded, [step, task.id, profile])
            }
            let levels = plan.escalationsDue(current: a.int("escalation") ?? 0, completed: false, now: now)
            if levels.contains(1) { overdue.append(a) }
            if levels.contains(2) {
                run.followups += try db.run(StudyTaskSQL.insertFollowup, [task.id, profile, a.int("unit_id"), now])
            }
            if let top = levels.last { try db.run(StudyTaskSQL.setEscalation, [top, task.id, profile, top]) }
        }
        if !overdue.isEmpty, !task.robotIds.isEmpty {
            run.robotMessages += try escalateToRobots(db, task, overdue, now: now)
        }
        return run
    }

    /// One message per robot for the overdue people within its unit or region subtree (a robot with neither covers all).
    static func escalateToRobots(_ db: Connection, _ task: StudyTaskRecord, _ overdue: [Row], now: Int64) throws -> Int {
        let unitParent = Dictionary(try db.query(StudyTaskSQL.unitParents).map { ($0.int("id") ?? 0, $0.int("parent_id")) }) { a, _ in a }
        let regionParent = Dictionary(try db.query(StudyTaskSQL.regionParents).map { ($0.int("id") ?? 0, $0.int("parent_id")) }) { a, _ in a }
        func path(_ id: Int?, _ parents: [Int: Int?]) -> Set<Int> {
            var found = Set<Int>(), next = id
            while let n = next, found.insert(n).inserted { next = parents[n] ?? nil }
            return found
        }
        var queued = 0
        for robot in try db.query(StudyTaskSQL.robotsByIds, [jsonArray(task.robotIds)]) {
            let unit = robot.int("unit_id"), region = robot.int("region_id")
            let people = overdue.filter { a in
                (unit.map { path(a.int("unit_id"), unitParent).contains($0) } ?? true)
                    && (region.map { path(a.int("region_id"), regionParent).contains($0) } ?? true)
            }
            guard !people.isEmpty else { continue }
            let names = people.map { $0.string("display_name") ?? "" }
            let shown = names.prefix(30).joined(separator: "、") + (names.count > 30 ? " 等 \(names.count) 人" : "")
            let body = EscalationMessage(title: "学习任务逾期提醒",
                                         text: "学习任务「\(task.title)」（《\(task.contentTitle)》）已过截止时间，以下 \(names.count) 人尚未完成：\(shown)。请督促尽快完成。",
                                         taskId: task.id, names: names)
            queued += try db.run(StudyTaskSQL.insertRobotMessage, ["task:\(task.id):escalate-1", robot.int("id") ?? 0, task.contentId,
                                                                   json(body) ?? "{}", now, now])
        }
        return queued
    }

    /// Follow-ups, open ones first (resolved ones too when `all`).
    public func followups(all: Bool) throws -> [FollowupRecord] {
        try pool.read { db in
            try db.query(StudyTaskSQL.followups, [all ? 1 : 0]).map { r in
                FollowupRecord(id: r.int("id") ?? 0, taskId: r.int("task_id") ?? 0, taskTitle: r.string("task_title") ?? "",
                               profileId: r.int("profile_id") ?? 0, displayName: r.string("display_name") ?? "",
                               username: r.string("username"), unitId: r.int("unit_id"), unitName: r.string("unit_name"),
                               createdAt: r.int64("created_at") ?? 0, resolvedAt: r.int64("resolved_at"),
                               resolvedBy: r.string("resolved_by"), note: r.string("note"))
            }
        }
    }

    /// Marks a follow-up done with a note (audited). Throws `notFound` for an unknown id; false when already resolved.
    public func resolveFollowup(id: Int, note: String, now: Int64, actor: Actor) throws -> Bool {
        try pool.write { db in
            guard try db.scalar(StudyTaskSQL.followupExists, [id]).int != nil else { throw StudyTaskError.notFound }
            guard try db.run(StudyTaskSQL.resolveFollowup, [now, actor.name, note, id]) > 0 else { return false }
            try audit(db, actor, "followup.resolve", "followup", String(id), before: nil, after: Self.json(["note": note]), now: now)
            return true
        }
    }
}
