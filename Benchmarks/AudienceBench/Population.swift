// The generated population of the targeted-delivery benchmark: a county of 20 towns × 20 villages, a bureau of
// 50 units, N profiles with groups, places, ages, interests and one day of marks on a knowledge point, and
// published pieces for the feed. Written with plain prepared inserts (set-up, not measured).
import Database
import Foundation

/// A small deterministic generator (SplitMix64), so every run builds the same population.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

enum Population {
    static let towns = 20, villagesPerTown = 20, units = 50
    static let topic = "民法典·继承编"

    /// Regions 1 (county), 2…21 (towns), then villages; units 1 (bureau) and 2…50 under it.
    static func places(_ db: Connection, now: Int64) throws {
        try db.transaction {
            try db.run("INSERT INTO regions (id, parent_id, name, level, created_at) VALUES (1, NULL, '基准县', 'county', ?)", [now])
            var id = 2
            for t in 0..<towns {
                let town = id
                try db.run("INSERT INTO regions (id, parent_id, name, level, created_at) VALUES (?, 1, ?, 'town', ?)", [town, "第\(t + 1)镇", now])
                id += 1
                for v in 0..<villagesPerTown {
                    try db.run("INSERT INTO regions (id, parent_id, name, level, created_at) VALUES (?, ?, ?, 'village', ?)",
                               [id, town, "第\(t + 1)镇\(v + 1)村", now])
                    id += 1
                }
            }
            try db.run("INSERT INTO units (id, parent_id, name, created_at) VALUES (1, NULL, '基准县司法局', ?)", [now])
            for u in 2...units { try db.run("INSERT INTO units (id, parent_id, name, created_at) VALUES (?, 1, ?, ?)", [u, "科室\(u)", now]) }
        }
    }

    /// The village region id of town t (0-based) and village v.
    static func village(_ t: Int, _ v: Int) -> Int { 2 + t * (villagesPerTown + 1) + 1 + v }

    /// `count` resident profiles (phones 139xxxxxxxx) with one day of marks on `topic` each, in one transaction.
    static func profiles(_ db: Connection, count: Int, now: Int64, day: String) throws {
        var rng = SplitMix(state: 2026)
        let groups = [128, 128, 128 | 32, 8 | 128, 16, 64 | 128, 128]   // resident, village expert, youth, enterprise, corrections
        let bands = ["under18", "18-34", "35-59", "60+"]
        let interests = ["[]", "[\"反诈\"]", "[\"继承\"]", "[\"反诈\",\"婚姻\"]", "[\"劳动\"]"]
        try db.transaction {
            for i in 0..<count {
                let region = village(rng.below(towns), rng.below(villagesPerTown))
                try db.run("""
                    INSERT INTO profiles (id, phone, display_name, groups_mask, region_id, age_band, interests_json, last_active_at,
                                          created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [i + 1, String(format: "139%08d", i), "居民\(i + 1)", groups[rng.below(groups.count)], region,
                          bands[rng.below(bands.count)], interests[rng.below(interests.count)], now - Int64(rng.below(60)) * 86_400_000, now, now])
                let answered = 1 + rng.below(5)
                try db.run("INSERT INTO profile_topic_days (profile_id, topic, day, answered, correct) VALUES (?, ?, ?, ?, ?)",
                           [i + 1, topic, day, answered, Double(rng.below(answered + 1))])
            }
        }
    }
}
