/// The SQL behind `SQLAccountStore`, by name. Parameters are always bound (`?`).
enum AccountSQL {
    static let userColumns = """
        u.id, u.username, u.display_name, u.unit_id, u.region_id, u.disabled, u.created_at, u.last_login_at, u.previous_login_at, u.rank, u.phone,
        (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles
        """
    static let userById = "SELECT \(userColumns) FROM users u WHERE u.id = ?"
    static let credentials = "SELECT \(userColumns), u.password_hash FROM users u WHERE u.username = ?"
    static let insertUser = """
        INSERT INTO users (username, display_name, password_hash, unit_id, region_id, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let insertRole = "INSERT INTO user_roles (user_id, role) VALUES (?, ?)"
    static let deleteRoles = "DELETE FROM user_roles WHERE user_id = ?"
    static let updateUser = """
        UPDATE users SET display_name = ?, unit_id = ?, region_id = ?, disabled = ?, updated_at = ? WHERE id = ?
        """
    static let updatePassword = "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"
    static let countActiveAdmins = """
        SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.disabled = 0
        """
    static let recordLogin = "UPDATE users SET previous_login_at = last_login_at, last_login_at = ? WHERE id = ?"

    static let insertSession = """
        INSERT INTO sessions (token_digest, user_id, created_at, expires_at, csrf_token) VALUES (?, ?, ?, ?, ?)
        """
    static let sessionByDigest = """
        SELECT token_digest, user_id, created_at, expires_at, csrf_token FROM sessions WHERE token_digest = ?
        """
    static let sessionWithUser = """
        SELECT s.token_digest, s.user_id, s.created_at AS session_created_at, s.expires_at, s.csrf_token, \(userColumns)
        FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_digest = ?
        """
    static let extendSession = "UPDATE sessions SET expires_at = ? WHERE token_digest = ?"
    static let deleteSession = "DELETE FROM sessions WHERE token_digest = ?"
    static let deleteUserSessions = "DELETE FROM sessions WHERE user_id = ?"
    static let deleteExpiredSessions = "DELETE FROM sessions WHERE expires_at <= ?"

    static let accountFailures = "SELECT at FROM login_failures WHERE account = ? AND at > ? ORDER BY at"
    static let addressFailures = "SELECT at FROM login_failures WHERE address_key = ? AND at > ? ORDER BY at"
    static let insertFailure = "INSERT INTO login_failures (account, address_key, at) VALUES (?, ?, ?)"
    static let clearAccountFailures = "DELETE FROM login_failures WHERE account = ?"
    static let pruneFailures = "DELETE FROM login_failures WHERE at <= ?"

    static let insertAudit = """
        INSERT INTO audit_log (at, actor_id, actor_name, action, object_type, object_id, before_json, after_json, request_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let auditPage = """
        SELECT id, at, actor_id, actor_name, action, object_type, object_id, before_json, after_json, request_id
        FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?
        """
    static let auditCount = "SELECT count(*) FROM audit_log"

    static let units = "SELECT id, parent_id, name, code FROM units ORDER BY parent_id IS NOT NULL, parent_id, name"
    static let unitById = "SELECT id, parent_id, name, code FROM units WHERE id = ?"
    static let insertUnit = "INSERT INTO units (parent_id, name, code, created_at) VALUES (?, ?, ?, ?)"
    static let regions = "SELECT id, parent_id, name, level FROM regions ORDER BY parent_id IS NOT NULL, parent_id, name"
    static let regionById = "SELECT id, parent_id, name, level FROM regions WHERE id = ?"
    static let insertRegion = "INSERT INTO regions (parent_id, name, level, created_at) VALUES (?, ?, ?, ?)"

    /// Bumped by every change that can end or alter a session (any process: the server or the CLI), so servers
    /// know to drop their cached sessions.
    static let bumpAuthEpoch = """
        INSERT INTO settings (key, value) VALUES ('auth_epoch', '1')
        ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
        """
    static let authEpoch = "SELECT value FROM settings WHERE key = 'auth_epoch'"
    static let getSetting = "SELECT value FROM settings WHERE key = ?"
    static let putSetting = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"

    // Roster imports: accounts looked up in one statement by a JSON array of usernames.
    static let accountsByUsernames = """
        SELECT u.id, u.username, u.unit_id, (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles
        FROM users u WHERE u.username IN (SELECT value FROM json_each(?))
        """
    static let insertOfficial = """
        INSERT INTO users (username, display_name, password_hash, unit_id, rank, phone, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    /// A sheet without a phone column (or an empty cell) keeps the number already on file.
    static let updateOfficial = """
        UPDATE users SET display_name = ?, unit_id = ?, rank = ?, phone = coalesce(?, phone), updated_at = ? WHERE id = ?
        """
    static let addRole = "INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (?, ?)"
    static let userPhone = "SELECT phone FROM users WHERE id = ?"

    /// Every statement above, for the test that prepares each against a migrated database.
    static let all: [String] = [
        userById, credentials, insertUser, insertRole, deleteRoles, updateUser, updatePassword, countActiveAdmins,
        recordLogin, insertSession, sessionByDigest, sessionWithUser, extendSession, deleteSession, deleteUserSessions,
        deleteExpiredSessions, accountFailures, addressFailures, insertFailure, clearAccountFailures, pruneFailures,
        insertAudit, auditPage, auditCount, units, unitById, insertUnit, regions, regionById, insertRegion,
        getSetting, putSetting, bumpAuthEpoch, authEpoch, accountsByUsernames, insertOfficial, updateOfficial, addRole,
        userPhone,
    ]
}
