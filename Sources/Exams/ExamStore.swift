import Questions

public enum ExamStatus: String, Sendable, Codable { case draft, published }

public struct ExamRecord: Sendable, Equatable {
    public var id: Int
    public var settings: ExamSettings
    public var status: ExamStatus
    public var ownerUnitId: Int?
    public var createdAt: Int64
    public var rosterCount: Int
    public var submittedCount: Int

    public init(id: Int, settings: ExamSettings, status: ExamStatus, ownerUnitId: Int?, createdAt: Int64, rosterCount: Int,
                submittedCount: Int) {
        self.id = id
        self.settings = settings
        self.status = status
        self.ownerUnitId = ownerUnitId
        self.createdAt = createdAt
        self.rosterCount = rosterCount
        self.submittedCount = submittedCount
    }
}

public struct RosterEntry: Sendable, Equatable {
    public var userId: Int
    public var username: String
    public var displayName: String
    public var unitId: Int?
    public var unitName: String?

    public init(userId: Int, username: String, displayName: String, unitId: Int?, unitName: String?) {
        self.userId = userId
        self.username = username
        self.displayName = displayName
        self.unitId = unitId
        self.unitName = unitName
    }
}

/// Extra time and/or a later window for one candidate.
public struct Override: Sendable, Equatable {
    public var extraMinutes: Int
    public var closesAt: Int64?
    public init(extraMinutes: Int, closesAt: Int64?) {
        self.extraMinutes = extraMinutes
        self.closesAt = closesAt
    }
}

public enum SubmittedBy: String, Sendable, Codable { case candidate, deadline }

public struct AttemptRecord: Sendable, Equatable {
    public var id: Int
    public var examId: Int
    public var userId: Int
    public var number: Int
    public var state: AttemptState
    public var startedAt: Int64?
    public var deadline: Int64?
    public var submittedAt: Int64?
    public var submittedBy: SubmittedBy?
    public var ownerClient: String?
    public var score: Double?
    public var maxScore: Double
    public var passed: Bool?
    public var digest: String?
    public var items: [PaperItem]

    public init(id: Int, examId: Int, userId: Int, number: Int, state: AttemptState, startedAt: Int64?, deadline: Int64?,
                submittedAt: Int64?, submittedBy: SubmittedBy?, ownerClient: String?, score: Double?, maxScore: Double,
                passed: Bool?, digest: String?, items: [PaperItem]) {
        self.id = id
        self.examId = examId
        self.userId = userId
        self.number = number
        self.state = state
        self.startedAt = startedAt
        self.deadline = deadline
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.ownerClient = ownerClient
        self.score = score
        self.maxScore = maxScore
        self.passed = passed
        self.digest = digest
        self.items = items
    }
}

/// The outcome of a save that was allowed.
public enum SaveOutcome: Sendable, Equatable {
    case stored(savedAt: Int64)
    /// An equal or newer save for the slot is already stored; nothing changed.
    case olderIgnored(storedSeq: Int64)
}

/// A durable save's outcome and the attempt's deadline at that moment (overrides may move it), for the page's timer.
public struct SaveResult: Sendable, Equatable {
    public var outcome: SaveOutcome
    public var deadline: Int64?

    public init(outcome: SaveOutcome, deadline: Int64?) {
        self.outcome = outcome
        self.deadline = deadline
    }
}

/// What submitting computes from the responses as stored at that moment (inside the same transaction).
public struct Submission: Sendable {
    public var score: Double
    public var passed: Bool
    public var needsMarking: Bool
    public var digest: String

    public init(score: Double, passed: Bool, needsMarking: Bool, digest: String) {
        self.score = score
        self.passed = passed
        self.needsMarking = needsMarking
        self.digest = digest
    }
}

public enum ExamError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid([String])
    case notFound(String)
    case alreadyPublished
    case notOpenYet, closed, noAttemptsLeft
    case takenOver, deadlinePassed, notInProgress
    case paper(PaperError)
    case unknownUsers([String])
    case forbidden(String)
    /// A regrade previewed against one version found a newer one when applied.
    case staleVersion(expected: Int, current: Int)

    public var description: String {
        switch self {
        case .invalid(let reasons): reasons.joined(separator: "; ")
        case .notFound(let what): "\(what) 不存在 / \(what) not found"
        case .alreadyPublished: "考试已发布，不能再修改 / the exam is published and can no longer be changed"
        case .notOpenYet: "考试尚未开始 / the exam has not opened yet"
        case .closed: "考试已结束 / the exam window has closed"
        case .noAttemptsLeft: "已没有剩余作答次数 / no attempts left"
        case .takenOver: "本场考试已在其他页面或设备上继续作答 / this attempt continues in another tab or device"
        case .deadlinePassed: "已超过交卷时间，答案未保存 / the deadline has passed; the answer was not saved"
        case .notInProgress: "本次作答已交卷 / this attempt has been submitted"
        case .paper(let e): e.description
        case .unknownUsers(let names): "找不到这些账号：\(names.joined(separator: "、")) / unknown accounts: \(names.joined(separator: ", "))"
        case .forbidden(let what): "无权限：\(what) / not allowed: \(what)"
        case .staleVersion(let expected, let current):
            "预览后题目又被修改（预览第 \(expected) 版，现为第 \(current) 版），请重新预览 / "
                + "the question changed after the preview (version \(expected), now \(current)); preview again"
        }
    }
}

