import Questions

/// Turns template rows (from CSV or XLSX) into questions, collecting every problem with its row.
struct TemplateReader {
    let file: String
    let sheet: String?
    var problems: [ImportProblem] = []

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, sheet: sheet) }

    /// Finds the header among the first rows (a title row may stand above it and then names the bank, otherwise the
    /// file name does) and reads every non-empty row under it.
    static func read(_ rows: [SheetRow], file: String, sheet: String?) -> Result<ParsedBank, [ImportProblem]> {
        var reader = TemplateReader(file: file, sheet: sheet)
        let filled = rows.filter { !$0.isEmpty }
        guard let first = filled.first else {
            return .failure([ImportProblem(reader.location(rows.first?.line ?? 1), "文件为空 / the file is empty")])
        }
        let headerIndex = filled.prefix(5).firstIndex { row in
            row.cells.contains { CSVColumn.aliases[CSVColumn.normalizedHeader($0)] == .stem }
        } ?? 0
        guard let columns = reader.columns(filled[headerIndex]) else { return .failure(reader.problems) }
        var name = TextDecoding.bankName(fromFile: file)
        let title = first.cells.map(\.trimmed).filter { !$0.isEmpty }
        if headerIndex > 0, title.count == 1 { name = title[0] }
        var questions: [SourceQuestion] = []
        for row in filled[(headerIndex + 1)...] {
            if let q = reader.question(row, columns) { questions.append(q) }
        }
        return reader.problems.isEmpty ? .success(ParsedBank(name: name, questions: questions)) : .failure(reader.problems)
    }

    /// Column index → column; nil, with one problem naming every missing required column, when some are missing.
    mutating func columns(_ header: SheetRow) -> [Int: CSVColumn]? {
        var columns: [Int: CSVColumn] = [:]
        var seen: Set<CSVColumn> = []
        for (i, text) in header.cells.enumerated() {
            guard let column = CSVColumn.aliases[CSVColumn.normalizedHeader(text)] else { continue }
            if seen.contains(column) {
                problems.append(ImportProblem(location(header.line), "列「\(text.trimmed)」重复 / column \(text.trimmed) appears twice"))
            }
            seen.insert(column)
            columns[i] = column
        }
        let missing = CSVColumn.required.filter { !seen.contains($0) }.map(\.header)
        if !missing.isEmpty {
            problems.append(ImportProblem(location(header.line), "缺少必需的列：\(missing.joined(separator: "、")) / "
                + "missing required columns: \(missing.joined(separator: ", "))"))
        }
        return problems.isEmpty ? columns : nil
    }

    mutating func question(_ row: SheetRow, _ columns: [Int: CSVColumn]) -> SourceQuestion? {
        var values: [CSVColumn: String] = [:]
        for (i, cell) in row.cells.enumerated() { if let column = columns[i] { values[column] = cell.trimmed } }
        let at = location(row.line), before = problems.count
        let typeText = values[.type] ?? ""
        guard let type = TemplateValues.type(typeText) else {
            problems.append(ImportProblem(at, typeText.isEmpty ? "缺少题型 / the type (题型) is missing"
                : "未知题型「\(typeText)」（应为单选、多选、判断、填空、案例）/ unknown type \(typeText)"))
            return nil
        }
        let key = answer(values[.answer] ?? "", type: type, at: at)
        let difficulty = value(values[.difficulty], "难度", at, default: 2, TemplateValues.difficulty)
        let status = value(values[.status], "状态", at, default: .active, TemplateValues.status)
        let points = value(values[.points], "分值", at, default: nil) { Int($0).map { Optional($0) } }
        let content = QuestionContent(
            type: type, stem: values[.stem] ?? "", options: options(values), key: key ?? .reference(""),
            explanation: values[.explanation] ?? "", basis: values[.basis] ?? "", quote: values[.quote] ?? "",
            category: values[.category] ?? "", topics: TemplateValues.split(values[.topics] ?? "", by: "；;、"),
            difficulty: difficulty, audiences: TemplateValues.audiences(values[.audiences] ?? ""),
            rubric: TemplateValues.lines(values[.rubric] ?? ""), points: points)
        guard problems.count == before, key != nil else { return nil }
        let id = values[.id].flatMap { $0.isEmpty ? nil : $0 }
        return SourceQuestion(externalId: id, content: content, status: status, location: at)
    }

    /// Options A, B, … up to the last one filled in; an empty one in between stays, for the rules to report.
    func options(_ values: [CSVColumn: String]) -> [String] {
        var options = (0..<26).map { values[.option($0)] ?? "" }
        while let last = options.last, last.isEmpty { options.removeLast() }
        return options
    }

    mutating func value<T>(_ text: String?, _ column: String, _ at: SourceLocation, default fallback: T,
                           _ parse: (String) -> T?) -> T {
        guard let text, !text.isEmpty else { return fallback }
        if let value = parse(text.applyingHalfWidth) { return value }
        problems.append(ImportProblem(at, "\(column)「\(text)」无法识别 / cannot read \(column) \(text)"))
        return fallback
    }

    mutating func answer(_ text: String, type: QuestionType, at: SourceLocation) -> AnswerKey? {
        guard !text.isEmpty else {
            problems.append(ImportProblem(at, "缺少答案 / the answer (答案) is missing"))
            return nil
        }
        switch type {
        case .single, .multiple:
            var keys: [Int] = []
            for c in text where !c.isWhitespace && !",，、;；".contains(c) {
                guard let i = optionIndex(c) else {
                    problems.append(ImportProblem(at, "答案中的「\(c)」不是选项字母 / \(c) in the answer is not an option letter"))
                    return nil
                }
                keys.append(i)
            }
            return .choice(keys)
        case .judge:
            guard let value = TemplateValues.judge(text) else {
                problems.append(ImportProblem(at, "判断题答案应为 对/错、正确/错误、√/× / a judge answer is true or false, not \(text)"))
                return nil
            }
            return .judge(value)
        case .blank:
            return .blanks(text.split(omittingEmptySubsequences: false) { $0 == "｜" || $0 == "|" }
                .map { TemplateValues.split(String($0), by: "/") })
        case .essay:
            return .reference(text)
        }
    }
}
