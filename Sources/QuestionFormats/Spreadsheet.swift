import Questions

/// Any table people upload — .xlsx, or CSV in UTF-8 (with or without BOM), UTF-16 or GB18030 — as rows of text
/// cells, for imports other than question banks (rosters). The format is told by the bytes, not the file name.
public enum Spreadsheet {
    public struct Table: Sendable, Equatable {
        /// The sheet's name for .xlsx (locations read `file:Sheet1!12`), nil for CSV (`file:12`).
        public var sheet: String?
        /// Row numbers as the spreadsheet program shows them; blank rows included.
        public var rows: [(line: Int, cells: [String])]

        public static func == (a: Table, b: Table) -> Bool {
            a.sheet == b.sheet && a.rows.count == b.rows.count
                && zip(a.rows, b.rows).allSatisfy { $0.line == $1.line && $0.cells == $1.cells }
        }
    }

    /// Reads the first sheet of a workbook or a whole CSV file; every problem comes back with its location.
    public static func read(_ bytes: [UInt8], file: String) -> Result<Table, [ImportProblem]> {
        if bytes.starts(with: [0x50, 0x4B]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return XLSXFormat.firstSheetRows(bytes, file: file).map { sheet in
                Table(sheet: sheet.name, rows: sheet.rows.map { ($0.line, $0.cells) })
            }
        }
        return TextDecoding.spreadsheetText(bytes, file: file).flatMap { text in
            var body = Substring(text)
            if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
            let (rows, problems) = CSVRecords.read(body, file: file)
            guard problems.isEmpty else { return .failure(problems) }
            return .success(Table(sheet: nil, rows: rows.map { ($0.line, $0.cells.map(CSVFormat.unguarded)) }))
        }
    }
}
