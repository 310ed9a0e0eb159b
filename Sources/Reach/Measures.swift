import Foundation

/// One reach measure as the console shows it: its id, names and the definition behind its "?" — the figure and its
/// definition always travel together, so a tile never shows a number nobody can explain.
public struct MeasureDefinition: Sendable, Equatable, Codable {
    public var id: String
    public var chinese: String
    public var english: String
    public var definition: String
}

/// The raw counts of a date range and filter, all read from rollups (never from raw events).
public struct ReachCounts: Sendable, Equatable {
    public var targeted = 0
    public var delivered = 0
    /// Distinct persons who opened (人数), and those of them who came through a campaign.
    public var reached = 0
    public var reachedFromCampaigns = 0
    /// Person-times of `opened` (人次): a person once per piece and day.
    public var personTimes = 0
    public var readers = 0
    public var engagedSeconds = 0
    public var finished = 0
    public var quizzed = 0
    public var passed = 0
    public var taskAssignees = 0
    public var tasksCompleted = 0

    public init() {}
}

/// The measures of issue "reach and effect": definitions and the rate arithmetic (every division zero-safe: a rate
/// over nothing is nil, shown as "—", never 0 % and never a crash).
public enum Measures {
    /// `part ÷ whole`, nil when `whole` is 0.
    public static func rate(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }

    /// The figures of `counts` by measure id; rates are fractions (0.42), times are seconds, missing rates nil.
    public static func values(_ c: ReachCounts) -> [String: Double?] {
        [
            "targeted": Double(c.targeted), "delivered": Double(c.delivered), "reached": Double(c.reached),
            "personTimes": Double(c.personTimes),
            "openRate": rate(c.reachedFromCampaigns, c.delivered),
            "readRate": rate(c.readers, c.reached),
            "engagedTime": c.readers > 0 ? Double(c.engagedSeconds) / Double(c.readers) : nil,
            "finishRate": rate(c.finished, c.reached),
            "taskCompletion": rate(c.tasksCompleted, c.taskAssignees),
            "quizConversion": rate(c.quizzed, c.reached),
        ]
    }

    /// The funnel's steps in order with their counts: targeted → delivered → opened → effective read → finished →
    /// quizzed → passed.
    public static func funnel(_ c: ReachCounts) -> [(id: String, chinese: String, count: Int)] {
        [("targeted", "目标人数", c.targeted), ("delivered", "已送达", c.delivered), ("opened", "已打开", c.reached),
         ("read", "有效阅读", c.readers), ("finished", "读完", c.finished), ("quizzed", "参加测试", c.quizzed),
         ("passed", "测试满分", c.passed)]
    }

    /// Every measure in the order of the console's tiles.
    public static let definitions: [MeasureDefinition] = [
        .init(id: "targeted", chinese: "目标人数", english: "Targeted",
              definition: "所选日期内冻结受众的推送批次的受众人数之和（不含对照组）。/ The audiences of campaign runs frozen in the range, hold-out excluded."),
        .init(id: "delivered", chinese: "送达", english: "Delivered",
              definition: "所选日期内已发出的推送条数（站内信）。/ Campaign deliveries sent in the range."),
        .init(id: "reached", chinese: "触达人数", english: "Reached (persons)",
              definition: "所选日期内打开过内容的不同的人，每人只算一次；机器人、链接预览等不计。按地区、单位或人群筛选时，以此人当天的归属为准（当天在该地区且当天打开过所选内容即计入）。/ Distinct persons who opened a piece in the range, each once; bots and link previews are not counted. With a region, unit or group filter a person counts by where they belonged that day (in the region that day and opened the chosen piece that day)."),
        .init(id: "personTimes", chinese: "触达人次", english: "Person-times",
              definition: "打开的人次：同一人同一篇同一天只算一次，不同篇或不同天另算。/ Openings counted once per person, piece and Beijing day."),
        .init(id: "openRate", chinese: "打开率", english: "Open rate",
              definition: "经推送而打开的人数 ÷ 送达条数。/ Persons who opened through a campaign ÷ deliveries sent."),
        .init(id: "readRate", chinese: "有效阅读率", english: "Effective-read rate",
              definition: "有效阅读（页面可见且在前台累计至少 15 秒）的人数 ÷ 触达人数。/ Persons with an effective read (≥ 15 s visible and focused) ÷ persons reached."),
        .init(id: "engagedTime", chinese: "平均有效阅读时长", english: "Average engaged time",
              definition: "有效阅读秒数之和 ÷ 有效阅读人数。/ Engaged seconds ÷ persons with an effective read."),
        .init(id: "finishRate", chinese: "读完率", english: "Finish rate",
              definition: "读完（达到内容要求的阅读时长与进度）的人数 ÷ 触达人数。/ Persons who finished ÷ persons reached."),
        .init(id: "taskCompletion", chinese: "学习任务完成率", english: "Study-task completion",
              definition: "截止日期在所选日期内的学习任务中，已完成的人数 ÷ 指派人数。/ Completed ÷ assignees of study tasks due in the range."),
        .init(id: "quizConversion", chinese: "学后测试转化率", english: "Quiz conversion",
              definition: "从阅读页“学完测一测”开始答题的人数 ÷ 触达人数（仅计已知身份的人）。/ Persons who started a quiz from a reading page ÷ persons reached (known persons only)."),
    ]
}
