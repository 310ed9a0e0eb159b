import Audience
import Foundation
import Draws
import Questions

public typealias Prize = DrawRules.Prize

/// What staff set for one round (期) of a public prize quiz. Times are milliseconds since the epoch, UTC.
public struct QuizRoundSettings: Sendable, Equatable, Codable {
    public var title: String
    /// The topic of the month: 宪法宣传周, 民法典, 反诈…
    public var topic: String
    public var intro: String
    public var opensAt: Int64
    public var closesAt: Int64
    /// The pool; each entry draws `questionsPerEntry` of them (all of them, in order, when the numbers are equal).
    public var questionIds: [Int]
    public var questionsPerEntry: Int
    /// Time allowed per question; nil = untimed. An answer later than this (plus grace) counts as wrong.
    public var secondsPerQuestion: Int?
    /// Entries one device may start per day (Asia/Shanghai) in this round.
    public var entriesPerDay: Int
    /// Entries one device may start in the whole round.
    public var entriesPerRound: Int
    /// Score (percent of the maximum) an entry needs to enter the draw; 100 = full marks only.
    public var drawThresholdPercent: Double
    public var prizes: [Prize]
    /// The future public random event the draw will use (a lottery issue after the close), named before opening.
    public var publicSeed: DrawRules.PublicSeed?
    /// What to read next (随学随测): a title and an address, shown with every explanation.
    public var readMoreTitle: String?
    public var readMoreURL: String?

    public init(title: String, topic: String = "", intro: String = "", opensAt: Int64, closesAt: Int64, questionIds: [Int],
                questionsPerEntry: Int, secondsPerQuestion: Int? = nil, entriesPerDay: Int = 3, entriesPerRound: Int = 20,
                drawThresholdPercent: Double = 100, prizes: [Prize] = [], publicSeed: DrawRules.PublicSeed? = nil,
                readMoreTitle: String? = nil, readMoreURL: String? = nil) {
        self.title = title
        self.topic = topic
        self.intro = intro
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.questionIds = questionIds
        self.questionsPerEntry = questionsPerEntry
        self.secondsPerQuestion = secondsPerQuestion
        self.entriesPerDay = entriesPerDay
        self.entriesPerRound = entriesPerRound
        self.drawThresholdPercent = drawThresholdPercent
        self.prizes = prizes
        self.publicSeed = publicSeed
        self.readMoreTitle = readMoreTitle
        self.readMoreURL = readMoreURL
    }

    /// Everything wrong with the settings, in Chinese and English; empty when they can be saved.
    public func problems() -> [String] {
        var found: [String] = []
        if title.trimmed.isEmpty || title.count > 80 { found.append("标题应为 1–80 个字符 / the title must be 1–80 characters") }
        if closesAt <= opensAt { found.append("结束时间应晚于开始时间 / the round must close after it opens") }
        if questionIds.isEmpty { found.append("至少选择一道题 / choose at least one question") }
        if Set(questionIds).count != questionIds.count { found.append("题目有重复 / a question is listed twice") }
        if questionsPerEntry < 1 || questionsPerEntry > min(50, questionIds.count) {
            found.append("每次作答题数应为 1 到题目总数（最多 50）/ questions per entry must be 1 to the pool size (at most 50)")
        }
        if let s = secondsPerQuestion, !(5...600).contains(s) {
            found.append("每题限时应为 5–600 秒 / time per question must be 5–600 s")
        }
        if !(1...100).contains(entriesPerDay) || !(1...1000).contains(entriesPerRound) || entriesPerDay > entriesPerRound {
            found.append("作答次数限制不合理 / entry limits must be 1–100 per day and at least that per round")
        }
        if !(0...100).contains(drawThresholdPercent) { found.append("抽奖门槛应为 0–100% / the draw threshold must be 0–100%") }
        for prize in prizes where prize.name.trimmed.isEmpty || !(1...10_000).contains(prize.count) {
            found.append("奖品需要名称，数量为 1–10000 / a prize needs a name and a count of 1–10000")
        }
        if !prizes.isEmpty { found += seedProblems() }
        if let url = readMoreURL, !url.isEmpty, !(url.hasPrefix("https://") || url.hasPrefix("/")) {
            found.append("延伸阅读链接应以 https:// 或 / 开头 / the read-more link must start with https:// or /")
        }
        return found
    }
}

extension QuizRoundSettings {
    /// A round with prizes names, before it opens, a lottery issue drawn after it closes, so nobody can know the
    /// random value while entries can still change.
    func seedProblems() -> [String] {
        guard let seed = publicSeed, !seed.name.trimmed.isEmpty, !seed.issue.trimmed.isEmpty else {
            return ["设奖的轮次须事先写明公开随机数来源（彩票名称和期号）/ a round with prizes must name its public random source (lottery and issue)"]
        }
        guard let day = QuizDay.parse(seed.drawDate) else {
            return ["开奖日期应写成 2026-12-20 的形式 / the draw date must look like 2026-12-20"]
        }
        guard day >= QuizDay.of(closesAt) else {
            return ["开奖日期不能早于本期结束的日期 / the lottery must be drawn on or after the day the round closes"]
        }
        return []
    }
}

/// Calendar days in Asia/Shanghai (UTC+8, no daylight saving), as "yyyy-MM-dd" strings that sort as dates: the one
/// calendar (`BeijingDay`), with the looser reading staff may type into a round's form.
public enum QuizDay {
    /// The Beijing date of a moment, e.g. "2026-12-04".
    public static func of(_ millis: Int64) -> String { BeijingDay.of(millis) }

    /// "2026-12-20" if it is a real date (also written "2026-12-20 " or "2026-1-5"), else nil.
    public static func parse(_ text: String) -> String? {
        let parts = text.trimmed.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (2000...2100).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        let normalized = String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
        return BeijingDay.number(normalized) == nil ? nil : normalized
    }
}

public enum QuizRoundStatus: String, Sendable, Codable { case draft, published }

/// A stored round.
public struct QuizRound: Sendable, Equatable {
    public var id: Int
    public var settings: QuizRoundSettings
    public var status: QuizRoundStatus
    /// SHA-256 of the draw rules, published with the round (nil for a draft or a round without prizes).
    public var commitment: String?

    public init(id: Int, settings: QuizRoundSettings, status: QuizRoundStatus, commitment: String?) {
        self.id = id
        self.settings = settings
        self.status = status
        self.commitment = commitment
    }

    /// Open for new entries and answers at `now` (answers get `QuizRules.graceMillis` after the close).
    public func isOpen(at now: Int64) -> Bool { status == .published && now >= settings.opensAt && now < settings.closesAt }
}
