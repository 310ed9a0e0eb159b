/// The kinds of question. A type says what is asked and how a response is judged; *when* it is judged
/// (at once in a quiz, after submission in an exam) belongs to the behaviour that uses it.
public enum QuestionType: String, Sendable, Codable, CaseIterable {
    case single, multiple, judge, blank
    /// Case analysis (案例分析), marked by hand.
    case essay = "case"

    public var label: String {
        switch self {
        case .single: "单选题"
        case .multiple: "多选题"
        case .judge: "判断题"
        case .blank: "填空题"
        case .essay: "案例分析题"
        }
    }

    public var hasOptions: Bool { self == .single || self == .multiple }
}

/// The correct answer, in the shape its type needs.
public enum AnswerKey: Sendable, Equatable, Hashable, Codable {
    /// Zero-based option indexes: one for single choice, two or more for multiple choice.
    case choice([Int])
    case judge(Bool)
    /// For each blank, the accepted variants.
    case blanks([[String]])
    /// A reference answer for hand marking.
    case reference(String)
}

/// What a question says and how it is answered: everything that, when it changes, makes a new version.
public struct QuestionContent: Sendable, Equatable, Hashable, Codable {
    public var type: QuestionType
    public var stem: String
    public var options: [String]
    public var key: AnswerKey
    /// 解析: why the key is right.
    public var explanation: String
    /// 法条依据: law and article, e.g. 《中华人民共和国民法典》第一千零七十九条.
    public var basis: String
    /// The words of the article.
    public var quote: String
    /// Category path, "/"-separated: law / part or chapter / topic.
    public var category: String
    public var topics: [String]
    public var difficulty: Int
    public var audiences: [String]
    /// Scoring points for hand-marked questions.
    public var rubric: [String]
    /// Default marks for hand-marked questions (objective ones get their points from the paper).
    public var points: Int?

    public init(type: QuestionType, stem: String, options: [String] = [], key: AnswerKey, explanation: String,
                basis: String, quote: String = "", category: String = "", topics: [String] = [], difficulty: Int = 2,
                audiences: [String] = [], rubric: [String] = [], points: Int? = nil) {
        self.type = type
        self.stem = stem
        self.options = options
        self.key = key
        self.explanation = explanation
        self.basis = basis
        self.quote = quote
        self.category = category
        self.topics = topics
        self.difficulty = difficulty
        self.audiences = audiences
        self.rubric = rubric
        self.points = points
    }

    /// The law named in the basis, without 《》 (the first one when several are cited).
    public var law: String? {
        guard let open = basis.firstIndex(of: "《"), let close = basis[open...].firstIndex(of: "》") else { return nil }
        return String(basis[basis.index(after: open)..<close])
    }

    /// The number of blanks marked `____` in the stem.
    public var blankCount: Int { QuestionRules.blankMarkers(in: stem) }
}

/// Where a question's status stands in its life.
public enum QuestionStatus: String, Sendable, Codable, CaseIterable {
    case draft, active, retired
}

/// Audience groups a question or a piece of content suits.
public enum Audience: String, Sendable, Codable, CaseIterable {
    case leader, civilServant = "civil_servant", enforcer, youth, enterprise, villageExpert = "village_expert",
         corrections, resident

    public var label: String {
        switch self {
        case .leader: "领导干部"
        case .civilServant: "公务员"
        case .enforcer: "行政执法人员"
        case .youth: "青少年"
        case .enterprise: "企业"
        case .villageExpert: "村居法律明白人"
        case .corrections: "社区矫正对象"
        case .resident: "群众"
        }
    }
}
