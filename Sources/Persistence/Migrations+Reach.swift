import Database

extension Migrations {
    /// Reach and effect: raw events (prunable), hourly rollups, who was reached once per day and piece, and the
    /// figures of what ingestion refused. No raw address is ever stored: persons are profiles or device keys.
    static let reach = Migration("013_reach", """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            -- "p:<profile id>" for a known person, "d:<keyed digest of the device id or of a daily-salted address>".
            person TEXT NOT NULL,
            client_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            content_id INTEGER NOT NULL REFERENCES content(id),
            campaign_id INTEGER,
            channel TEXT NOT NULL DEFAULT '',
            at INTEGER NOT NULL,
            day TEXT NOT NULL,
            hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
            seconds INTEGER NOT NULL DEFAULT 0,
            depth REAL NOT NULL DEFAULT 0,
            -- Not a person reading: bot, tool, link_preview, prefetch, no_agent. Counted apart.
            label TEXT NOT NULL DEFAULT '',
            clamped TEXT,
            received_at INTEGER NOT NULL,
            UNIQUE (person, client_id)
        );
        CREATE INDEX events_received ON events(received_at);

        -- The rollup: one row per Beijing hour × piece × campaign × channel × region × unit × audience groups × kind ×
        -- label. `person_times` counts a person once per piece, kind and day (人次); `events` counts every report.
        CREATE TABLE reach_hourly (
            day TEXT NOT NULL,
            hour INTEGER NOT NULL,
            content_id INTEGER NOT NULL,
            campaign_id INTEGER NOT NULL DEFAULT 0,
            channel TEXT NOT NULL DEFAULT '',
            region_id INTEGER NOT NULL DEFAULT 0,
            unit_id INTEGER NOT NULL DEFAULT 0,
            groups_mask INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            events INTEGER NOT NULL DEFAULT 0,
            person_times INTEGER NOT NULL DEFAULT 0,
            engaged_seconds INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (day, hour, content_id, campaign_id, channel, region_id, unit_id, groups_mask, kind, label)
        ) WITHOUT ROWID;

        -- Who was reached: once per piece, kind, person and day, with the person's dimensions at the time. Unique
        -- persons (人数) over any range are counted here, so pruning raw events changes no figure.
        CREATE TABLE reach_persons (
            content_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            person TEXT NOT NULL,
            day TEXT NOT NULL,
            campaign_id INTEGER NOT NULL DEFAULT 0,
            region_id INTEGER NOT NULL DEFAULT 0,
            unit_id INTEGER NOT NULL DEFAULT 0,
            groups_mask INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (content_id, kind, person, day)
        ) WITHOUT ROWID;
        CREATE INDEX reach_persons_day ON reach_persons(day, kind);

        -- What ingestion did not count, by Beijing day and reason (duplicates, unknown kinds, too old…).
        CREATE TABLE event_rejections (
            day TEXT NOT NULL,
            reason TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (day, reason)
        ) WITHOUT ROWID;
        """)
}
