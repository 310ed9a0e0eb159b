/// One page of a listing.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    public var page: Int
    public var pageSize: Int

    public init(items: [Item], total: Int, page: Int, pageSize: Int) {
        self.items = items
        self.total = total
        self.page = page
        self.pageSize = pageSize
    }
}

/// Filters for the user list.
public struct UserQuery: Sendable, Equatable {
    public var text: String?
    public var role: Role?
    /// Only users in these units (an organizer's subtree); nil means all.
    public var unitIds: Set<Int>?
    public var page = 1
    public var pageSize = 20

    public init(text: String? = nil, role: Role? = nil, unitIds: Set<Int>? = nil, page: Int = 1, pageSize: Int = 20) {
        self.text = text
        self.role = role
        self.unitIds = unitIds
        self.page = max(1, page)
        self.pageSize = min(max(1, pageSize), 200)
    }
}

/// Who is acting, for the audit entry written in the same transaction as the change.
public struct Actor: Sendable, Equatable {
    public var userId: Int?
    public var name: String
    public var requestId: String?

    public init(userId: Int?, name: String, requestId: String?) {
        self.userId = userId
        self.name = name
        self.requestId = requestId
    }

    /// Changes made from the command line or at first start.
    public static let system = Actor(userId: nil, name: "system", requestId: nil)
}

/// Accounts, sessions and login failures, as the account use cases need them.
public protocol AccountStore: Sendable {
    func user(id: Int) throws -> User?
    func credentials(username: String) throws -> (user: User, passwordHash: String)?
    func users(_ query: UserQuery) throws -> Page<User>
    func countActiveAdmins() throws -> Int
    /// Throws `AccountError.usernameTaken` when the name exists (case-insensitively).
    func insertUser(_ user: NewUser, passwordHash: String, now: Int64, actor: Actor) throws -> User
    func updateUser(id: Int, change: UserChange, passwordHash: String?, now: Int64, actor: Actor) throws -> User
    func recordLogin(userId: Int, session: Session, now: Int64) throws

    func session(digest: String) throws -> Session?
    /// The session and its user in one lookup (every signed-in request does this).
    func sessionWithUser(digest: String) throws -> (session: Session, user: User)?
    /// Need not wait for the disk: a lost extension only ends the session a little earlier.
    func extendSession(digest: String, expiresAt: Int64)
    func deleteSession(digest: String) throws
    /// Changes whenever any process disables an account, changes its roles or password, or ends a session.
    func authEpoch() throws -> String

    func failures(account: String, addressKey: String, since: Int64) throws -> (account: [Int64], address: [Int64])
    func recordFailure(account: String, addressKey: String, at: Int64) throws
}

/// Units and regions.
public protocol OrganizationStore: Sendable {
    func units() throws -> [Unit]
    func regions() throws -> [Region]
    func insertUnit(name: String, parentId: Int?, code: String?, now: Int64, actor: Actor) throws -> Unit
    func insertRegion(name: String, parentId: Int?, level: RegionLevel, now: Int64, actor: Actor) throws -> Region
}

/// The audit log, read by admins.
public protocol AuditStore: Sendable {
    func auditEntries(page: Int, pageSize: Int) throws -> Page<AuditEntry>
}
