import Foundation
import Testing
@testable import Database

@Suite("Connection")
struct ConnectionTests {
    let db: Connection

    init() throws {
        db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE v (i INTEGER, r REAL, s TEXT, b BLOB, x ANY) STRICT")
    }

    @Test func everyBindableTypeRoundTrips() throws {
        let nothing: Int? = nil
        let args: [any SQLBindable] = [
            Int(-7), Int64.max, Int32.min, 2.5, true, "héllo 法", [UInt8]([0, 1, 255]), SQLValue.integer(3), nothing,
        ]
        for arg in args {
            let back = try db.scalar("SELECT ?", [arg])
            #expect(back == arg.sqlValue, "\(arg)")
        }
        #expect(try db.scalar("SELECT ?", [false]) == .integer(0))
        #expect(try db.scalar("SELECT ?", [Optional(5)]) == .integer(5))
    }

    @Test func rowReadsTypedColumnsByName() throws {
        try db.run("INSERT INTO v (i, r, s, b, x) VALUES (?, ?, ?, ?, ?)", [42, 1.5, "text", [UInt8]([9, 8]), SQLValue.null])
        let row = try #require(try db.queryOne("SELECT i, r, s, b, x, i AS flag FROM v"))
        #expect(row.columns == ["i", "r", "s", "b", "x", "flag"])
        #expect(row.int("i") == 42)
        #expect(row.int64("I") == 42)  // SQL names are case-insensitive
        #expect(row.double("r") == 1.5)
        #expect(row.string("s") == "text")
        #expect(row.blob("b") == [9, 8])
        #expect(row.bool("flag") == true)
        #expect(row.int("x") == nil)
        #expect(row.string("x") == nil)
        #expect(row["missing"] == .null)
        #expect(row.string("i") == "42")
    }

    @Test func forEachRowReadsEachRowInPlaceAsQueryDoes() throws {
        try db.run("INSERT INTO v (i, s, b) VALUES (1, 'a', x'0102'), (2, NULL, x''), (NULL, '法', NULL)")
        var seen: [String] = []
        try db.forEachRow("SELECT i, s, b FROM v WHERE i IS NULL OR i >= ? ORDER BY rowid", [1]) { row in
            seen.append("\(row.int64(0).map(String.init) ?? "-") \(row.text(1) ?? "-") \(row.withBlob(2) { Array($0) }.map { "\($0)" } ?? "-")")
        }
        #expect(seen == ["1 a [1, 2]", "2 - []", "- 法 -"])
        #expect(try db.query("SELECT i FROM v WHERE i IS NOT NULL").count == 2, "the statement was reset for the next use")
        struct Stop: Error {}
        #expect(throws: Stop.self) { try db.forEachRow("SELECT i FROM v") { _ in throw Stop() } }
        #expect(throws: DatabaseError.self) { try db.forEachRow("SELECT nope FROM v") { _ in } }
    }

    @Test func emptyTextAndEmptyBlobAreNotNull() throws {
        #expect(try db.scalar("SELECT ?", [""]) == .text(""))
        #expect(try db.scalar("SELECT ?", [[UInt8]()]) == .blob([]))
        #expect(try db.scalar("SELECT ?", ["a\u{0}b"]) == .text("a\u{0}b"))
    }

    @Test func runReturnsChangesAndLastInsertRowID() throws {
        try db.run("INSERT INTO v (i) VALUES (?)", [1])
        #expect(db.lastInsertRowID == 1)
        try db.run("INSERT INTO v (i) VALUES (?)", [2])
        #expect(try db.run("UPDATE v SET s = 'x'") == 2)
        #expect(try db.query("SELECT i FROM v ORDER BY i").map { $0.int("i") } == [1, 2])
        #expect(try db.queryOne("SELECT i FROM v WHERE i = 99") == nil)
        #expect(try db.scalar("SELECT i FROM v WHERE i = 99") == .null)
    }

