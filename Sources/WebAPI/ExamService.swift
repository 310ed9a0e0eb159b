import Accounts
import Exams
import ItemAnalysis
import Foundation
import Persistence
import Questions
import Secrets
import Synchronization

/// The annual-exam use cases for organizers and candidates. Timing and grading decisions come from the pure
/// `Exams` module; this type supplies the clock, the store and permissions per object.
public final class ExamService: Sendable {
    let store: Store
    let clock: AppClock
    /// Papers never change once generated, so a save checks its slot against memory, not the database.
    let papers = PaperCache()

    public init(store: Store, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    // MARK: Organizer

    /// nil = every unit (admins); otherwise the organizer's unit subtree.
    func manageableUnits(_ viewer: User) throws -> Set<Int>? {
        if viewer.roles.contains(.admin) { return nil }
        guard let unit = viewer.unitId else { return [] }
        return Tree(try store.units().map { (id: $0.id, parentId: $0.parentId) }).subtree(unit)
    }

    /// The exam if the viewer may manage it; otherwise "not found", which leaks nothing.
    func managedExam(_ id: Int, _ viewer: User) throws -> ExamRecord {
        guard let exam = try store.exam(id: id) else { throw ExamError.notFound("exam \(id)") }
        if let units = try manageableUnits(viewer), !(exam.ownerUnitId.map(units.contains) ?? false) {
            throw ExamError.notFound("exam \(id)")
        }
        return exam
    }

    func exams(for viewer: User) throws -> [ExamRecord] {
        try store.exams(ownerUnits: try manageableUnits(viewer))
    }

    func create(_ settings: ExamSettings, by viewer: User) throws -> ExamRecord {
        let problems = settings.problems()
        guard problems.isEmpty else { throw ExamError.invalid(problems) }
        return try store.createExam(settings, ownerUnitId: viewer.roles.contains(.admin) ? viewer.unitId : viewer.unitId,
                                    createdBy: viewer.id, now: clock.nowMillis())
    }

    func update(_ id: Int, _ settings: ExamSettings, by viewer: User) throws -> ExamRecord {
        _ = try managedExam(id, viewer)
        let problems = settings.problems()
        guard problems.isEmpty else { throw ExamError.invalid(problems) }
        return try store.updateExam(id: id, settings: settings, now: clock.nowMillis())
    }

    /// Replaces the roster: every official in the chosen units and their sub-units, plus the listed accounts.
    func setRoster(_ id: Int, unitIds: [Int], usernames: [String], by viewer: User) throws -> [RosterEntry] {
        _ = try managedExam(id, viewer)
        let allowed = try manageableUnits(viewer)
        let tree = Tree(try store.units().map { (id: $0.id, parentId: $0.parentId) })
        var units = Set<Int>()
        for unit in unitIds {
            if let allowed, !allowed.contains(unit) { throw ExamError.forbidden("unit \(unit)") }
            units.formUnion(tree.subtree(unit))
        }
        var entries = try store.officials(inUnits: units)
        let names = usernames.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let found = try store.accounts(usernames: names)
        let unknown = names.filter { found[$0] == nil }
        guard unknown.isEmpty else { throw ExamError.unknownUsers(unknown) }
        for name in names { if let account = found[name] { entries.append((account.userId, account.unitId)) } }
        try store.setRoster(examId: id, entries: entries, units: unitIds, now: clock.nowMillis())
        return try store.roster(examId: id)
    }

    /// Extra time and/or a later close for the named candidates and every candidate of the chosen units.
    func setOverrides(_ id: Int, usernames: [String], unitIds: [Int], override: Override, by viewer: User) throws {
        _ = try managedExam(id, viewer)
        guard (0...600).contains(override.extraMinutes) else {
            throw ExamError.invalid(["延长时间应为 0–600 分钟 / extra time must be 0–600 minutes"])
        }
        let roster = try store.roster(examId: id)
        let tree = Tree(try store.units().map { (id: $0.id, parentId: $0.parentId) })
        let units = unitIds.reduce(into: Set<Int>()) { $0.formUnion(tree.subtree($1)) }
        var users = Set(roster.filter { $0.unitId.map(units.contains) ?? false }.map(\.userId))
        let byName = Dictionary(roster.map { ($0.username.lowercased(), $0.userId) }, uniquingKeysWith: { a, _ in a })
        let unknown = usernames.filter { byName[$0.lowercased()] == nil }
        guard unknown.isEmpty else { throw ExamError.unknownUsers(unknown) }
        users.formUnion(usernames.compactMap { byName[$0.lowercased()] })
        try store.setOverrides(examId: id, userIds: users.sorted(), override: override, now: clock.nowMillis())
    }

    /// Publishes the exam and generates every candidate's paper now, so the opening minute costs nothing.
    func publish(_ id: Int, by viewer: User) throws -> ExamRecord {
        let exam = try managedExam(id, viewer)
        guard exam.status == .draft else { throw ExamError.alreadyPublished }
        let roster = try store.roster(examId: id)
        guard !roster.isEmpty else { throw ExamError.invalid(["考生名单为空 / the roster is empty"]) }
        let pool = try store.questionPool(ids: exam.settings.fixedIds)
        var papers: [(userId: Int, items: [PaperItem])] = []
        for entry in roster {
            papers.append((entry.userId, try paper(exam, pool: pool, userId: entry.userId, number: 1)))
        }
        try store.publish(examId: id, papers: papers, now: clock.nowMillis())
        return try managedExam(id, viewer)
    }

    func paper(_ exam: ExamRecord, pool: [PoolQuestion], userId: Int, number: Int) throws -> [PaperItem] {
        do {
            return try PaperBuilder.build(exam.settings.paper, pool: pool, shuffleQuestions: exam.settings.shuffleQuestions,
                                          shuffleOptions: exam.settings.shuffleOptions,
                                          seed: SplitMix64.seed(exam: exam.id, user: userId, attempt: number))
        } catch {
            throw ExamError.paper(error)
        }
    }

    // MARK: Candidate

    /// The exam (published, with the user on its roster) or "not found".
    func candidateExam(_ id: Int, _ user: User) throws -> ExamRecord {
        guard let exam = try store.myExams(userId: user.id).first(where: { $0.id == id }) else {
            throw ExamError.notFound("exam \(id)")
        }
        return exam
    }

    /// Starts the next attempt, or resumes (and takes over) the one in progress.
    func start(examId: Int, user: User, clientId: String) throws -> AttemptRecord {
        let exam = try candidateExam(examId, user)
        let now = clock.nowMillis()
        let attempts = try store.attempts(examId: examId, userId: user.id)
        if let current = attempts.first(where: { $0.state == .inProgress }) {
            try store.takeOver(attemptId: current.id, clientId: clientId)
            return try store.attempt(id: current.id) ?? current
        }
        let used = attempts.filter { $0.state != .ready }.count
        let override = try store.override(examId: examId, userId: user.id)
        let closesAt = override?.closesAt ?? exam.settings.closesAt
        switch ExamClock.canStart(now: now, opensAt: exam.settings.opensAt, closesAt: closesAt,
                                  attemptsUsed: used, attemptsAllowed: exam.settings.attemptsAllowed) {
        case .notOpenYet: throw ExamError.notOpenYet
        case .closed: throw ExamError.closed
        case .noAttemptsLeft: throw ExamError.noAttemptsLeft
        case .allowed: break
        }
        let ready = try attempts.first(where: { $0.state == .ready })
            ?? store.createAttempt(examId: examId, userId: user.id, number: used + 1,
                                   items: paper(exam, pool: store.questionPool(ids: exam.settings.fixedIds), userId: user.id,
                                                number: used + 1))
        let deadline = ExamClock.deadline(startedAt: now, durationMinutes: exam.settings.durationMinutes,
                                          extraMinutes: override?.extraMinutes ?? 0, closesAt: closesAt)
        return try store.start(attemptId: ready.id, startedAt: now, deadline: deadline, clientId: clientId)
    }

    /// The candidate's own attempt (anyone else's is "not found"); with a clientId, that tab takes over.
    func ownAttempt(_ id: Int, _ user: User, takeOverBy clientId: String? = nil) throws -> AttemptRecord {
        guard let attempt = try store.attempt(id: id), attempt.userId == user.id else { throw ExamError.notFound("attempt \(id)") }
        if let clientId, attempt.state == .inProgress, attempt.ownerClient != clientId {
            try store.takeOver(attemptId: id, clientId: clientId)
            return try store.attempt(id: id) ?? attempt
        }
        return attempt
    }

    func save(attemptId: Int, slot: Int, seq: Int64, response: QuestionResponse, clientId: String, user: User) throws -> SaveOutcome {
        let paper = try papers.paper(attemptId) {
            guard let attempt = try store.attempt(id: attemptId) else { return nil }
            let versions = try store.versions(attempt.items.map { ($0.questionId, $0.version) })
            return PaperShape(userId: attempt.userId,
                              slots: Dictionary(uniqueKeysWithValues: attempt.items.map { ($0.slot, versions[$0.questionId]) }))
        }
        guard let paper, paper.userId == user.id else { throw ExamError.notFound("attempt \(attemptId)") }
        guard let slotContent = paper.slots[slot] else { throw ExamError.notFound("slot \(slot)") }
        guard seq > 0 else { throw ExamError.invalid(["seq 应为正整数 / seq must be a positive integer"]) }
        if let content = slotContent, let problem = ResponseShape.problem(response, for: content) {
            throw ExamError.invalid([problem])
        }
        return try store.save(attemptId: attemptId, slot: slot, seq: seq, response: response, clientId: clientId,
                              now: clock.nowMillis())
    }

    /// Submits with what is stored; a second submit returns the same attempt unchanged.
    func submit(attemptId: Int, user: User?, by: SubmittedBy) throws -> AttemptRecord {
        guard let attempt = try store.attempt(id: attemptId), user.map({ attempt.userId == $0.id }) ?? true else {
            throw ExamError.notFound("attempt \(attemptId)")
        }
        guard attempt.state == .inProgress, let exam = try store.exam(id: attempt.examId) else { return attempt }
        let versions = try store.versions(attempt.items.map { ($0.questionId, $0.version) })
        let now = clock.nowMillis()
        _ = try store.submit(attemptId: attemptId, now: now, by: by) { responses in
            let grade = ExamGrader.grade(paper: attempt.items, versions: versions, responses: responses,
                                         scoring: exam.settings.multipleScoring)
            let digest = Sodium.digest(Receipt.canonicalText(attemptId: attemptId, submittedAt: now, responses: responses))
            return Submission(score: grade.score, passed: grade.passed(passPercent: exam.settings.passPercent),
                              needsMarking: grade.needsMarking, digest: digest)
        }
        return try store.attempt(id: attemptId) ?? attempt
    }

    /// Submits every attempt whose deadline (plus grace) has passed. Called by the sweeper; safe to run anywhere,
    /// since each submit claims its attempt with a conditional update.
    @discardableResult
    public func sweep() throws -> Int {
        var submitted = 0
        for id in try store.expiredAttempts(now: clock.nowMillis()) {
            if try submit(attemptId: id, user: nil, by: .deadline).state == .submitted { submitted += 1 }
        }
        return submitted
    }

    /// Re-derives a submitted attempt's digest from what is stored now: equal to the receipt's when untouched.
    func verifyDigest(_ attempt: AttemptRecord) throws -> Bool {
        guard let submittedAt = attempt.submittedAt, let digest = attempt.digest else { return false }
        let text = Receipt.canonicalText(attemptId: attempt.id, submittedAt: submittedAt,
                                         responses: try store.responses(attemptId: attempt.id))
        return Sodium.digest(text) == digest
    }
}

extension ExamSettings {
    /// The question ids of a fixed paper (nil for a blueprint, which draws from every active question).
    var fixedIds: [Int]? {
        if case .fixed(let items) = paper { return items.map(\.questionId) }
        return nil
    }
}

/// Checks that a response fits its question before it is stored.
enum ResponseShape {
    static func problem(_ response: QuestionResponse, for q: QuestionContent) -> String? {
        switch (q.type, response) {
        case (.single, .choice(let c)), (.multiple, .choice(let c)):
            if c.contains(where: { $0 < 0 || $0 >= q.options.count }) { return "选项超出范围 / option out of range" }
            if q.type == .single && c.count > 1 { return "单选题只能选一项 / choose one option" }
            return nil
        case (.judge, .judge): return nil
        case (.blank, .blanks(let b)):
            if b.count > q.blankCount { return "空的数量不对 / too many blanks" }
            return b.contains { $0.count > 500 } ? "答案过长 / answer too long" : nil
        case (.essay, .text(let t)):
            return t.count > 20_000 ? "答案过长 / answer too long" : nil
        default:
            return "答案形式与题型不符 / the answer does not fit a \(q.type.rawValue) question"
        }
    }
}

extension ExamService {
    public struct RegradeReport: Sendable {
        public var questionId: Int
        public var toVersion: Int
        public var attemptsChecked: Int
        public var changes: [RegradeChange]
        public var applied: Bool
    }

