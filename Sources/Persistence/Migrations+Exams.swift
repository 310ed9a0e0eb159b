import Database

extension Migrations {
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
}
