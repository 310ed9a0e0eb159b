import Database
import Foundation
@testable import Persistence
import Exams
import Quizzes
import Testing

@Suite struct PersistenceTests {
    func freshStore() throws -> (Store, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("persist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try Store.open(path: dir.appendingPathComponent("p.sqlite").path, readers: 1, now: 0), dir)
    }

    @Test func everyNamedStatementCompilesAgainstTheMigratedSchema() throws {
        let (store, dir) = try freshStore()
        defer { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        try store.pool.read { db in
            for sql in AccountSQL.all + QuestionSQL.all + ExamSQL.all + QuizSQL.all + LiveSQL.all + ContentSQL.every + ReachSQL.every + ReachQuerySQL.every + ReachSetSQL.every + ReachSumSQL.every + ReachTreeSumSQL.every
                        + StudyTaskSQL.every + CampaignSQL.every + ProfileSQL.every + SegmentSQL.every + EffectSQL.every { try db.prepareCheck(sql) }
        }
    }

    @Test func theSchemaRejectsWhatTheDomainNeverWrites() throws {
        let (store, dir) = try freshStore()
        defer { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.run("INSERT INTO regions (name, level, created_at) VALUES ('x', 'province', 0)") }
        }
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.run("INSERT INTO user_roles (user_id, role) VALUES (999, 'admin')") }
        }
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.run("INSERT INTO units (name, created_at) VALUES ('   ', 0)") }
        }
    }

    @Test func aDatabaseFromANewerReleaseIsRefused() throws {
        let (store, dir) = try freshStore()
        let path = store.pool.path
        try store.pool.write { try $0.run("INSERT INTO schema_migrations (name, applied_at) VALUES ('999_future', 0)") }
        store.pool.close()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: MigrationError.self) { try Store.open(path: path, readers: 1, now: 0) }
    }
}

extension PersistenceTests {
    @Test func aLiveContestIsRebuiltFromItsRowsAfterARestart() throws {
        let (store, dir) = try freshStore()
        defer { store.pool.close(); try? FileManager.default.removeItem(at: dir) }
        var c = LiveContest(id: 0, code: "123456", title: "竞赛", items: [PaperItem(slot: 0, questionId: 1, version: 1, points: 1, optionOrder: [])],
                            secondsPerQuestion: 20, speedScoring: true)
        c = try store.createLive(c, createdBy: nil, now: 0)
        let player = LiveContest.Player(id: 1, nickname: "甲", tokenDigest: "d", score: 0, answers: [:])
        try store.insertLivePlayer(contestId: c.id, player: player)
        c.players = [player]
        c.phase = .question
        c.index = 0
        c.stage = 2
        c.version = 3
        try store.saveLiveStage(c)
        try store.insertLiveAnswer(contestId: c.id, player: 1, index: 0,
                                   LiveAnswer(response: .judge(true), correct: true, points: 900, elapsedMillis: 4000))
        try store.insertLiveAnswer(contestId: c.id, player: 1, index: 0,
                                   LiveAnswer(response: .judge(false), correct: false, points: 0, elapsedMillis: 5000))
        let loaded = try #require(try store.live(code: "123456"))
        #expect(loaded.phase == .question && loaded.index == 0 && loaded.stage == 2)
        #expect(loaded.players.first?.score == 900, "a replayed answer row changes nothing")
        #expect(loaded.version > 3, "versions never go backwards, so waiting phones see the rebuilt state")
    }
}
