import CSQLite

/// One sqlite3 connection. Not thread-safe: used by one thread at a time (the pool guarantees it).
///
/// Prepared statements are cached per connection, keyed by their SQL text, so the named
/// SQL constants of Persistence are compiled once. Stores receive a `Connection` inside
/// `DatabasePool.read` / `write`; tests and tools may open one directly.
public final class Connection {
    /// The sqlite3 handle; nil once closed.
    private(set) var handle: OpaquePointer?
    /// The file this connection opened.
    public let path: String
    /// Whether the connection was opened read-only.
    public let readOnly: Bool
    /// Cached prepared statements, keyed by SQL text.
    var statements: [String: OpaquePointer] = [:]
    /// How deep `transaction` calls are nested, to name savepoints.
    var transactionDepth = 0

    /// The busy timeout every connection waits for a lock before giving up with SQLITE_BUSY.
    public static let busyTimeoutMilliseconds: Int32 = 5000

    /// Opens (creating if needed, unless `readOnly`) the database at `path`.
    ///
    /// Sets `busy_timeout` first, then `foreign_keys=ON` and `temp_store=MEMORY`; a writable
    /// connection also switches the file to WAL and `synchronous=FULL`, so that a commit
    /// that returned survives power loss.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        self.readOnly = readOnly
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        flags |= readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw DatabaseError(code: rc, message: "cannot open \(path): \(message)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        do {
            try configure()
        } catch {
            close()
            throw error
        }
    }

    private func configure() throws {
        // Before anything else, so that even the next pragmas wait for a lock instead of failing.
        sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;")
        // 32 MiB of page cache (SQLite's default is 2 MiB): large imports and index merges stay in memory
        // instead of spilling and re-reading pages.
        try execute("PRAGMA cache_size = -32768;")
        guard !readOnly else { return }
        let mode = try scalar("PRAGMA journal_mode = WAL")
        // An in-memory database answers "memory"; any file must really be in WAL.
        if mode != .text("wal") && mode != .text("memory") {
            throw DatabaseError.misuse("could not switch \(path) to WAL (journal_mode is \(mode))")
        }
        try execute("PRAGMA synchronous = FULL;")
    }

    deinit {
        close()
    }

    /// Finalizes the cached statements and closes the connection; idempotent.
    /// Any later use throws.
    public func close() {
        guard let db = handle else { return }
        for statement in statements.values {
            sqlite3_finalize(statement)
        }
        statements.removeAll()
        sqlite3_close_v2(db)
        handle = nil
    }

    /// The open handle, or an error if the connection was closed.
    func openHandle(sql: String? = nil) throws -> OpaquePointer {
        guard let handle else { throw DatabaseError.misuse("connection is closed", sql: sql) }
        return handle
    }

    /// The error SQLite last reported on this connection, for result code `rc`.
    func lastError(_ rc: Int32, sql: String?) -> DatabaseError {
        guard let handle else { return DatabaseError(code: rc, message: "connection is closed", sql: sql) }
        let extended = sqlite3_extended_errcode(handle)
        // The connection's errcode may already describe a later call; trust it only if it matches rc.
        let code = (extended & 0xFF) == (rc & 0xFF) ? extended : rc
        return DatabaseError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs one or more statements separated by `;`, with no parameters (schema, pragmas).
    public func execute(_ sql: String) throws {
        let db = try openHandle(sql: sql)
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(db, sql, nil, nil, &errorMessage)
        guard rc != SQLITE_OK else { return }
        let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
        sqlite3_free(errorMessage)
        throw DatabaseError(code: sqlite3_extended_errcode(db), message: message, sql: sql)
    }

    /// The rowid of the last row this connection inserted.
    public var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// True while a transaction is open (`BEGIN` without its `COMMIT` / `ROLLBACK`).
    public var isInTransaction: Bool {
        handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }
}
