import Database

extension Migrations {
    /// Exact distinct persons without scanning: persons get dense numbers, and each closed Beijing day keeps one set of
    /// numbers per kind and dimension value (see `Reach.DaySets`), so a range's 人数 is the size of a union of sets.
    static let reachSets = Migration("016_reach_sets", """
        CREATE TABLE reach_person_numbers (
            person TEXT PRIMARY KEY,
            number INTEGER NOT NULL UNIQUE CHECK (number >= 0)
        );

        -- One set per day, kind, dimension and value; `rows` is how many reach_persons rows the day had when the sets
        -- were built, so a late event for a closed day shows the day's sets as stale until they are built again.
        CREATE TABLE reach_day_sets (
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            dim TEXT NOT NULL,
            value INTEGER NOT NULL,
            rows INTEGER NOT NULL,
            persons BLOB NOT NULL,
            PRIMARY KEY (day, kind, dim, value)
        ) WITHOUT ROWID;

        -- reach_persons rows per day, bumped by ingestion in the same transaction.
        CREATE TABLE reach_day_rows (
            day TEXT PRIMARY KEY,
            rows INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO reach_day_rows (day, rows) SELECT day, count(*) FROM reach_persons GROUP BY day;
        """)
}
