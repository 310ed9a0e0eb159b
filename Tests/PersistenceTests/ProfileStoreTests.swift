import Accounts
import Audience
import Database
import Exams
import Foundation
@testable import Persistence
import Questions
import Testing

/// Profiles of accounts and residents, tokens, and the facts job that folds answers into marks per knowledge point.
@Suite struct ProfileStoreTests {
    static let now: Int64 = 1_795_320_000_000

    func freshStore() throws -> (Store, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try Store.open(path: dir.appendingPathComponent("p.sqlite").path, readers: 1, now: 0), dir)
    }

    @Test func accountProfilesFollowRankButKeepStaffSetGroups() throws {
        let (store, dir) = try freshStore()
        defer { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        try store.pool.write { db in
            try db.run("INSERT INTO units (id, name, created_at) VALUES (5, '司法局', 0)")
            try db.run("INSERT INTO users (id, username, display_name, password_hash, unit_id, rank, created_at, updated_at) VALUES (7, 'li', '李', 'x', 5, 'leader', 0, 0)")
            try db.run("INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (8, 'wang', '王', 'x', 0, 0)")
            try db.run("INSERT INTO user_roles (user_id, role) VALUES (8, 'resident')")
        }
        let id = try store.accountProfileId(userId: 7, now: Self.now)
        #expect(try store.accountProfileId(userId: 7, now: Self.now) == id, "one profile per account")
        #expect(try store.profile(id: id)?.groups == [.leader])
        #expect(try store.profile(id: id)?.attributes.unitId == 5)
        _ = try store.updateProfile(id: id, ProfileAttributes(groups: [.leader, .corrections], occupation: "局长"), now: Self.now, actor: .system)
        try store.pool.write { try $0.run("UPDATE users SET rank = 'enforcer' WHERE id = 7") }
        #expect(try store.syncAccountProfiles(now: Self.now) >= 2, "user 8 gets a profile, user 7 is refreshed")
        #expect(try store.profile(id: id)?.groups == [.enforcer, .corrections], "the rank bit moves, the staff-set group stays")
        let wang = try #require(try store.profiles(ProfileQuery(text: "王")).items.first)
        #expect(wang.groups == [.resident] && wang.userId == 8)
        #expect(throws: AudienceError.self) {
            try store.updateProfile(id: id, ProfileAttributes(regionId: 999), now: Self.now, actor: .system)
        }
    }

    @Test func aResidentIsFoundAgainByPhoneAndToken() throws {
        let (store, dir) = try freshStore()
        defer { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        let first = try store.residentProfile(phone: "13800138000", nickname: "小张", regionId: nil, now: Self.now)
        let again = try store.residentProfile(phone: "13800138000", nickname: "张三", regionId: nil, now: Self.now + 1)
        #expect(first.id == again.id && first.token != again.token)
        #expect(try store.profileId(token: first.token) == first.id && store.profileId(token: again.token) == first.id)
        #expect(try store.profileId(token: "nonsense") == nil)
        #expect(try store.profile(id: first.id)?.displayName == "张三")
        #expect(try store.profiles(ProfileQuery(text: "8000")).total == 1, "found by the phone's last digits")
    }

    @Test func theFactsJobFoldsEachEntryAndAttemptOnce() throws {
        let (store, dir) = try freshStore()
        defer { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        let content = QuestionContent(type: .judge, stem: "继承从被继承人死亡时开始。", key: .judge(true), explanation: "", basis: "《民法典》第一千一百二十一条",
                                      category: "民法典/继承编/法定继承", topics: ["继承开始"])
        let json = String(decoding: try JSONEncoder().encode(content), as: UTF8.self)
        let items = String(decoding: try JSONEncoder().encode([PaperItem(slot: 0, questionId: 1, version: 1, points: 1, optionOrder: []),
                                                               PaperItem(slot: 1, questionId: 1, version: 1, points: 1, optionOrder: [])]),
                           as: UTF8.self)
        let t = Self.now - 3_600_000
        try store.pool.write { db in
            try db.run("INSERT INTO question_banks (id, name, created_at) VALUES (1, '民法典', 0)")
            try db.run("INSERT INTO questions (id, bank_id, type, status, current_version, difficulty, fingerprint, created_at, updated_at) VALUES (1, 1, 'judge', 'active', 1, 2, 'f', 0, 0)")
            try db.run("INSERT INTO question_versions (question_id, version, content, fingerprint, created_at) VALUES (1, 1, ?, 'f', 0)", [json])
            try db.run("INSERT INTO quiz_rounds (id, title, opens_at, closes_at, settings_json, created_at, updated_at) VALUES (1, 'r', 0, 1, '{}', 0, 0)")
            try db.run("""
                INSERT INTO quiz_entries (id, public_id, round_id, token_digest, device_key, day, started_at, items_json, finished_at, nickname, phone)
                VALUES (1, 'A', 1, 'd', 'k', 'x', ?, ?, ?, '小李', '13900139000')
                """, [t, items, t])
            try db.run("INSERT INTO quiz_answers (entry_id, slot, response_json, fraction, answered_at) VALUES (1, 0, '{}', 1, ?), (1, 1, '{}', 0, ?)", [t, t])
        }
        let fold = try store.foldFacts(now: Self.now)
        #expect(fold.entries == 1 && fold.answers == 2)
        #expect(try store.foldFacts(now: Self.now + 60_000).entries == 0, "a second run folds nothing again")
        let profile = try #require(try store.profiles(ProfileQuery(text: "9000")).items.first)
        #expect(profile.lastActiveAt == t)
        let detail = try #require(try store.profileDetail(id: profile.id, sinceDay: BeijingDay.of(Self.now - 89 * 86_400_000)))
        let byTopic = Dictionary(uniqueKeysWithValues: detail.topics.map { ($0.topic, ($0.answered, $0.correct)) })
        #expect(byTopic["民法典·继承编"]?.0 == 2 && byTopic["民法典·继承编"]?.1 == 1)
        #expect(Set(byTopic.keys) == ["民法典", "民法典·继承编", "继承开始"])
    }
}
