import Database

extension Migrations {
    /// A unit's rollup cells by day, so a dashboard filtered to an office (a unit without children, which has no tree
    /// sums of its own) reads that office's cells of the range rather than every cell of it — as villages do through
    /// `reach_hourly_region` (see `ReachQuerySQL.hourly(_:_:)`).
    static let reachUnitCells = Migration("021_reach_unit_cells", """
        CREATE INDEX reach_hourly_unit ON reach_hourly(unit_id, day);
        """)
}
