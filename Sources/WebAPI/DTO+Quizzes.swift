import Draws
import Exams
import Foundation
import HTTPServer
import Questions
import Quizzes

/// A round as staff edit it (times ISO-8601).
struct QuizRoundInputDTO: Decodable {
    var title: String
    var topic: String?
    var intro: String?
    var opensAt: String
    var closesAt: String
    var questionIds: [Int]
    var questionsPerEntry: Int?
    var secondsPerQuestion: Int?
    var entriesPerDay: Int?
    var entriesPerRound: Int?
    var drawThresholdPercent: Double?
    var prizes: [Prize]?
    var publicSeed: DrawRules.PublicSeed?
    var readMoreTitle: String?
    var readMoreURL: String?

    func settings() throws -> QuizRoundSettings {
        func time(_ text: String, _ field: String) throws -> Int64 {
            do { return try ISOTime.parse(text, field: field) } catch { throw QuizError.invalid([error.description]) }
        }
        return QuizRoundSettings(title: title.trimmingCharacters(in: .whitespaces), topic: topic ?? "", intro: intro ?? "",
                                 opensAt: try time(opensAt, "opensAt"), closesAt: try time(closesAt, "closesAt"),
                                 questionIds: questionIds, questionsPerEntry: questionsPerEntry ?? questionIds.count,
                                 secondsPerQuestion: secondsPerQuestion, entriesPerDay: entriesPerDay ?? 3,
                                 entriesPerRound: entriesPerRound ?? 20, drawThresholdPercent: drawThresholdPercent ?? 100,
                                 prizes: prizes ?? [], publicSeed: publicSeed, readMoreTitle: readMoreTitle, readMoreURL: readMoreURL)
    }
}

/// A round, for residents (no question list) and staff (with it).
struct QuizRoundDTO: Encodable {
    var id: Int
    var title: String
    var topic: String
    var intro: String
    var status: QuizRoundStatus
    var opensAt: Date
    var closesAt: Date
    var open: Bool
    var questionsPerEntry: Int
    var secondsPerQuestion: Int?
    var entriesPerDay: Int
    var entriesPerRound: Int
    var drawThresholdPercent: Double
    var prizes: [Prize]
    var publicSeed: DrawRules.PublicSeed?
    var commitment: String?
    var readMoreTitle: String?
    var readMoreURL: String?
    var questionIds: [Int]?

    init(_ r: QuizRound, now: Int64, staff: Bool) {
        let s = r.settings
        id = r.id; title = s.title; topic = s.topic; intro = s.intro; status = r.status
        opensAt = Date(millis: s.opensAt); closesAt = Date(millis: s.closesAt); open = r.isOpen(at: now)
        questionsPerEntry = s.questionsPerEntry; secondsPerQuestion = s.secondsPerQuestion; entriesPerDay = s.entriesPerDay
        entriesPerRound = s.entriesPerRound; drawThresholdPercent = s.drawThresholdPercent; prizes = s.prizes
        publicSeed = s.publicSeed; commitment = r.commitment; readMoreTitle = s.readMoreTitle; readMoreURL = s.readMoreURL
        questionIds = staff ? s.questionIds : nil
    }
}

/// A new entry: its id and token (kept by the page) and the questions, without keys.
struct QuizEntryDTO: Encodable {
    struct Question: Encodable {
        var slot: Int
        var type: QuestionType
        var stem: String
        var options: [String]
        var blanks: Int?
    }
    var entryId: String
    var token: String
    var roundId: Int
    var startedAt: Date
    var secondsPerQuestion: Int?
    var questions: [Question]

    init(_ started: QuizService.Started, round: QuizRound?) {
        entryId = started.entry.publicId; token = started.token; roundId = started.entry.roundId
        startedAt = Date(millis: started.entry.startedAt); secondsPerQuestion = round?.settings.secondsPerQuestion
        questions = started.entry.items.map { item in
            let q = started.contents[item.questionId]
            return Question(slot: item.slot, type: q?.type ?? .judge, stem: q?.stem ?? "",
                            options: item.optionOrder.compactMap { i in q.flatMap { i < $0.options.count ? $0.options[i] : nil } },
                            blanks: q?.type == .blank ? q?.blankCount : nil)
        }
    }
}

struct QuizAnswerBody: Decodable { var token: String; var response: ResponseDTO }
struct QuizStartBody: Decodable {
    var deviceId: String
    /// The slug of the reading page the quiz was started from (学完测一测), and the resident's profile token.
    var from: String?
    var token: String?
}
struct QuizFinishBody: Decodable { var token: String; var nickname: String?; var phone: String?; var regionId: Int? }
struct QuizReviewBody: Decodable { var review: FlagReview }

/// Right or wrong, the key, why and the article of law — shown at once after each answer.
struct QuizFeedbackDTO: Encodable {
    struct ReadMore: Encodable { var title: String; var url: String }
    var slot: Int
    var correct: Bool
    var fraction: Double
    var late: Bool
    var key: ResponseDTO?
    var explanation: String
    var basis: String
    var quote: String
    var replayed: Bool
    var answered: Int
    var total: Int
    var readMore: ReadMore?

