/// A candidate's answer to one question, as stored in the attempt's step log.
public enum QuestionResponse: Sendable, Equatable, Hashable, Codable {
    case choice([Int])
    case judge(Bool)
    case blanks([String])
    case text(String)

    /// Whether this holds an answer: an emptied choice (also how a judgement is taken back), blank boxes or blank
    /// text do not — what a receipt counts as answered.
    public var holdsAnswer: Bool {
        switch self {
        case .choice(let c): !c.isEmpty
        case .judge: true
        case .blanks(let b): b.contains { !$0.trimmed.isEmpty }
        case .text(let t): !t.trimmed.isEmpty
        }
    }
}

/// How a multiple-choice question is scored; chosen by the exam or quiz that uses it.
public enum MultipleChoiceScoring: String, Sendable, Codable, CaseIterable {
    /// Full marks only for exactly the key.
    case allOrNothing
    /// 少选得分，错选不得分: choosing only correct options earns their share of the key; any wrong option earns 0.
    case partial
}

public enum GradeState: String, Sendable, Codable {
    case correct, partial, incorrect, unanswered
    /// Hand-marked questions wait in the marking queue.
    case needsMarking
}

/// The outcome of judging one response: a fraction of the question's marks, or nil while awaiting a marker.
public struct Grade: Sendable, Equatable {
    public var fraction: Double?
    public var state: GradeState

    public init(fraction: Double?, state: GradeState) {
        self.fraction = fraction
        self.state = state
    }

    public static let unanswered = Grade(fraction: 0, state: .unanswered)
}

extension QuestionContent {
    /// Judges a response against this version's key. Pure and deterministic: the same stored response
    /// and version always give the same grade, which is what makes regrading a replay.
    public func grade(_ response: QuestionResponse?, scoring: MultipleChoiceScoring = .allOrNothing) -> Grade {
        guard let response else { return type == .essay ? Grade(fraction: nil, state: .needsMarking) : .unanswered }
        switch (key, response) {
        case (.choice(let keys), .choice(let chosen)):
            let key = Set(keys), picked = Set(chosen)
            if picked.isEmpty { return .unanswered }
            if picked == key { return Grade(fraction: 1, state: .correct) }
            if type == .multiple, scoring == .partial, picked.isSubset(of: key) {
                return Grade(fraction: Double(picked.count) / Double(key.count), state: .partial)
            }
            return Grade(fraction: 0, state: .incorrect)
        case (.judge(let truth), .judge(let answer)):
            return Grade(fraction: truth == answer ? 1 : 0, state: truth == answer ? .correct : .incorrect)
        case (.blanks(let accepted), .blanks(let answers)):
            if answers.allSatisfy({ BlankNormalizer.normalize($0).isEmpty }) { return .unanswered }
            let right = zip(accepted, answers + Array(repeating: "", count: max(0, accepted.count - answers.count)))
                .filter { variants, answer in BlankNormalizer.matches(answer, variants) }.count
            if right == accepted.count { return Grade(fraction: 1, state: .correct) }
            return right == 0 ? Grade(fraction: 0, state: .incorrect)
                : Grade(fraction: Double(right) / Double(accepted.count), state: .partial)
        case (.reference, .text(let text)):
            return text.trimmed.isEmpty ? .unanswered : Grade(fraction: nil, state: .needsMarking)
        case (_, .choice(let chosen)) where chosen.isEmpty:
            // A judgement taken back is stored as an empty choice.
            return .unanswered
        default:
            // A response of the wrong shape earns nothing rather than failing the whole attempt.
            return Grade(fraction: 0, state: .incorrect)
        }
    }
}

/// Compares fill-in answers the way a fair marker would: full-width and half-width alike, case, spaces
/// and punctuation ignored.
public enum BlankNormalizer {
    public static func normalize(_ text: String) -> String {
        let half = text.applyingHalfWidth.lowercased()
        return String(String.UnicodeScalarView(half.unicodeScalars.filter { s in
            !s.properties.isWhitespace && !isPunctuation(s)
        }))
    }

    public static func matches(_ answer: String, _ variants: [String]) -> Bool {
        let a = normalize(answer)
        return !a.isEmpty && variants.contains { normalize($0) == a }
    }

    static func isPunctuation(_ s: UnicodeScalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .modifierSymbol:
            true
        default:
            false
        }
    }
}
