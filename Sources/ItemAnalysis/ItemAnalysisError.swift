/// Everything that can be wrong with the input to an item analysis: a matrix that does not hold together, or a
/// marks file that cannot be read as one. The CLI prints `description` as is; `input` already reads
/// `FILE:LINE: reason`.
public enum ItemAnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The test has no questions.
    case noQuestions
    /// Attempt `attempt` (0-based) holds `found` marks where there are `expected` questions.
    case wrongRowLength(attempt: Int, found: Int, expected: Int)
    /// A question's maximum mark is zero, negative or not finite.
    case invalidMaxMark(question: Int, value: Double)
    /// A mark is negative, above its question's maximum, or not finite.
    case invalidMark(attempt: Int, question: Int, value: Double, max: Double)
    /// An optional per-question array (random guess scores, response counts) has the wrong length.
    case wrongQuestionCount(what: String, found: Int, expected: Int)
    /// A random guess score is not a fraction between 0 and 1.
    case invalidRandomGuess(question: Int, value: Double)
    /// A problem in a marks file, located at a 1-based line.
    case input(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .noQuestions:
            return "the test has no questions"
        case .wrongRowLength(let attempt, let found, let expected):
            return "attempt \(attempt + 1) has \(found) marks, but there are \(expected) questions"
        case .invalidMaxMark(let question, let value):
            return "question \(question + 1) has maximum mark \(value); it must be a positive number"
        case .invalidMark(let attempt, let question, let value, let max):
            return "attempt \(attempt + 1), question \(question + 1): mark \(value) is outside 0…\(max)"
        case .wrongQuestionCount(let what, let found, let expected):
            return "\(found) \(what) given for \(expected) questions"
        case .invalidRandomGuess(let question, let value):
            return "question \(question + 1) has random guess score \(value); it must be a fraction from 0 to 1"
        case .input(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        }
    }
}
