import Accounts
import Foundation
import HTTPServer
import Synchronization

/// JSON shapes of the API. Times leave as ISO-8601 UTC.
struct UserDTO: Codable, Sendable {
    var id: Int
    var username: String
    var displayName: String
    var roles: [Role]
    var unitId: Int?
    var regionId: Int?
    var disabled: Bool
    var createdAt: Date
    var lastLoginAt: Date?
    var previousLoginAt: Date?
    var rank: Rank?
    /// Masked ("138****8000"): the whole number needs `revealUserPhone`, which is logged.
    var phone: String?

    init(_ user: User) {
        id = user.id
        username = user.username
        displayName = user.displayName
        roles = user.roles.sorted()
        unitId = user.unitId
        regionId = user.regionId
        disabled = user.disabled
        createdAt = Date(millis: user.createdAt)
        lastLoginAt = user.lastLoginAt.map(Date.init(millis:))
        previousLoginAt = user.previousLoginAt.map(Date.init(millis:))
        rank = user.rank
        phone = user.phone.map(Phone.masked)
    }

    /// Empty fields are sent as null, not left out, so clients see every field.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(username, forKey: .username)
        try c.encode(displayName, forKey: .displayName)
        try c.encode(roles, forKey: .roles)
        try c.encode(unitId, forKey: .unitId)
        try c.encode(regionId, forKey: .regionId)
        try c.encode(disabled, forKey: .disabled)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(lastLoginAt, forKey: .lastLoginAt)
        try c.encode(previousLoginAt, forKey: .previousLoginAt)
        try c.encode(rank, forKey: .rank)
        try c.encode(phone, forKey: .phone)
    }
}

/// The session JSON of recently seen users: a user's answer only changes when the user does.
final class SessionJSONMemo: Sendable {
    static let shared = SessionJSONMemo()
    final class Shard: Sendable { let entries = Mutex<[Int: (user: User, bytes: [UInt8])]>([:]) }
    private let shards = (0..<16).map { _ in Shard() }

    func bytes(for user: User, _ make: () -> [UInt8]) -> [UInt8] {
        let shard = shards[user.id % shards.count]
        if let hit = shard.entries.withLock({ $0[user.id] }), hit.user == user { return hit.bytes }
        let fresh = make()
        shard.entries.withLock { entries in
            if entries.count > 4096 { entries.removeAll(keepingCapacity: true) }
            entries[user.id] = (user, fresh)
        }
        return fresh
    }
}

extension SessionDTO {
    /// `Response.json(SessionDTO(user))` for the session answer every page asks for: the same JSON, written by hand
    /// and remembered per user until the user changes.
    static func fastResponse(_ user: User?) -> Response {
        let bytes = user.map { u in SessionJSONMemo.shared.bytes(for: u) { SessionDTO(u).jsonBytes } } ?? SessionDTO(nil).jsonBytes
        return Response(status: 200, headers: Headers([("Content-Type", "application/json; charset=utf-8")]), body: .bytes(bytes))
    }

    /// The same JSON as `Response.json(self)`: sorted keys, ISO-8601 dates, nulls written.
    var jsonBytes: [UInt8] {
        var w = JSONWriter()
        w.object { w in
            w.key("permissions")
            w.array(permissions) { w, p in w.string(p) }
            w.key("user")
            if let u = user {
                w.object { w in
                    w.key("createdAt"); w.string(ISO8601Format.string(u.createdAt))
                    w.key("disabled"); w.bool(u.disabled)
                    w.key("displayName"); w.string(u.displayName)
                    w.key("id"); w.int(u.id)
                    w.key("lastLoginAt"); w.string(u.lastLoginAt.map(ISO8601Format.string))
                    w.key("phone"); w.string(u.phone)
                    w.key("previousLoginAt"); w.string(u.previousLoginAt.map(ISO8601Format.string))
                    w.key("rank"); w.string(u.rank?.rawValue)
                    w.key("regionId"); w.int(u.regionId)
                    w.key("roles"); w.array(u.roles) { w, r in w.string(r.rawValue) }
                    w.key("unitId"); w.int(u.unitId)
                    w.key("username"); w.string(u.username)
                }
            } else {
                w.string(nil)
            }
        }
        return w.bytes
    }
}

