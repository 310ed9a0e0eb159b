import Accounts
import Synchronization

/// Recently resolved sessions, so a signed-in request does not query SQLite each time. Entries live a few
/// seconds; this process drops them at once on logout, disabling or a password change, and other nodes (when
/// there are several) see such changes within the lifetime.
final class SessionCache: Sendable {
    struct Entry { var session: Session; var user: User; var storedAt: Int64 }

    private let shards: [Shard]
    let lifetimeMillis: Int64
    let maxEntriesPerShard = 4096

    final class Shard: Sendable { let entries = Mutex<[String: Entry]>([:]) }

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
