extension Spreadsheet {
    /// A sheet as CSV the way Chinese Excel opens it: UTF-8 with a BOM, CRLF line ends, fields quoted when they must
    /// be and guarded against formulas (as the question export does). Numbers are written plainly, percentages as "98.5%".
    public static func csv(_ sheet: Sheet) -> String {
        func text(_ cell: Cell) -> String {
            switch cell {
            case .text(let s): s
            case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case .percent(let p): String(format: "%.1f%%", p * 100)
            case .empty: ""
            }
        }
        var lines = [sheet.header.map(CSVFormat.field).joined(separator: ",")]
        for row in sheet.rows { lines.append(row.map { CSVFormat.field(text($0)) }.joined(separator: ",")) }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
