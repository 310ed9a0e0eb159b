/// A marks file read into a matrix, with the names the file gave its attempts and questions.
public struct MarksTable: Sendable, Equatable {
    /// The header's question columns, in order.
    public let questionNames: [String]
    /// The first column of each data row.
    public let attemptIds: [String]
    public let matrix: ItemMatrix
}

/// Reads the marks file of `pufa stats items`: a header row (attempt id, then one name per question) and one row
/// per attempt (its id, then its mark on each question). Pure, so every refusal is unit-tested; the CLI only reads
/// the bytes and prints the error, which reads `FILE:LINE: reason`.
public enum MarksCSV {
    /// Decodes UTF-8 (dropping a BOM, as Excel writes one) and parses. `maxMarks` is the `--max-marks` text, e.g.
    /// `"1,2,0.5"`; without it every question is out of 1.
    public static func parse(bytes: [UInt8], file: String, maxMarks: String? = nil) throws(ItemAnalysisError) -> MarksTable {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.contains(0) { throw .input(file: file, line: 1, reason: "this is a binary file, not CSV text") }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .input(file: file, line: firstInvalidLine(body),
                         reason: "not valid UTF-8 text (save the file as CSV UTF-8; 请另存为 UTF-8 编码的 CSV)")
        }
        return try parse(text: text, file: file, maxMarks: maxMarks)
    }

    public static func parse(text: String, file: String, maxMarks: String? = nil) throws(ItemAnalysisError) -> MarksTable {
        let records = try CSVRecords.parse(text, file: file)
        guard let header = records.first else {
            throw .input(file: file, line: 1, reason: "the file is empty; expected a header row: attempt id, then one column per question")
        }
        guard header.fields.count > 1 else {
            throw .input(file: file, line: header.line,
                         reason: "the header names no questions; expected an attempt id column, then one column of marks per question")
        }
        let names = header.fields.dropFirst().enumerated().map { q, name in
            let trimmed = trim(name)
            return trimmed.isEmpty ? "Q\(q + 1)" : trimmed
        }
        let maxima = try maxMarks.map { text throws(ItemAnalysisError) in
            try parseMaxMarks(text, count: names.count, file: file, line: header.line)
        } ?? Array(repeating: 1, count: names.count)
        var ids: [String] = []
        var marks: [[Double]] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw .input(file: file, line: record.line,
                             reason: "\(record.fields.count) columns, but the header has \(header.fields.count)")
            }
            ids.append(trim(record.fields[0]))
            marks.append(try record.fields.dropFirst().enumerated().map { q, field throws(ItemAnalysisError) in
                try mark(field, question: names[q], max: maxima[q], file: file, line: record.line)
            })
        }
        do throws(ItemAnalysisError) {
            return MarksTable(questionNames: names, attemptIds: ids, matrix: try ItemMatrix(marks: marks, maxMarks: maxima))
        } catch {
            // Unreachable: every mark and maximum was checked above with its line.
            throw .input(file: file, line: header.line, reason: error.description)
        }
    }

    /// The `--max-marks` list: comma-separated (a full-width ， too), one positive number per question. Its
    /// problems are reported against the header line, which is what it has to match.
    static func parseMaxMarks(_ text: String, count: Int, file: String, line: Int) throws(ItemAnalysisError) -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "，", omittingEmptySubsequences: false) }
            .map { trim(String($0)) }
        guard parts.count == count else {
            throw .input(file: file, line: line,
                         reason: "--max-marks has \(parts.count) values, but the header has \(count) questions")
        }
        return try parts.enumerated().map { i, part throws(ItemAnalysisError) in
            guard let value = number(part), value > 0 else {
                throw .input(file: file, line: line,
                             reason: "--max-marks value \(i + 1) is \"\(part)\"; each must be a positive number")
            }
            return value
        }
    }

    static func mark(_ field: String, question: String, max: Double, file: String, line: Int) throws(ItemAnalysisError) -> Double {
        let text = trim(field)
        guard !text.isEmpty else { throw .input(file: file, line: line, reason: "the mark for \"\(question)\" is empty") }
        guard let value = number(text) else {
            throw .input(file: file, line: line, reason: "the mark \"\(text)\" for \"\(question)\" is not a number")
        }
        guard value >= 0 else { throw .input(file: file, line: line, reason: "the mark \(text) for \"\(question)\" is negative") }
        guard value <= max else {
            throw .input(file: file, line: line,
                         reason: "the mark \(text) for \"\(question)\" is above its maximum \(formatMax(max))")
        }
        return value
    }

    /// A plain decimal number (`3`, `0.5`, `-1`, `1e2`); not `nan`, `inf` or hexadecimal, which `Double(_:)` would take.
    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ "0123456789.+-eE".unicodeScalars.contains($0) }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }

    static func formatMax(_ max: Double) -> String {
        max == max.rounded() && abs(max) < 1e15 ? String(Int(max)) : "\(max)"
    }

    /// The 1-based line holding the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 { if b == 10 { line += 1 }; i += 1; continue }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0
            guard length > 0, i + length <= bytes.endIndex,
                  String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return line }
            i += length
        }
        return line
    }
}