    /// Regrades every submitted attempt of the exam that used the question against its current version.
    /// With `dryRun` nothing is stored; otherwise the new results and an audit entry are written together.
    func regrade(examId: Int, questionId: Int, dryRun: Bool, by viewer: User) throws -> RegradeReport {
        let exam = try managedExam(examId, viewer)
        let history = try store.versions(questionId: questionId)
        guard let latest = history.last else { throw ExamError.notFound("question \(questionId)") }
        let attempts = try store.submittedAttempts(examId: examId, using: questionId)
        var versions: [Int: [Int: QuestionContent]] = [questionId: Dictionary(uniqueKeysWithValues: history.map { ($0.version, $0.content) })]
        for (attempt, _) in attempts {
            for item in attempt.items where item.questionId != questionId && versions[item.questionId]?[item.version] == nil {
                if let content = try store.versions([(item.questionId, item.version)])[item.questionId] {
                    versions[item.questionId, default: [:]][item.version] = content
                }
            }
        }
        let changes = Regrade.plan(attempts: attempts, questionId: questionId, newVersion: latest.version, versions: versions,
                                   settings: exam.settings)
        if !dryRun {
            try store.applyRegrade(examId: examId, questionId: questionId, version: latest.version, changes: changes,
                                   actorId: viewer.id, actorName: viewer.username, now: clock.nowMillis())
        }
        return RegradeReport(questionId: questionId, toVersion: latest.version, attemptsChecked: attempts.count,
                             changes: changes, applied: !dryRun)
    }
}

extension ExamService {
    /// How often a question was answered in submitted exams and its facility (mean fraction of marks, %),
    /// each use graded against the version it used.
    func usage(of questionId: Int) throws -> (attempts: Int, facility: Double?) {
        let uses = try store.uses(of: questionId)
        guard !uses.isEmpty else { return (0, nil) }
        var contents: [Int: QuestionContent] = [:]
        for version in Set(uses.map(\.item.version)) {
            contents[version] = try store.versions([(questionId, version)])[questionId]
        }
        let fractions = uses.compactMap { use -> Double? in
            guard let content = contents[use.item.version] else { return nil }
            let response = use.response.map { ExamGrader.unshuffle($0.response, use.item.optionOrder) }
            return content.grade(response, scoring: use.scoring).fraction
        }
        return (uses.count, fractions.isEmpty ? nil : fractions.reduce(0, +) / Double(fractions.count) * 100)
    }
}

/// Who owns an attempt and what each slot asks: everything a save needs to check, immutable once generated.
struct PaperShape: Sendable {
    var userId: Int
    var slots: [Int: QuestionContent?]
}

final class PaperCache: Sendable {
    private let entries = Mutex<[Int: PaperShape]>([:])