/// ISO-8601 in UTC to the second, as JSONEncoder's `.iso8601` writes it.
enum ISO8601Format {
    static func string(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

struct SessionDTO: Encodable, Sendable {
    var user: UserDTO?
    var permissions: [String]

    enum CodingKeys: String, CodingKey { case user, permissions }

    init(_ user: User?) {
        self.user = user.map(UserDTO.init)
        permissions = (user?.permissions ?? []).sorted().map(\.rawValue)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(user, forKey: .user)
        try c.encode(permissions, forKey: .permissions)
    }
}

struct PageDTO<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var total: Int
    var page: Int
    var pageSize: Int

    init<T>(_ page: Page<T>, _ transform: (T) -> Item) {
        items = page.items.map(transform)
        total = page.total
        self.page = page.page
        pageSize = page.pageSize
    }
}

struct ItemsDTO<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
}

struct AuditEntryDTO: Encodable, Sendable {
    var id: Int
    var at: Date
    var actor: String
    var actorId: Int?
    var action: String
    var objectType: String
    var objectId: String?
    var before: RawJSON?
    var after: RawJSON?
    var requestId: String?

    enum CodingKeys: String, CodingKey { case id, at, actor, actorId, action, objectType, objectId, before, after, requestId }

    init(_ e: AuditEntry) {
        id = e.id
        at = Date(millis: e.at)
        actor = e.actorName
        actorId = e.actorId
        action = e.action
        objectType = e.objectType
        objectId = e.objectId
        before = e.before.flatMap(RawJSON.init)
        after = e.after.flatMap(RawJSON.init)
        requestId = e.requestId
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(at, forKey: .at)
        try c.encode(actor, forKey: .actor)
        try c.encode(actorId, forKey: .actorId)
        try c.encode(action, forKey: .action)
        try c.encode(objectType, forKey: .objectType)
        try c.encode(objectId, forKey: .objectId)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode(requestId, forKey: .requestId)
    }
}

/// Stored JSON passed through as a JSON value, not as a string.
struct RawJSON: Encodable, Sendable {
    let value: JSONValue
    init?(_ text: String) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return nil }
        self.value = value
    }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

indirect enum JSONValue: Codable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): if n == n.rounded(), abs(n) < 1e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

// Request bodies.
struct LoginBody: Decodable { var username: String; var password: String }
struct PasswordChangeBody: Decodable { var currentPassword: String; var newPassword: String }
struct CreateUserBody: Decodable {
    var username: String
    var displayName: String
    var password: String
    var roles: [Role]
    var unitId: Int?
    var regionId: Int?
}
struct UpdateUserBody: Decodable {
    var displayName: String?
    var roles: [Role]?
    var unitId: Int??
    var regionId: Int??
    var disabled: Bool?
    var password: String?

    enum CodingKeys: String, CodingKey { case displayName, roles, unitId, regionId, disabled, password }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        displayName = try c.decodeIfPresent(String.self, forKey: .displayName)
        roles = try c.decodeIfPresent([Role].self, forKey: .roles)
        // Present-and-null clears the field; absent leaves it alone.
        unitId = c.contains(.unitId) ? .some(try c.decodeIfPresent(Int.self, forKey: .unitId)) : nil
        regionId = c.contains(.regionId) ? .some(try c.decodeIfPresent(Int.self, forKey: .regionId)) : nil
        disabled = try c.decodeIfPresent(Bool.self, forKey: .disabled)
        password = try c.decodeIfPresent(String.self, forKey: .password)
    }
}
struct CreateUnitBody: Decodable { var name: String; var parentId: Int?; var code: String? }
struct CreateRegionBody: Decodable { var name: String; var parentId: Int?; var level: RegionLevel }

extension Date {
    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
