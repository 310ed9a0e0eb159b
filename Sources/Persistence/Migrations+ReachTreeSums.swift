import Database

extension Migrations {
    /// The day sums again under each region and unit that has children (its whole subtree added up), so a dashboard
    /// filtered to a town reads a few thousand sums instead of every rollup cell of the range; and a region's cells by
    /// day, so a village (a leaf, which has no sums of its own) reads only its own cells.
    static let reachTreeSums = Migration("019_reach_tree_sums", """
        -- One row per closed day, tree ('region' or 'unit'), node with children, kind, dimension and value: the persons'
        -- cells of the node's subtree added up. Dimension 'all' (value '') for every kind; 'region', 'unit', 'groups',
        -- 'content' and 'channel' for kind 'opened' only, the one the breakdowns show.
        CREATE TABLE reach_day_tree_sums (
            day TEXT NOT NULL,
            tree TEXT NOT NULL CHECK (tree IN ('region', 'unit')),
            node INTEGER NOT NULL,
            kind TEXT NOT NULL,
            dim TEXT NOT NULL,
            value NOT NULL,
            events INTEGER NOT NULL,
            person_times INTEGER NOT NULL,
            seconds INTEGER NOT NULL,
            PRIMARY KEY (day, tree, node, kind, dim, value)
        ) WITHOUT ROWID;

        -- The region and unit trees a day's sums were built with (a fingerprint): after staff change a tree, or for days
        -- summed before this migration (0), the job sums the day again; until then its tree sums are not used.
        ALTER TABLE reach_day_sums_built ADD COLUMN trees INTEGER NOT NULL DEFAULT 0;

        CREATE INDEX reach_hourly_region ON reach_hourly(region_id, day);
        """)
}
