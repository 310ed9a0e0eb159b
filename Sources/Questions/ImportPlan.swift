/// What an import would do with each question, decided before anything is written (and shown by --dry-run).
public struct ImportPlan: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        /// A question the bank does not have.
        case add
        /// The file's id exists with other content: a new version of that question.
        case newVersion(questionId: Int)
        /// The file's id exists with the same content: nothing to do.
        case unchanged(questionId: Int)
        /// Identical content is already in the bank under another question: reported, not duplicated.
        case duplicate(of: Int)
        /// The same content appears earlier in the same file: imported once.
        case repeatedInFile(first: SourceLocation)
    }

    public struct Item: Sendable, Equatable {
        public var question: SourceQuestion
        public var action: Action
    }

    public var items: [Item]

    public var added: Int { items.filter { $0.action == .add }.count }
    public var changed: Int { items.filter { if case .newVersion = $0.action { true } else { false } }.count }
    public var unchanged: Int { items.filter { if case .unchanged = $0.action { true } else { false } }.count }
    public var duplicates: Int {
        items.filter {
            switch $0.action {
            case .duplicate, .repeatedInFile: true
            default: false
            }
        }.count
    }
}

/// What the store already holds, as far as planning an import needs to know.
public struct ExistingQuestion: Sendable, Equatable {
    public var questionId: Int
    public var fingerprint: String
    public var status: QuestionStatus

    public init(questionId: Int, fingerprint: String, status: QuestionStatus) {
        self.questionId = questionId
        self.fingerprint = fingerprint
        self.status = status
    }
}

public enum ImportPlanner {
    /// Classifies every question. `byExternalId` and `byFingerprint` describe the store's current versions.
    public static func plan(_ bank: ParsedBank, byExternalId: [String: ExistingQuestion],
                            byFingerprint: [String: Int]) -> ImportPlan {
        var seenInFile: [String: SourceLocation] = [:]
        var items: [ImportPlan.Item] = []
        for q in bank.questions {
            let fingerprint = q.content.fingerprint
            if let id = q.externalId, let existing = byExternalId[id] {
                let same = existing.fingerprint == fingerprint && existing.status == q.status
                items.append(.init(question: q, action: same ? .unchanged(questionId: existing.questionId)
                                                             : .newVersion(questionId: existing.questionId)))
            } else if let other = byFingerprint[fingerprint] {
                items.append(.init(question: q, action: .duplicate(of: other)))
            } else if let first = seenInFile[fingerprint] {
                items.append(.init(question: q, action: .repeatedInFile(first: first)))
            } else {
                seenInFile[fingerprint] = q.location
                items.append(.init(question: q, action: .add))
            }
        }
        return ImportPlan(items: items)
    }
}
