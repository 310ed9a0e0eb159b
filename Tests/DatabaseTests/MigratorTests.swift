import Testing
import Database

@Suite("Migrator")
struct MigratorTests {
    let v1 = Migration("001-people", "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);")
    let v2 = Migration("002-people-email", """
        ALTER TABLE people ADD COLUMN email TEXT;
        CREATE UNIQUE INDEX people_email ON people (email);
        """)
    let v3 = Migration("003-seed", "INSERT INTO people (name, email) VALUES ('Li Wei', 'li@example.cn');")

    private func applied(_ db: Connection) throws -> [String] {
        try db.query("SELECT name FROM schema_migrations ORDER BY rowid").compactMap { $0.string("name") }
    }

    @Test func appliesPendingMigrationsInOrderAndRecordsThem() throws {
        let db = try Connection(path: ":memory:")
        let names = try Migrator([v1, v2, v3]).migrate(db, now: 1_700_000_000)
        #expect(names == ["001-people", "002-people-email", "003-seed"])
        #expect(try applied(db) == names)
        #expect(try db.scalar("SELECT email FROM people") == .text("li@example.cn"))
        #expect(try db.scalar("SELECT DISTINCT applied_at FROM schema_migrations") == .integer(1_700_000_000))
    }

    @Test func migratingTwiceAppliesNothingTheSecondTime() throws {
        let db = try Connection(path: ":memory:")
        try Migrator([v1, v2, v3]).migrate(db, now: 1)
        #expect(try Migrator([v1, v2, v3]).migrate(db, now: 2) == [])
        #expect(try db.scalar("SELECT count(*) FROM people") == .integer(1))
    }

    @Test func aNewReleaseAppliesOnlyItsNewMigrations() throws {
        let db = try Connection(path: ":memory:")
        try Migrator([v1]).migrate(db, now: 1)
        #expect(try Migrator([v1, v2, v3]).pending(db) == ["002-people-email", "003-seed"])
        #expect(try Migrator([v1, v2, v3]).migrate(db, now: 2) == ["002-people-email", "003-seed"])
        #expect(try applied(db) == ["001-people", "002-people-email", "003-seed"])
    }

    @Test func pendingOnAFreshDatabaseListsEverythingAndWritesNothing() throws {
        let db = try Connection(path: ":memory:")
        #expect(try Migrator([v1, v2]).pending(db) == ["001-people", "002-people-email"])
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master") == .integer(0))
    }

    @Test func refusesADatabaseMigratedByANewerRelease() throws {
        let db = try Connection(path: ":memory:")
        try Migrator([v1, v2, v3]).migrate(db, now: 1)
        let error = #expect(throws: MigrationError.self) { try Migrator([v1]).migrate(db, now: 2) }
        guard case .databaseNewerThanCode(let unknown) = error else {
            Issue.record("expected databaseNewerThanCode, got \(String(describing: error))")
            return
        }
        #expect(unknown == ["002-people-email", "003-seed"])
    }

    @Test func refusesMigrationsAppliedInADifferentOrder() throws {
        let db = try Connection(path: ":memory:")
        let audit = Migration("003-audit", "CREATE TABLE audit (what TEXT);")
        try Migrator([v1, audit]).migrate(db, now: 1)
        let error = #expect(throws: MigrationError.self) { try Migrator([v1, v2, audit]).migrate(db, now: 2) }
        guard case .outOfOrder(let expected, let found) = error else {
            Issue.record("expected outOfOrder, got \(String(describing: error))")
            return
        }
        #expect(expected == "002-people-email")
        #expect(found == "003-audit")
    }

    @Test func aFailingMigrationIsRolledBackAndKeepsTheOnesBefore() throws {
        let db = try Connection(path: ":memory:")
        let broken = Migration("002-broken", "CREATE TABLE half (a); INSERT INTO nowhere VALUES (1);")
        let error = #expect(throws: DatabaseError.self) { try Migrator([v1, broken]).migrate(db, now: 1) }
        #expect(error?.message.contains("002-broken") == true)
        #expect(try applied(db) == ["001-people"])
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half'") == .integer(0))
    }

    @Test func runsOnThePoolsWriterOutsideAnyTransaction() throws {
        try withTemporaryDirectory { directory in
            let pool = try DatabasePool(path: directory.appendingPathComponent("m.sqlite").path)
            defer { pool.close() }
            let names = try pool.writeWithoutTransaction { try Migrator([v1, v2]).migrate($0, now: 5) }
            #expect(names.count == 2)
            #expect(try pool.read { try Migrator([v1, v2]).pending($0) } == [])
        }
    }
}
