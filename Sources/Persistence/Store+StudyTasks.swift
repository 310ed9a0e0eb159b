import Accounts
import Audience
import Database
import Foundation

/// A study task (学习任务) as stored, with its completion counts.
public struct StudyTaskRecord: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var contentId: Int
    public var slug: String
    public var contentTitle: String
    public var segmentId: Int?
    public var deadline: Int64
    public var minSeconds: Int
    public var remindDays: [Int]
    public var escalate: Bool
    public var robotIds: [Int]
    public var status: String
    public var createdBy: String?
    public var createdAt: Int64
    public var assignees: Int
    public var completed: Int

    public var plan: StudyPlan { StudyPlan(deadline: deadline, remindDays: remindDays, escalate: escalate) }
}

/// A task to create. Assignees: the segment's members (hold-out excluded), plus profile ids, plus accounts by username.
public struct NewStudyTask: Sendable {
    public var title: String
    public var contentId: Int
    public var segmentId: Int?
    public var profileIds: [Int]
    public var usernames: [String]
    public var deadline: Int64
    public var minSeconds: Int
    public var remindDays: [Int]
    public var escalate: Bool
    public var robotIds: [Int]

    public init(title: String, contentId: Int, segmentId: Int? = nil, profileIds: [Int] = [], usernames: [String] = [],
                deadline: Int64, minSeconds: Int, remindDays: [Int] = [3, 1], escalate: Bool = true, robotIds: [Int] = []) {
        self.title = title
        self.contentId = contentId
        self.segmentId = segmentId
        self.profileIds = profileIds
        self.usernames = usernames
        self.deadline = deadline
        self.minSeconds = minSeconds
        self.remindDays = remindDays
        self.escalate = escalate
        self.robotIds = robotIds
    }
}

/// One person's line on a task.
public struct TaskAssigneeRecord: Sendable, Equatable {
    public var profileId: Int
    public var displayName: String
    public var username: String?
    public var unitId: Int?
    public var unitName: String?
    /// Unmasked: mask before it leaves the server.
    public var phone: String?
    public var seconds: Int
    public var assignedAt: Int64
    public var completedAt: Int64?
    public var reminded: String
    public var escalation: Int
    public var reminders: Int
}

