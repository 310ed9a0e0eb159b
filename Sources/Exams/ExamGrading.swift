import Questions

/// The mark for one slot.
public struct SlotMark: Sendable, Equatable {
    public var slot: Int
    public var questionId: Int
    public var version: Int
    public var points: Double
    public var mark: Double?
    public var state: GradeState
}

public struct AttemptGrade: Sendable, Equatable {
    public var marks: [SlotMark]
    public var maxScore: Double
    /// Sum of marks so far (hand-marked questions count 0 until marked).
    public var score: Double
    public var needsMarking: Bool

    public func passed(passPercent: Double) -> Bool {
        maxScore > 0 && score / maxScore * 100 >= passPercent - 1e-9
    }
}

public enum ExamGrader {
    /// Grades stored responses against the exact versions the paper used. Responses to choice questions are
    /// in display positions and are mapped back through the slot's option order, so the stored raw response
    /// and the stored paper always reproduce the same mark.
    public static func grade(paper: [PaperItem], versions: [Int: QuestionContent], responses: [SavedResponse],
                             scoring: MultipleChoiceScoring, manualMarks: [Int: Double] = [:]) -> AttemptGrade {
        let bySlot = Dictionary(responses.map { ($0.slot, $0) }, uniquingKeysWith: { a, b in a.seq >= b.seq ? a : b })
        var marks: [SlotMark] = []
        for item in paper {
            guard let content = versions[item.questionId] else {
                marks.append(SlotMark(slot: item.slot, questionId: item.questionId, version: item.version, points: item.points,
                                      mark: 0, state: .incorrect))
                continue
            }
            let response = bySlot[item.slot].map { unshuffle($0.response, item.optionOrder) }
            var grade = content.grade(response, scoring: scoring)
            if grade.state == .needsMarking, let manual = manualMarks[item.slot] {
                // A marker's mark stands in for the automatic grade of a case-analysis answer.
                let fraction = item.points > 0 ? min(1, manual / item.points) : 0
                grade = Grade(fraction: fraction, state: fraction >= 1 ? .correct : (fraction > 0 ? .partial : .incorrect))
            }
            marks.append(SlotMark(slot: item.slot, questionId: item.questionId, version: item.version, points: item.points,
                                  mark: grade.fraction.map { $0 * item.points }, state: grade.state))
        }
        return AttemptGrade(marks: marks, maxScore: paper.map(\.points).reduce(0, +),
                            score: marks.compactMap(\.mark).reduce(0, +),
                            needsMarking: marks.contains { $0.state == .needsMarking })
    }

    /// Display positions → original option indexes.
    public static func unshuffle(_ response: QuestionResponse, _ order: [Int]) -> QuestionResponse {
        guard case .choice(let shown) = response else { return response }
        return .choice(shown.compactMap { $0 >= 0 && $0 < order.count ? order[$0] : nil })
    }

    /// Original option indexes → display positions (for showing a key in the candidate's order).
    public static func shuffle(_ key: [Int], _ order: [Int]) -> [Int] {
        key.compactMap { order.firstIndex(of: $0) }.sorted()
    }
}

/// The receipt's canonical text: attempt, submission time, and every stored response in slot order.
/// Its digest lets an organizer verify later that the stored responses are the ones the candidate was shown.
public enum Receipt {
    public static func canonicalText(attemptId: Int, submittedAt: Int64, responses: [SavedResponse]) -> String {
        var lines = ["attempt:\(attemptId)", "submitted:\(submittedAt)"]
        for r in responses.sorted(by: { $0.slot < $1.slot }) {
            lines.append("\(r.slot):\(r.seq):\(canonical(r.response))")
        }
        return lines.joined(separator: "\n")
    }

    static func canonical(_ r: QuestionResponse) -> String {
        switch r {
        case .choice(let c): "c" + c.sorted().map(String.init).joined(separator: ",")
        case .judge(let j): j ? "t" : "f"
        case .blanks(let b): "b" + b.map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }.joined(separator: "\u{1F}")
        case .text(let t): "x" + t
        }
    }
}

import Foundation
