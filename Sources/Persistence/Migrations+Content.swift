import Database

extension Migrations {
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