/// The storage the exam use cases need.
public protocol ExamStore: Sendable {
    func createExam(_ settings: ExamSettings, ownerUnitId: Int?, createdBy: Int?, now: Int64) throws -> ExamRecord
    func updateExam(id: Int, settings: ExamSettings, now: Int64) throws -> ExamRecord
    func exam(id: Int) throws -> ExamRecord?
    /// Exams owned by these units (nil = all).
    func exams(ownerUnits: Set<Int>?) throws -> [ExamRecord]
    func officials(inUnits: Set<Int>) throws -> [(userId: Int, unitId: Int?)]
    func accounts(usernames: [String]) throws -> [String: (userId: Int, unitId: Int?)]
    func setRoster(examId: Int, entries: [(userId: Int, unitId: Int?)], units: [Int], now: Int64) throws
    func roster(examId: Int) throws -> [RosterEntry]
    func rosterUnits(examId: Int) throws -> [Int]
    /// Active questions: these ids, or every active question when nil.
    func questionPool(ids questionIds: [Int]?) throws -> [PoolQuestion]
    /// Marks the exam published and stores every candidate's first paper, in one transaction.
    func publish(examId: Int, papers: [(userId: Int, items: [PaperItem])], now: Int64) throws
    func myExams(userId: Int) throws -> [ExamRecord]
    func attempts(examId: Int, userId: Int) throws -> [AttemptRecord]
    func attempt(id: Int) throws -> AttemptRecord?
    func createAttempt(examId: Int, userId: Int, number: Int, items: [PaperItem]) throws -> AttemptRecord
    func start(attemptId: Int, startedAt: Int64, deadline: Int64, clientId: String) throws -> AttemptRecord
    func takeOver(attemptId: Int, clientId: String) throws
    /// Stores a save if the attempt is in progress, owned by `clientId`, and `now <= acceptUntil`; a save with a
    /// seq not above the stored one for its slot changes nothing. All checks and the write are one transaction.
    /// Does not block: `completion` gets the outcome with the attempt's deadline once the save is durable, or the error.
    func save(attemptId: Int, slot: Int, seq: Int64, response: QuestionResponse, clientId: String, now: Int64,
              completion: @escaping @Sendable (Result<SaveResult, any Error>) -> Void)
    func responses(attemptId: Int) throws -> [SavedResponse]
    /// Submits an in-progress attempt with what is stored at that moment; false if it was already submitted.
    func submit(attemptId: Int, now: Int64, by: SubmittedBy, grade: ([SavedResponse]) throws -> Submission) throws -> Bool
    /// In-progress attempts whose deadline plus grace is before `now`.
    func expiredAttempts(now: Int64) throws -> [Int]
    func versions(_ keys: [(questionId: Int, version: Int)]) throws -> [Int: QuestionContent]
    func recordEvent(attemptId: Int, kind: String, at: Int64, receivedAt: Int64) throws
    /// Submitted attempts of an exam that used a question, with their stored responses.
    /// Submitted attempts that used the question, with their responses and hand marks (slot → mark).
    func submittedAttempts(examId: Int, using questionId: Int) throws -> [(attempt: AttemptRecord, responses: [SavedResponse], marks: [Int: Double])]
    /// Moves those attempts to `version` of the question and stores the new results, with an audit entry, atomically.
    func applyRegrade(examId: Int, questionId: Int, version: Int, changes: [RegradeChange], actorId: Int?, actorName: String,
                      requestId: String?, now: Int64) throws
    /// For every submitted attempt (any exam) that used the question: its paper slot, stored response and the
    /// exam's multiple-choice scoring — what the question bank shows as usage and facility.
    func uses(of questionId: Int) throws -> [(item: PaperItem, response: SavedResponse?, scoring: MultipleChoiceScoring)]
    /// Sets extra time and/or a later close for candidates, and moves the deadline of their attempts in progress.
    func setOverrides(examId: Int, userIds: [Int], override: Override, now: Int64) throws
    func overrides(examId: Int) throws -> [(entry: RosterEntry, override: Override)]
    func override(examId: Int, userId: Int) throws -> Override?
    /// Hand marks per slot of an attempt.
    func manualMarks(attemptId: Int) throws -> [Int: Double]
    /// Stores a hand mark and the attempt's new result, computed inside the same transaction.
    func mark(attemptId: Int, slot: Int, mark: Double, comment: String?, markerId: Int?, now: Int64,
              regrade: ([SavedResponse], [Int: Double]) throws -> Submission) throws
    /// Submitted attempts of an exam still waiting for a hand mark.
    func attemptsNeedingMarks(examId: Int) throws -> [AttemptRecord]
    /// Integrity evidence per candidate: how many times each kind of event was recorded.
    func eventCounts(examId: Int) throws -> [Int: [String: Int]]
    /// Every roster entry with all of its attempts, for reports.
    func reportRows(examId: Int) throws -> [(entry: RosterEntry, attempts: [AttemptRecord])]
}
