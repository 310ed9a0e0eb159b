import Exams
import Questions

/// Why a quiz action was refused. WebAPI maps each case to an HTTP status in one place.
public enum QuizError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid([String])
    case notFound(String)
    case notOpen, closed
    case dailyLimit(Int), roundLimit(Int)
    case notInEntry(Int)
    case alreadyAnswered
    case finished
    case phoneAlreadyEntered
    case alreadyPublished

    public var description: String {
        switch self {
        case .invalid(let reasons): reasons.joined(separator: "; ")
        case .notFound(let what): "\(what) 不存在 / \(what) not found"
        case .notOpen: "本期竞答尚未开始 / this round has not opened yet"
        case .closed: "本期竞答已结束 / this round has closed"
        case .dailyLimit(let n): "每台设备每天最多答 \(n) 次，明天再来吧 / at most \(n) entries per device per day"
        case .roundLimit(let n): "每台设备本期最多答 \(n) 次 / at most \(n) entries per device in this round"
        case .notInEntry(let slot): "第 \(slot + 1) 题不在本次作答中 / question \(slot + 1) is not in this entry"
        case .alreadyAnswered: "这道题已经作答，答案不能更改 / this question has been answered and cannot be changed"
        case .finished: "本次作答已结束 / this entry is finished"
        case .phoneAlreadyEntered: "这个手机号已经参加本期抽奖 / this phone number is already in this round's draw"
        case .alreadyPublished: "已发布的竞答不能修改 / a published round cannot be changed"
        }
    }
}

/// What a resident sees after answering: right or wrong, the key, why, and the article of law (随学随测).
public struct Feedback: Sendable, Equatable {
    public var slot: Int
    public var fraction: Double
    public var late: Bool
    public var key: AnswerKey
    public var explanation: String
    public var basis: String
    public var quote: String
}

/// The immediate-feedback behaviour of public quizzes: entries drawn from the round's pool, each answer judged
/// once and at once, time per question held by the server. Pure: the caller supplies `now`, stored state and content.
public enum QuizRules {
    /// Answers in flight when the round closes (or the time per question ends) are still taken for this long.
    public static let graceMillis: Int64 = 5_000
    /// After each answer the resident reads the explanation and the article; the next question's clock starts
    /// this much later, so learning is not punished.
    public static let readingMillis: Int64 = 15_000

    /// Refuses a new entry outside the window or beyond the device's limits.
    public static func checkStart(_ round: QuizRound, now: Int64, deviceEntriesToday: Int, deviceEntriesInRound: Int) throws(QuizError) {
        guard round.status == .published, now >= round.settings.opensAt else { throw .notOpen }
        guard now < round.settings.closesAt else { throw .closed }
        guard deviceEntriesToday < round.settings.entriesPerDay else { throw .dailyLimit(round.settings.entriesPerDay) }
        guard deviceEntriesInRound < round.settings.entriesPerRound else { throw .roundLimit(round.settings.entriesPerRound) }
    }

    /// The entry's questions: `questionsPerEntry` drawn from the pool with `seed` (all of them, in order, when the
    /// round asks for the whole pool). Options keep their order, so explanations that name option letters stay true.
    public static func paper(_ settings: QuizRoundSettings, pool: [PoolQuestion], seed: UInt64) throws(QuizError) -> [PaperItem] {
        let available = settings.questionIds.compactMap { id in pool.first { $0.id == id } }
        guard available.count >= settings.questionsPerEntry else {
            throw .invalid(["题库中可用的题目不足 \(settings.questionsPerEntry) 道 / fewer than \(settings.questionsPerEntry) questions are available"])
        }
        var rng = SplitMix64(seed: seed)
        let chosen = available.count == settings.questionsPerEntry ? available
            : Array(available.shuffled(using: &rng).prefix(settings.questionsPerEntry))
        return chosen.enumerated().map { slot, q in
            PaperItem(slot: slot, questionId: q.id, version: q.version, points: 1, optionOrder: Array(0..<q.optionCount))
        }
    }

    /// Judges one answer. A question is answered once: a repeat of the same response returns the stored answer
    /// (a replayed request counts nothing twice); a different response is refused.
    public static func answer(_ entry: QuizEntry, round: QuizRound, slot: Int, response: QuestionResponse,
                              content: QuestionContent, now: Int64) throws(QuizError) -> (answer: QuizAnswer, replayed: Bool) {
        guard let item = entry.items.first(where: { $0.slot == slot }) else { throw .notInEntry(slot) }
        if let stored = entry.answers.first(where: { $0.slot == slot }) {
            guard stored.response == response else { throw .alreadyAnswered }
            return (stored, true)
        }
        guard entry.finishedAt == nil else { throw .finished }
        guard now < round.settings.closesAt + graceMillis else { throw .closed }
        let original = ExamGrader.unshuffle(response, item.optionOrder)
        var fraction = content.grade(original, scoring: .allOrNothing).fraction ?? 0
        var late = false
        if let seconds = round.settings.secondsPerQuestion {
            let shownAt = entry.answers.map(\.answeredAt).max().map { $0 + readingMillis } ?? entry.startedAt
            late = now > shownAt + Int64(seconds) * 1000 + graceMillis
            if late { fraction = 0 }
        }
        return (QuizAnswer(slot: slot, response: response, fraction: fraction, answeredAt: now, late: late), false)
    }

    /// The feedback for a stored answer: the key in the order the resident saw the options.
    public static func feedback(_ answer: QuizAnswer, item: PaperItem, content: QuestionContent) -> Feedback {
        var key = content.key
        if case .choice(let indexes) = key { key = .choice(ExamGrader.shuffle(indexes, item.optionOrder)) }
        return Feedback(slot: answer.slot, fraction: answer.fraction, late: answer.late, key: key,
                        explanation: content.explanation, basis: content.basis, quote: content.quote)
    }
}
