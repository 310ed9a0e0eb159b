import Database

extension Migrations {
    /// Indexes for the reach dashboard: every figure is read through one of these or a table's primary key, so no
    /// dashboard query scans a table whose size grows with events.
    static let reachViews = Migration("014_reach_views", """
        -- Distinct persons per kind over a day range, filters and person answered from the index alone.
        CREATE INDEX reach_persons_kind_day ON reach_persons(kind, day, campaign_id, region_id, unit_id, groups_mask, person);
        CREATE INDEX deliveries_sent ON deliveries(sent_at) WHERE status = 'sent';
        CREATE INDEX campaign_runs_frozen ON campaign_runs(frozen_at);
        CREATE INDEX study_tasks_deadline ON study_tasks(deadline);
        -- Quiz conversion's "passed": a reader's entries by phone.
        CREATE INDEX quiz_entries_phone_day ON quiz_entries(phone, day) WHERE phone IS NOT NULL;
        """)
}