    @Test func statementsAreCachedBySQLText() throws {
        for i in 0..<100 {
            try db.run("INSERT INTO v (i) VALUES (?)", [i])
        }
        #expect(db.statements.keys.filter { $0.hasPrefix("INSERT") }.count == 1)
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(100))
    }

    @Test func uniqueViolationIsRecognized() throws {
        try db.execute("CREATE TABLE u (k TEXT PRIMARY KEY, e TEXT UNIQUE, n TEXT NOT NULL)")
        try db.run("INSERT INTO u VALUES ('a', 'e', 'n')")
        let sameKey = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO u VALUES ('a', 'f', 'n')") }
        #expect(sameKey?.isUniqueViolation == true)
        let sameEmail = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO u VALUES ('b', 'e', 'n')") }
        #expect(sameEmail?.isUniqueViolation == true)
        #expect(sameEmail?.message.contains("u.e") == true)
        let missing = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO u VALUES ('c', 'g', NULL)") }
        #expect(missing?.isConstraintViolation == true)
        #expect(missing?.isUniqueViolation == false)
    }

    @Test func foreignKeysAreEnforced() throws {
        try db.execute("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id))")
        let error = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO c VALUES (1)") }
        #expect(error?.isForeignKeyViolation == true)
    }

    @Test func transactionRollsBackOnThrow() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.run("INSERT INTO v (i) VALUES (1)")
                throw Boom()
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(0))
        #expect(!db.isInTransaction)
        let value = try db.transaction { try db.run("INSERT INTO v (i) VALUES (2)") }
        #expect(value == 1)
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(1))
    }

    @Test func nestedTransactionRollsBackOnlyItsOwnChanges() throws {
        struct Boom: Error {}
        try db.transaction {
            try db.run("INSERT INTO v (i) VALUES (1)")
            _ = try? db.transaction {
                try db.run("INSERT INTO v (i) VALUES (2)")
                throw Boom()
            }
        }
        #expect(try db.query("SELECT i FROM v").map { $0.int("i") } == [1])
    }

    @Test func misuseIsReportedAsAnError() throws {
        let count = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO v (i) VALUES (?)", []) }
        #expect(count?.code == -1)
        let two = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO v (i) VALUES (1); DELETE FROM v") }
        #expect(two?.message.contains("more than one statement") == true)
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(0))
        try db.run("SELECT 1; -- a trailing comment is fine")
    }

    @Test func prepareCheckFindsTyposWithoutRunning() throws {
        try db.prepareCheck("DELETE FROM v WHERE i = ?")
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(0))
        let typo = #expect(throws: DatabaseError.self) { try db.prepareCheck("SELECT nope FROM v") }
        #expect(typo?.sql == "SELECT nope FROM v")
        #expect(typo?.description.contains("no such column") == true)
    }

    @Test(arguments: [("50%", "50%", true), ("50%", "500", false), ("a_b", "axb", false), ("a\\b", "a\\b", true)])
    func escapeLikeMatchesLiterally(pattern: String, candidate: String, matches: Bool) throws {
        let result = try db.scalar("SELECT ? LIKE ? ESCAPE '\\'", [candidate, escapeLike(pattern)])
        #expect(result == .integer(matches ? 1 : 0))
    }

    @Test func writableFileConnectionIsDurableWAL() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("c.sqlite").path
            let writer = try Connection(path: path)
            #expect(try writer.scalar("PRAGMA journal_mode") == .text("wal"))
            #expect(try writer.scalar("PRAGMA synchronous") == .integer(2))
            #expect(try writer.scalar("PRAGMA foreign_keys") == .integer(1))
            #expect(try writer.scalar("PRAGMA busy_timeout") == .integer(5000))
            #expect(try writer.scalar("PRAGMA temp_store") == .integer(2))
            let reader = try Connection(path: path, readOnly: true)
            #expect(throws: DatabaseError.self) { try reader.execute("CREATE TABLE x (a)") }
            reader.close()
            writer.close()
            #expect(throws: DatabaseError.self) { try writer.run("SELECT 1") }
        }
    }
}
