import Accounts
import Synchronization

/// Recently resolved sessions, so a signed-in request does not join sessions, users and roles each time. This
/// process drops an entry at once on logout, disabling or a password change; changes made by another process
/// (the CLI, another node) bump an epoch in the database, checked on every request, which empties the cache.
final class SessionCache: Sendable {
    struct Entry { var session: Session; var user: User; var storedAt: Int64 }

    private let shards: [Shard]
    let lifetimeMillis: Int64
    let maxEntriesPerShard = 4096

    final class Shard: Sendable { let entries = Mutex<[String: Entry]>([:]) }

    /// The auth epoch last read from the database.
    private let epoch = Mutex<String?>(nil)

    /// Drops every entry when any process (the CLI, another node) changed accounts or sessions since the last
    /// request: reading one settings row is far cheaper than resolving the session, and a disabled account must
    /// not act even once more.
    func revalidate(read: () throws -> String) rethrows {
        let current = try read()
        let changed = epoch.withLock { e -> Bool in
            defer { e = current }
            return e != nil && e != current
        }
        if changed { for s in shards { s.entries.withLock { $0.removeAll(keepingCapacity: true) } } }
    }

    init(lifetimeMillis: Int64 = 5_000, shards: Int = 16) {
        self.lifetimeMillis = lifetimeMillis
        self.shards = (0..<shards).map { _ in Shard() }
    }

    private func shard(_ digest: String) -> Shard {
        shards[Int(UInt(bitPattern: digest.hashValue) % UInt(shards.count))]
    }

    func get(_ digest: String, now: Int64) -> (Session, User)? {
        shard(digest).entries.withLock { entries in
            guard let e = entries[digest] else { return nil }
            guard now - e.storedAt < lifetimeMillis, now >= e.storedAt else {
                entries[digest] = nil
                return nil
            }
            return (e.session, e.user)
        }
    }

    func put(_ digest: String, _ session: Session, _ user: User, now: Int64) {
        shard(digest).entries.withLock { entries in
            if entries.count >= maxEntriesPerShard { entries.removeAll(keepingCapacity: true) }
            entries[digest] = Entry(session: session, user: user, storedAt: now)
        }
    }

    func remove(_ digest: String) {
        shard(digest).entries.withLock { $0[digest] = nil }
    }

    /// Drops every cached session of a user (disabled, roles or password changed).
    func removeUser(_ userId: Int) {
        for s in shards { s.entries.withLock { $0 = $0.filter { $0.value.user.id != userId } } }
    }
}
