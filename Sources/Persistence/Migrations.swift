import Database

/// Every schema change, in order. Append-only: a released migration is never edited.
public enum Migrations {
    public static let all: [Migration] = [foundation, questions, exams, officials, quizzes, live, quizReads, content]

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

    static let questions = Migration("002_questions", """
        CREATE TABLE question_banks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            law TEXT,
            description TEXT,
            created_at INTEGER NOT NULL
        );

        -- Category tree: law / part or chapter / topic, addressed by its full path.
        CREATE TABLE question_categories (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER REFERENCES question_categories(id),
            name TEXT NOT NULL,
            path TEXT NOT NULL UNIQUE
        );

        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            bank_id INTEGER NOT NULL REFERENCES question_banks(id),
            external_id TEXT UNIQUE,
            type TEXT NOT NULL CHECK (type IN ('single', 'multiple', 'judge', 'blank', 'case')),
            status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
            current_version INTEGER NOT NULL CHECK (current_version >= 1),
            category_id INTEGER REFERENCES question_categories(id),
            law TEXT,
            difficulty INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
            fingerprint TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX questions_bank ON questions(bank_id, status);
        CREATE INDEX questions_category ON questions(category_id);
        CREATE INDEX questions_fingerprint ON questions(fingerprint);
        CREATE INDEX questions_law ON questions(law, difficulty);

        -- Every version ever saved; attempts reference (question_id, version) and never see a later edit.
        CREATE TABLE question_versions (
            question_id INTEGER NOT NULL REFERENCES questions(id),
            version INTEGER NOT NULL,
            content TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            author_id INTEGER REFERENCES users(id),
            author_name TEXT,
            note TEXT,
            PRIMARY KEY (question_id, version)
        ) WITHOUT ROWID;

        CREATE TABLE question_topics (
            question_id INTEGER NOT NULL REFERENCES questions(id),
            topic TEXT NOT NULL,
            PRIMARY KEY (topic, question_id)
        ) WITHOUT ROWID;

        CREATE TABLE question_audiences (
            question_id INTEGER NOT NULL REFERENCES questions(id),
            audience TEXT NOT NULL,
            PRIMARY KEY (audience, question_id)
        ) WITHOUT ROWID;

        -- Chinese search (see SearchText): the normalized searchable text of each question's current version, and
        -- a contentless FTS5 index of its adjacent-character pairs; a query needs all its pairs, then the substring.
        CREATE TABLE question_text (
            question_id INTEGER PRIMARY KEY REFERENCES questions(id),
            body TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE question_grams USING fts5(grams, tokenize = 'unicode61', detail = none, content = '');
        """)

