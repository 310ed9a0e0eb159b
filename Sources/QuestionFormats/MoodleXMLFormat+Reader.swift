import Questions

extension MoodleReader {
    /// Type, stem, options and key of one question; nil after reporting why it cannot be read.
    mutating func content(_ node: XMLTreeNode, type: String) -> QuestionContent? {
        let stem = text(node, "questiontext") ?? ""
        func make(_ type: QuestionType, _ stem: String, _ key: AnswerKey, options: [String] = []) -> QuestionContent {
            QuestionContent(type: type, stem: stem, options: options, key: key, explanation: "", basis: "")
        }
        switch type {
        case "multichoice":
            guard let answers = answers(node), let right = rightAnswers(node, answers) else { return nil }
            let single = node.childText("single")?.trimmed.lowercased() ?? "true"
            return make(single == "false" || single == "0" ? .multiple : .single, stem, .choice(right), options: answers.map(\.text))
        case "truefalse":
            guard let answers = answers(node), let right = rightAnswers(node, answers) else { return nil }
            switch answers[right[0]].text.lowercased() {
            case "true": return make(.judge, stem, .judge(true))
            case "false": return make(.judge, stem, .judge(false))
            default:
                problem(node, "判断题的答案应为 true 或 false / a truefalse answer is true or false")
                return nil
            }
        case "shortanswer":
            guard let answers = answers(node), let right = rightAnswers(node, answers) else { return nil }
            let marked = QuestionRules.blankMarkers(in: stem) > 0 ? stem : stem + "____"
            return make(.blank, marked, .blanks([right.map { answers[$0].text }]))
        case "multianswer":
            guard let parsed = cloze(stem, node) else { return nil }
            return make(.blank, parsed.stem, .blanks(parsed.blanks))
        case "essay":
            var content = make(.essay, stem, .reference(text(node, "graderinfo") ?? ""))
            if let grade = node.childText("defaultgrade").flatMap({ Double($0.trimmed) }), grade > 0, grade == grade.rounded() {
                content.points = Int(grade)
            }
            return content
        default:
            problem(node, "不支持的题型 \(type)（支持 multichoice、truefalse、shortanswer、multianswer、essay）/ "
                + "unsupported question type \(type)")
            return nil
        }
    }

    /// Indexes of the answers with a positive fraction; a problem when there are none.
    mutating func rightAnswers(_ node: XMLTreeNode, _ answers: [(text: String, fraction: Double)]) -> [Int]? {
        let right = answers.indices.filter { answers[$0].fraction > 0 }
        if right.isEmpty { problem(node, "没有正确答案（fraction 大于 0 的 <answer>）/ no right answer (an <answer> with a positive fraction)") }
        return right.isEmpty ? nil : right
    }

    /// Pufa's `pufa-…:` tags and knowledge points.
    mutating func applyTags(_ node: XMLTreeNode, to content: inout QuestionContent, status: inout QuestionStatus) {
        let tags = node.child("tags")?.children("tag").map { ($0, ($0.child("text")?.text ?? $0.text).trimmed) } ?? []
        var points: Int?, pufa = false
        for (tag, text) in tags where !text.isEmpty {
            guard text.hasPrefix("pufa-"), let colon = text.firstIndex(of: ":") else {
                content.topics.append(text)
                continue
            }
            pufa = true
            let key = String(text[text.index(text.startIndex, offsetBy: 5)..<colon])
            let value = String(text[text.index(after: colon)...]).trimmed
            switch key {
            case "basis": content.basis = value
            case "quote": content.quote = value
            case "audience": content.audiences.append(value)
            case "rubric": content.rubric.append(value)
            case "difficulty", "points":
                guard let number = Int(value) else {
                    problem(tag, "pufa-\(key): 应为整数 / pufa-\(key): must be a whole number")
                    continue
                }
                if key == "points" { points = number } else { content.difficulty = number }
            case "status":
                if let parsed = QuestionStatus(rawValue: value) { status = parsed }
                else { problem(tag, "未知状态 \(value) / unknown status \(value)") }
            default:
                problem(tag, "未知标签 pufa-\(key): / unknown tag pufa-\(key):")
            }
        }
        // A Pufa export says its points outright; another Moodle file's essay keeps its default grade.
        if pufa { content.points = points }
    }
}
