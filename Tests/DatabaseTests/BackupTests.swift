import Foundation
import Testing
import Database

@Suite("Backup")
struct BackupTests {
    @Test func backupWhileWritingHoldsEveryRowCommittedBeforeIt() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            for n in 0..<100 {
                try pool.write { db in try db.run("INSERT INTO t (n, s) VALUES (?, 'before')", [n]) }
            }
            let stop = Locked(false)
            let writing = DispatchGroup()
            for thread in 0..<3 {
                writing.enter()
                Thread {
                    var n = 1000 * (thread + 1)
                    while !stop.current {
                        _ = try? pool.write { db in try db.run("INSERT INTO t (n, s) VALUES (?, 'during')", [n]) }
                        n += 1
                    }
                    writing.leave()
                }.start()
            }
            let target = directory.appendingPathComponent("backup.sqlite").path
            try pool.backup(to: target)
            stop.withValue { $0 = true }
            writing.wait()

            let copy = try Connection(path: target, readOnly: true)
            defer { copy.close() }
            #expect(try copy.scalar("PRAGMA integrity_check") == .text("ok"))
            #expect(try copy.scalar("SELECT count(*) FROM t WHERE s = 'before'") == .integer(100))
            let total = try #require(try copy.scalar("SELECT count(*) FROM t").integerValue)
            #expect(total >= 100)
            #expect(try countRows(pool)! >= total)
        }
    }

    @Test func backupRefusesToOverwriteAFile() throws {
        try withTemporaryDirectory { directory in
            let pool = try makePool(in: directory)
            defer { pool.close() }
            let target = directory.appendingPathComponent("exists.sqlite").path
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
            #expect(throws: DatabaseError.self) { try pool.backup(to: target) }
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        }
    }
}
