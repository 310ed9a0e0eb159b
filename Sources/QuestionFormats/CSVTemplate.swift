import Questions

/// One row of a spreadsheet, CSV or XLSX: its cells and where it starts (the first physical line of a CSV record,
/// the row number of a sheet).
struct SheetRow: Sendable, Equatable {
    var line: Int
    var cells: [String]

    var isEmpty: Bool { cells.allSatisfy { $0.trimmed.isEmpty } }
}

/// A column of the common Chinese question template shared by `CSVFormat` and `XLSXFormat`.
enum CSVColumn: Hashable, Sendable {
    case id, type, stem, option(Int), answer, explanation, basis, difficulty, category, topics, audiences, quote,
         status, rubric, points

    /// The header Pufa writes.
    var header: String {
        switch self {
        case .id: "编号"
        case .type: "题型"
        case .stem: "题干"
        case .option(let i): "选项\(optionLetter(i))"
        case .answer: "答案"
        case .explanation: "解析"
        case .basis: "法条依据"
        case .difficulty: "难度"
        case .category: "分类"
        case .topics: "知识点"
        case .audiences: "适用对象"
        case .quote: "原文"
        case .status: "状态"
        case .rubric: "评分要点"
        case .points: "分值"
        }
    }

    /// Width in characters when written to a workbook.
    var width: Double {
        switch self {
        case .stem, .explanation: 50
        case .quote, .rubric: 40
        case .basis: 30
        case .category, .option: 22
        case .topics, .audiences: 18
        case .id: 14
        case .answer: 12
        case .type, .status: 8
        case .difficulty, .points: 6
        }
    }

    static let required: [CSVColumn] = [.type, .stem, .answer, .explanation, .basis]

    /// Headers people actually use for each column, compared after `normalizedHeader`.
    static let aliases: [String: CSVColumn] = {
        var map: [String: CSVColumn] = [:]
        let names: [(CSVColumn, [String])] = [
            (.id, ["编号", "题目编号", "试题编号", "ID"]), (.type, ["题型", "题目类型", "试题类型", "类型", "TYPE"]),
            (.stem, ["题干", "题目", "试题", "题目内容", "STEM"]),
            (.answer, ["答案", "正确答案", "参考答案", "标准答案", "ANSWER"]),
            (.explanation, ["解析", "答案解析", "试题解析", "EXPLANATION"]),
            (.basis, ["法条依据", "法律依据", "依据", "BASIS"]), (.difficulty, ["难度", "难度系数", "DIFFICULTY"]),
            (.category, ["分类", "类别", "章节", "所属分类", "CATEGORY"]), (.topics, ["知识点", "TOPICS"]),
            (.audiences, ["适用对象", "AUDIENCES"]), (.quote, ["原文", "法条原文", "QUOTE"]), (.status, ["状态", "STATUS"]),
            (.rubric, ["评分要点", "RUBRIC"]), (.points, ["分值", "分数", "POINTS"]),
        ]
        for (column, headers) in names { for h in headers { map[h] = column } }
        for i in 0..<26 {
            map[optionLetter(i)] = .option(i)
            map["选项" + optionLetter(i)] = .option(i)
        }
        return map
    }()

    /// `选项 Ａ`, ` 题干 ` and `Stem` all name their column.
    static func normalizedHeader(_ text: String) -> String {
        String(text.applyingHalfWidth.uppercased().filter { !$0.isWhitespace })
    }
}

/// The common Chinese question-bank spreadsheet (题型, 题干, 选项A…F, 答案, 解析, 法条依据, 难度, 分类 and optional
/// 编号, 知识点, 适用对象, 原文, 状态, 评分要点, 分值), shared by CSV and XLSX. Cell conventions:
/// - 题型: 单选/单选题, 多选/多选题, 判断/判断题, 填空/填空题, 案例/案例分析/简答 (or single, multiple, judge, blank, case).
/// - 答案: option letters for choice (`AB`, `A,B`, `A、B`); 对/错/正确/错误/√/×/true/false for judge; for fill-in,
///   blanks separated by `｜` or `|` and each blank's accepted variants by `/` (`十五日/15日｜三十日`); the reference
///   answer for case questions.
/// - 知识点 separated by `；` `;` or `、`; 适用对象 as codes (`civil_servant`) or labels (公务员) separated the same way or
///   by commas; 评分要点 one per line; 状态 草稿/启用/停用 or draft/active/retired; empty 难度 means 2.
enum CSVTemplate {
    /// The columns Pufa writes: every column, with as many option columns as the widest question needs (at least six).
    static func columns(for bank: ExportBank) -> [CSVColumn] {
        let optionCount = max(6, bank.questions.map(\.content.options.count).max() ?? 0)
        return [.id, .type, .stem] + (0..<optionCount).map(CSVColumn.option)
            + [.answer, .explanation, .basis, .difficulty, .category, .topics, .audiences, .quote, .status, .rubric, .points]
    }

    /// One question as the cells of `columns`.
    static func cells(_ q: ExportQuestion, columns: [CSVColumn]) -> [String] {
        let c = q.content
        return columns.map { column in
            switch column {
            case .id: q.externalId ?? ""
            case .type: c.type.label.replacingOccurrences(of: "题", with: "")
            case .stem: c.stem
            case .option(let i): i < c.options.count ? c.options[i] : ""
            case .answer: answerText(c.key)
            case .explanation: c.explanation
            case .basis: c.basis
            case .difficulty: String(c.difficulty)
            case .category: c.category
            case .topics: c.topics.joined(separator: "；")
            case .audiences: c.audiences.map { Audience(rawValue: $0)?.label ?? $0 }.joined(separator: "、")
            case .quote: c.quote
            case .status: statusLabels[q.status] ?? q.status.rawValue
            case .rubric: c.rubric.joined(separator: "\n")
            case .points: c.points.map(String.init) ?? ""
            }
        }
    }

    static func answerText(_ key: AnswerKey) -> String {
        switch key {
        case .choice(let keys): keys.map(optionLetter).joined()
        case .judge(let value): value ? "正确" : "错误"
        case .blanks(let blanks): blanks.map { $0.joined(separator: "/") }.joined(separator: "｜")
        case .reference(let text): text
        }
    }

    static let statusLabels: [QuestionStatus: String] = [.draft: "草稿", .active: "启用", .retired: "停用"]
}
