import Foundation
import Questions

/// A question for staff (keys included: only `questions.manage` reaches these routes).
struct QuestionDTO: Encodable, Sendable {
    var id: Int
    var bankId: Int
    var externalId: String?
    var status: QuestionStatus
    var version: Int
    var type: QuestionType
    var stem: String
    var options: [String]
    var answer: AnswerJSON
    var explanation: String
    var basis: String
    var quote: String
    var category: String
    var topics: [String]
    var difficulty: Int
    var audiences: [String]
    var rubric: [String]
    var points: Int?
    var createdAt: Date
    var updatedAt: Date
    var versions: [VersionDTO]?
    /// Times answered in submitted exams and facility (%); only on the single-question view.
    var usage: UsageDTO?

    init(_ q: StoredQuestion, versions: [QuestionVersion]? = nil) {
        id = q.id
        bankId = q.bankId
        externalId = q.externalId
        status = q.status
        version = q.version
        type = q.content.type
        stem = q.content.stem
        options = q.content.options
        answer = AnswerJSON(q.content.key)
        explanation = q.content.explanation
        basis = q.content.basis
        quote = q.content.quote
        category = q.content.category
        topics = q.content.topics
        difficulty = q.content.difficulty
        audiences = q.content.audiences
        rubric = q.content.rubric
        points = q.content.points
        createdAt = Date(millis: q.createdAt)
        updatedAt = Date(millis: q.updatedAt)
        self.versions = versions?.map(VersionDTO.init)
    }
}

struct UsageDTO: Encodable, Sendable {
    var attempts: Int
    var facility: Double?
}

struct VersionDTO: Encodable, Sendable {
    var version: Int
    var createdAt: Date
    var author: String?
    var note: String?
    var stem: String
    var answer: AnswerJSON

    init(_ v: QuestionVersion) {
        version = v.version
        createdAt = Date(millis: v.createdAt)
        author = v.author
        note = v.note
        stem = v.content.stem
        answer = AnswerJSON(v.content.key)
    }
}

/// The key as people write it: "B" / "ACD" for choices, true/false, [["十五日","15日"]] for blanks, text for cases.
enum AnswerJSON: Codable, Sendable, Equatable {
    case letters(String), truth(Bool), blanks([[String]]), text(String)

    init(_ key: AnswerKey) {
        switch key {
        case .choice(let keys): self = .letters(keys.map(optionLetter).joined())
        case .judge(let v): self = .truth(v)
        case .blanks(let b): self = .blanks(b)
        case .reference(let t): self = .text(t)
        }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .truth(b) }
        else if let s = try? c.decode(String.self) { self = .text(s) }
        else if let b = try? c.decode([[String]].self) { self = .blanks(b) }
        else { throw DecodingError.typeMismatch(AnswerJSON.self, .init(codingPath: c.codingPath, debugDescription: "answer")) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .letters(let s), .text(let s): try c.encode(s)
        case .truth(let b): try c.encode(b)
        case .blanks(let b): try c.encode(b)
        }
    }

    /// The key for a question of `type`, or the reason it does not fit.
    func key(for type: QuestionType) throws(QuestionError) -> AnswerKey {
        switch (type, self) {
        case (.single, .text(let s)), (.multiple, .text(let s)), (.single, .letters(let s)), (.multiple, .letters(let s)):
            var indexes: [Int] = []
            for c in s where !c.isWhitespace && c != "," && c != "，" {
                guard let i = optionIndex(c) else { throw .invalid(["答案「\(s)」应为选项字母 / answer must be option letters"]) }
                indexes.append(i)
            }
            return .choice(indexes)
        case (.judge, .truth(let b)): return .judge(b)
        case (.blank, .blanks(let b)): return .blanks(b)
        case (.essay, .text(let t)), (.essay, .letters(let t)): return .reference(t)
        default: throw .invalid(["答案形式与题型不符 / the answer does not fit a \(type.rawValue) question"])
        }
    }
}

/// Body of create and edit.
struct QuestionBody: Decodable {
    var bankId: Int?
    var status: QuestionStatus?
    var type: QuestionType
    var stem: String
    var options: [String]?
    var answer: AnswerJSON
    var explanation: String
    var basis: String
    var quote: String?
    var category: String?
    var topics: [String]?
    var difficulty: Int?
    var audiences: [String]?
    var rubric: [String]?
    var points: Int?
    /// Edits only: the version the editor started from.
    var expectedVersion: Int?
    var note: String?

    func content() throws(QuestionError) -> QuestionContent {
        QuestionContent(type: type, stem: stem.trimmingCharacters(in: .whitespacesAndNewlines),
                        options: (options ?? []).map { $0.trimmingCharacters(in: .whitespaces) },
                        key: try answer.key(for: type), explanation: explanation, basis: basis, quote: quote ?? "",
                        category: category ?? "", topics: topics ?? [], difficulty: difficulty ?? 2,
                        audiences: audiences ?? [], rubric: rubric ?? [], points: points)
    }
}

struct ImportReportDTO: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var location: String
        var id: String?
        var action: String
        var questionId: Int?
    }
    var dryRun: Bool
    var bank: String
    var bankId: Int?
    var added: Int
    var changed: Int
    var unchanged: Int
    var duplicates: Int
    var items: [Item]

    init(_ r: QuestionService.ImportReport) {
        dryRun = r.dryRun
        bank = r.bank
        bankId = r.bankId
        added = r.plan.added
        changed = r.plan.changed
        unchanged = r.plan.unchanged
        duplicates = r.plan.duplicates
        items = r.plan.items.map { item in
            let (action, id): (String, Int?) = switch item.action {
            case .add: ("add", nil)
            case .newVersion(let q): ("new_version", q)
            case .unchanged(let q): ("unchanged", q)
            case .duplicate(let q): ("duplicate", q)
            case .repeatedInFile: ("repeated_in_file", nil)
            }
            return Item(location: item.question.location.description, id: item.question.externalId, action: action, questionId: id)
        }
    }
}

struct ImportFailureDTO: Encodable, Sendable {
    struct Problem: Encodable, Sendable { var location: String; var file: String; var line: Int; var reason: String }
    struct Inner: Encodable, Sendable { var code: String; var message: String; var problems: [Problem] }
    var error: Inner

    /// `zh` / `en` say what did not happen, after the count of problems.
    init(_ problems: [ImportProblem], zh: String = "未导入任何题目", en: String = "nothing was imported") {
        error = Inner(code: "import_failed",
                      message: "\(problems.count) 处错误，\(zh) / \(problems.count) problems; \(en)",
                      problems: problems.map { Problem(location: $0.location.description, file: $0.location.file,
                                                       line: $0.location.line, reason: $0.reason) })
    }
}
