import CSQLite

/// The current row of `Connection.forEachRow`, read in place: nothing is copied but what the caller asks for, and a
/// blob can be read straight from SQLite's buffer. Valid only inside the closure it is given to — never keep it.
/// For scans of thousands of rows (stored person sets) where building every `Row` costs more than the work.
public struct RowCursor {
    let statement: OpaquePointer

    /// The column as an integer; nil if NULL or not an integer.
    public func int64(_ column: Int) -> Int64? {
        sqlite3_column_type(statement, Int32(column)) == SQLITE_INTEGER ? sqlite3_column_int64(statement, Int32(column)) : nil
    }

    /// The column as text; nil if NULL or not text.
    public func text(_ column: Int) -> String? {
        guard sqlite3_column_type(statement, Int32(column)) == SQLITE_TEXT else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: sqlite3_column_text(statement, Int32(column)),
                                                       count: Int(sqlite3_column_bytes(statement, Int32(column)))), as: UTF8.self)
    }

    /// Runs `body` on the blob's bytes where SQLite holds them (valid only during `body`); nil if NULL or not a blob.
    public func withBlob<T>(_ column: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T? {
        guard sqlite3_column_type(statement, Int32(column)) == SQLITE_BLOB else { return nil }
        let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(statement, Int32(column)),
                                           count: Int(sqlite3_column_bytes(statement, Int32(column))))
        return try body(bytes)
    }
}
