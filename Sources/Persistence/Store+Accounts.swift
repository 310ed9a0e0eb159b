import Accounts
import Database

extension Store: AccountStore {
    public func user(id: Int) throws -> User? {
        try pool.read { try $0.queryOne(AccountSQL.userById, [id]).map(Self.user) }
    }

    public func credentials(username: String) throws -> (user: User, passwordHash: String)? {
        try pool.read { db in
            try db.queryOne(AccountSQL.credentials, [username]).map { (Self.user($0), $0.string("password_hash") ?? "") }
        }
    }

    public func users(_ query: UserQuery) throws -> Page<User> {
        var clauses: [String] = []
        var args: [any SQLBindable] = []
        if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            clauses.append("(u.username LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')")
            let pattern = "%" + escapeLike(text) + "%"
            args += [pattern, pattern]
        }
        if let role = query.role {
            clauses.append("EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ?)")
            args.append(role.rawValue)
        }
        if let units = query.unitIds {
            clauses.append("u.unit_id IN (SELECT value FROM json_each(?))")
            args.append("[" + units.sorted().map(String.init).joined(separator: ",") + "]")
        }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try pool.read { db in
            let total = try db.scalar("SELECT count(*) FROM users u \(filter)", args).int ?? 0
            let rows = try db.query("SELECT \(AccountSQL.userColumns) FROM users u \(filter) ORDER BY u.id LIMIT ? OFFSET ?",
                                    args + [query.pageSize, (query.page - 1) * query.pageSize])
            return Page(items: rows.map(Self.user), total: total, page: query.page, pageSize: query.pageSize)
        }
    }

    public func countActiveAdmins() throws -> Int {
        try pool.read { try $0.scalar(AccountSQL.countActiveAdmins).int ?? 0 }
    }

    public func insertUser(_ new: NewUser, passwordHash: String, now: Int64, actor: Actor) throws -> User {
        try pool.write { db in
            do {
                try db.run(AccountSQL.insertUser, [new.username, new.displayName.trimmingCharacters(in: .whitespaces),
                                                   passwordHash, new.unitId, new.regionId, now, now])
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw AccountError.usernameTaken(new.username)
            } catch let error as DatabaseError where error.isForeignKeyViolation {
                throw AccountError.invalid("单位或地区不存在 / unknown unit or region")
            }
            let id = Int(db.lastInsertRowID)
            for role in new.roles.sorted() { try db.run(AccountSQL.insertRole, [id, role.rawValue]) }
            guard let user = try db.queryOne(AccountSQL.userById, [id]).map(Self.user) else {
                throw AccountError.notFound("user \(id)")
            }
            try audit(db, actor, "user.create", "user", String(id), before: nil, after: Self.json(user), now: now)
            return user
        }
    }

    public func updateUser(id: Int, change: UserChange, passwordHash: String?, now: Int64, actor: Actor) throws -> User {
        try pool.write { db in
            guard let before = try db.queryOne(AccountSQL.userById, [id]).map(Self.user) else {
                throw AccountError.notFound("user \(id)")
            }
            var after = before
            if let name = change.displayName { after.displayName = name.trimmingCharacters(in: .whitespaces) }
            if let unit = change.unitId { after.unitId = unit }
            if let region = change.regionId { after.regionId = region }
            if let disabled = change.disabled { after.disabled = disabled }
            if let roles = change.roles { after.roles = roles }
            if before.roles.contains(.admin), !before.disabled, !after.roles.contains(.admin) || after.disabled {
                // Checked inside the write so two concurrent demotions cannot both pass.
                if (try db.scalar(AccountSQL.countActiveAdmins).int ?? 0) <= 1 { throw AccountError.lastAdmin }
            }
            do {
                try db.run(AccountSQL.updateUser, [after.displayName, after.unitId, after.regionId, after.disabled, now, id])
            } catch let error as DatabaseError where error.isForeignKeyViolation {
                throw AccountError.invalid("单位或地区不存在 / unknown unit or region")
            }
            if let roles = change.roles {
                try db.run(AccountSQL.deleteRoles, [id])
                for role in roles.sorted() { try db.run(AccountSQL.insertRole, [id, role.rawValue]) }
            }
            if let passwordHash {
                try db.run(AccountSQL.updatePassword, [passwordHash, now, id])
            }
            // A disabled account or a new password ends every open session of that account.
            if after.disabled || passwordHash != nil { try db.run(AccountSQL.deleteUserSessions, [id]) }
            try db.run(AccountSQL.bumpAuthEpoch)
            var afterJSON = Self.json(after)
            if passwordHash != nil { afterJSON = afterJSON.map { String($0.dropLast()) + ",\"passwordChanged\":true}" } }
            try audit(db, actor, "user.update", "user", String(id), before: Self.json(before), after: afterJSON, now: now)
            return after
        }
    }

    public func recordLogin(userId: Int, session: Session, now: Int64) throws {
        try pool.write { db in
            try db.run(AccountSQL.recordLogin, [now, userId])
            try db.run(AccountSQL.insertSession, [session.tokenDigest, userId, session.createdAt, session.expiresAt,
                                                  session.csrfToken])
            try db.run(AccountSQL.deleteExpiredSessions, [now])
        }
    }

    public func session(digest: String) throws -> Session? {
        try pool.read { db in
            try db.queryOne(AccountSQL.sessionByDigest, [digest]).map {
                Session(tokenDigest: $0.string("token_digest") ?? "", userId: $0.int("user_id") ?? 0,
                        createdAt: $0.int64("created_at") ?? 0, expiresAt: $0.int64("expires_at") ?? 0,
                        csrfToken: $0.string("csrf_token") ?? "")
            }
        }
    }

    public func sessionWithUser(digest: String) throws -> (session: Session, user: User)? {
        try pool.read { db in
            try db.queryOne(AccountSQL.sessionWithUser, [digest]).map { row in
                (Session(tokenDigest: row.string("token_digest") ?? "", userId: row.int("user_id") ?? 0,
                         createdAt: row.int64("session_created_at") ?? 0, expiresAt: row.int64("expires_at") ?? 0,
                         csrfToken: row.string("csrf_token") ?? ""),
                 Self.user(row))
            }
        }
    }

    /// Moves a session's idle expiry without waiting for the disk: requests that resolve a session run on the
    /// event-loop threads, and an extension lost in a crash only lets the session end a little earlier.
    public func extendSession(digest: String, expiresAt: Int64) {
        pool.writeAsync(singleStatement: true, { try $0.run(AccountSQL.extendSession, [expiresAt, digest]) }, completion: { _ in })
    }

    public func deleteSession(digest: String) throws {
        try pool.write { db in
            try db.run(AccountSQL.deleteSession, [digest])
            try db.run(AccountSQL.bumpAuthEpoch)
        }
    }

    public func authEpoch() throws -> String {
        try pool.read { try $0.scalar(AccountSQL.authEpoch).string ?? "0" }
    }

    public func failures(account: String, addressKey: String, since: Int64) throws -> (account: [Int64], address: [Int64]) {
        try pool.read { db in
            let a = try db.query(AccountSQL.accountFailures, [account, since]).compactMap { $0.int64("at") }
            let b = try db.query(AccountSQL.addressFailures, [addressKey, since]).compactMap { $0.int64("at") }
            return (a, b)
        }
    }

    public func recordFailure(account: String, addressKey: String, at: Int64) throws {
        try pool.write { db in
            try db.run(AccountSQL.insertFailure, [account, addressKey, at])
            // Keep the table small: failures older than a day no longer matter to any throttle.
            try db.run(AccountSQL.pruneFailures, [at - 24 * 60 * 60 * 1000])
        }
    }

    public func clearFailures(account: String) throws {
        try pool.write { try $0.run(AccountSQL.clearAccountFailures, [account]) }
    }

    static func user(_ row: Row) -> User {
        let roles = (row.string("roles") ?? "").split(separator: ",").compactMap { Role(rawValue: String($0)) }
        return User(id: row.int("id") ?? 0, username: row.string("username") ?? "",
                    displayName: row.string("display_name") ?? "", roles: Set(roles), unitId: row.int("unit_id"),
                    regionId: row.int("region_id"), disabled: row.bool("disabled") ?? false,
                    createdAt: row.int64("created_at") ?? 0, lastLoginAt: row.int64("last_login_at"),
                    previousLoginAt: row.int64("previous_login_at"), rank: row.string("rank").flatMap { Rank(rawValue: $0) }, phone: row.string("phone"))
    }
}
