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
        return try store.createExam(settings, ownerUnitId: viewer.unitId,
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

    /// A make-up exam (补考) linked to a published exam: the same paper and rules in a new window, for everyone on
    /// the roster who missed the exam or did not pass it.
    func createMakeup(of id: Int, title: String?, opensAt: Int64, closesAt: Int64, by viewer: User) throws -> ExamRecord {
        let exam = try managedExam(id, viewer)
        guard exam.status == .published else { throw ExamError.invalid(["原考试尚未发布 / publish the exam first"]) }
        var settings = exam.settings
        settings.title = title?.trimmingCharacters(in: .whitespaces).nonEmptyTitle ?? "\(exam.settings.title)（补考）"
        settings.opensAt = opensAt
        settings.closesAt = closesAt
        settings.makeupOf = id
        let problems = settings.problems()
        guard problems.isEmpty else { throw ExamError.invalid(problems) }
        let needed = try store.reportRows(examId: id).filter { row in
            ExamReportBuilder.counted(row.attempts, exam.settings.counting)?.passed != true
        }
        let makeup = try store.createExam(settings, ownerUnitId: exam.ownerUnitId, createdBy: viewer.id, now: clock.nowMillis())
        try store.setRoster(examId: makeup.id, entries: needed.map { ($0.entry.userId, $0.entry.unitId) }, units: [],
                            now: clock.nowMillis())
        return try managedExam(makeup.id, viewer)
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

    /// Checks a save against the attempt's paper (cached) and hands it to the writer; `completion` runs on the pool's
    /// completion thread once it is durable or refused. Throws at once for what the paper alone can refuse.
    func save(attemptId: Int, slot: Int, seq: Int64, response: QuestionResponse, clientId: String, user: User,
              completion: @escaping @Sendable (Result<SaveResult, any Error>) -> Void) throws {
        let paper = try papers.paper(attemptId) {
            guard let attempt = try store.attempt(id: attemptId) else { return nil }
            return PaperShape(attempt, versions: try store.versions(attempt.items.map { ($0.questionId, $0.version) }))
        }
        guard let paper, paper.userId == user.id else { throw ExamError.notFound("attempt \(attemptId)") }
        guard let slotContent = paper.slots[slot] else { throw ExamError.notFound("slot \(slot)") }
        guard seq > 0 else { throw ExamError.invalid(["seq 应为正整数 / seq must be a positive integer"]) }
        if let content = slotContent, let problem = ResponseShape.problem(response, for: content) {
            throw ExamError.invalid([problem])
        }
        store.save(attemptId: attemptId, slot: slot, seq: seq, response: response, clientId: clientId, now: clock.nowMillis(),
                   completion: completion)
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

extension String {
    var nonEmptyTitle: String? { isEmpty ? nil : self }
}
