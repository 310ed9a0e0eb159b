import Database

extension Migrations {
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
}
