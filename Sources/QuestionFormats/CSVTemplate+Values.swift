import Questions

/// The words people type in template cells, and what they mean.
enum TemplateValues {
    static func type(_ text: String) -> QuestionType? {
        types[key(text)]
    }

    static let types: [String: QuestionType] = {
        var map: [String: QuestionType] = [:]
        let words: [(QuestionType, [String])] = [
            (.single, ["单选", "单选题", "单项选择", "单项选择题", "single"]),
            (.multiple, ["多选", "多选题", "多项选择", "多项选择题", "multiple"]),
            (.judge, ["判断", "判断题", "是非题", "judge"]),
            (.blank, ["填空", "填空题", "blank"]),
            (.essay, ["案例", "案例题", "案例分析", "案例分析题", "简答", "简答题", "case", "essay"]),
        ]
        for (type, list) in words { for word in list { map[word] = type } }
        return map
    }()

    static func judge(_ text: String) -> Bool? {
        let k = key(text)
        if ["对", "正确", "√", "✓", "✔", "true", "t", "是", "yes", "y"].contains(k) { return true }
        if ["错", "错误", "×", "✗", "✘", "x", "false", "f", "否", "no", "n"].contains(k) { return false }
        return nil
    }

    static func difficulty(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        return ["易": 1, "容易": 1, "简单": 1, "较易": 2, "中": 3, "中等": 3, "一般": 3, "较难": 4, "难": 5, "困难": 5][key(text)]
    }

    static func status(_ text: String) -> QuestionStatus? {
        if let status = QuestionStatus(rawValue: key(text)) { return status }
        return ["草稿": .draft, "启用": .active, "正常": .active, "有效": .active, "发布": .active, "已发布": .active,
                "停用": .retired, "已停用": .retired, "禁用": .retired, "退役": .retired][key(text)]
    }

    /// Codes (`civil_servant`) or labels (公务员, and 学生 for youth); anything else is kept for the rules to report.
    static func audiences(_ text: String) -> [String] {
        split(text, by: "；;、，, ").map { word in
            if let audience = Audience(rawValue: word) { return audience.rawValue }
            if word == "学生" { return Audience.youth.rawValue }
            return Audience.allCases.first { $0.label == word }?.rawValue ?? word
        }
    }

    /// Non-empty trimmed pieces of `text` between any of `separators`.
    static func split(_ text: String, by separators: String) -> [String] {
        text.split { separators.contains($0) }.map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// Non-empty trimmed lines: 评分要点 has one scoring point per line.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    static func key(_ text: String) -> String {
        String(text.applyingHalfWidth.lowercased().filter { !$0.isWhitespace })
    }
}