    init(_ a: QuizService.Answered) {
        let f = a.feedback
        slot = f.slot; correct = f.fraction >= 1; fraction = f.fraction; late = f.late
        key = AttemptViewDTO.displayKey(f.key, nil)  // the feedback's key is already in the order shown
        explanation = f.explanation; basis = f.basis; quote = f.quote; replayed = a.replayed
        answered = a.answered; total = a.total; readMore = a.readMore.map { ReadMore(title: $0.title, url: $0.url) }
    }

    /// The same JSON as `Response.json(self)` (sorted keys, absent optionals left out), written by hand: it is
    /// rendered for every answer, where Foundation's encoder was a sixth of the request's cost.
    func response() -> Response {
        var w = JSONWriter(capacity: 256 + explanation.utf8.count + basis.utf8.count + quote.utf8.count)
        w.object { o in
            o.key("answered"); o.int(answered)
            o.key("basis"); o.string(basis)
            o.key("correct"); o.bool(correct)
            o.key("explanation"); o.string(explanation)
            o.key("fraction"); o.double(fraction)
            if let key { o.key("key"); key.write(to: &o) }
            o.key("late"); o.bool(late)
            o.key("quote"); o.string(quote)
            if let readMore {
                o.key("readMore")
                o.object { m in m.key("title"); m.string(readMore.title); m.key("url"); m.string(readMore.url) }
            }
            o.key("replayed"); o.bool(replayed)
            o.key("slot"); o.int(slot)
            o.key("total"); o.int(total)
        }
        return Response(status: 200, headers: Headers([("Content-Type", "application/json; charset=utf-8")]), body: .bytes(w.bytes))
    }
}

/// The result card: what a resident may share (no phone).
struct QuizResultDTO: Encodable {
    var entryId: String
    var roundId: Int
    var roundTitle: String
    var nickname: String?
    var correct: Int
    var total: Int
    var percent: Double
    var finished: Bool
    var finishedAt: Date?
    /// In the draw (for the owner's eyes right after finishing; the public card leaves it out).
    var inDraw: Bool?
    var drawNote: String?
    /// For the owner's browser right after finishing with a phone: the token of their audience profile.
    var profileToken: String?

    init(_ e: QuizEntry, round: QuizRound, owner: Bool) {
        entryId = e.publicId; roundId = round.id; roundTitle = round.settings.title; nickname = e.participant?.nickname
        correct = e.correctCount; total = e.items.count; percent = (e.percent * 10).rounded() / 10
        finished = e.finishedAt != nil; finishedAt = e.finishedAt.map(Date.init(millis:))
        guard owner, !round.settings.prizes.isEmpty else { return }
        let eligible = e.isEligible(thresholdPercent: round.settings.drawThresholdPercent)
        inDraw = eligible
        if eligible { drawNote = "已进入本期抽奖名单 / you are in this round's draw" }
        else if e.participant == nil { drawNote = "未留下联系方式，不参加抽奖 / no contact left: not in the draw" }
        else if !e.flags.isEmpty { drawNote = "作答记录待工作人员核查后才能进入抽奖 / staff will review this entry before the draw" }
        else { drawNote = "得分未达到抽奖要求 / the score is below the draw threshold" }
    }
}

/// A staff view of an entry: masked phone, flags and the review.
struct QuizEntryRowDTO: Encodable {
    var entryId: String
    var startedAt: Date
    var finishedAt: Date?
    var percent: Double
    var nickname: String?
    var phone: String?
    var regionId: Int?
    var flags: [QuizFlag]
    var review: FlagReview?
    var eligible: Bool
}

struct QuizLeaderboardDTO: Encodable {
    struct RegionRow: Encodable { var regionId: Int; var name: String; var level: String; var entries: Int; var meanPercent: Double; var fullMarks: Int }
    struct TopRow: Encodable { var entryId: String; var nickname: String; var region: String; var percent: Double; var seconds: Double }
    var regions: [RegionRow]
    var top: [TopRow]
}

struct QuizTokenBody: Decodable { var token: String }

/// A round's figures for the console (see `QuizStats`).
struct QuizStatsDTO: Encodable {
    struct Day: Encodable { var day: String; var entries: Int; var finished: Int }
    struct Place: Encodable { var regionId: Int; var name: String; var level: String; var entries: Int }
    struct Question: Encodable { var questionId: Int; var stem: String; var answered: Int; var correct: Int; var facility: Double? }
    var entries: Int
    var finished: Int
    var withContact: Int
    var flagged: Int
    var readMore: Int
    var byDay: [Day]
    var byRegion: [Place]
    var distribution: [Int]
    var questions: [Question]

    init(_ s: QuizStats, stems: [Int: String]) {
        entries = s.entries; finished = s.finished; withContact = s.withContact; flagged = s.flagged; readMore = s.readMore
        byDay = s.byDay.map { Day(day: $0.day, entries: $0.entries, finished: $0.finished) }
        byRegion = s.byRegion.map { Place(regionId: $0.regionId, name: $0.name, level: $0.level, entries: $0.entries) }
        distribution = s.distribution
        questions = s.questions.map { Question(questionId: $0.questionId, stem: stems[$0.questionId] ?? "", answered: $0.answered,
                                               correct: $0.correct, facility: $0.facility) }
    }
}
