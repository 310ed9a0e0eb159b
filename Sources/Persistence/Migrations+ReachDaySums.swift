import Database

extension Migrations {
    /// The sums of `reach_hourly` for closed days, one dimension at a time, so the unfiltered dashboard and the yearly
    /// report add a few rows per day instead of every rollup cell (about one cell per event at county scale).
    static let reachDaySums = Migration("017_reach_day_sums", """
        -- Persons' events (label '') per Beijing day, bumped by ingestion: a day's sums are fresh while this matches
        -- the count they were built from.
        CREATE TABLE reach_day_events (
            day TEXT PRIMARY KEY,
            events INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO reach_day_events (day, events) SELECT day, sum(events) FROM reach_hourly WHERE label = '' GROUP BY day;

        -- One row per day, kind, dimension ('all', 'region', 'unit', 'groups', 'content', 'channel') and value.
        CREATE TABLE reach_day_sums (
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            dim TEXT NOT NULL,
            value NOT NULL,
            events INTEGER NOT NULL,
            person_times INTEGER NOT NULL,
            seconds INTEGER NOT NULL,
            PRIMARY KEY (day, kind, dim, value)
        ) WITHOUT ROWID;

        -- When a day's sums were built, from how many events.
        CREATE TABLE reach_day_sums_built (
            day TEXT PRIMARY KEY,
            events INTEGER NOT NULL
        ) WITHOUT ROWID;
        """)
}
