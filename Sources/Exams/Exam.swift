import Questions

/// What a candidate may see after submitting.
public enum ReviewPolicy: String, Sendable, Codable, CaseIterable {
    /// Only that the attempt was received.
    case none
    /// The score and pass/fail.
    case score
    /// Score, then the answers and explanations once the window has closed (the usual choice for an annual exam).
    case answersAfterClose
    /// Score, answers and explanations right after submitting.
    case answersImmediately
}

/// Which attempt counts when several are allowed.
public enum AttemptCounting: String, Sendable, Codable { case highest, last }

/// One question on a fixed paper.
public struct FixedItem: Sendable, Equatable, Codable {
    public var questionId: Int
    public var points: Double
    public init(questionId: Int, points: Double) {
        self.questionId = questionId
        self.points = points
    }
}

/// Draw `count` questions of `type` (and difficulty, if set) from a category subtree, each worth `points`.
public struct BlueprintRule: Sendable, Equatable, Codable {
    public var category: String
    public var type: QuestionType
    public var difficulty: Int?
    public var count: Int
    public var points: Double
    public init(category: String, type: QuestionType, difficulty: Int? = nil, count: Int, points: Double) {
        self.category = category
        self.type = type
        self.difficulty = difficulty
        self.count = count
        self.points = points
    }
}

/// A paper: the same questions for everyone, or drawn per candidate by a blueprint.
/// JSON: `{"fixed": [...]}` or `{"blueprint": [...]}`.
public enum PaperSpec: Sendable, Equatable, Codable {
    case fixed([FixedItem])
    case blueprint([BlueprintRule])

    enum CodingKeys: String, CodingKey { case fixed, blueprint }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let items = try c.decodeIfPresent([FixedItem].self, forKey: .fixed) { self = .fixed(items); return }
        if let rules = try c.decodeIfPresent([BlueprintRule].self, forKey: .blueprint) { self = .blueprint(rules); return }
        throw DecodingError.keyNotFound(CodingKeys.fixed, .init(codingPath: c.codingPath,
                                                                debugDescription: "paper needs fixed or blueprint"))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .fixed(let items): try c.encode(items, forKey: .fixed)
        case .blueprint(let rules): try c.encode(rules, forKey: .blueprint)
        }
    }
}

/// An exam as the organizer sets it up. Times are milliseconds since the epoch, UTC.
public struct ExamSettings: Sendable, Equatable, Codable {
    public var title: String
    public var year: Int
    public var opensAt: Int64
    public var closesAt: Int64
    public var durationMinutes: Int
    /// Pass mark as a percentage of the paper's total.
    public var passPercent: Double
    public var attemptsAllowed: Int
    public var counting: AttemptCounting
    public var shuffleQuestions: Bool
    public var shuffleOptions: Bool
    public var multipleScoring: MultipleChoiceScoring
    public var review: ReviewPolicy
    public var paper: PaperSpec
    /// For a make-up exam (补考): the exam it makes up for.
    public var makeupOf: Int?

    public init(title: String, year: Int, opensAt: Int64, closesAt: Int64, durationMinutes: Int, passPercent: Double = 60,
                attemptsAllowed: Int = 1, counting: AttemptCounting = .highest, shuffleQuestions: Bool = true,
                shuffleOptions: Bool = true, multipleScoring: MultipleChoiceScoring = .allOrNothing,
                review: ReviewPolicy = .answersAfterClose, paper: PaperSpec) {
        self.title = title
        self.year = year
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.durationMinutes = durationMinutes
        self.passPercent = passPercent
        self.attemptsAllowed = attemptsAllowed
        self.counting = counting
        self.shuffleQuestions = shuffleQuestions
        self.shuffleOptions = shuffleOptions
        self.multipleScoring = multipleScoring
        self.review = review
        self.paper = paper
    }

    /// Every reason the settings cannot be saved.
    public func problems() -> [String] {
        var p: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { p.append("缺少考试名称 / the title is missing") }
        if closesAt <= opensAt { p.append("结束时间应晚于开始时间 / the window must close after it opens") }
        if !(1...600).contains(durationMinutes) { p.append("考试时长应为 1–600 分钟 / duration must be 1–600 minutes") }
        if !(0...100).contains(passPercent) { p.append("及格线应为 0–100% / the pass mark must be 0–100%") }
        if !(1...10).contains(attemptsAllowed) { p.append("允许作答次数应为 1–10 / attempts allowed must be 1–10") }
        switch paper {
        case .fixed(let items):
            if items.isEmpty { p.append("试卷没有题目 / the paper has no questions") }
            if Set(items.map(\.questionId)).count != items.count { p.append("试卷中有重复题目 / a question appears twice") }
            if items.contains(where: { $0.points <= 0 }) { p.append("每题分值应大于 0 / every question needs positive points") }
        case .blueprint(let rules):
            if rules.isEmpty { p.append("抽题规则为空 / the blueprint has no rules") }
            if rules.contains(where: { $0.count <= 0 || $0.points <= 0 }) {
                p.append("每条规则的题数和分值应大于 0 / each rule needs a positive count and points")
            }
        }
        return p
    }
}

import Foundation
