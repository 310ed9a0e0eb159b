import Accounts
import Audience
import Database
import Draws
import Foundation

/// A stored audience profile: an account's or a resident's who left a phone.
public struct ProfileRecord: Sendable, Equatable {
    public var id: Int
    public var userId: Int?
    /// Personal information: whole here, masked in every DTO.
    public var phone: String?
    public var displayName: String
    public var groups: Set<AudienceGroup>
    public var attributes: ProfileAttributes
    public var lastActiveAt: Int64?
    public var createdAt: Int64
    public var updatedAt: Int64
}

/// What staff look at beside a profile's attributes: accuracy per knowledge point, reading, segments.
public struct ProfileDetail: Sendable {
    public struct Topic: Sendable { public var topic: String; public var answered: Int; public var correct: Double; public var lastDay: String }
    public struct Read: Sendable {
        public var slug: String; public var title: String; public var seconds: Int
        public var firstAt: Int64; public var lastAt: Int64; public var finishedAt: Int64?
    }
    public struct Membership: Sendable { public var segmentId: Int; public var name: String; public var heldOut: Bool }
    public var profile: ProfileRecord
    public var topics: [Topic]
    public var reads: [Read]
    public var segments: [Membership]
}

/// A staff search over profiles; nil means any.
public struct ProfileQuery: Sendable {
    public var text: String?
    public var group: AudienceGroup?
    public var regionId: Int?
    public var unitId: Int?
    public var page: Int
    public var pageSize: Int
    public init(text: String? = nil, group: AudienceGroup? = nil, regionId: Int? = nil, unitId: Int? = nil, page: Int = 1, pageSize: Int = 20) {
        self.text = text; self.group = group; self.regionId = regionId; self.unitId = unitId; self.page = page; self.pageSize = pageSize
    }
}

extension Store {
    /// The bits an account's rank and roles decide (leader, civil servant, enforcer, resident), bound into ProfileSQL.
    static var derivedBits: [any SQLBindable] {
        [AudienceGroup.leader.bit, AudienceGroup.civilServant.bit, AudienceGroup.enforcer.bit, AudienceGroup.resident.bit]
    }
    static var derivedMask: Int { AudienceGroup.mask([.leader, .civilServant, .enforcer, .resident]) }

    /// The profile of an account, created from the users row if it has none yet.
    public func accountProfileId(userId: Int, now: Int64) throws -> Int {
        if let id = try pool.read({ try $0.scalar(ProfileSQL.idByUser, [userId]).int }) { return id }
        return try pool.write { try Self.accountProfileId(db: $0, userId: userId, now: now) }
    }

    static func accountProfileId(db: Connection, userId: Int, now: Int64) throws -> Int {
        if let id = try db.scalar(ProfileSQL.idByUser, [userId]).int { return id }
        try db.run(ProfileSQL.insertAccounts, derivedBits + [now, userId])
        guard let id = try db.scalar(ProfileSQL.idByUser, [userId]).int else { throw AudienceError.notFound("账号 \(userId) / account \(userId)") }
        return id
    }

    /// Creates missing account profiles and refreshes name, unit, region and the rank-derived groups of the others
    /// (groups staff set, such as corrections or youth, stay). Returns how many rows changed.
    @discardableResult
    public func syncAccountProfiles(now: Int64) throws -> Int {
        try pool.write { db in
            let added = try db.run(ProfileSQL.insertAccounts, Self.derivedBits + [now, Int?.none])
            return added + (try db.run(ProfileSQL.syncAccounts, Self.derivedBits + [now, Int?.none, Self.derivedMask]))
        }
    }

    /// Creates the profiles of accounts added since the last sync (a read when there are none), so a new account is
    /// found and counted at once rather than at the next scheduled refresh.
    public func ensureAccountProfiles(now: Int64) throws {
        guard try pool.read({ try $0.scalar(ProfileSQL.accountsMissing).int }) == 1 else { return }
        try pool.write { _ = try $0.run(ProfileSQL.insertAccounts, Self.derivedBits + [now, Int?.none]) }
    }

