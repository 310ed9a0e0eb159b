/// How many candidates chose one option of a question; carried through the analysis untouched so a report can show
/// the distractors beside the statistics.
public struct ResponseCount: Sendable, Equatable {
    public var option: String
    public var count: Int

    public init(option: String, count: Int) {
        self.option = option
        self.count = count
    }
}

/// The input of an item analysis: one row of marks per attempt, one column per question, and what each question
/// is worth. Built by the exam module from graded attempts, or by `MarksCSV` from a file; validated once here so the
/// statistics never meet a ragged row or a mark above its maximum.
public struct ItemMatrix: Sendable, Equatable {
    /// `marks[attempt][question]`, each in `0...maxMarks[question]`.
    public let marks: [[Double]]
    /// Each question's maximum mark, positive.
    public let maxMarks: [Double]
    /// Per question, the mean fraction a candidate guessing at random would score (1/k for a single choice among
    /// k options, 0.5 for true/false), or nil where that is not known (essays, blanks).
    public let randomGuess: [Double?]
    /// Per question, the counts of each option chosen, or nil; passed through to `QuestionStatistics`.
    public let responseCounts: [[ResponseCount]?]

    public var attemptCount: Int { marks.count }
    public var questionCount: Int { maxMarks.count }

    /// Checks the shape and ranges: at least one question, a row per attempt as long as `maxMarks`, finite marks
    /// within `0...max`, positive maxima, random guess scores within `0...1`.
    public init(marks: [[Double]], maxMarks: [Double], randomGuess: [Double?]? = nil,
                responseCounts: [[ResponseCount]?]? = nil) throws(ItemAnalysisError) {
        guard !maxMarks.isEmpty else { throw .noQuestions }
        for (q, max) in maxMarks.enumerated() where !(max.isFinite && max > 0) {
            throw .invalidMaxMark(question: q, value: max)
        }
        for (a, row) in marks.enumerated() {
            guard row.count == maxMarks.count else {
                throw .wrongRowLength(attempt: a, found: row.count, expected: maxMarks.count)
            }
            for (q, mark) in row.enumerated() where !(mark.isFinite && mark >= 0 && mark <= maxMarks[q]) {
                throw .invalidMark(attempt: a, question: q, value: mark, max: maxMarks[q])
            }
        }
        let guesses = randomGuess ?? Array(repeating: nil, count: maxMarks.count)
        guard guesses.count == maxMarks.count else {
            throw .wrongQuestionCount(what: "random guess scores", found: guesses.count, expected: maxMarks.count)
        }
        for (q, guess) in guesses.enumerated() {
            if let guess, !(guess.isFinite && guess >= 0 && guess <= 1) { throw .invalidRandomGuess(question: q, value: guess) }
        }
        let counts = responseCounts ?? Array(repeating: nil, count: maxMarks.count)
        guard counts.count == maxMarks.count else {
            throw .wrongQuestionCount(what: "response count lists", found: counts.count, expected: maxMarks.count)
        }
        self.marks = marks
        self.maxMarks = maxMarks
        self.randomGuess = guesses
        self.responseCounts = counts
    }

    /// Question `q`'s marks, one per attempt, in attempt order.
    func column(_ q: Int) -> [Double] { marks.map { $0[q] } }

    /// Each attempt's total, summed left to right, so attempts with the same marks get bit-identical totals.
    var totals: [Double] { marks.map { $0.reduce(0, +) } }

    /// Each attempt's total without question `q`, for every `q`: `rest[q][attempt]`. Built from prefix and suffix
    /// sums rather than `total - mark`, so when every other question is constant the rest is exactly constant and
    /// its variance exactly zero, not rounding noise that would pass for a correlation.
    var restTotals: [[Double]] {
        var rest = Array(repeating: [Double](repeating: 0, count: marks.count), count: questionCount)
        for (a, row) in marks.enumerated() {
            var suffix = [Double](repeating: 0, count: row.count + 1)
            for q in stride(from: row.count - 1, through: 0, by: -1) { suffix[q] = row[q] + suffix[q + 1] }
            var prefix = 0.0
            for q in row.indices {
                rest[q][a] = prefix + suffix[q + 1]
                prefix += row[q]
            }
        }
        return rest
    }
}
