import Database

extension Migrations {
    /// Measured effect: who a run kept unreached, frozen when the run starts (segment membership is recomputed later,
    /// so the comparison group must be recorded, not re-derived).
    static let effect = Migration("015_effect", """
        CREATE TABLE campaign_holdouts (
            run_id INTEGER NOT NULL REFERENCES campaign_runs(id),
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            PRIMARY KEY (run_id, profile_id)
        ) WITHOUT ROWID;
        """)
}
