import Questions

/// The common Chinese question-bank template as CSV (columns and cell conventions: see `CSVTemplate`).
///
/// Reading follows RFC 4180: fields are separated by commas (or tabs, when the header row has more tabs than commas),
/// a field in double quotes may hold commas, `""` and line breaks, and every location is the physical line where
/// the record starts. Empty rows are skipped. A cell that starts with `'` followed by `=`, `+`, `-` or `@` loses
/// that one apostrophe: Pufa adds it on export so that Excel shows text instead of running a formula.
public enum CSVFormat {
    /// Reads decoded text (see `TextDecoding.spreadsheetText` for bytes); called by `QuestionFiles.parse`.
    /// Either every row is read, or every problem is returned with its line.
    public static func parse(_ text: String, file: String) -> Result<ParsedBank, [ImportProblem]> {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        let (rows, problems) = CSVRecords.read(body, file: file)
        let cells = rows.map { SheetRow(line: $0.line, cells: $0.cells.map(unguarded)) }
        let parsed = TemplateReader.read(cells, file: file, sheet: nil)
        guard !problems.isEmpty else { return parsed }
        if case .failure(let more) = parsed { return .failure(problems + more) }
        return .failure(problems)
    }

    /// Writes every column for every question, UTF-8 with a BOM (so Excel on Chinese Windows opens it as UTF-8)
    /// and CRLF line ends; parsing the output gives the same questions.
    public static func export(_ bank: ExportBank) -> String {
        let columns = CSVTemplate.columns(for: bank)
        var lines = [columns.map { field($0.header) }.joined(separator: ",")]
        for q in bank.questions {
            lines.append(CSVTemplate.cells(q, columns: columns).map(field).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it must be, after guarding against formulas.
    static func field(_ text: String) -> String {
        let value = guarded(text)
        let special = value.contains { $0 == "," || $0 == "\"" || $0 == "\t" || $0.isNewline }
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        return special ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    static let formulaStarts: Set<Character> = ["=", "+", "-", "@"]

    /// `=1+1` → `'=1+1`, and `'=1` → `''=1`, so that `unguarded` gives back exactly the original.
    static func guarded(_ text: String) -> String {
        let afterApostrophes = text.drop { $0 == "'" }
        guard let first = afterApostrophes.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    static func unguarded(_ cell: String) -> String {
        let afterApostrophes = cell.drop { $0 == "'" }
        guard cell.first == "'", let first = afterApostrophes.first, formulaStarts.contains(first) else { return cell }
        return String(cell.dropFirst())
    }
}
