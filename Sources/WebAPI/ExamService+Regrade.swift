import Accounts
import Exams
import Foundation
import ItemAnalysis
import Persistence
import Questions
import Secrets
import Synchronization

extension ExamService {
    public struct RegradeReport: Sendable {
        public var questionId: Int
        public var toVersion: Int
        public var attemptsChecked: Int
        public var changes: [RegradeChange]
        public var applied: Bool
    }

    /// Regrades every submitted attempt of the exam that used the question against its current version, keeping
    /// hand marks. With `dryRun` nothing is stored; otherwise the new results and an audit entry are written
    /// together. `expectedVersion` (the version a preview showed) refuses the apply if the question moved on.
    func regrade(examId: Int, questionId: Int, dryRun: Bool, expectedVersion: Int? = nil, by viewer: User,
                 actor: Actor) throws -> RegradeReport {
        let exam = try managedExam(examId, viewer)
        if let fixed = exam.settings.fixedIds, !fixed.contains(questionId) {
            throw ExamError.invalid(["题目 \(questionId) 不在本场考试的试卷中 / question \(questionId) is not on this exam's paper"])
        }
        let history = try store.versions(questionId: questionId)
        guard let latest = history.last else { throw ExamError.notFound("题目 \(questionId) / question \(questionId)") }
        if let expectedVersion, expectedVersion != latest.version {
            throw ExamError.staleVersion(expected: expectedVersion, current: latest.version)
        }
        let attempts = try store.submittedAttempts(examId: examId, using: questionId)
        let answered = Set(attempts.flatMap { $0.attempt.items.filter { $0.questionId == questionId }.map(\.version) })
        for version in answered.sorted() {
            if let old = history.first(where: { $0.version == version }), let reason = Regrade.incompatibility(old: old.content, new: latest.content) {
                throw ExamError.invalid([reason])
            }
        }
        var versions: [Int: [Int: QuestionContent]] = [questionId: Dictionary(uniqueKeysWithValues: history.map { ($0.version, $0.content) })]
        for (attempt, _, _) in attempts {
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
                                   actorId: actor.userId, actorName: actor.name, requestId: actor.requestId, now: clock.nowMillis())
        }
        return RegradeReport(questionId: questionId, toVersion: latest.version, attemptsChecked: attempts.count,
                             changes: changes, applied: !dryRun)
    }
}
