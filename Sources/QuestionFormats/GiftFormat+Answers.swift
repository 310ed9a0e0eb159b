import Questions

/// What an answer block says: the type, options and key, and the general feedback.
struct GiftAnswers {
    var type: QuestionType
    var options: [String] = []
    var key: AnswerKey
    var explanation: String
}

extension GiftReader {
    /// Interprets the inside of `{…}`; `line` is where the block opens, for its problems.
    mutating func answers(_ block: ArraySlice<GiftChar>, line: Int) -> GiftAnswers? {
        var body = block, explanation = ""
        if let i = block.indices.first(where: { i in i + 3 < block.endIndex && (i...(i + 3)).allSatisfy { block[$0].isSyntax("#") } }) {
            explanation = block[(i + 4)...].text.trimmed
            body = block[..<i]
        }
        guard let first = body.first(where: { $0.escaped || !$0.c.isWhitespace }) else {
            return GiftAnswers(type: .essay, key: .reference(""), explanation: explanation)
        }
        if first.isSyntax("=") || first.isSyntax("~") { return choices(body, line: line, explanation: explanation) }
        if first.isSyntax("#") {
            problem(line, "不支持数值题 {#…} / numerical questions {#…} are not supported")
            return nil
        }
        let word = (body.split { $0.isSyntax("#") }.first ?? body[...]).text.trimmed.uppercased()
        if word == "T" || word == "TRUE" { return GiftAnswers(type: .judge, key: .judge(true), explanation: explanation) }
        if word == "F" || word == "FALSE" { return GiftAnswers(type: .judge, key: .judge(false), explanation: explanation) }
        problem(line, "无法识别的答案块：应以 = 或 ~ 开头，或为 T、F、TRUE、FALSE，或为空 / "
            + "unreadable answer block: it starts with = or ~, is T, F, TRUE or FALSE, or is empty")
        return nil
    }

    /// `=a ~b`, `~%50%a ~%50%b ~%-100%c` (choice) or `=a =b` (short answer).
    mutating func choices(_ body: ArraySlice<GiftChar>, line: Int, explanation: String) -> GiftAnswers? {
        var items: [(mark: Character, chars: [GiftChar])] = []
        for ch in body {
            if ch.isSyntax("=") || ch.isSyntax("~") { items.append((ch.c, [])) } else if !items.isEmpty { items[items.count - 1].chars.append(ch) }
        }
        var texts: [String] = [], weights: [Double] = []
        for item in items {
            var chars = item.chars[...].drop { !$0.escaped && $0.c.isWhitespace }
            var weight: Double = item.mark == "=" ? 100 : 0
            if chars.first?.isSyntax("%") == true {
                let number = chars.dropFirst().prefix { !$0.isSyntax("%") }
                guard number.count < chars.count - 1, let value = Double(number.text.trimmed) else {
                    problem(chars.first?.line ?? line, "权重 %\(number.text) 无效，应如 %50% / bad weight %\(number.text): write it like %50%")
                    return nil
                }
                weight = value
                chars = chars.dropFirst(number.count + 2)
            }
            texts.append(chars.prefix { !$0.isSyntax("#") }.text.trimmed)
            weights.append(weight)
        }
        let right = weights.indices.filter { weights[$0] > 0 }
        if right.isEmpty {
            problem(line, "答案块没有正确答案（= 或正权重 %50%）/ the answer block has no right answer (= or a positive %weight%)")
            return nil
        }
        guard items.contains(where: { $0.mark == "~" }) else {
            if texts.count >= 2 && texts.allSatisfy({ $0.contains("->") }) {
                problem(line, "不支持匹配题 {=a -> b} / matching questions are not supported")
                return nil
            }
            return GiftAnswers(type: .blank, key: .blanks([right.map { texts[$0] }]), explanation: explanation)
        }
        // As in Moodle: any `=` makes it single choice, weights alone make it multiple choice.
        let single = items.contains { $0.mark == "=" }
        return GiftAnswers(type: single ? .single : .multiple, options: texts, key: .choice(right), explanation: explanation)
    }

    /// Pufa's `// @key: value` fields, checked and written into the question.
    mutating func apply(_ fields: [GiftField], to q: inout SourceQuestion) {
        var seen: Set<String> = [], blanks: [Int: [String]] = [:]
        for field in fields {
            if !GiftFormat.repeatableFields.contains(field.key), !field.key.hasPrefix("blank-"), seen.contains(field.key) {
                problem(field.line, "@\(field.key) 重复 / @\(field.key) is given twice")
            }
            seen.insert(field.key)
            if field.key.hasPrefix("blank-"), let n = Int(field.key.dropFirst(6)), (1...50).contains(n) {
                blanks[n, default: []].append(field.value)
            } else {
                apply(field, to: &q)
            }
        }
        guard let count = blanks.keys.max() else { return }
        guard q.content.type == .essay, q.content.key == .reference("") else {
            problem(q.location.line, "@blank-N 只能配合空答案块 {} 使用 / @blank-N goes with an empty answer block {}")
            return
        }
        q.content.type = .blank
        q.content.key = .blanks((1...count).map { blanks[$0] ?? [] })
    }

    mutating func apply(_ field: GiftField, to q: inout SourceQuestion) {
        let (key, value, line) = (field.key, field.value, field.line)
        switch key {
        case "id": q.externalId = value.isEmpty ? nil : value
        case "status":
            if let status = QuestionStatus(rawValue: value) { q.status = status }
            else { problem(line, "未知状态 \(value)（应为 draft、active、retired）/ unknown status \(value)") }
        case "basis": q.content.basis = value
        case "quote": q.content.quote = value
        case "topic": q.content.topics.append(value)
        case "rubric": q.content.rubric.append(value)
        case "audiences": q.content.audiences = TemplateValues.split(value, by: ",，、 ")
        case "difficulty", "points":
            guard let number = Int(value) else { return problem(line, "@\(key) 应为整数 / @\(key) must be a whole number") }
            if key == "points" { q.content.points = number } else { q.content.difficulty = number }
        case "answer":
            guard q.content.type == .essay else {
                return problem(line, "只有案例题 {} 有 @answer / only a case question {} takes @answer")
            }
            q.content.key = .reference(value)
        default:
            problem(line, "未知字段 @\(key) / unknown field @\(key)")
        }
    }
}
