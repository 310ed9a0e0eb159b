/// What targeting knows about one person: stated attributes and facts derived from behaviour.
/// Built by Persistence from its tables; evaluated by `SegmentRule.matches` (the reference semantics that the
/// SQL translation must agree with).
public struct ProfileFacts: Sendable, Equatable {
    public var id: Int
    public var isAccount: Bool
    public var groups: Set<AudienceGroup>
    /// The profile's unit and every unit above it (so "within unit 3" is `unitPath.contains(3)`).
    public var unitPath: [Int]
    /// The profile's region and every region above it.
    public var regionPath: [Int]
    public var ageBand: AgeBand?
    public var occupation: String?
    public var interests: [String]
    public var lastActiveAt: Int64?
    /// Marks per topic per Beijing day ("2026-11-02").
    public var topicDays: [TopicDay]
    /// Content read: slug → (first read, finished at).
    public var reads: [String: Read]

    public struct TopicDay: Sendable, Equatable {
        public var topic: String
        public var day: String
        public var answered: Int
        public var correct: Double
        public init(topic: String, day: String, answered: Int, correct: Double) {
            self.topic = topic
            self.day = day
            self.answered = answered
            self.correct = correct
        }
    }

    public struct Read: Sendable, Equatable {
        public var firstAt: Int64
        public var finishedAt: Int64?
        public init(firstAt: Int64, finishedAt: Int64?) {
            self.firstAt = firstAt
            self.finishedAt = finishedAt
        }
    }

    public init(id: Int, isAccount: Bool = false, groups: Set<AudienceGroup> = [], unitPath: [Int] = [], regionPath: [Int] = [],
                ageBand: AgeBand? = nil, occupation: String? = nil, interests: [String] = [], lastActiveAt: Int64? = nil,
                topicDays: [TopicDay] = [], reads: [String: Read] = [:]) {
        self.id = id
        self.isAccount = isAccount
        self.groups = groups
        self.unitPath = unitPath
        self.regionPath = regionPath
        self.ageBand = ageBand
        self.occupation = occupation
        self.interests = interests
        self.lastActiveAt = lastActiveAt
        self.topicDays = topicDays
        self.reads = reads
    }

    /// Accuracy on one knowledge point over the Beijing days from `since` on: (answered, fraction correct).
    public func accuracy(topic: String, since: String) -> (answered: Int, fraction: Double?) {
        let days = topicDays.filter { $0.topic == topic && $0.day >= since }
        let answered = days.reduce(0) { $0 + $1.answered }
        let correct = days.reduce(0.0) { $0 + $1.correct }
        return (answered, answered > 0 ? correct / Double(answered) : nil)
    }
}

/// The knowledge points an answer counts towards: its question's topics, and the law and law·part of its category
/// ("民法典/继承编/法定继承" → "民法典", "民法典·继承编"), the words content front matter uses.
public enum KnowledgePoints {
    public static func of(category: String, topics: [String]) -> [String] {
        let parts = category.split(separator: "/").map(String.init).filter { !$0.isEmpty }
        var points: [String] = []
        if let law = parts.first { points.append(law) }
        if parts.count >= 2 { points.append(parts[0] + "·" + parts[1]) }
        for t in topics where !points.contains(t) { points.append(t) }
        return points
    }
}
