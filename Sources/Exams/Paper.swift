import Questions

/// One question on a candidate's paper: the exact version they answer, its worth and the order its options show.
public struct PaperItem: Sendable, Equatable, Codable {
    public var slot: Int
    public var questionId: Int
    public var version: Int
    public var points: Double
    /// `optionOrder[i]` is the original index of the option shown in position i.
    public var optionOrder: [Int]

    public init(slot: Int, questionId: Int, version: Int, points: Double, optionOrder: [Int]) {
        self.slot = slot
        self.questionId = questionId
        self.version = version
        self.points = points
        self.optionOrder = optionOrder
    }
}

/// A question available to papers: id, current version and what a blueprint filters on.
public struct PoolQuestion: Sendable, Equatable {
    public var id: Int
    public var version: Int
    public var type: QuestionType
    public var category: String
    public var difficulty: Int
    public var optionCount: Int

    public init(id: Int, version: Int, type: QuestionType, category: String, difficulty: Int, optionCount: Int) {
        self.id = id
        self.version = version
        self.type = type
        self.category = category
        self.difficulty = difficulty
        self.optionCount = optionCount
    }
}

public enum PaperError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingQuestion(Int)
    case notEnough(rule: Int, wanted: Int, available: Int)

    public var description: String {
        switch self {
        case .missingQuestion(let id): "题目 \(id) 不存在或未启用 / question \(id) is missing or not active"
        case .notEnough(let rule, let wanted, let available):
            "第 \(rule + 1) 条规则需要 \(wanted) 道题，只有 \(available) 道 / rule \(rule + 1) needs \(wanted) questions, \(available) available"
        }
    }
}

/// Builds each candidate's paper. Deterministic: the same seed gives the same paper, so a paper can be
/// regenerated for checking, and no two candidates need to share an order.
public enum PaperBuilder {
    public static func build(_ spec: PaperSpec, pool: [PoolQuestion], shuffleQuestions: Bool, shuffleOptions: Bool,
                             seed: UInt64) throws(PaperError) -> [PaperItem] {
        var rng = SplitMix64(seed: seed)
        let byId = Dictionary(pool.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var chosen: [(PoolQuestion, Double)] = []
        switch spec {
        case .fixed(let items):
            for item in items {
                guard let q = byId[item.questionId] else { throw .missingQuestion(item.questionId) }
                chosen.append((q, item.points))
            }
        case .blueprint(let rules):
            var used = Set<Int>()
            for (index, rule) in rules.enumerated() {
                let candidates = pool.filter {
                    !used.contains($0.id) && $0.type == rule.type && (rule.difficulty == nil || $0.difficulty == rule.difficulty)
                        && ($0.category == rule.category || $0.category.hasPrefix(rule.category + "/") || rule.category.isEmpty)
                }.sorted { $0.id < $1.id }
                guard candidates.count >= rule.count else {
                    throw .notEnough(rule: index, wanted: rule.count, available: candidates.count)
                }
                let picked = candidates.shuffled(using: &rng).prefix(rule.count)
                for q in picked { used.insert(q.id); chosen.append((q, rule.points)) }
            }
        }
        if shuffleQuestions { chosen.shuffle(using: &rng) }
        return chosen.enumerated().map { slot, entry in
            let (q, points) = entry
            var order = Array(0..<q.optionCount)
            if shuffleOptions, q.type.hasOptions { order.shuffle(using: &rng) }
            return PaperItem(slot: slot, questionId: q.id, version: q.version, points: points, optionOrder: order)
        }
    }
}

/// A small, fast, well-distributed PRNG (Steele et al.), seeded explicitly so papers are reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed for (exam, candidate, attempt number).
    public static func seed(exam: Int, user: Int, attempt: Int) -> UInt64 {
        var s = SplitMix64(seed: UInt64(exam) &* 0x1000_0000_01B3 ^ UInt64(user) &* 0x9E37 ^ UInt64(attempt))
        return s.next()
    }
}