    static let exams = Migration("003_exams", """
        CREATE TABLE exams (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            year INTEGER NOT NULL,
            opens_at INTEGER NOT NULL,
            closes_at INTEGER NOT NULL CHECK (closes_at > opens_at),
            settings TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
            owner_unit_id INTEGER REFERENCES units(id),
            created_by INTEGER REFERENCES users(id),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );

        -- The roster is the denominator of participation: who was assigned, from which units.
        CREATE TABLE exam_roster (
            exam_id INTEGER NOT NULL REFERENCES exams(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            unit_id INTEGER REFERENCES units(id),
            PRIMARY KEY (exam_id, user_id)
        ) WITHOUT ROWID;
        CREATE TABLE exam_roster_units (
            exam_id INTEGER NOT NULL REFERENCES exams(id),
            unit_id INTEGER NOT NULL REFERENCES units(id),
            PRIMARY KEY (exam_id, unit_id)
        ) WITHOUT ROWID;

        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            exam_id INTEGER NOT NULL REFERENCES exams(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            number INTEGER NOT NULL CHECK (number >= 1),
            state TEXT NOT NULL CHECK (state IN ('ready', 'in_progress', 'submitted')),
            started_at INTEGER,
            deadline INTEGER,
            submitted_at INTEGER,
            submitted_by TEXT CHECK (submitted_by IN ('candidate', 'deadline')),
            owner_client TEXT,
            score REAL,
            max_score REAL NOT NULL,
            passed INTEGER,
            needs_marking INTEGER NOT NULL DEFAULT 0,
            digest TEXT,
            UNIQUE (exam_id, user_id, number)
        );
        CREATE INDEX attempts_due ON attempts(state, deadline);
        CREATE INDEX attempts_user ON attempts(user_id, exam_id);

        -- Each candidate's paper: the exact question version per slot and the order its options are shown in.
        CREATE TABLE attempt_items (
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            slot INTEGER NOT NULL,
            question_id INTEGER NOT NULL,
            version INTEGER NOT NULL,
            points REAL NOT NULL CHECK (points > 0),
            option_order TEXT NOT NULL,
            PRIMARY KEY (attempt_id, slot),
            FOREIGN KEY (question_id, version) REFERENCES question_versions(question_id, version)
        ) WITHOUT ROWID;

        -- The newest save per slot (a save only replaces an older seq), and every save ever made, append-only.
        CREATE TABLE responses (
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            slot INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            response TEXT NOT NULL,
            saved_at INTEGER NOT NULL,
            PRIMARY KEY (attempt_id, slot)
        ) WITHOUT ROWID;
        CREATE TABLE response_steps (
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            slot INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            response TEXT NOT NULL,
            saved_at INTEGER NOT NULL
        );
        CREATE INDEX response_steps_attempt ON response_steps(attempt_id, slot, seq);

        -- Marks given by hand to case-analysis answers (the marking queue).
        CREATE TABLE manual_marks (
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            slot INTEGER NOT NULL,
            mark REAL NOT NULL CHECK (mark >= 0),
            comment TEXT,
            marker_id INTEGER REFERENCES users(id),
            marked_at INTEGER NOT NULL,
            PRIMARY KEY (attempt_id, slot)
        ) WITHOUT ROWID;

        -- Extra time or a later window for particular candidates (illness, a network outage in one office).
        CREATE TABLE exam_overrides (
            exam_id INTEGER NOT NULL REFERENCES exams(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            extra_minutes INTEGER NOT NULL DEFAULT 0 CHECK (extra_minutes BETWEEN 0 AND 600),
            closes_at INTEGER,
            PRIMARY KEY (exam_id, user_id)
        ) WITHOUT ROWID;

        CREATE TABLE attempt_events (
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            kind TEXT NOT NULL,
            at INTEGER NOT NULL,
            received_at INTEGER NOT NULL
        );
        CREATE INDEX attempt_events_attempt ON attempt_events(attempt_id, at);
        """)

    /// Officials' rank (the audience group of the annual exam's reports) and mobile number, from roster imports.
    static let officials = Migration("004_officials", """
        ALTER TABLE users ADD COLUMN rank TEXT CHECK (rank IN ('leader', 'civil_servant', 'enforcer'));
        -- Personal information: lists and exports show it masked; revealing it is a logged permission.
        ALTER TABLE users ADD COLUMN phone TEXT CHECK (phone IS NULL OR (length(phone) = 11 AND phone NOT GLOB '*[^0-9]*'));
        """)

    /// Public prize quizzes: rounds, entries (no account: a device key and an entry token), answers, the draw.
    static let quizzes = Migration("005_quizzes", """
        CREATE TABLE quiz_rounds (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
            opens_at INTEGER NOT NULL,
            closes_at INTEGER NOT NULL CHECK (closes_at > opens_at),
            settings_json TEXT NOT NULL,
            -- Fixed at publishing: the draw rules' canonical JSON and its SHA-256, shown to everyone from then on.
            rules_json TEXT,
            commitment TEXT,
            created_by INTEGER REFERENCES users(id),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            published_at INTEGER
        );

        CREATE TABLE quiz_entries (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            round_id INTEGER NOT NULL REFERENCES quiz_rounds(id),
            token_digest TEXT NOT NULL,
            device_key TEXT NOT NULL,
            day TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            items_json TEXT NOT NULL,
            finished_at INTEGER,
            score REAL,
            max_score REAL,
            nickname TEXT,
            -- Personal information: shown masked; one entry per phone per round enters the draw.
            phone TEXT CHECK (phone IS NULL OR (length(phone) = 11 AND phone NOT GLOB '*[^0-9]*')),
            region_id INTEGER REFERENCES regions(id),
            flags_json TEXT NOT NULL DEFAULT '[]',
            review TEXT CHECK (review IN ('cleared', 'excluded')),
            reviewed_by TEXT,
            reviewed_at INTEGER
        );
        CREATE INDEX quiz_entries_device ON quiz_entries(round_id, device_key, day);
        CREATE UNIQUE INDEX quiz_entries_phone ON quiz_entries(round_id, phone) WHERE phone IS NOT NULL;
        CREATE INDEX quiz_entries_round ON quiz_entries(round_id, finished_at);

        CREATE TABLE quiz_answers (
            entry_id INTEGER NOT NULL REFERENCES quiz_entries(id),
            slot INTEGER NOT NULL,
            response_json TEXT NOT NULL,
            fraction REAL NOT NULL CHECK (fraction BETWEEN 0 AND 1),
            late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
            answered_at INTEGER NOT NULL,
            PRIMARY KEY (entry_id, slot)
        ) WITHOUT ROWID;

        -- The draw of a round: the eligible list frozen after the close, then the public value and the result.
        CREATE TABLE quiz_draws (
            round_id INTEGER PRIMARY KEY REFERENCES quiz_rounds(id),
            eligible_text TEXT NOT NULL,
            eligible_digest TEXT NOT NULL,
            eligible_count INTEGER NOT NULL,
            frozen_at INTEGER NOT NULL,
            public_value TEXT,
            result_json TEXT,
            drawn_at INTEGER,
            drawn_by TEXT
        );

        CREATE TABLE quiz_winners (
            round_id INTEGER NOT NULL REFERENCES quiz_rounds(id),
            entry_public_id TEXT NOT NULL,
            prize TEXT NOT NULL,
            position INTEGER NOT NULL,
            -- Redemption codes are shown once to staff when drawn; only their digest is kept.
            code_digest TEXT NOT NULL,
            redeemed_at INTEGER,
            PRIMARY KEY (round_id, entry_public_id)
        ) WITHOUT ROWID;
        """)

