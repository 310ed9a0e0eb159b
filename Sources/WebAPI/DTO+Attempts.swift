import Exams
import Foundation
import Questions

/// What a candidate sees of an attempt. Keys and explanations appear only when the review policy allows.
struct AttemptViewDTO: Encodable {
    struct Item: Encodable {
        var slot: Int
        var type: QuestionType
        var stem: String
        var options: [String]
        var blanks: Int?
        var points: Double
        var response: ResponseDTO?
        var seq: Int64?
    }
    struct ReviewItem: Encodable {
        var slot: Int
        var mark: Double?
        var correct: ResponseDTO?
        var explanation: String
        var basis: String
    }
    struct Review: Encodable {
        var score: Double?
        var maxScore: Double
        var percent: Double?
        var passed: Bool?
        var items: [ReviewItem]?
    }

    var id: Int
    var examId: Int
    var examTitle: String
    var number: Int
    var state: AttemptState
    var startedAt: Date?
    var deadline: Date?
    var serverTime: Date
    var graceSeconds: Int
    var items: [Item]
    var lastSeq: Int64
    var receipt: ReceiptDTO?
    var review: Review?
}

extension AttemptViewDTO {
    /// Builds the view; `showScore` and `showAnswers` come from the exam's review policy and the clock.
    init(attempt a: AttemptRecord, exam: ExamRecord, versions: [Int: QuestionContent], responses: [SavedResponse],
         receipt: ReceiptDTO?, showScore: Bool, showAnswers: Bool, now: Int64) {
        let bySlot = Dictionary(responses.map { ($0.slot, $0) }, uniquingKeysWith: { x, _ in x })
        id = a.id; examId = a.examId; examTitle = exam.settings.title; number = a.number; state = a.state
        startedAt = a.startedAt.map(Date.init(millis:)); deadline = a.deadline.map(Date.init(millis:))
        serverTime = Date(millis: now); graceSeconds = Int(ExamClock.graceMillis / 1000)
        lastSeq = responses.map(\.seq).max() ?? 0
        self.receipt = receipt
        items = a.items.map { item in
            let q = versions[item.questionId]
            return Item(slot: item.slot, type: q?.type ?? .single, stem: q?.stem ?? "",
                        options: item.optionOrder.compactMap { i in q.flatMap { i < $0.options.count ? $0.options[i] : nil } },
                        blanks: q?.type == .blank ? q?.blankCount : nil, points: item.points,
                        response: bySlot[item.slot].map { ResponseDTO($0.response) }, seq: bySlot[item.slot]?.seq)
        }
        guard a.state == .submitted, showScore else { review = nil; return }
        let grade = ExamGrader.grade(paper: a.items, versions: versions, responses: responses, scoring: exam.settings.multipleScoring)
        let reviewItems: [ReviewItem]? = showAnswers ? a.items.map { item in
            let q = versions[item.questionId]
            let mark = grade.marks.first { $0.slot == item.slot }?.mark
            return ReviewItem(slot: item.slot, mark: mark, correct: q.flatMap { Self.displayKey($0.key, item.optionOrder) },
                              explanation: OptionLetters.remap(q?.explanation ?? "", order: item.optionOrder), basis: q?.basis ?? "")
        } : nil
        review = Review(score: a.score, maxScore: a.maxScore, percent: a.score.map { a.maxScore > 0 ? $0 / a.maxScore * 100 : 0 },
                        passed: a.passed, items: reviewItems)
    }

    /// The key as the candidate saw the options (`order` is the paper's shuffle; nil when the key is already in it).
    static func displayKey(_ key: AnswerKey, _ order: [Int]?) -> ResponseDTO? {
        switch key {
        case .choice(let k): ResponseDTO(.choice(order.map { ExamGrader.shuffle(k, $0) } ?? k))
        case .judge(let j): ResponseDTO(.judge(j))
        case .blanks(let b): ResponseDTO(.blanks(b.map { $0.first ?? "" }))
        case .reference(let t): ResponseDTO(.text(t))
        }
    }
}

extension ReviewPolicy {
    func showsScore() -> Bool { self != .none }
    func showsAnswers(now: Int64, closesAt: Int64) -> Bool {
        self == .answersImmediately || (self == .answersAfterClose && now >= closesAt)
    }
}
