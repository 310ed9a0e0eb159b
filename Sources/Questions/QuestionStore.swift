/// A question as stored: identity, status and its current version's content.
public struct StoredQuestion: Sendable, Equatable {
    public var id: Int
    public var bankId: Int
    public var externalId: String?
    public var status: QuestionStatus
    public var version: Int
    public var content: QuestionContent
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(id: Int, bankId: Int, externalId: String?, status: QuestionStatus, version: Int, content: QuestionContent,
                createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.bankId = bankId
        self.externalId = externalId
        self.status = status
        self.version = version
        self.content = content
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One immutable version of a question. Attempts point at (question, version), so past grades never move.
public struct QuestionVersion: Sendable, Equatable {
    public var questionId: Int
    public var version: Int
    public var content: QuestionContent
    public var createdAt: Int64
    public var author: String?
    public var note: String?

    public init(questionId: Int, version: Int, content: QuestionContent, createdAt: Int64, author: String?, note: String?) {
        self.questionId = questionId
        self.version = version
        self.content = content
        self.createdAt = createdAt
        self.author = author
        self.note = note
    }
}

public struct QuestionBank: Sendable, Equatable, Codable {
    public var id: Int
    public var name: String
    public var law: String?
    public var description: String?
    public var questionCount: Int

    public init(id: Int, name: String, law: String?, description: String?, questionCount: Int) {
        self.id = id
        self.name = name
        self.law = law
        self.description = description
        self.questionCount = questionCount
    }
}

/// Search and filters for the question list.
public struct QuestionQuery: Sendable, Equatable {
    public var text: String?
    public var type: QuestionType?
    public var status: QuestionStatus?
    public var bankId: Int?
    /// A category path; matches the category and everything below it.
    public var category: String?
    public var topic: String?
    public var law: String?
    public var difficulty: Int?
    public var audience: String?
    public var page: Int
    public var pageSize: Int

    public init(text: String? = nil, type: QuestionType? = nil, status: QuestionStatus? = nil, bankId: Int? = nil,
                category: String? = nil, topic: String? = nil, law: String? = nil, difficulty: Int? = nil,
                audience: String? = nil, page: Int = 1, pageSize: Int = 20) {
        self.text = text
        self.type = type
        self.status = status
        self.bankId = bankId
        self.category = category
        self.topic = topic
        self.law = law
        self.difficulty = difficulty
        self.audience = audience
        self.page = max(1, page)
        self.pageSize = min(max(1, pageSize), 200)
    }
}

public struct QuestionPage: Sendable {
    public var items: [StoredQuestion]
    public var total: Int
    public var page: Int
    public var pageSize: Int

    public init(items: [StoredQuestion], total: Int, page: Int, pageSize: Int) {
        self.items = items
        self.total = total
        self.page = page
        self.pageSize = pageSize
    }
}

/// Why a question operation was refused. WebAPI maps these to statuses.
public enum QuestionError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid([String])
    case notFound(Int)
    /// Someone saved a newer version first; reload and edit that one.
    case staleVersion(current: Int)
    case importFailed([ImportProblem])
    case bankNotFound(Int)

    public var description: String {
        switch self {
        case .invalid(let reasons): reasons.joined(separator: "; ")
        case .notFound(let id): "题目 \(id) 不存在 / question \(id) not found"
        case .staleVersion(let current): "题目已被他人修改（当前为第 \(current) 版），请刷新后再编辑 / a newer version \(current) exists; reload"
        case .importFailed(let problems): "\(problems.count) 处错误，未导入任何题目 / \(problems.count) problems; nothing imported"
        case .bankNotFound(let id): "题库 \(id) 不存在 / bank \(id) not found"
        }
    }
}

/// Who made a change, for version history and the audit log.
public struct Editor: Sendable, Equatable {
    public var userId: Int?
    public var name: String
    public var requestId: String?

    public init(userId: Int?, name: String, requestId: String?) {
        self.userId = userId
        self.name = name
        self.requestId = requestId
    }
}

/// What an applied import did.
public struct ImportOutcome: Sendable, Equatable {
    /// nil when nothing was added and no bank of that name existed: an import that adds nothing creates no bank.
    public var bankId: Int?
    public var added: Int
    public var changed: Int
    public var unchanged: Int
    public var duplicates: Int

    public init(bankId: Int?, added: Int, changed: Int, unchanged: Int, duplicates: Int) {
        self.bankId = bankId
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.duplicates = duplicates
    }
}

/// The storage the question bank needs.
public protocol QuestionStore: Sendable {
    /// What the store holds for these ids and fingerprints (current versions only).
    func existing(externalIds: [String], fingerprints: [String]) throws
        -> (byExternalId: [String: ExistingQuestion], byFingerprint: [String: Int])
    /// Applies every plan in one transaction: all of it or none of it.
    func apply(_ plans: [(plan: ImportPlan, bank: ParsedBank)], editor: Editor, now: Int64) throws -> [ImportOutcome]
    func question(id: Int) throws -> StoredQuestion?
    func versions(questionId: Int) throws -> [QuestionVersion]
    func search(_ query: QuestionQuery) throws -> QuestionPage
    func banks() throws -> [QuestionBank]
    func categoryPaths() throws -> [String]
    func insertQuestion(_ content: QuestionContent, bankId: Int, status: QuestionStatus, editor: Editor, now: Int64) throws -> StoredQuestion
    /// Saves a new version; `expectedVersion` guards against overwriting someone else's edit.
    func updateQuestion(id: Int, content: QuestionContent, status: QuestionStatus, expectedVersion: Int, note: String?,
                        editor: Editor, now: Int64) throws -> StoredQuestion
}
