import Accounts
import Foundation
import Persistence
import Secrets
import Synchronization

/// The account use cases: sign in and out, resolve a session cookie, create and change accounts.
/// Decisions come from the pure `Accounts` module; this type supplies the clock, the store and the hashing.
public final class AccountService: Sendable {
    public let store: any AccountStore
    let hasher: PasswordHasher
    let throttle = LoginThrottle()
    let policy = SessionPolicy()
    let clock: AppClock
    /// Keys the digest of client addresses so the login-failure table holds no raw IPs.
    let addressSecret: [UInt8]
    /// Bounds concurrent Argon2id work so a login storm queues instead of exhausting memory and cores.
    let hashGate: DispatchSemaphore
    /// Verified against when the username does not exist, so both paths cost the same time.
    let decoyHash: String
    let sessions = SessionCache()

    init(store: any AccountStore, hasher: PasswordHasher, clock: AppClock, addressSecret: String, concurrentHashes: Int) {
        self.store = store
        self.hasher = hasher
        self.clock = clock
        self.addressSecret = Array(addressSecret.utf8)
        self.hashGate = DispatchSemaphore(value: max(1, concurrentHashes))
        self.decoyHash = hasher.hash(Sodium.randomToken())
    }

    public struct SignIn: Sendable {
        public var user: User
        public var token: String
        public var session: Session
    }

    public func login(username: String, password: String, address: String) throws -> SignIn {
        let now = clock.nowMillis()
        let addressKey = Sodium.digest(address, key: addressSecret)
        let recent = try store.failures(account: username, addressKey: addressKey, since: now - throttle.windowMillis)
        if case .wait(let seconds) = throttle.decide(accountFailures: recent.account, addressFailures: recent.address, now: now) {
            throw AccountError.throttled(retryAfterSeconds: seconds)
        }
        let found = try store.credentials(username: username)
        let matches = gated { hasher.verify(password, against: found?.passwordHash ?? decoyHash) }
        guard let found, matches else {
            try store.recordFailure(account: username, addressKey: addressKey, at: now)
            throw AccountError.invalidCredentials
        }
        // Only someone who knows the password learns that the account is disabled.
        guard !found.user.disabled else { throw AccountError.disabled }
        let token = Sodium.randomToken()
        let session = Session(tokenDigest: Sodium.digest(token), userId: found.user.id, createdAt: now,
                              expiresAt: policy.expiry(createdAt: now, now: now), csrfToken: Sodium.randomToken())
        try store.recordLogin(userId: found.user.id, session: session, now: now)
        var user = found.user
        user.previousLoginAt = user.lastLoginAt
        user.lastLoginAt = now
        return SignIn(user: user, token: token, session: session)
    }

    public enum Resolution: Sendable { case none, expired, active(User, Session) }

    /// The user behind a session cookie; extends the session's idle expiry as a side effect.
    public func resolve(token: String) throws -> Resolution {
        let now = clock.nowMillis()
        let digest = Sodium.digest(token)
        try sessions.revalidate { try store.authEpoch() }
        let found: (Session, User)
        if let cached = sessions.get(digest, now: now) {
            found = cached
        } else {
            guard let stored = try store.sessionWithUser(digest: digest) else { return .none }
            found = (stored.session, stored.user)
        }
        var (session, user) = found
        if policy.isExpired(session, now: now) {
            sessions.remove(digest)
            return .expired
        }
        guard !user.disabled else { return .none }
        if let extended = policy.touch(session, now: now) {
            store.extendSession(digest: session.tokenDigest, expiresAt: extended)
            session.expiresAt = extended
        }
        sessions.put(digest, session, user, now: now)
        return .active(user, session)
    }

    public func logout(session: Session) throws {
        sessions.remove(session.tokenDigest)
        try store.deleteSession(digest: session.tokenDigest)
    }

    public func createUser(_ new: NewUser, actor: Actor) throws -> User {
        try AccountRules.check(new)
        let hash = gated { hasher.hash(new.password) }
        return try store.insertUser(new, passwordHash: hash, now: clock.nowMillis(), actor: actor)
    }

    public func updateUser(id: Int, change: UserChange, actor: Actor) throws -> User {
        guard let existing = try store.user(id: id) else { throw AccountError.notFound("user \(id)") }
        if let name = change.displayName { try AccountRules.checkDisplayName(name) }
        if let roles = change.roles, roles.isEmpty { throw AccountError.invalid("至少选择一个角色 / choose at least one role") }
        var hash: String?
        if let password = change.password {
            try AccountRules.checkPassword(password, username: existing.username)
            hash = gated { hasher.hash(password) }
        }
        defer { sessions.removeUser(id) }
        return try store.updateUser(id: id, change: change, passwordHash: hash, now: clock.nowMillis(), actor: actor)
    }

    /// A signed-in user changes their own password after proving they know the current one.
    public func changeOwnPassword(user: User, current: String, new: String, actor: Actor) throws {
        guard let found = try store.credentials(username: user.username),
              gated({ hasher.verify(current, against: found.passwordHash) }) else {
            throw AccountError.invalid("当前密码不正确 / the current password is wrong")
        }
        _ = try updateUser(id: user.id, change: UserChange(password: new), actor: actor)
    }

    /// Argon2id hashes of many passwords (username → password), on every core the hash gate allows; for imports.
    func hashPasswords(_ passwords: [String: String]) -> [String: String] {
        let items = Array(passwords)
        let hashes = Mutex([String?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let hash = gated { hasher.hash(items[index].value) }
            hashes.withLock { $0[index] = hash }
        }
        let done = hashes.withLock { $0 }
        return Dictionary(uniqueKeysWithValues: zip(items.map(\.key), done.map { $0 ?? "" }))
    }

    private func gated<T>(_ body: () -> T) -> T {
        hashGate.wait()
        defer { hashGate.signal() }
        return body()
    }
}

extension AccountService {
    /// For the command line: the same rules and hashing as the server, with the system clock.
    public static func standalone(store: Store) throws -> AccountService {
        let secret = try store.secret(named: "address_digest_key") { Sodium.randomToken() }
        return AccountService(store: store, hasher: PasswordHasher(), clock: .system, addressSecret: secret,
                              concurrentHashes: 1)
    }
}
