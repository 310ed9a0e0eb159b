import Audience
import Database
import Foundation
@testable import Persistence
import Testing
import TestSupport

/// The SQL translation of segment rules selects exactly the profiles the domain's `matches` accepts.
@Suite struct SegmentSQLTests {
    /// 2026-11-22 12:00 Beijing.
    static let now: Int64 = 1_795_320_000_000
    static let day: Int64 = 86_400_000
    /// County 1 > towns 2, 3; town 2 > villages 4, 5; town 3 > village 6. Bureau 10 > 11, 12; 11 > 13.
    static let regionParents: [Int: Int?] = [1: nil, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3]
    static let unitParents: [Int: Int?] = [10: nil, 11: 10, 12: 10, 13: 11]
    static let topics = ["民法典", "民法典·继承编", "反诈"]
    static let slugs = ["jicheng-basics", "fanzha-sanbu"]

    func freshStore() throws -> (Store, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("segsql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try Store.open(path: dir.appendingPathComponent("p.sqlite").path, readers: 1, now: 0)
        try store.pool.write { db in
            for (id, parent) in Self.regionParents.sorted(by: { $0.key < $1.key }) {
                let level = parent == nil ? "county" : (parent == 1 ? "town" : "village")
                try db.run("INSERT INTO regions (id, parent_id, name, level, created_at) VALUES (?, ?, ?, ?, 0)", [id, parent, "地区\(id)", level])
            }
            for (id, parent) in Self.unitParents.sorted(by: { $0.key < $1.key }) {
                try db.run("INSERT INTO units (id, parent_id, name, created_at) VALUES (?, ?, ?, 0)", [id, parent, "单位\(id)"])
            }
            for (i, slug) in Self.slugs.enumerated() {
                try db.run("INSERT INTO content (id, slug, title, created_at, updated_at) VALUES (?, ?, ?, 0, 0)", [i + 1, slug, slug])
            }
        }
        return (store, dir)
    }

    static func path(_ id: Int?, _ parents: [Int: Int?]) -> [Int] {
        var out: [Int] = []
        var cur = id
        while let c = cur { out.append(c); cur = parents[c] ?? nil }
        return out
    }

    /// Stores a profile with all its facts and returns what `matches` sees.
    static func insert(_ db: Connection, id: Int, account: Bool, groups: Set<AudienceGroup>, unit: Int?, region: Int?, age: AgeBand?,
                       occupation: String?, interests: [String], lastActive: Int64?, topicDays: [ProfileFacts.TopicDay],
                       reads: [String: ProfileFacts.Read]) throws -> ProfileFacts {
        if account {
            try db.run("INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'x', 0, 0)",
                       [id, "user\(id)", "用户\(id)"])
        }
        try db.run("""
            INSERT INTO profiles (id, user_id, phone, display_name, groups_mask, unit_id, region_id, age_band, occupation, interests_json,
                                  last_active_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)
            """, [id, account ? id : nil, account ? nil : String(13_800_000_000 + id), "人\(id)", AudienceGroup.mask(groups), unit, region,
                  age?.rawValue, occupation, Store.interestsJSON(interests), lastActive])
        for t in topicDays {
            try db.run("INSERT INTO profile_topic_days (profile_id, topic, day, answered, correct) VALUES (?, ?, ?, ?, ?)",
                       [id, t.topic, t.day, t.answered, t.correct])
        }
        for (slug, r) in reads {
            let content = (slugs.firstIndex(of: slug) ?? 0) + 1
            try db.run("INSERT INTO profile_reads (profile_id, content_id, seconds, first_at, last_at, finished_at) VALUES (?, ?, 60, ?, ?, ?)",
                       [id, content, r.firstAt, r.firstAt, r.finishedAt])
        }
        return ProfileFacts(id: id, isAccount: account, groups: groups, unitPath: path(unit, unitParents), regionPath: path(region, regionParents),
                            ageBand: age, occupation: occupation, interests: interests, lastActiveAt: lastActive, topicDays: topicDays,
                            reads: reads)
    }

    static func randomProfiles(_ db: Connection, count: Int, rng: inout SplitMix) throws -> [ProfileFacts] {
        try (1...count).map { id in
            var days: [String: ProfileFacts.TopicDay] = [:]
            for _ in 0..<rng.int(0...4) {
                let topic = topics[rng.int(0...2)], d = BeijingDay.of(now - Int64(rng.int(0...200)) * day)
                let answered = rng.int(1...6)
                days[topic + d] = .init(topic: topic, day: d, answered: answered, correct: Double(rng.int(0...(answered * 2))) / 2)
            }
            var reads: [String: ProfileFacts.Read] = [:]
            for slug in slugs where rng.bool() {
                reads[slug] = .init(firstAt: now - Int64(rng.int(0...100)) * day, finishedAt: rng.bool() ? now - day : nil)
            }
            return try insert(db, id: id, account: rng.bool(), groups: Set(AudienceGroup.allCases.filter { _ in rng.int(0...3) == 0 }),
                              unit: rng.bool() ? unitParents.keys.sorted()[rng.int(0...3)] : nil,
                              region: rng.int(0...4) > 0 ? regionParents.keys.sorted()[rng.int(0...5)] : nil,
                              age: rng.bool() ? AgeBand.allCases[rng.int(0...3)] : nil,
                              occupation: rng.bool() ? ["农民", "教师", "个体户"][rng.int(0...2)] : nil,
                              interests: ["反诈", "继承", "劳动"].filter { _ in rng.bool() },
                              lastActive: rng.bool() ? now - Int64(rng.int(0...100)) * day - Int64(rng.int(0...86_399_999)) : nil,
                              topicDays: Array(days.values).sorted { $0.day < $1.day }, reads: reads)
        }
    }

    static func randomRule(depth: Int, rng: inout SplitMix) -> SegmentRule {
        if depth > 1, rng.int(0...2) == 0 {
            let children = (0..<rng.int(1...3)).map { _ in randomRule(depth: depth - 1, rng: &rng) }
            switch rng.int(0...2) {
            case 0: return .all(children)
            case 1: return .any(children)
            default: return .not(children[0])
            }
        }
        switch rng.int(0...10) {
        case 0: return .groups(AudienceGroup.allCases.filter { _ in rng.int(0...2) == 0 }.nonEmptyOr(.resident))
        case 1: return .unitWithin([[10, 11, 12, 13, 99][rng.int(0...4)]])
        case 2: return .regionWithin([[1, 2, 3, 4, 5, 6][rng.int(0...5)], [2, 6][rng.int(0...1)]])
        case 3: return .ageBands([AgeBand.allCases[rng.int(0...3)]])
        case 4: return .occupations([["农民", "教师", "司机"][rng.int(0...2)]])
        case 5: return .interests([["反诈", "继承", "劳动", "交通"][rng.int(0...3)]])
        case 6: return .isAccount(rng.bool())
        case 7: return .accuracy(topic: topics[rng.int(0...2)], below: rng.bool(), threshold: [0, 0.5, 0.6, 0.75, 1][rng.int(0...4)],
                                 days: [1, 7, 30, 90, 365][rng.int(0...4)], minAnswered: rng.int(1...5))
        case 8: return .read(slug: slugs[rng.int(0...1)], days: rng.bool() ? [1, 10, 30, 90][rng.int(0...3)] : nil)
        case 9: return .finished(slug: slugs[rng.int(0...1)])
        default: return .activeWithin(days: [1, 3, 30, 60][rng.int(0...3)])
        }
    }

    func selected(_ store: Store, _ rule: SegmentRule) throws -> Set<Int> {
        Set(try store.matchingProfileIds(rule, now: Self.now))
    }

    @Test func randomRulesSelectWhatTheDomainMatches() throws {
        let (store, dir) = try freshStore()
        defer { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix(seed: 20261122)
        let profiles = try store.pool.write { try Self.randomProfiles($0, count: 80, rng: &rng) }
        for _ in 0..<400 {
            let rule = Self.randomRule(depth: 3, rng: &rng)
            let expected = Set(profiles.filter { rule.matches($0, now: Self.now) }.map(\.id))
            #expect(try selected(store, rule) == expected, "\(rule.json)")
            #expect(try store.countSegment(rule, now: Self.now).total == expected.count)
        }
    }

    @Test(arguments: [
        // Subtrees: a town holds its villages; a bureau holds its departments' departments.
        (SegmentRule.regionWithin([2]), [1, 2]), (.regionWithin([1]), [1, 2, 3]), (.regionWithin([6]), [3]),
        (.unitWithin([10]), [4]), (.unitWithin([12]), []), (.not(.regionWithin([2])), [3, 4]),
        // Time windows: 1 of 4 right 10 days ago; 10 of 10 two hundred days ago.
        (.accuracy(topic: "民法典·继承编", below: true, threshold: 0.6, days: 90, minAnswered: 1), [1]),
        (.accuracy(topic: "民法典·继承编", below: true, threshold: 0.6, days: 365, minAnswered: 1), []),
        (.accuracy(topic: "民法典·继承编", below: false, threshold: 0.6, days: 365, minAnswered: 1), [1]),
        (.accuracy(topic: "民法典·继承编", below: true, threshold: 0.6, days: 9, minAnswered: 1), []),
        (.read(slug: "jicheng-basics", days: 30), []), (.read(slug: "jicheng-basics", days: 41), [1]),
        (.not(.finished(slug: "fanzha-sanbu")), [1, 3, 4]), (.activeWithin(days: 6), [1]), (.activeWithin(days: 4), []),
    ])
    func subtreesAndTimeWindows(_ rule: SegmentRule, _ expected: [Int]) throws {
        let (store, dir) = try freshStore()
        defer { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        let n = Self.now, d = Self.day
        try store.pool.write { db in
            _ = try Self.insert(db, id: 1, account: false, groups: [.resident], unit: nil, region: 4, age: .senior, occupation: "农民",
                                interests: [], lastActive: n - 5 * d,
                                topicDays: [.init(topic: "民法典·继承编", day: BeijingDay.of(n - 10 * d), answered: 4, correct: 1),
                                            .init(topic: "民法典·继承编", day: BeijingDay.of(n - 200 * d), answered: 10, correct: 10)],
                                reads: ["jicheng-basics": .init(firstAt: n - 40 * d, finishedAt: nil)])
            _ = try Self.insert(db, id: 2, account: false, groups: [.resident], unit: nil, region: 5, age: nil, occupation: nil, interests: [],
                                lastActive: nil, topicDays: [], reads: ["fanzha-sanbu": .init(firstAt: n - d, finishedAt: n - d)])
            _ = try Self.insert(db, id: 3, account: false, groups: [.youth], unit: nil, region: 6, age: nil, occupation: nil, interests: [],
                                lastActive: nil, topicDays: [], reads: [:])
            _ = try Self.insert(db, id: 4, account: true, groups: [.leader], unit: 13, region: nil, age: nil, occupation: nil, interests: [],
                                lastActive: nil, topicDays: [], reads: [:])
        }
        #expect(try selected(store, rule) == Set(expected), "\(rule.json)")
    }
}

extension Array {
    func nonEmptyOr(_ fallback: Element) -> [Element] { isEmpty ? [fallback] : self }
}
