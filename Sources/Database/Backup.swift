import CSQLite
import Foundation

extension DatabasePool {
    /// Copies the database into a new file at `path` with SQLite's online backup API.
    ///
    /// The copy is the snapshot committed when the backup starts: it reads through a fresh
    /// read-only connection in one step, so writes go on meanwhile and do not restart it.
    /// Refuses to overwrite an existing file; removes the partial file if it fails.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DatabaseError.misuse("backup target \(path) already exists")
        }
        let source = try Connection(path: self.path, readOnly: true)
        defer { source.close() }
        do {
            try copy(from: source.openHandle(), toNewFile: path)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    private func copy(from source: OpaquePointer, toNewFile path: String) throws {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        var rc = sqlite3_open_v2(path, &opened, flags, nil)
        defer { sqlite3_close_v2(opened) }
        guard rc == SQLITE_OK, let destination = opened else {
            throw DatabaseError(code: rc, message: "cannot create backup \(path)")
        }
        sqlite3_busy_timeout(destination, Connection.busyTimeoutMilliseconds)
        guard let backup = sqlite3_backup_init(destination, "main", source, "main") else {
            throw Self.error(destination, sqlite3_errcode(destination), path)
        }
        // -1: every page in one step, inside one read transaction, so the copy is one snapshot.
        rc = sqlite3_backup_step(backup, -1)
        let finish = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE else { throw Self.error(destination, rc, path) }
        guard finish == SQLITE_OK else { throw Self.error(destination, finish, path) }
    }

    private static func error(_ db: OpaquePointer, _ rc: Int32, _ path: String) -> DatabaseError {
        DatabaseError(code: rc, message: "backup to \(path) failed: \(String(cString: sqlite3_errmsg(db)))")
    }
}
