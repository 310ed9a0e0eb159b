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