    func paper(_ attemptId: Int, load: () throws -> PaperShape?) throws -> PaperShape? {
        if let hit = entries.withLock({ $0[attemptId] }) { return hit }
        guard let loaded = try load() else { return nil }
        entries.withLock { e in
            if e.count > 50_000 { e.removeAll(keepingCapacity: true) }
            e[attemptId] = loaded
        }
        return loaded
    }
}

extension ExamService {
    /// Moodle-style item analysis over each candidate's counted attempt.
    func statistics(examId: Int, by viewer: User) throws -> (marks: ItemMarks, questions: [QuestionStatistics], test: TestStatistics,
                                                            contents: [Int: QuestionContent]) {
        let exam = try managedExam(examId, viewer)
        var attempts: [(attempt: AttemptRecord, responses: [SavedResponse])] = []
        for row in try store.reportRows(examId: examId) {
            guard let counted = ExamReportBuilder.counted(row.attempts, exam.settings.counting),
                  let full = try store.attempt(id: counted.id) else { continue }
            attempts.append((full, try store.responses(attemptId: full.id)))
        }
        var versions: [Int: [Int: QuestionContent]] = [:]
        for (attempt, _) in attempts {
            for item in attempt.items where versions[item.questionId]?[item.version] == nil {
                if let c = try store.versions([(item.questionId, item.version)])[item.questionId] {
                    versions[item.questionId, default: [:]][item.version] = c
                }
            }
        }
        let marks = ItemMarks.build(attempts: attempts, versions: versions, scoring: exam.settings.multipleScoring)
        let contents = versions.compactMapValues { $0.values.first }
        guard !marks.questionIds.isEmpty,
              let matrix = try? ItemMatrix(marks: marks.marks, maxMarks: marks.maxMarks, randomGuess: marks.randomGuess) else {
            return (marks, [], TestStatistics(attempts: attempts.count), contents)
        }
        let result = ItemAnalysis.analyse(matrix)
        return (marks, result.questions, result.test, contents)
    }
}

extension ExamService {
    /// One case-analysis answer waiting for (or holding) a hand mark.
    struct MarkingItem: Sendable {
        var attemptId: Int
        var candidate: String
        var slot: Int
        var question: QuestionContent
        var points: Double
        var answer: String
        var mark: Double?
    }

