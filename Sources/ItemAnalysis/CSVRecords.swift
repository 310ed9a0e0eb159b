/// One record of a CSV file and the line it starts on.
struct CSVRecord: Equatable {
    var line: Int
    var fields: [String]
}

/// RFC 4180 records: comma-separated, fields optionally in double quotes with `""` for a quote, LF or CRLF line
/// ends. A quoted field may span lines; each record keeps the line it starts on so errors point into the file.
/// Records whose fields are all blank (an empty line, or the `,,,` rows spreadsheets leave) are skipped.
enum CSVRecords {
    static func parse(_ text: String, file: String) throws(ItemAnalysisError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 0
        var inQuotes = false
        var afterQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()

        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if fields.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
        }

        while let c = pending {
            pending = scalars.next()
            if inQuotes {
                if c == "\"" {
                    if pending == "\"" { field.append(c); pending = scalars.next() } else { inQuotes = false; afterQuote = true }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.allSatisfy(\.properties.isWhitespace) && !afterQuote:
                field = String.UnicodeScalarView()
                inQuotes = true
                quoteLine = line
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                afterQuote = false
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
        }
        guard !inQuotes else { throw .input(file: file, line: quoteLine, reason: "a quoted field is never closed") }
        endRecord()
        return records
    }
}
