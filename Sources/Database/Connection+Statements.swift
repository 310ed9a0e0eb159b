import CSQLite

/// Prepared statements: cached by SQL text, bound positionally, reset after each use.
extension Connection {
    /// Past this many cached statements the cache is emptied, so that SQL built at run
    /// time (an `IN (?, ?, …)` list of varying length) cannot grow it without bound.
    static let statementCacheLimit = 512

    /// Runs one statement with `args` bound to its `?` parameters; returns the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ args: [any SQLBindable] = []) throws -> Int {
        let db = try openHandle(sql: sql)
        try withStatement(sql, args) { statement in
            while try step(statement, sql: sql) {}
        }
        return Int(sqlite3_changes64(db))
    }

    /// Runs one statement and returns all its rows.
    public func query(_ sql: String, _ args: [any SQLBindable] = []) throws -> [Row] {
        try withStatement(sql, args) { statement in
            let columns = columnNames(statement)
            var rows: [Row] = []
            while try step(statement, sql: sql) {
                rows.append(Row(columns: columns, values: columnValues(statement, count: columns.count)))
            }
            return rows
        }
    }

    /// Runs one statement and hands each row to `body` as it is stepped, without building `Row` values (see `RowCursor`).
    public func forEachRow(_ sql: String, _ args: [any SQLBindable] = [], _ body: (RowCursor) throws -> Void) throws {
        try withStatement(sql, args) { statement in
            while try step(statement, sql: sql) { try body(RowCursor(statement: statement)) }
        }
    }

    /// Runs one statement and returns its first row, or nil if it has none.
    public func queryOne(_ sql: String, _ args: [any SQLBindable] = []) throws -> Row? {
        try withStatement(sql, args) { statement in
            let columns = columnNames(statement)
            guard try step(statement, sql: sql) else { return nil }
            return Row(columns: columns, values: columnValues(statement, count: columns.count))
        }
    }

    /// The first column of the first row; `.null` if there is no row.
    public func scalar(_ sql: String, _ args: [any SQLBindable] = []) throws -> SQLValue {
        try withStatement(sql, args) { statement in
            guard try step(statement, sql: sql) else { return .null }
            return columnValues(statement, count: 1).first ?? .null
        }
    }

    /// Prepares `sql` and finalizes it at once: the test that checks every named SQL
    /// constant compiles against the migrated schema calls this.
    public func prepareCheck(_ sql: String) throws {
        sqlite3_finalize(try prepare(sql, persistent: false))
    }

    /// Gets `sql` from the cache (preparing it on a miss), binds `args`, runs `body`, then
    /// resets the statement and clears its bindings, whatever happened.
    private func withStatement<T>(_ sql: String, _ args: [any SQLBindable],
                                  _ body: (OpaquePointer) throws -> T) throws -> T {
        let statement = try cachedStatement(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(args, to: statement, sql: sql)
        return try body(statement)
    }

    private func cachedStatement(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        if statements.count >= Self.statementCacheLimit {
            for statement in statements.values { sqlite3_finalize(statement) }
            statements.removeAll()
        }
        let statement = try prepare(sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// Compiles exactly one statement; more than one (the rest would be silently ignored)
    /// or none is an error.
    private func prepare(_ sql: String, persistent: Bool) throws -> OpaquePointer {
        let db = try openHandle(sql: sql)
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        return try sql.withCString { text -> OpaquePointer in
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(db, text, -1, flags, &statement, &tail)
            guard rc == SQLITE_OK else { throw lastError(rc, sql: sql) }
            guard let statement else { throw DatabaseError.misuse("empty statement", sql: sql) }
            if let tail, try containsStatement(tail, db: db) {
                sqlite3_finalize(statement)
                throw DatabaseError.misuse("more than one statement: use execute()", sql: sql)
            }
            return statement
        }
    }

    /// Whether the text after the first statement holds another one (not just spaces and comments).
    private func containsStatement(_ tail: UnsafePointer<CChar>, db: OpaquePointer) throws -> Bool {
        guard tail.pointee != 0 else { return false }
        var next: OpaquePointer?
        let rc = sqlite3_prepare_v3(db, tail, -1, 0, &next, nil)
        sqlite3_finalize(next)
        return rc != SQLITE_OK || next != nil
    }

    private func bind(_ args: [any SQLBindable], to statement: OpaquePointer, sql: String) throws {
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard args.count == expected else {
            throw DatabaseError.misuse("statement takes \(expected) parameters, got \(args.count)", sql: sql)
        }
        for (offset, arg) in args.enumerated() {
            let rc = bind(arg.sqlValue, at: Int32(offset + 1), to: statement)
            guard rc == SQLITE_OK else { throw lastError(rc, sql: sql) }
        }
    }

    private func bind(_ value: SQLValue, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .integer(let i):
            return sqlite3_bind_int64(statement, index, i)
        case .real(let d):
            return sqlite3_bind_double(statement, index, d)
        case .text(let s):
            // Explicit length: text may hold NUL characters, which a C string would cut.
            return s.withCString {
                sqlite3_bind_text64(statement, index, $0, UInt64(s.utf8.count),
                                    pufa_sqlite_transient(), UInt8(SQLITE_UTF8))
            }
        case .blob(let b):
            // A NULL pointer would bind NULL, not an empty blob.
            guard !b.isEmpty else { return sqlite3_bind_zeroblob(statement, index, 0) }
            return b.withUnsafeBytes {
                sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), pufa_sqlite_transient())
            }
        }
    }

    /// Steps once: true if a row is ready, false when done.
    private func step(_ statement: OpaquePointer, sql: String) throws -> Bool {
        let rc = sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw lastError(rc, sql: sql)
        }
    }

    private func columnNames(_ statement: OpaquePointer) -> [String] {
        (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) }
    }

    private func columnValues(_ statement: OpaquePointer, count: Int) -> [SQLValue] {
        (0..<Int32(count)).map { column in
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER:
                return .integer(sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT:
                return .real(sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                let bytes = UnsafeRawBufferPointer(start: sqlite3_column_text(statement, column),
                                                   count: Int(sqlite3_column_bytes(statement, column)))
                return .text(String(decoding: bytes, as: UTF8.self))
            case SQLITE_BLOB:
                let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(statement, column),
                                                   count: Int(sqlite3_column_bytes(statement, column)))
                return .blob(Array(bytes))
            default:
                return .null
            }
        }
    }
}