    /// The marking queue: case-analysis answers of submitted attempts still waiting for a mark.
    func markingQueue(examId: Int, by viewer: User) throws -> [MarkingItem] {
        _ = try managedExam(examId, viewer)
        let names = Dictionary(try store.roster(examId: examId).map { ($0.userId, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        var items: [MarkingItem] = []
        for attempt in try store.attemptsNeedingMarks(examId: examId) {
            let responses = Dictionary(try store.responses(attemptId: attempt.id).map { ($0.slot, $0) }, uniquingKeysWith: { a, _ in a })
            let marks = try store.manualMarks(attemptId: attempt.id)
            let versions = try store.versions(attempt.items.map { ($0.questionId, $0.version) })
            for item in attempt.items {
                guard let q = versions[item.questionId], q.type == .essay else { continue }
                var answer = ""
                if case .text(let t)? = responses[item.slot]?.response { answer = t }
                items.append(MarkingItem(attemptId: attempt.id, candidate: names[attempt.userId] ?? "", slot: item.slot, question: q,
                                         points: item.points, answer: answer, mark: marks[item.slot]))
            }
        }
        return items
    }

    /// Records a hand mark and recomputes the attempt's score and pass/fail in the same transaction.
    func mark(attemptId: Int, slot: Int, mark: Double, comment: String?, by viewer: User) throws -> AttemptRecord {
        guard let attempt = try store.attempt(id: attemptId) else { throw ExamError.notFound("attempt \(attemptId)") }
        let exam = try managedExam(attempt.examId, viewer)
        guard attempt.state == .submitted else { throw ExamError.invalid(["只能给已交卷的答案评分 / only submitted attempts are marked"]) }
        guard let item = attempt.items.first(where: { $0.slot == slot }) else { throw ExamError.notFound("slot \(slot)") }
        let versions = try store.versions(attempt.items.map { ($0.questionId, $0.version) })
        guard versions[item.questionId]?.type == .essay else {
            throw ExamError.invalid(["只有案例分析题需要人工评分 / only case-analysis answers are marked by hand"])
        }
        guard mark >= 0, mark <= item.points else {
            throw ExamError.invalid(["分数应在 0 到 \(item.points) 之间 / the mark must be between 0 and \(item.points)"])
        }
        try store.mark(attemptId: attemptId, slot: slot, mark: mark, comment: comment, markerId: viewer.id, now: clock.nowMillis()) {
            responses, manual in
            let grade = ExamGrader.grade(paper: attempt.items, versions: versions, responses: responses,
                                         scoring: exam.settings.multipleScoring, manualMarks: manual)
            return Submission(score: grade.score, passed: grade.passed(passPercent: exam.settings.passPercent),
                              needsMarking: grade.needsMarking, digest: attempt.digest ?? "")
        }
        return try store.attempt(id: attemptId) ?? attempt
    }
}
