import Questions

/// One candidate whose result a regrade changes.
public struct RegradeChange: Sendable, Equatable {
    public var attemptId: Int
    public var userId: Int
    public var oldScore: Double
    public var newScore: Double
    public var oldPassed: Bool
    public var newPassed: Bool
}

/// A regrade after a key changed (a law amended, a mistake found): every submitted attempt that used the
/// question is graded again from its stored responses against the new version. Pure: the caller stores the result.
public enum Regrade {
    /// `marks` are the hand marks of case-analysis answers (slot → mark), which a regrade keeps.
    public static func plan(attempts: [(attempt: AttemptRecord, responses: [SavedResponse], marks: [Int: Double])], questionId: Int,
                            newVersion: Int, versions: [Int: [Int: QuestionContent]], settings: ExamSettings) -> [RegradeChange] {
        var changes: [RegradeChange] = []
        for (attempt, responses, marks) in attempts where attempt.state == .submitted {
            guard attempt.items.contains(where: { $0.questionId == questionId }) else { continue }
            let moved = attempt.items.map { item in
                var item = item
                if item.questionId == questionId { item.version = newVersion }
                return item
            }
            var contents: [Int: QuestionContent] = [:]
            for item in moved { contents[item.questionId] = versions[item.questionId]?[item.version] }
            let grade = ExamGrader.grade(paper: moved, versions: contents, responses: responses, scoring: settings.multipleScoring,
                                           manualMarks: marks)
            let newPassed = grade.passed(passPercent: settings.passPercent)
            let oldScore = attempt.score ?? 0, oldPassed = attempt.passed ?? false
            if abs(grade.score - oldScore) > 1e-9 || newPassed != oldPassed {
                changes.append(RegradeChange(attemptId: attempt.id, userId: attempt.userId, oldScore: oldScore,
                                             newScore: grade.score, oldPassed: oldPassed, newPassed: newPassed))
            }
        }
        return changes
    }
}

extension Regrade {
    /// Why the attempts' stored answers cannot be judged against `new`: option positions mean the options of the
    /// version each candidate saw, so a version with more or fewer options (or another type) needs a new question.
    public static func incompatibility(old: QuestionContent, new: QuestionContent) -> String? {
        if old.type != new.type {
            return "新版本的题型与考生作答时不同，不能重新评分，请另建新题 / the new version has another type; write a new question instead"
        }
        if old.options.count != new.options.count {
            return "新版本的选项数（\(new.options.count)）与考生作答时（\(old.options.count)）不同，不能重新评分，请另建新题 / "
                + "the new version has \(new.options.count) options, the answered one \(old.options.count); write a new question instead"
        }
        return nil
    }
}
