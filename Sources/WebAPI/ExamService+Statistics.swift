import Accounts
import Exams
import Foundation
import ItemAnalysis
import Persistence
import Questions
import Secrets
import Synchronization

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
