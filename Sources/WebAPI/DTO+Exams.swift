import Exams
import Foundation
import HTTPServer
import Questions

/// ISO-8601 in and out of exam bodies.
enum ISOTime {
    static func parse(_ text: String, field: String) throws(ExamError) -> Int64 {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return Int64(d.timeIntervalSince1970 * 1000) }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return Int64(d.timeIntervalSince1970 * 1000) }
        throw .invalid(["\(field) 应为 ISO-8601 时间，如 2026-12-04T01:00:00Z / \(field) must be an ISO-8601 time"])
    }
}

struct ExamInputDTO: Decodable {
    var title: String
    var year: Int
    var opensAt: String
    var closesAt: String
    var durationMinutes: Int
    var passPercent: Double?
    var attemptsAllowed: Int?
    var counting: AttemptCounting?
    var shuffleQuestions: Bool?
    var shuffleOptions: Bool?
    var multipleScoring: MultipleChoiceScoring?
    var review: ReviewPolicy?
    var paper: PaperSpec

    func settings() throws(ExamError) -> ExamSettings {
        ExamSettings(title: title.trimmingCharacters(in: .whitespaces), year: year,
                     opensAt: try ISOTime.parse(opensAt, field: "opensAt"), closesAt: try ISOTime.parse(closesAt, field: "closesAt"),
                     durationMinutes: durationMinutes, passPercent: passPercent ?? 60, attemptsAllowed: attemptsAllowed ?? 1,
                     counting: counting ?? .highest, shuffleQuestions: shuffleQuestions ?? true,
                     shuffleOptions: shuffleOptions ?? true, multipleScoring: multipleScoring ?? .allOrNothing,
                     review: review ?? .answersAfterClose, paper: paper)
    }
}

struct ExamDTO: Encodable {
    var id: Int
    var title: String
    var year: Int
    var opensAt: Date
    var closesAt: Date
    var durationMinutes: Int
    var passPercent: Double
    var attemptsAllowed: Int
    var counting: AttemptCounting
    var shuffleQuestions: Bool
    var shuffleOptions: Bool
    var multipleScoring: MultipleChoiceScoring
    var review: ReviewPolicy
    var paper: PaperSpec
    var status: ExamStatus
    var ownerUnitId: Int?
    var rosterCount: Int
    var submittedCount: Int
    var createdAt: Date
    var makeupOf: Int?

    init(_ e: ExamRecord) {
        let s = e.settings
        id = e.id; title = s.title; year = s.year
        opensAt = Date(millis: s.opensAt); closesAt = Date(millis: s.closesAt)
        durationMinutes = s.durationMinutes; passPercent = s.passPercent; attemptsAllowed = s.attemptsAllowed
        counting = s.counting; shuffleQuestions = s.shuffleQuestions; shuffleOptions = s.shuffleOptions
        multipleScoring = s.multipleScoring; review = s.review; paper = s.paper
        status = e.status; ownerUnitId = e.ownerUnitId; rosterCount = e.rosterCount; submittedCount = e.submittedCount
        createdAt = Date(millis: e.createdAt)
        makeupOf = s.makeupOf
    }
}

struct RosterEntryDTO: Encodable {
    var userId: Int
    var username: String
    var displayName: String
    var unitId: Int?
    var unitName: String?
    init(_ r: RosterEntry) { userId = r.userId; username = r.username; displayName = r.displayName; unitId = r.unitId; unitName = r.unitName }
}

struct RosterBody: Decodable { var unitIds: [Int]?; var usernames: [String]? }
struct ClientBody: Decodable { var clientId: String }
struct SaveBody: Decodable { var seq: Int64; var clientId: String; var response: ResponseDTO }
struct EventBody: Decodable { var kind: String; var at: String? }

/// A response as the candidate's page sends it, in display order.
struct ResponseDTO: Codable, Equatable {
    var choice: [Int]?
    var judge: Bool?
    var blanks: [String]?
    var text: String?

    init(choice: [Int]? = nil, judge: Bool? = nil, blanks: [String]? = nil, text: String? = nil) {
        self.choice = choice
        self.judge = judge
        self.blanks = blanks
        self.text = text
    }

    init(_ r: QuestionResponse) {
        switch r {
        case .choice(let c): choice = c
        case .judge(let j): judge = j
        case .blanks(let b): blanks = b
        case .text(let t): text = t
        }
    }

    /// As `JSONEncoder` writes it (sorted keys, absent ones left out), for replies written by hand.
    func write(to w: inout JSONWriter) {
        w.object { o in
            if let blanks { o.key("blanks"); o.array(blanks) { $0.string($1) } }
            if let choice { o.key("choice"); o.array(choice) { $0.int($1) } }
            if let judge { o.key("judge"); o.bool(judge) }
            if let text { o.key("text"); o.string(text) }
        }
    }

    func value() throws(ExamError) -> QuestionResponse {
        let given = [choice != nil, judge != nil, blanks != nil, text != nil].filter { $0 }.count
        guard given == 1 else { throw .invalid(["response 应只含 choice、judge、blanks、text 之一 / give exactly one of choice, judge, blanks, text"]) }
        if let choice { return .choice(choice) }
        if let judge { return .judge(judge) }
        if let blanks { return .blanks(blanks) }
        return .text(text ?? "")
    }
}

struct ReceiptDTO: Encodable {
    var attemptId: Int
    var examTitle: String
    var candidate: String
    var submittedAt: Date?
    var submittedBy: SubmittedBy?
    var answered: Int
    var total: Int
    var digest: String?
    var score: Double?
    var maxScore: Double?
    var passed: Bool?
}