    /// A resident who left a phone (a quiz entry): created or updated, and given a new token for their browser.
    /// Only the token's SHA-256 is kept.
    public func residentProfile(phone: String, nickname: String, regionId: Int?, now: Int64) throws -> (id: Int, token: String) {
        let token = Self.randomToken()
        let id = try pool.write { db in
            let id = try Self.upsertResident(db, phone: phone, nickname: nickname, regionId: regionId, now: now)
            try db.run(ProfileSQL.insertToken, [Digest.sha256Hex(token), id, now])
            return id
        }
        return (id, token)
    }

    static func upsertResident(_ db: Connection, phone: String, nickname: String, regionId: Int?, now: Int64) throws -> Int {
        guard let id = try db.queryOne(ProfileSQL.upsertResident, [phone, nickname, AudienceGroup.resident.bit, regionId, now])?.int("id") else {
            throw AudienceError.notFound("profile")
        }
        return id
    }

    /// The profile a browser's token stands for, if any.
    public func profileId(token: String) throws -> Int? {
        try pool.read { try $0.scalar(ProfileSQL.profileByToken, [Digest.sha256Hex(token)]).int }
    }

    /// Records activity (never moves it back).
    public func touchProfile(_ id: Int, at: Int64) throws {
        try pool.write { try $0.run(ProfileSQL.touch, [id, at]) }
    }

    public func profile(id: Int) throws -> ProfileRecord? {
        try pool.read { try $0.queryOne(ProfileSQL.byId, [id]).map(Self.profileRecord) }
    }

    public func profiles(_ q: ProfileQuery) throws -> Page<ProfileRecord> {
        let text = q.text?.trimmingCharacters(in: .whitespaces).nonEmptyText
        let digits = text.flatMap { t in t.allSatisfy(\.isASCII) && t.allSatisfy(\.isNumber) && t.count >= 3 ? t : nil }
        let filters: [any SQLBindable] = [text, digits, q.group?.bit ?? 0, q.regionId, q.unitId]
        return try pool.read { db in
            let total = try db.scalar(ProfileSQL.searchCount, filters).int ?? 0
            let rows = try db.query(ProfileSQL.search, filters + [q.pageSize, (q.page - 1) * q.pageSize])
            return Page(items: rows.map(Self.profileRecord), total: total, page: q.page, pageSize: q.pageSize)
        }
    }

    /// A profile with its facts: accuracy per knowledge point from `sinceDay` on, reading, segment memberships.
    public func profileDetail(id: Int, sinceDay: String) throws -> ProfileDetail? {
        try pool.read { db in
            guard let profile = try db.queryOne(ProfileSQL.byId, [id]).map(Self.profileRecord) else { return nil }
            let topics = try db.query(ProfileSQL.topicTotals, [id, sinceDay]).map {
                ProfileDetail.Topic(topic: $0.string("topic") ?? "", answered: $0.int("answered") ?? 0, correct: $0.double("correct") ?? 0,
                                    lastDay: $0.string("last_day") ?? "")
            }
            let reads = try db.query(ProfileSQL.reads, [id]).map {
                ProfileDetail.Read(slug: $0.string("slug") ?? "", title: $0.string("title") ?? "", seconds: $0.int("seconds") ?? 0,
                                   firstAt: $0.int64("first_at") ?? 0, lastAt: $0.int64("last_at") ?? 0, finishedAt: $0.int64("finished_at"))
            }
            let segments = try db.query(ProfileSQL.memberships, [id]).map {
                ProfileDetail.Membership(segmentId: $0.int("id") ?? 0, name: $0.string("name") ?? "", heldOut: $0.int("holdout") == 1)
            }
            return ProfileDetail(profile: profile, topics: topics, reads: reads, segments: segments)
        }
    }

