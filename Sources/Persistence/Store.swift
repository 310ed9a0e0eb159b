import Accounts
import Database
import Foundation

/// The SQLite implementation of every store protocol. Writes go through the pool's single writer
/// (group commit); reads use the reader pool. Each mutating method writes its audit entry in the
/// same transaction as the change, so the log never disagrees with the data.
public final class Store: Sendable {
    public let pool: DatabasePool
    /// The dashboard's person sets of days read from rows (today), kept while those days gain no row.
    let liveDays = LiveDaysCache()
    /// The stored bytes of closed days' breakdown sets (region, unit, groups), read once.
    let storedSets = StoredSetsCache()

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    /// Refuses a database that has migrations this build does not know.
    public static func open(path: String, readers: Int = 4, now: Int64) throws -> Store {
        let pool = try DatabasePool(path: path, readers: readers)
        do {
            _ = try pool.writeWithoutTransaction { try Migrator(Migrations.all).migrate($0, now: now) }
        } catch {
            pool.close()
            throw error
        }
        return Store(pool: pool)
    }

    /// A random secret kept in the database (created once), used to key digests of addresses.
    public func secret(named name: String, make: () -> String) throws -> String {
        if let value = try pool.read({ try $0.scalar(AccountSQL.getSetting, [name]) }).string { return value }
        let candidate = make()
        try pool.write { try $0.run(AccountSQL.putSetting, [name, candidate]) }
        return try pool.read { try $0.scalar(AccountSQL.getSetting, [name]) }.string ?? candidate
    }

    func audit(_ db: Connection, _ actor: Actor, _ action: String, _ type: String, _ id: String?,
               before: String?, after: String?, now: Int64) throws {
        try db.run(AccountSQL.insertAudit, [now, actor.userId, actor.name, action, type, id, before, after, actor.requestId])
    }

    /// An account as the audit log keeps it: the phone number masked (personal information stays out of the log).
    static func json(_ user: User?) -> String? {
        guard var user else { return nil }
        user.phone = user.phone.map(Phone.masked)
        return json(Optional(AuditedUser(user)))
    }

    static func json<T: Encodable>(_ value: T?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension SQLValue {
    var string: String? {
        if case .text(let s) = self { return s }
        return nil
    }
    var int: Int? {
        if case .integer(let i) = self { return Int(i) }
        return nil
    }
}

/// Wraps a `User` so the generic encoder is chosen (and the masking overload is not re-entered).
private struct AuditedUser: Encodable {
    let user: User
    init(_ user: User) { self.user = user }
    func encode(to encoder: any Encoder) throws { try user.encode(to: encoder) }
}
