/// One round's figures for staff: who took part when and where, how they scored, which questions were hardest,
/// and how many went on to read the related material.
public struct QuizStats: Sendable, Equatable {
    public struct Day: Sendable, Equatable { public var day: String; public var entries: Int; public var finished: Int }
    public struct Place: Sendable, Equatable { public var regionId: Int; public var name: String; public var level: String; public var entries: Int }
    public struct Question: Sendable, Equatable {
        public var questionId: Int
        /// The version the entries used (the first seen, for naming it).
        public var version: Int
        public var answered: Int
        public var correct: Int
        /// Right answers ÷ answers, 0…1; nil when nobody answered it.
        public var facility: Double?
    }

    public var entries: Int
    public var finished: Int
    /// Entries that left a phone (the draw's candidates before flags and threshold).
    public var withContact: Int
    public var flagged: Int
    public var byDay: [Day]
    /// Towns and villages (each town including its villages), most entries first.
    public var byRegion: [Place]
    /// Finished entries in ten bands of 10% (the last includes 100%).
    public var distribution: [Int]
    /// Hardest first.
    public var questions: [Question]
    /// Entries whose resident opened the related reading at least once.
    public var readMore: Int
}

extension QuizStats {
    /// Builds the figures from a round's entries; `readers` are the ids of entries that opened the related reading.
    public static func build(entries: [QuizEntry], regions: [RegionNode], readers: Set<Int>) -> QuizStats {
        var days: [String: Day] = [:]
        var bands = [Int](repeating: 0, count: 10)
        var questions: [Int: Question] = [:]
        for entry in entries {
            let day = QuizDay.of(entry.startedAt)
            var d = days[day] ?? Day(day: day, entries: 0, finished: 0)
            d.entries += 1
            if entry.finishedAt != nil {
                d.finished += 1
                bands[min(9, max(0, Int(entry.percent / 10)))] += 1
            }
            days[day] = d
            for answer in entry.answers {
                guard let item = entry.items.first(where: { $0.slot == answer.slot }) else { continue }
                var q = questions[item.questionId]
                    ?? Question(questionId: item.questionId, version: item.version, answered: 0, correct: 0, facility: nil)
                q.answered += 1
                if answer.fraction >= 1 { q.correct += 1 }
                q.facility = Double(q.correct) / Double(q.answered)
                questions[item.questionId] = q
            }
        }
        let scored = entries.compactMap { e in
            e.participant.map { ScoredEntry(publicId: e.publicId, roundId: e.roundId, nickname: $0.nickname, regionId: $0.regionId,
                                            percent: e.percent, durationMillis: 0) }
        }
        let places = Leaderboard.regions(scored, regions: regions).filter { $0.level != "county" }
            .map { Place(regionId: $0.regionId, name: $0.name, level: $0.level, entries: $0.entries) }
        return QuizStats(entries: entries.count, finished: entries.filter { $0.finishedAt != nil }.count,
                         withContact: entries.filter { $0.participant != nil }.count,
                         flagged: entries.filter { !$0.flags.isEmpty }.count,
                         byDay: days.values.sorted { $0.day < $1.day }, byRegion: places, distribution: bands,
                         questions: questions.values.sorted { ($0.facility ?? 1, $0.questionId) < ($1.facility ?? 1, $1.questionId) },
                         readMore: entries.filter { readers.contains($0.id) }.count)
    }
}
