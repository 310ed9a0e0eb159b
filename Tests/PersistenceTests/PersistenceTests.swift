import Database
import Foundation
@testable import Persistence
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
            for sql in AccountSQL.all + QuestionSQL.all + ExamSQL.all + QuizSQL.all { try db.prepareCheck(sql) }
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
