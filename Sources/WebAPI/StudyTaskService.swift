import Accounts
import Audience
import Content
import Foundation
import Persistence
import Quizzes

/// Required study (学习任务): staff assign a piece to a segment or a list of people with a deadline and a minimum
/// effective reading time; the reminder job queues reminders before the deadline and escalates after it; readers'
/// reports of effective time complete the tasks. Also the feed (为你推荐).
public final class StudyTaskService: Sendable {
    let store: Store
    let clock: AppClock
    let catalog = FeedCatalog()

    public init(store: Store, clock: AppClock = .system) {
        self.store = store
        self.clock = clock
    }

    /// What the console sends to create a task.
    struct Input: Decodable {
        var title: String
        var slug: String
        var segmentId: Int?
        var profileIds: [Int]?
        var usernames: [String]?
        /// ISO-8601, e.g. 2026-12-04T16:00:00Z.
        var deadline: String
        var minSeconds: Int
        var remindDays: [Int]?
        var escalate: Bool?
        var robotIds: [Int]?
    }

    /// Checks and stores a new task. Bad values are refused whole (400); unknown people are listed (422).
    func create(_ input: Input, actor: Actor) throws -> StudyTaskRecord {
        let now = clock.nowMillis()
        var problems: [String] = []
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 60 { problems.append("标题应为 1–60 个字符 / the title must be 1–60 characters") }
        let deadline = (try? ISOTime.parse(input.deadline, field: "deadline")) ?? 0
        if deadline == 0 { problems.append("截止时间应为 ISO-8601 时间 / the deadline must be an ISO-8601 time") }
        else if deadline <= now { problems.append("截止时间应晚于现在 / the deadline must be in the future") }
        if !(0...36_000).contains(input.minSeconds) { problems.append("最少阅读时长应为 0–600 分钟 / the minimum must be 0–600 minutes") }
        let remind = input.remindDays ?? [3, 1]
        if remind.count > 5 || remind.contains(where: { !(1...60).contains($0) }) {
            problems.append("提醒天数应为 1–60，最多 5 个 / reminder days must be 1–60, at most 5")
        }
        let usernames = (input.usernames ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if input.segmentId == nil && usernames.isEmpty && (input.profileIds ?? []).isEmpty {
            problems.append("请选择分群或填写人员名单 / choose a segment or list the people")
        }
        if usernames.count > 5000 { problems.append("名单最多 5000 人 / at most 5000 people in a list") }
        guard problems.isEmpty else { throw StudyTaskError.invalid(problems) }
        guard let piece = try store.content(slug: input.slug), piece.status == .published else {
            throw StudyTaskError.contentNotFound(input.slug)
        }
        return try store.createStudyTask(NewStudyTask(title: title, contentId: piece.id, segmentId: input.segmentId,
                                                      profileIds: input.profileIds ?? [], usernames: usernames, deadline: deadline,
                                                      minSeconds: input.minSeconds, remindDays: remind, escalate: input.escalate ?? true,
                                                      robotIds: input.robotIds ?? []), now: now, actor: actor)
    }

    /// A task with every person and the completion per unit, rolled up the unit tree.
    func detail(_ id: Int) throws -> (task: StudyTaskRecord, people: [TaskAssigneeRecord], units: [UnitCompletion], total: UnitCompletion) {
        guard let task = try store.studyTask(id: id) else { throw StudyTaskError.notFound }
        let people = try store.taskAssignees(taskId: id)
        let units = try store.units().map { (id: $0.id, parentId: $0.parentId, name: $0.name) }
        let rollup = TaskCompletion.rollup(people: people.map { ($0.unitId, $0.completedAt != nil) }, units: units)
        return (task, people, rollup.units, rollup.total)
    }

    func close(_ id: Int, actor: Actor) throws -> StudyTaskRecord {
        guard try store.studyTask(id: id) != nil else { throw StudyTaskError.notFound }
        _ = try store.closeStudyTask(id: id, now: clock.nowMillis(), actor: actor)
        guard let task = try store.studyTask(id: id) else { throw StudyTaskError.notFound }
        return task
    }

    /// One pass of the reminder job (the thread started by `App.start`, or a test).
    public func remindOnce() throws -> ReminderRun {
        try store.remindOnce(now: clock.nowMillis())
    }

    /// A reader's report. Negative seconds or a depth outside 0–1 are refused; an unknown piece is 404.
    func read(profileId: Int, slug: String, seconds: Int, scrollDepth: Double) throws -> ReadingProgress {
        guard seconds >= 0, seconds <= 86_400 else { throw StudyTaskError.invalid(["阅读秒数应为非负整数 / seconds must not be negative"]) }
        guard scrollDepth >= 0, scrollDepth <= 1 else { throw StudyTaskError.invalid(["滚动深度应在 0–1 之间 / scrollDepth must be 0–1"]) }
        let now = clock.nowMillis()
        guard let progress = try store.recordReading(profileId: profileId, slug: slug, claimed: seconds, scrollDepth: scrollDepth,
                                                     today: QuizDay.of(now), now: now) else {
            throw StudyTaskError.contentNotFound(slug)
        }
        return progress
    }

    /// The feed for a profile; without one (anonymous), the newest pieces for everyone, each "最新 / new".
    public func feed(profileId: Int?, limit: Int) throws -> [FeedItem] {
        let now = clock.nowMillis()
        let today = QuizDay.of(now)
        let since = BeijingDay.of(now - 89 * StudyPlan.dayMillis)
        let inputs = try store.feedInputs(profileId: profileId, today: today, since: since)
        let candidates = catalog.candidates(inputs.rows)
        guard let facts = inputs.facts else {
            return Feed.rank(candidates.filter { Feed.isEligible($0, FeedFacts(groups: [.resident])) }, facts: FeedFacts(groups: [.resident]),
                             today: today, now: now, limit: limit).map { item in
                var item = item
                item.reasonCode = .fresh
                item.reason = "最新 / new"
                return item
            }
        }
        return Feed.rank(candidates, facts: facts, today: today, now: now, limit: limit)
    }
}
