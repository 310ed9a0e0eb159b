import Questions

/// RFC 4180 records with the physical line each one starts on.
enum CSVRecords {
    static func read(_ text: Substring, file: String) -> (rows: [SheetRow], problems: [ImportProblem]) {
        var state = State(file: file, delimiter: delimiter(text))
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            // A consumed lookahead (`""` inside quotes, CRLF) skips one more scalar.
            i += state.take(scalars[i], next: next) ? 2 : 1
        }
        if state.quoted {
            state.problem(state.quoteLine, "引号未闭合（从这一行开始）/ a quoted field opened here is never closed")
        }
        if !state.field.isEmpty || !state.cells.isEmpty || state.afterQuote { state.endRecord() }
        return (state.rows, state.problems)
    }

    struct State {
        let file: String
        let delimiter: Unicode.Scalar
        var rows: [SheetRow] = [], problems: [ImportProblem] = []
        var cells: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1, quoteLine = 1
        var quoted = false, afterQuote = false

        init(file: String, delimiter: Unicode.Scalar) {
            self.file = file
            self.delimiter = delimiter
        }

        mutating func problem(_ line: Int, _ reason: String) {
            problems.append(ImportProblem(SourceLocation(file: file, line: line), reason))
        }

        /// Reads one scalar; true when it also consumed `next`.
        mutating func take(_ c: Unicode.Scalar, next: Unicode.Scalar?) -> Bool {
            let crlf = c == "\r" && next == "\n"
            if quoted {
                if c == "\"" && next == "\"" { field.append("\""); return true }
                if c == "\"" { quoted = false; afterQuote = true; return false }
                if c == "\r" || c == "\n" {
                    // A line break inside a cell is kept as "\n" whatever the file's line ends are.
                    field.append("\n")
                    line += 1
                    return crlf
                }
                field.append(c)
                return false
            }
            if c == delimiter { endField(); return false }
            if c == "\r" || c == "\n" { endRecord(); return crlf }
            if c == "\"" && field.isEmpty && !afterQuote {
                quoted = true
                quoteLine = line
                return false
            }
            if afterQuote {
                problem(line, "引号字段结束后应为逗号或换行 / a quoted field must be followed by a comma or a line break")
                afterQuote = false
            }
            field.append(c)
            return false
        }

        mutating func endField() {
            cells.append(String(field))
            field = String.UnicodeScalarView()
            afterQuote = false
        }

        mutating func endRecord() {
            endField()
            rows.append(SheetRow(line: recordLine, cells: cells))
            cells = []
            line += 1
            recordLine = line
        }
    }

    /// Commas, unless the first lines have more tabs than commas (Excel's "Unicode text" is tab-separated).
    static func delimiter(_ text: Substring) -> Unicode.Scalar {
        let start = text.unicodeScalars.prefix(4096).split(separator: "\n", maxSplits: 5, omittingEmptySubsequences: false).prefix(5)
        let tabs = start.map { $0.filter { $0 == "\t" }.count }.reduce(0, +)
        let commas = start.map { $0.filter { $0 == "," }.count }.reduce(0, +)
        return tabs > commas ? "\t" : ","
    }
}
