import Accounts
import Exams
import Foundation
import ItemAnalysis
import Persistence
import Questions
import Secrets
import Synchronization

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
