import Audience
import Database
import Foundation

/// A published piece as the feed reads it: its meta as stored JSON, decoded (and remembered) by the caller.
public struct FeedRow: Sendable {
    public var id: Int
    public var version: Int
    public var slug: String
    public var title: String
    public var publishDay: String?
    public var updatedAt: Int64
    public var metaJSON: String
}

extension Store {
    /// Everything the feed needs in one read transaction: the pieces shown on `today`, and, for a profile, its facts
    /// (groups, region names up the tree, interests, misses per topic since `since`, finished pieces, open study
    /// tasks, unseen inbox items). Facts are nil when there is no such profile.
    public func feedInputs(profileId: Int?, today: String, since: String) throws -> (rows: [FeedRow], facts: FeedFacts?) {
        try pool.read { db in
            let rows = try db.query(StudyTaskSQL.feedCandidates, [today]).map { r in
                FeedRow(id: r.int("id") ?? 0, version: r.int("version") ?? 0, slug: r.string("slug") ?? "", title: r.string("title") ?? "",
                        publishDay: r.string("publish_day"), updatedAt: r.int64("updated_at") ?? 0, metaJSON: r.string("meta_json") ?? "{}")
            }
            guard let profileId, let profile = try db.queryOne(StudyTaskSQL.feedProfile, [profileId]) else { return (rows, nil) }
            var names: [String] = []
            if let region = profile.int("region_id") {
                let regions = Dictionary(try db.query(StudyTaskSQL.regionParents).map {
                    ($0.int("id") ?? 0, (parent: $0.int("parent_id"), name: $0.string("name") ?? ""))
                }) { a, _ in a }
                var next: Int? = region
                while let n = next, let r = regions[n], names.count < 10 {
                    names.append(r.name)
                    next = r.parent
                }
            }
            let days = try db.query(StudyTaskSQL.feedTopicDays, [profileId, since]).map {
                ProfileFacts.TopicDay(topic: $0.string("topic") ?? "", day: $0.string("day") ?? "", answered: $0.int("answered") ?? 0,
                                      correct: $0.double("correct") ?? 0)
            }
            let interests = (try? JSONDecoder().decode([String].self, from: Data((profile.string("interests_json") ?? "[]").utf8))) ?? []
            let tasks = Dictionary(try db.query(StudyTaskSQL.feedTasks, [profileId]).map {
                ($0.string("slug") ?? "", $0.int64("deadline") ?? 0)
            }) { a, _ in a }
            let facts = FeedFacts(groups: Set(AudienceGroup.groups(in: profile.int("groups_mask") ?? 0)), regionNames: names,
                                  interests: interests, gaps: FeedFacts.gaps(from: days, today: today),
                                  finished: Set(try db.query(StudyTaskSQL.feedFinished, [profileId]).compactMap { $0.string("slug") }),
                                  tasks: tasks,
                                  inbox: Set(try db.query(StudyTaskSQL.feedInbox, [profileId]).compactMap { $0.string("slug") }))
            return (rows, facts)
        }
    }
}
