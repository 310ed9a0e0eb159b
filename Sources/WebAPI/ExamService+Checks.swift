import Accounts
import Exams
import Foundation
import ItemAnalysis
import Persistence
import Questions
import Secrets
import Synchronization

/// Who owns an attempt and what each slot asks: everything a save needs to check, immutable once generated.
struct PaperShape: Sendable {
    var userId: Int
    var slots: [Int: QuestionContent?]

    init(_ attempt: AttemptRecord, versions: [Int: QuestionContent]) {
        userId = attempt.userId
        slots = Dictionary(uniqueKeysWithValues: attempt.items.map { ($0.slot, versions[$0.questionId]) })
    }
}

final class PaperCache: Sendable {
    private let entries = Mutex<[Int: PaperShape]>([:])

    func paper(_ attemptId: Int, load: () throws -> PaperShape?) throws -> PaperShape? {
        if let hit = entries.withLock({ $0[attemptId] }) { return hit }
        guard let loaded = try load() else { return nil }
        store(attemptId, loaded)
        return loaded
    }

    /// Keeps the paper of an attempt whose questions were just read (starting or opening it).
    func remember(_ attempt: AttemptRecord, versions: [Int: QuestionContent]) {
        store(attempt.id, PaperShape(attempt, versions: versions))
    }

    private func store(_ attemptId: Int, _ shape: PaperShape) {
        entries.withLock { e in
            if e.count > 50_000 { e.removeAll(keepingCapacity: true) }
            e[attemptId] = shape
        }
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
        // An empty choice takes a judgement back: the one "no answer" of every type answered by choosing.
        case (.judge, .choice(let c)) where c.isEmpty: return nil
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
