import Audience
import Database
import Foundation
@testable import Persistence
import Reach
import Testing

/// The grouped SQL of measured effect computes the same windows as `KnowledgeGain.split`, on Beijing days.
@Suite struct EffectStoreTests {
    /// 2026-11-02 00:00 Beijing.
    static let day0: Int64 = 1_793_548_800_000
    static let dayMillis: Int64 = 86_400_000

    @Test func theSQLWindowsMatchTheDefinition() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("effect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try Store.open(path: dir.appendingPathComponent("p.sqlite").path, readers: 1, now: 0)
        defer { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        #expect(BeijingDay.of(Self.day0) == "2026-11-02")

        var rng = SystemRandomNumberGenerator()
        var expected: [Int: (ref: String, days: [(day: String, answered: Int, correct: Double)])] = [:]
        try store.pool.write { db in
            try db.run("INSERT INTO content (id, slug, title, created_at, updated_at) VALUES (1, 'xianfa', '宪法', 0, 0)")
            for p in 1...30 {
                try db.run("INSERT INTO profiles (id, phone, display_name, created_at, updated_at) VALUES (?, ?, '居民', 0, 0)",
                           [p, String(format: "139%08d", p)])
                // Read some day in the first week, at any minute of the Beijing day (late evening is the UTC next day).
                let readDay = Int64.random(in: 0...6, using: &rng)
                let at = Self.day0 + readDay * Self.dayMillis + Int64.random(in: 0..<Self.dayMillis, using: &rng)
                if p <= 25 {
                    try db.run("INSERT INTO profile_reads (profile_id, content_id, seconds, first_at, last_at) VALUES (?, 1, 60, ?, ?)", [p, at, at])
                }
                var days: [(day: String, answered: Int, correct: Double)] = []
                for offset in Set((0..<8).map { _ in Int64.random(in: -10...20, using: &rng) }) {
                    let day = BeijingDay.of(Self.day0 + offset * Self.dayMillis)
                    let answered = Int.random(in: 1...6, using: &rng)
                    let correct = Double(Int.random(in: 0...answered, using: &rng))
                    try db.run("INSERT INTO profile_topic_days VALUES (?, '宪法', ?, ?, ?)", [p, day, answered, correct])
                    // Another knowledge point on the same day must not count.
                    try db.run("INSERT INTO profile_topic_days VALUES (?, '刑法', ?, 9, 0)", [p, day])
                    days.append((day, answered, correct))
                }
                if p <= 25 { expected[p] = (BeijingDay.of(at), days) }
            }
        }
        let marks = try store.pieceMarks(contentId: 1, topics: ["宪法"], from: "2026-11-02", to: "2026-11-08")
        #expect(marks.count == 25, "the five who did not read are not readers")
        for m in marks {
            let e = try #require(expected[m.profileId])
            #expect(m.referenceDay == e.ref && m.group == .reader)
            let w = KnowledgeGain.split(e.days, referenceDay: e.ref)
            #expect(m.before == w.before && m.after == w.after && m.retention == w.retention, "profile \(m.profileId)")
        }
        // The range is of first readings: a single day keeps only that day's readers.
        let one = try store.pieceMarks(contentId: 1, topics: ["宪法"], from: "2026-11-02", to: "2026-11-02")
        #expect(one.count == expected.values.filter { $0.ref == "2026-11-02" }.count)
        #expect(try store.pieceMarks(contentId: 1, topics: [], from: "2026-11-02", to: "2026-11-08").allSatisfy { $0.before.answered == 0 })
    }
}
