/// A published piece the feed may offer (what ranking needs, not the body).
public struct FeedCandidate: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var summary: String
    public var topics: [String]
    /// Audience codes; "resident" means everyone.
    public var audiences: [String]
    /// Region names; empty = everywhere.
    public var regions: [String]
    /// Beijing date it was published ("2026-11-02"), or the day of its last edit.
    public var day: String

    public init(slug: String, title: String, summary: String = "", topics: [String] = [], audiences: [String] = [],
                regions: [String] = [], day: String) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.topics = topics
        self.audiences = audiences
        self.regions = regions
        self.day = day
    }
}

/// What the feed knows about the reader.
public struct FeedFacts: Sendable, Equatable {
    /// Missed questions on one knowledge point (answered − correct, rounded) over three windows.
    public struct Gap: Sendable, Equatable {
        public var topic: String
        public var lastWeek: Int
        public var last30: Int
        public var last90: Int
        public init(topic: String, lastWeek: Int = 0, last30: Int = 0, last90: Int = 0) {
            self.topic = topic
            self.lastWeek = lastWeek
            self.last30 = last30
            self.last90 = last90
        }
    }

    public var groups: Set<AudienceGroup>
    /// The profile's region and every region above it, by name.
    public var regionNames: [String]
    public var interests: [String]
    public var gaps: [Gap]
    public var finished: Set<String>
    /// Open study tasks: slug → deadline (ms).
    public var tasks: [String: Int64]
    /// Pieces sent to the inbox and not opened yet.
    public var inbox: Set<String>

    public init(groups: Set<AudienceGroup> = [], regionNames: [String] = [], interests: [String] = [], gaps: [Gap] = [],
                finished: Set<String> = [], tasks: [String: Int64] = [:], inbox: Set<String> = []) {
        self.groups = groups
        self.regionNames = regionNames
        self.interests = interests
        self.gaps = gaps
        self.finished = finished
        self.tasks = tasks
        self.inbox = inbox
    }

    /// Gaps from marks per topic per Beijing day (the rows of `profile_topic_days`) as of `today`.
    public static func gaps(from days: [ProfileFacts.TopicDay], today: String) -> [Gap] {
        guard let todayNumber = BeijingDay.number(today) else { return [] }
        var byTopic: [String: Gap] = [:]
        for d in days {
            guard let n = BeijingDay.number(d.day) else { continue }
            let missed = Int((Double(d.answered) - d.correct).rounded())
            guard missed > 0 else { continue }
            let age = todayNumber - n
            var g = byTopic[d.topic] ?? Gap(topic: d.topic)
            if age < 7 { g.lastWeek += missed }
            if age < 30 { g.last30 += missed }
            if age < 90 { g.last90 += missed }
            byTopic[d.topic] = g
        }
        return byTopic.values.filter { $0.last90 > 0 }.sorted { $0.topic < $1.topic }
    }
}

/// One item of the feed with why it is there.
public struct FeedItem: Sendable, Equatable {
    public enum Reason: String, Sendable, Codable { case taskDue = "task_due", gap, inbox, interest, audience, fresh }

    public var candidate: FeedCandidate
    public var score: Double
    public var reasonCode: Reason
    /// "中文 / English".
    public var reason: String
}