extension Store {
    /// Creates a task and its assignees in one transaction (audited). Unknown usernames or profile ids refuse the
    /// whole task. Someone who already read the piece long enough is completed at once.
    public func createStudyTask(_ new: NewStudyTask, now: Int64, actor: Actor) throws -> StudyTaskRecord {
        try pool.write { db in
            var people: [Int] = []
            var unknown: [String] = []
            if let segment = new.segmentId {
                guard try db.scalar(StudyTaskSQL.segmentExists, [segment]).int != nil else {
                    throw StudyTaskError.invalid(["没有这个分群 / no such segment"])
                }
                people += try db.query(StudyTaskSQL.segmentMembers, [segment]).compactMap { $0.int("profile_id") }
            }
            if !new.profileIds.isEmpty {
                let found = Set(try db.query(StudyTaskSQL.profilesByIds, [Self.jsonArray(new.profileIds)]).compactMap { $0.int("id") })
                unknown += new.profileIds.filter { !found.contains($0) }.map { "#\($0)" }
                people += new.profileIds.filter(found.contains)
            }
            if !new.usernames.isEmpty {
                let names = try JSONEncoder().encode(new.usernames)
                let users = try db.query(StudyTaskSQL.usersByName, [String(decoding: names, as: UTF8.self)])
                let byName = Dictionary(users.map { (($0.string("username") ?? "").lowercased(), $0.int("id") ?? 0) }) { a, _ in a }
                for name in new.usernames {
                    guard let userId = byName[name.lowercased()], let profile = try Self.ensureProfile(db, userId: userId, now: now) else {
                        unknown.append(name)
                        continue
                    }
                    people.append(profile)
                }
            }
            guard unknown.isEmpty else { throw StudyTaskError.unknownPeople(unknown) }
            guard !people.isEmpty else { throw StudyTaskError.invalid(["没有指定学习人员 / no one is assigned"]) }
            let robots = Self.jsonArray(new.robotIds)
            let known = Set(try db.query(StudyTaskSQL.robotsExisting, [robots]).compactMap { $0.int("id") })
            guard known.count == Set(new.robotIds).count else { throw StudyTaskError.invalid(["没有这个群机器人 / unknown robot"]) }
            try db.run(StudyTaskSQL.insertTask, [new.title, new.contentId, new.segmentId, new.deadline, new.minSeconds,
                                                 Self.jsonArray(new.remindDays), new.escalate, robots, actor.name, now, now])
            let id = Int(db.lastInsertRowID)
            var seen = Set<Int>()
            for p in people where seen.insert(p).inserted {
                try db.run(StudyTaskSQL.insertAssignee, [id, p, now, new.contentId, new.minSeconds])
            }
            try audit(db, actor, "study_task.create", "study_task", String(id), before: nil,
                      after: "{\"title\":\(Self.json(new.title) ?? "\"\""),\"assignees\":\(seen.count)}", now: now)
            guard let task = try db.queryOne(StudyTaskSQL.task, [id]).map(Self.studyTask) else { throw StudyTaskError.notFound }
            return task
        }
    }

    public func studyTasks() throws -> [StudyTaskRecord] {
        try pool.read { try $0.query(StudyTaskSQL.tasks).map(Self.studyTask) }
    }

    public func studyTask(id: Int) throws -> StudyTaskRecord? {
        try pool.read { try $0.queryOne(StudyTaskSQL.task, [id]).map(Self.studyTask) }
    }

    /// Every assignee of a task with read seconds, completion, reminders queued and escalation.
    public func taskAssignees(taskId: Int) throws -> [TaskAssigneeRecord] {
        try pool.read { db in
            try db.query(StudyTaskSQL.assignees, [taskId]).map { r in
                TaskAssigneeRecord(profileId: r.int("profile_id") ?? 0, displayName: r.string("display_name") ?? "",
                                   username: r.string("username"), unitId: r.int("unit_id"), unitName: r.string("unit_name"),
                                   phone: r.string("phone"), seconds: r.int("seconds") ?? 0, assignedAt: r.int64("assigned_at") ?? 0,
                                   completedAt: r.int64("completed_at"), reminded: r.string("reminded") ?? "",
                                   escalation: r.int("escalation") ?? 0, reminders: r.int("reminders") ?? 0)
            }
        }
    }

    /// Closes a task (no more reminders or escalation); audited. False when it was not active.
    public func closeStudyTask(id: Int, now: Int64, actor: Actor) throws -> Bool {
        try pool.write { db in
            guard try db.run(StudyTaskSQL.closeTask, [now, id]) > 0 else { return false }
            try audit(db, actor, "study_task.close", "study_task", String(id), before: "{\"status\":\"active\"}",
                      after: "{\"status\":\"closed\"}", now: now)
            return true
        }
    }

    /// A person's active tasks with their own progress: (task, seconds read, completed at).
    public func myStudyTasks(profileId: Int) throws -> [(task: StudyTaskRecord, seconds: Int, completedAt: Int64?)] {
        try pool.read { db in
            try db.query(StudyTaskSQL.myTasks, [profileId]).map { (Self.studyTask($0), $0.int("my_seconds") ?? 0, $0.int64("my_completed_at")) }
        }
    }

    static func studyTask(_ r: Row) -> StudyTaskRecord {
        StudyTaskRecord(id: r.int("id") ?? 0, title: r.string("title") ?? "", contentId: r.int("content_id") ?? 0, slug: r.string("slug") ?? "",
                        contentTitle: r.string("content_title") ?? "", segmentId: r.int("segment_id"), deadline: r.int64("deadline") ?? 0,
                        minSeconds: r.int("min_seconds") ?? 0, remindDays: intArray(r.string("remind_days_json")),
                        escalate: r.int("escalate") == 1, robotIds: intArray(r.string("robot_ids_json")), status: r.string("status") ?? "",
                        createdBy: r.string("created_by"), createdAt: r.int64("created_at") ?? 0, assignees: r.int("assignees") ?? 0,
                        completed: r.int("completed") ?? 0)
    }

    static func intArray(_ json: String?) -> [Int] {
        (try? JSONDecoder().decode([Int].self, from: Data((json ?? "[]").utf8))) ?? []
    }

    static func jsonArray(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ",") + "]" }
}
