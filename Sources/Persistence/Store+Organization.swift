import Accounts
import Database

extension Store: OrganizationStore, AuditStore {
    public func units() throws -> [Unit] {
        try pool.read { try $0.query(AccountSQL.units).map(Self.unit) }
    }

    public func regions() throws -> [Region] {
        try pool.read { try $0.query(AccountSQL.regions).compactMap(Self.region) }
    }

    public func insertUnit(name: String, parentId: Int?, code: String?, now: Int64, actor: Actor) throws -> Unit {
        try OrganizationRules.checkUnit(name: name, code: code)
        return try pool.write { db in
            if let parentId, try db.queryOne(AccountSQL.unitById, [parentId]) == nil {
                throw AccountError.invalid("上级单位不存在 / parent unit \(parentId) does not exist")
            }
            do {
                try db.run(AccountSQL.insertUnit, [parentId, name.trimmingCharacters(in: .whitespaces), code, now])
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw AccountError.invalid("单位代码「\(code ?? "")」已存在 / unit code already exists")
            }
            let unit = Unit(id: Int(db.lastInsertRowID), parentId: parentId, name: name, code: code)
            try audit(db, actor, "unit.create", "unit", String(unit.id), before: nil, after: Self.json(unit), now: now)
            return unit
        }
    }

    public func insertRegion(name: String, parentId: Int?, level: RegionLevel, now: Int64, actor: Actor) throws -> Region {
        try pool.write { db in
            let parent = try parentId.flatMap { try db.queryOne(AccountSQL.regionById, [$0]).flatMap(Self.region) }
            if parentId != nil && parent == nil {
                throw AccountError.invalid("上级地区不存在 / parent region does not exist")
            }
            try OrganizationRules.checkRegion(name: name, level: level, parent: parent)
            do {
                try db.run(AccountSQL.insertRegion, [parentId, name.trimmingCharacters(in: .whitespaces), level.rawValue, now])
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw AccountError.invalid("同一上级下已有「\(name)」 / \(name) already exists there")
            }
            let region = Region(id: Int(db.lastInsertRowID), parentId: parentId, name: name, level: level)
            try audit(db, actor, "region.create", "region", String(region.id), before: nil, after: Self.json(region), now: now)
            return region
        }
    }

    public func auditEntries(page: Int, pageSize: Int) throws -> Page<AuditEntry> {
        try pool.read { db in
            let total = try db.scalar(AccountSQL.auditCount).int ?? 0
            let rows = try db.query(AccountSQL.auditPage, [pageSize, (page - 1) * pageSize])
            let items = rows.map {
                AuditEntry(id: $0.int("id") ?? 0, at: $0.int64("at") ?? 0, actorId: $0.int("actor_id"),
                           actorName: $0.string("actor_name") ?? "", action: $0.string("action") ?? "",
                           objectType: $0.string("object_type") ?? "", objectId: $0.string("object_id"),
                           before: $0.string("before_json"), after: $0.string("after_json"),
                           requestId: $0.string("request_id"))
            }
            return Page(items: items, total: total, page: page, pageSize: pageSize)
        }
    }

    static func unit(_ row: Row) -> Unit {
        Unit(id: row.int("id") ?? 0, parentId: row.int("parent_id"), name: row.string("name") ?? "",
             code: row.string("code"))
    }

    static func region(_ row: Row) -> Region? {
        guard let level = row.string("level").flatMap(RegionLevel.init) else { return nil }
        return Region(id: row.int("id") ?? 0, parentId: row.int("parent_id"), name: row.string("name") ?? "", level: level)
    }
}
