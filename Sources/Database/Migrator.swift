/// One schema change: a unique name and raw SQL (one or more statements).
///
/// Append-only: once released, a migration is never edited; a fix is a new migration.
public struct Migration: Sendable {
    /// Recorded in `schema_migrations`; never renamed.
    public var name: String
    /// Run with `Connection.execute` inside the migration's transaction.
    public var sql: String

    public init(_ name: String, _ sql: String) {
        self.name = name
        self.sql = sql
    }
}

/// Why the migrator refused to touch a database.
public enum MigrationError: Error, CustomStringConvertible, Sendable {
    /// The database has applied migrations this code does not know: it was written by a newer release.
    case databaseNewerThanCode(unknown: [String])
    /// The applied migrations are not a prefix of the code's list: at `expected`'s place the database has `found`.
    case outOfOrder(expected: String, found: String)

    public var description: String {
        switch self {
        case .databaseNewerThanCode(let unknown):
            "the database was migrated by a newer release (unknown migrations: \(unknown.joined(separator: ", "))); refusing to run"
        case .outOfOrder(let expected, let found):
            "migrations applied out of order: expected \(expected), found \(found)"
        }
    }
}

/// Applies an ordered list of migrations, each once, each in its own transaction.
///
/// `main` runs it on the writer before serving: `pool.writeWithoutTransaction { try migrator.migrate($0, now: now) }`.
/// Applied names are kept in `schema_migrations(name, applied_at)`, in order of application.
public struct Migrator: Sendable {
    /// The migrations, in the order they apply.
    public let migrations: [Migration]

    public init(_ migrations: [Migration]) {
        precondition(Set(migrations.map(\.name)).count == migrations.count, "migration names must be unique")
        self.migrations = migrations
    }

    /// Applies pending migrations in order, each in its own transaction, recorded in table
    /// `schema_migrations(name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`.
    ///
    /// Throws `MigrationError.databaseNewerThanCode` if the database has applied migrations this
    /// code does not know (refuse to run), `MigrationError.outOfOrder` if the applied ones are
    /// not a prefix of the code's list, or a `DatabaseError` naming the migration whose SQL failed
    /// (that migration is rolled back; the ones before it stay applied).
    /// - Returns: the names applied by this call, empty if the database was up to date.
    @discardableResult
    public func migrate(_ db: Connection, now: Int64) throws -> [String] {
        try db.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name TEXT PRIMARY KEY,
                applied_at INTEGER NOT NULL
            );
            """)
        let names = try pending(db)
        for name in names {
            guard let migration = migrations.first(where: { $0.name == name }) else { continue }
            try apply(migration, to: db, now: now)
        }
        return names
    }

    /// The names of the migrations not applied yet, in order; checks the database is not
    /// newer than the code, or out of order. Does not write (works on a read connection).
    public func pending(_ db: Connection) throws -> [String] {
        let applied = try appliedNames(db)
        let known = Set(migrations.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw MigrationError.databaseNewerThanCode(unknown: unknown) }
        for (offset, name) in applied.enumerated() where migrations[offset].name != name {
            throw MigrationError.outOfOrder(expected: migrations[offset].name, found: name)
        }
        return migrations.dropFirst(applied.count).map(\.name)
    }

    /// Applied names in the order they were applied (rowid order: `applied_at` can tie).
    private func appliedNames(_ db: Connection) throws -> [String] {
        let exists = try db.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard exists != .integer(0) else { return [] }
        return try db.query("SELECT name FROM schema_migrations ORDER BY rowid")
            .compactMap { $0.string("name") }
    }

    private func apply(_ migration: Migration, to db: Connection, now: Int64) throws {
        do {
            try db.transaction {
                try db.execute(migration.sql)
                try db.run("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", [migration.name, now])
            }
        } catch var error as DatabaseError {
            error.message = "migration \(migration.name) failed: \(error.message)"
            throw error
        }
    }
}
