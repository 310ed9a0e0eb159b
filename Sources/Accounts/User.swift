/// An account. Times are milliseconds since the Unix epoch, UTC.
public struct User: Sendable, Equatable, Codable {
    public var id: Int
    public var username: String
    public var displayName: String
    public var roles: Set<Role>
    public var unitId: Int?
    public var regionId: Int?
    public var disabled: Bool
    public var createdAt: Int64
    /// The latest sign-in (the current one, for the person signed in).
    public var lastLoginAt: Int64?
    /// The sign-in before it: what a person is shown as their "last sign-in", to notice one that was not theirs.
    public var previousLoginAt: Int64?
    /// Officials: leading cadre, civil servant or law-enforcement staff (from a roster import or the console).
    public var rank: Rank?
    /// Normalized mainland mobile number, or nil. Personal information: show `Phone.masked` unless revealing.
    public var phone: String?

    public init(id: Int, username: String, displayName: String, roles: Set<Role>, unitId: Int? = nil,
                regionId: Int? = nil, disabled: Bool = false, createdAt: Int64, lastLoginAt: Int64? = nil,
                previousLoginAt: Int64? = nil, rank: Rank? = nil, phone: String? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.unitId = unitId
        self.regionId = regionId
        self.disabled = disabled
        self.createdAt = createdAt
        self.lastLoginAt = lastLoginAt
        self.previousLoginAt = previousLoginAt
        self.rank = rank
        self.phone = phone
    }

    public var permissions: Set<Permission> { roles.permissions }

    public func can(_ permission: Permission) -> Bool { permissions.contains(permission) }
}

/// What an admin supplies to create an account, before validation.
public struct NewUser: Sendable, Equatable {
    public var username: String
    public var displayName: String
    public var password: String
    public var roles: Set<Role>
    public var unitId: Int?
    public var regionId: Int?

    public init(username: String, displayName: String, password: String, roles: Set<Role>,
                unitId: Int? = nil, regionId: Int? = nil) {
        self.username = username
        self.displayName = displayName
        self.password = password
        self.roles = roles
        self.unitId = unitId
        self.regionId = regionId
    }
}

/// A change to an account; nil fields stay as they are.
public struct UserChange: Sendable, Equatable {
    public var displayName: String?
    public var roles: Set<Role>?
    /// `.some(nil)` clears the unit.
    public var unitId: Int??
    public var regionId: Int??
    public var disabled: Bool?
    public var password: String?

    public init(displayName: String? = nil, roles: Set<Role>? = nil, unitId: Int?? = nil, regionId: Int?? = nil,
                disabled: Bool? = nil, password: String? = nil) {
        self.displayName = displayName
        self.roles = roles
        self.unitId = unitId
        self.regionId = regionId
        self.disabled = disabled
        self.password = password
    }
}
