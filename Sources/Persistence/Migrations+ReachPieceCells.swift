import Database

extension Migrations {
    /// A piece's rollup cells by day, so a dashboard filtered to one piece reads that piece's cells of the range
    /// rather than every cell of the range (see `ReachQuerySQL.hourly(_:_:)`).
    static let reachPieceCells = Migration("018_reach_piece_cells", """
        CREATE INDEX reach_hourly_piece ON reach_hourly(content_id, day);
        """)
}
