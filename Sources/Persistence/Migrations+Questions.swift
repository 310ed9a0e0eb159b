import Database

extension Migrations {
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
}