    /// Live contests in a hall: the contest's phase, its players and their answers, so a restart loses nothing.
    static let live = Migration("006_live", """
        CREATE TABLE live_contests (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL,
            title TEXT NOT NULL,
            items_json TEXT NOT NULL,
            seconds_per_question INTEGER NOT NULL CHECK (seconds_per_question BETWEEN 5 AND 300),
            speed_scoring INTEGER NOT NULL CHECK (speed_scoring IN (0, 1)),
            phase TEXT NOT NULL DEFAULT 'lobby' CHECK (phase IN ('lobby', 'question', 'reveal', 'ended')),
            idx INTEGER NOT NULL DEFAULT -1,
            question_started_at INTEGER,
            deadline INTEGER,
            version INTEGER NOT NULL DEFAULT 1,
            stage INTEGER NOT NULL DEFAULT 1,
            created_by INTEGER REFERENCES users(id),
            created_at INTEGER NOT NULL
        );
        -- A code is unique among contests not yet ended.
        CREATE UNIQUE INDEX live_contests_code ON live_contests(code) WHERE phase <> 'ended';

        CREATE TABLE live_players (
            contest_id INTEGER NOT NULL REFERENCES live_contests(id),
            player_id INTEGER NOT NULL,
            nickname TEXT NOT NULL,
            token_digest TEXT NOT NULL,
            PRIMARY KEY (contest_id, player_id)
        ) WITHOUT ROWID;

        CREATE TABLE live_answers (
            contest_id INTEGER NOT NULL REFERENCES live_contests(id),
            player_id INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            response_json TEXT NOT NULL,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            points INTEGER NOT NULL CHECK (points >= 0),
            elapsed_ms INTEGER NOT NULL,
            PRIMARY KEY (contest_id, player_id, idx)
        ) WITHOUT ROWID;
        """)

    /// Which quiz entries went on to open the round's related reading (随学随测: did the answer lead to learning?).
    static let quizReads = Migration("007_quiz_reads", """
        CREATE TABLE quiz_reads (
            entry_id INTEGER PRIMARY KEY REFERENCES quiz_entries(id),
            first_at INTEGER NOT NULL
        );
        """)

    /// Teaching material: one row per piece (its current version), every version kept with its rendered HTML.
    static let content = Migration("008_content", """
        CREATE TABLE content (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 3 AND 80),
            status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'retired')),
            version INTEGER NOT NULL DEFAULT 1,
            title TEXT NOT NULL,
            publish_day TEXT,
            expire_day TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE content_versions (
            content_id INTEGER NOT NULL REFERENCES content(id),
            version INTEGER NOT NULL,
            meta_json TEXT NOT NULL,
            body TEXT NOT NULL,
            html TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            author TEXT,
            note TEXT,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (content_id, version)
        ) WITHOUT ROWID;
        """)
}
