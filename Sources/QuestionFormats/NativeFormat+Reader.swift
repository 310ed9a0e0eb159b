import Questions
import Yams

/// Reads question mappings out of YAML nodes, collecting every problem with its line.
struct NodeReader {
    let file: String
    var problems: [ImportProblem] = []

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1)
    }

    func problem(_ node: Node, _ reason: String) -> ImportProblem {
        ImportProblem(location(node), reason)
    }

    mutating func string(_ map: Node.Mapping, _ key: String, required: Bool = false, at owner: Node? = nil) -> String? {
        guard let node = map[key] else {
            if required, let owner { problems.append(problem(owner, "缺少 \(key): / \(key): is missing")) }
            else if required { problems.append(ImportProblem(SourceLocation(file: file, line: 1), "缺少 \(key): / \(key): is missing")) }
            return nil
        }
        guard let scalar = node.scalar else {
            problems.append(problem(node, "\(key): 应为文本 / \(key): must be text"))
            return nil
        }
        return scalar.string
    }

    mutating func strings(_ map: Node.Mapping, _ key: String) -> [String] {
        guard let node = map[key] else { return [] }
        if let scalar = node.scalar { return scalar.string.isEmpty ? [] : [scalar.string] }
        guard let items = node.sequence else {
            problems.append(problem(node, "\(key): 应为列表 / \(key): must be a list"))
            return []
        }
        return items.compactMap { item in
            guard let s = item.scalar?.string else {
                problems.append(problem(item, "\(key): 的每一项应为文本 / each \(key): item must be text"))
                return nil
            }
            return s
        }
    }

    mutating func unknownKeys(_ map: Node.Mapping, allowed: Set<String>) {
        for (key, _) in map {
            if let name = key.scalar?.string, !allowed.contains(name) {
                problems.append(problem(key, "未知字段 \(name): / unknown field \(name):"))
            }
        }
    }

    static let questionKeys: Set<String> = ["id", "type", "category", "stem", "options", "answer", "explanation", "basis",
                                            "quote", "topics", "difficulty", "audiences", "rubric", "points", "status"]

    mutating func question(_ node: Node) -> SourceQuestion? {
        guard let map = node.mapping else {
            problems.append(problem(node, "每道题应为映射 / each question must be a mapping"))
            return nil
        }
        let before = problems.count
        unknownKeys(map, allowed: Self.questionKeys)
        let id = string(map, "id", required: true, at: node)
        let typeText = string(map, "type", required: true, at: node) ?? ""
        guard let type = QuestionType(rawValue: typeText) else {
            if !typeText.isEmpty {
                problems.append(problem(map["type"] ?? node, "未知题型 \(typeText)（应为 single、multiple、judge、blank、case）/ unknown type"))
            }
            return nil
        }
        let options = strings(map, "options")
        let key = answer(map, type: type, optionCount: options.count, owner: node)
        var difficulty = 2
        if let d = map["difficulty"] {
            if let value = d.int { difficulty = value } else { problems.append(problem(d, "difficulty: 应为 1–5 的整数 / must be an integer 1–5")) }
        }
        var status = QuestionStatus.active
        if let s = string(map, "status") {
            if let parsed = QuestionStatus(rawValue: s) { status = parsed }
            else { problems.append(problem(map["status"]!, "未知状态 \(s) / unknown status (draft, active, retired)")) }
        }
        let points = map["points"]?.int
        let content = QuestionContent(
            type: type, stem: (string(map, "stem", required: true, at: node) ?? "").trimmingTrailingNewline,
            options: options, key: key ?? .reference(""), explanation: string(map, "explanation") ?? "",
            basis: string(map, "basis") ?? "", quote: string(map, "quote") ?? "", category: string(map, "category") ?? "",
            topics: strings(map, "topics"), difficulty: difficulty, audiences: strings(map, "audiences"),
            rubric: strings(map, "rubric"), points: points)
        guard problems.count == before, key != nil else { return nil }
        return SourceQuestion(externalId: id, content: content, status: status, location: location(node))
    }

    mutating func answer(_ map: Node.Mapping, type: QuestionType, optionCount: Int, owner: Node) -> AnswerKey? {
        guard let node = map["answer"] else {
            problems.append(problem(owner, "缺少 answer: / answer: is missing"))
            return nil
        }
        switch type {
        case .single, .multiple:
            guard let text = node.scalar?.string, !text.isEmpty else {
                problems.append(problem(node, "answer: 应为选项字母，如 B 或 ACD / answer: must be option letters"))
                return nil
            }
            var indexes: [Int] = []
            for c in text where !c.isWhitespace && c != "," && c != "，" {
                guard let i = optionIndex(c) else {
                    problems.append(problem(node, "answer: 中的「\(c)」不是选项字母 / \(c) is not an option letter"))
                    return nil
                }
                indexes.append(i)
            }
            return .choice(indexes)
        case .judge:
            guard let value = node.bool else {
                problems.append(problem(node, "判断题 answer: 应为 true 或 false / a judge answer is true or false"))
                return nil
            }
            return .judge(value)
        case .blank:
            guard let blanks = node.sequence else {
                problems.append(problem(node, "填空题 answer: 应为列表的列表，如 [[十五日, 15日]] / a blank answer is a list of lists"))
                return nil
            }
            return .blanks(blanks.map { blank in
                if let s = blank.scalar?.string { return [s] }
                return (blank.sequence ?? []).compactMap { $0.scalar?.string }
            })
        case .essay:
            guard let text = node.scalar?.string else {
                problems.append(problem(node, "案例题 answer: 应为参考答案文本 / a case answer is the reference text"))
                return nil
            }
            return .reference(text.trimmingTrailingNewline)
        }
    }
}

extension String {
    var trimmingTrailingNewline: String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
