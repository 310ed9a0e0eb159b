import Database

extension Migrations {
    static let foundation = Migration("001_foundation", """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER REFERENCES units(id),
            name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 64),
            code TEXT UNIQUE,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX units_parent ON units(parent_id);

        CREATE TABLE regions (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER REFERENCES regions(id),
            name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 64),
            level TEXT NOT NULL CHECK (level IN ('county', 'town', 'village')),
            created_at INTEGER NOT NULL,
            UNIQUE (parent_id, name)
        );

        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            unit_id INTEGER REFERENCES units(id),
            region_id INTEGER REFERENCES regions(id),
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            last_login_at INTEGER
        );
        CREATE INDEX users_unit ON users(unit_id);

        CREATE TABLE user_roles (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'organizer', 'official', 'resident')),
            PRIMARY KEY (user_id, role)
        ) WITHOUT ROWID;
        CREATE INDEX user_roles_role ON user_roles(role, user_id);

        CREATE TABLE sessions (
            token_digest TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            csrf_token TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX sessions_user ON sessions(user_id);
        CREATE INDEX sessions_expiry ON sessions(expires_at);

        -- Failed logins for throttling. Addresses are kept only as a keyed digest, never raw.
        CREATE TABLE login_failures (
            id INTEGER PRIMARY KEY,
            account TEXT NOT NULL COLLATE NOCASE,
            address_key TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX login_failures_account ON login_failures(account, at);
        CREATE INDEX login_failures_address ON login_failures(address_key, at);

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor_id INTEGER REFERENCES users(id),
            actor_name TEXT NOT NULL,
            action TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id TEXT,
            before_json TEXT,
            after_json TEXT,
            request_id TEXT
        );
        CREATE INDEX audit_log_at ON audit_log(at);
        """)

    /// The sign-in before the latest, so a person sees when they last signed in (not the sign-in of a moment ago).
    static let previousLogin = Migration("020_previous_login", """
        ALTER TABLE users ADD COLUMN previous_login_at INTEGER;
        """)
}
