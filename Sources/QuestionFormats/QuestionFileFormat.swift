import Questions

/// The file formats Pufa reads and writes question banks in.
public enum QuestionFileFormat: String, Sendable, CaseIterable, Codable {
    /// Questions/*.yaml — see Questions/FORMAT.md.
    case native
    /// Moodle's GIFT text format.
    case gift
    /// Moodle XML.
    case moodleXML = "moodle-xml"
    /// The common Chinese spreadsheet template (题型, 题干, 选项A…F, 答案, 解析, 法条依据, 难度, 分类), as CSV.
    case csv
    /// The same template as an Excel workbook.
    case xlsx

    /// Guesses the format from the file name, then from the first bytes.
    public static func detect(filename: String, bytes: [UInt8]) -> QuestionFileFormat? {
        let lower = filename.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .native }
        if lower.hasSuffix(".gift") || lower.hasSuffix(".txt") { return .gift }
        if lower.hasSuffix(".xml") { return .moodleXML }
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".xlsx") { return .xlsx }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if bytes.starts(with: Array("<?xml".utf8)) || bytes.starts(with: Array("<quiz".utf8)) { return .moodleXML }
        if bytes.starts(with: Array("bank:".utf8)) { return .native }
        return nil
    }

    public var fileExtension: String {
        switch self {
        case .native: "yaml"
        case .gift: "gift.txt"
        case .moodleXML: "xml"
        case .csv: "csv"
        case .xlsx: "xlsx"
        }
    }

    public var contentType: String {
        switch self {
        case .native: "application/yaml; charset=utf-8"
        case .gift: "text/plain; charset=utf-8"
        case .moodleXML: "application/xml; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}

/// A question as written out: its content plus the id and status that travel with it.
public struct ExportQuestion: Sendable, Equatable {
    public var externalId: String?
    public var content: QuestionContent
    public var status: QuestionStatus

    public init(externalId: String?, content: QuestionContent, status: QuestionStatus = .active) {
        self.externalId = externalId
        self.content = content
        self.status = status
    }
}

/// A bank to write out.
public struct ExportBank: Sendable, Equatable {
    public var name: String
    public var law: String?
    public var description: String?
    public var questions: [ExportQuestion]

    public init(name: String, law: String? = nil, description: String? = nil, questions: [ExportQuestion]) {
        self.name = name
        self.law = law
        self.description = description
        self.questions = questions
    }
}

/// Reading and writing every format through one door.
public enum QuestionFiles {
    /// Largest file accepted for import.
    public static let maxBytes = 10 * 1024 * 1024

    /// Parses and validates a file. Either every question is good, or every problem is returned, located.
    public static func parse(_ bytes: [UInt8], filename: String, format: QuestionFileFormat? = nil) -> Result<ParsedBank, [ImportProblem]> {
        let origin = SourceLocation(file: filename, line: 1)
        guard bytes.count <= maxBytes else {
            return .failure([ImportProblem(origin, "文件超过 \(maxBytes / 1024 / 1024) MB / the file is larger than \(maxBytes / 1024 / 1024) MB")])
        }
        guard let format = format ?? QuestionFileFormat.detect(filename: filename, bytes: bytes) else {
            return .failure([ImportProblem(origin, "无法识别文件格式 / unknown file format; use .yaml, .gift.txt, .xml, .csv or .xlsx")])
        }
        let parsed: Result<ParsedBank, [ImportProblem]>
        switch format {
        case .native: parsed = NativeFormat.parse(bytes, file: filename)
        case .gift: parsed = TextDecoding.spreadsheetText(bytes, file: filename).flatMap { GiftFormat.parse($0, file: filename) }
        case .moodleXML: parsed = MoodleXMLFormat.parse(bytes, file: filename)
        case .csv: parsed = TextDecoding.spreadsheetText(bytes, file: filename).flatMap { CSVFormat.parse($0, file: filename) }
        case .xlsx: parsed = XLSXFormat.parse(bytes, file: filename)
        }
        return parsed.flatMap { bank in
            let problems = bank.problems()
            return problems.isEmpty ? .success(bank) : .failure(problems)
        }
    }

    public static func export(_ bank: ExportBank, as format: QuestionFileFormat) throws -> [UInt8] {
        switch format {
        case .native: Array(NativeFormat.export(bank).utf8)
        case .gift: Array(GiftFormat.export(bank).utf8)
        case .moodleXML: Array(MoodleXMLFormat.export(bank).utf8)
        case .csv: Array(CSVFormat.export(bank).utf8)
        case .xlsx: try XLSXFormat.export(bank)
        }
    }
}
