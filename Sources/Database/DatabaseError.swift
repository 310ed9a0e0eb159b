import CSQLite

/// Any failure of the Database module: an SQLite error, or one of ours (`code == -1`).
///
/// Persistence inspects `isUniqueViolation` / `isConstraintViolation` to turn a
/// constraint failure into a domain error; anything else is unexpected.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended SQLite result code (e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE), or -1 for our own errors.
    public var code: Int32
    /// SQLite's message (`sqlite3_errmsg`) or ours.
    public var message: String
    /// The statement that failed, if one did.
    public var sql: String?

    /// Makes an error; `code` -1 means "not from SQLite".
    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// An error raised by this module rather than by SQLite.
    static func misuse(_ message: String, sql: String? = nil) -> DatabaseError {
        DatabaseError(code: -1, message: message, sql: sql)
    }

    /// Too many writes are waiting for the writer: try again shortly. Reported as SQLITE_BUSY, which callers already
    /// answer with "busy, retry".
    public static let queueFull = DatabaseError(code: SQLITE_BUSY, message: "too many writes are waiting; try again")

    /// The primary result code (the low byte of the extended one).
    public var primaryCode: Int32 { code < 0 ? code : code & 0xFF }

    /// Any SQLITE_CONSTRAINT failure: UNIQUE, PRIMARY KEY, NOT NULL, CHECK, FOREIGN KEY…
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    /// A UNIQUE or PRIMARY KEY constraint failed: the row already exists.
    public var isUniqueViolation: Bool {
        // Swift cannot import the extended-code macros (they are expressions), hence the numbers.
        code == Self.constraintUnique || code == Self.constraintPrimaryKey
    }

    /// A FOREIGN KEY constraint failed.
    public var isForeignKeyViolation: Bool { code == Self.constraintForeignKey }

    static let constraintForeignKey: Int32 = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintPrimaryKey: Int32 = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)

    public var description: String {
        var text = code < 0 ? "database error: \(message)" : "SQLite error \(code): \(message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }
}