    /// Staff change a profile's groups and attributes (checked here against the organization, audited).
    public func updateProfile(id: Int, _ attributes: ProfileAttributes, now: Int64, actor: Actor) throws -> ProfileRecord {
        let a = attributes.normalized
        return try pool.write { db in
            guard let before = try db.queryOne(ProfileSQL.byId, [id]).map(Self.profileRecord) else {
                throw AudienceError.notFound("对象 \(id) / profile \(id)")
            }
            let regions = Set(try db.query(ProfileSQL.regionIds).compactMap { $0.int("id") })
            let units = Set(try db.query(ProfileSQL.unitIds).compactMap { $0.int("id") })
            let problems = a.problems(knownRegions: regions, knownUnits: units)
            guard problems.isEmpty else { throw AudienceError.invalid(problems) }
            try db.run(ProfileSQL.update, [AudienceGroup.mask(a.groups), a.ageBand?.rawValue, a.occupation, Self.interestsJSON(a.interests),
                                           a.regionId, a.unitId, now, id])
            guard let after = try db.queryOne(ProfileSQL.byId, [id]).map(Self.profileRecord) else { throw AudienceError.notFound("profile") }
            try audit(db, actor, "profile.update", "profile", String(id), before: Self.auditJSON(before), after: Self.auditJSON(after), now: now)
            return after
        }
    }

    /// A person's own age band, occupation and interests.
    public func updateOwnProfile(id: Int, _ attributes: ProfileAttributes, now: Int64) throws -> ProfileRecord {
        let a = attributes.normalized
        let problems = ProfileAttributes(ageBand: a.ageBand, occupation: a.occupation, interests: a.interests).problems(knownRegions: [], knownUnits: [])
        guard problems.isEmpty else { throw AudienceError.invalid(problems) }
        return try pool.write { db in
            try db.run(ProfileSQL.updateOwn, [a.ageBand?.rawValue, a.occupation, Self.interestsJSON(a.interests), now, id])
            guard let after = try db.queryOne(ProfileSQL.byId, [id]).map(Self.profileRecord) else { throw AudienceError.notFound("profile") }
            return after
        }
    }

    static func interestsJSON(_ interests: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(interests)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The audit log's copy: the phone masked, as everywhere personal information leaves the table.
    static func auditJSON(_ p: ProfileRecord) -> String? {
        let object: [String: Any] = [
            "groups": AudienceGroup.groups(in: AudienceGroup.mask(p.groups)).map(\.rawValue), "phone": p.phone.map(Phone.masked) ?? NSNull(),
            "ageBand": p.attributes.ageBand?.rawValue ?? NSNull(), "occupation": p.attributes.occupation ?? NSNull(),
            "interests": p.attributes.interests, "regionId": p.attributes.regionId ?? NSNull(), "unitId": p.attributes.unitId ?? NSNull(),
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
    }

    static func profileRecord(_ row: Row) -> ProfileRecord {
        let mask = row.int("groups_mask") ?? 0
        let interests = (try? JSONDecoder().decode([String].self, from: Data((row.string("interests_json") ?? "[]").utf8))) ?? []
        return ProfileRecord(
            id: row.int("id") ?? 0, userId: row.int("user_id"), phone: row.string("phone"), displayName: row.string("display_name") ?? "",
            groups: Set(AudienceGroup.groups(in: mask)),
            attributes: ProfileAttributes(groups: Set(AudienceGroup.groups(in: mask)), ageBand: row.string("age_band").flatMap(AgeBand.init),
                                          occupation: row.string("occupation"), interests: interests, regionId: row.int("region_id"),
                                          unitId: row.int("unit_id")),
            lastActiveAt: row.int64("last_active_at"), createdAt: row.int64("created_at") ?? 0, updatedAt: row.int64("updated_at") ?? 0)
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()   // getrandom(2) on Linux: suitable for secrets
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

extension String {
    var nonEmptyText: String? { isEmpty ? nil : self }
}
