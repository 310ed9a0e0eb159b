import Accounts
import Exams
import Foundation
import ItemAnalysis
import Persistence
import Questions
import Secrets
import Synchronization

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
