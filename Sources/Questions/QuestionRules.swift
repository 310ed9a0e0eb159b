/// What makes a question well-formed. Every import format and the editor go through `problems(in:)`.
public enum QuestionRules {
    public static let maxStemLength = 4000
    public static let maxOptions = 8

    /// Every reason the content cannot be saved, in reading order; empty when it is fine.
    public static func problems(in q: QuestionContent) -> [String] {
        var problems: [String] = []
        if q.stem.trimmed.isEmpty { problems.append("题干为空 / the stem is empty") }
        if q.stem.count > maxStemLength { problems.append("题干超过 \(maxStemLength) 字 / the stem is too long") }
        if q.explanation.trimmed.isEmpty { problems.append("缺少解析 / the explanation is missing") }
        if q.basis.trimmed.isEmpty { problems.append("缺少法条依据 / the legal basis is missing") }
        if !(1...5).contains(q.difficulty) { problems.append("难度应为 1–5 / difficulty must be 1–5, not \(q.difficulty)") }
        for a in q.audiences where Audience(rawValue: a) == nil {
            problems.append("未知的适用对象 \(a) / unknown audience \(a)")
        }
        problems += keyProblems(q)
        return problems
    }

    static func keyProblems(_ q: QuestionContent) -> [String] {
        var problems: [String] = []
        if q.type.hasOptions {
            if q.options.count < 2 || q.options.count > maxOptions {
                problems.append("选择题应有 2–\(maxOptions) 个选项 / a choice question needs 2–\(maxOptions) options, not \(q.options.count)")
            }
            if q.options.contains(where: { $0.trimmed.isEmpty }) { problems.append("有空选项 / an option is empty") }
            let normalized = q.options.map { $0.trimmed }
            if Set(normalized).count != normalized.count { problems.append("选项重复 / two options are the same") }
        } else if !q.options.isEmpty {
            problems.append("\(q.type.label)不应有选项 / a \(q.type.rawValue) question has no options")
        }
        switch (q.type, q.key) {
        case (.single, .choice(let keys)):
            if keys.count != 1 { problems.append("单选题只能有一个答案 / a single-choice key has exactly one option") }
            problems += missing(keys, q.options.count)
        case (.multiple, .choice(let keys)):
            if keys.count < 2 { problems.append("多选题至少两个答案 / a multiple-choice key has at least two options") }
            if Set(keys).count != keys.count { problems.append("答案重复 / the key repeats an option") }
            problems += missing(keys, q.options.count)
        case (.judge, .judge):
            break
        case (.blank, .blanks(let blanks)):
            let markers = blankMarkers(in: q.stem)
            if markers == 0 { problems.append("填空题题干中没有 ____ / the stem has no ____ blank") }
            if blanks.count != markers {
                problems.append("题干有 \(markers) 个空，答案有 \(blanks.count) 组 / \(markers) blanks but \(blanks.count) answers")
            }
            if blanks.contains(where: { $0.allSatisfy { $0.trimmed.isEmpty } }) {
                problems.append("有空没有答案 / a blank has no accepted answer")
            }
        case (.essay, .reference(let text)):
            if text.trimmed.isEmpty { problems.append("缺少参考答案 / the reference answer is missing") }
            if let points = q.points, points <= 0 { problems.append("分值应大于 0 / points must be positive") }
        default:
            problems.append("答案形式与题型不符 / the key does not fit a \(q.type.rawValue) question")
        }
        return problems
    }

    static func missing(_ keys: [Int], _ count: Int) -> [String] {
        keys.filter { $0 < 0 || $0 >= count }.map {
            "答案 \(optionLetter($0)) 没有对应的选项 / the key names option \(optionLetter($0)), which does not exist"
        }
    }

    /// Blanks are runs of three or more underscores (ASCII or full-width).
    public static func blankMarkers(in stem: String) -> Int {
        var count = 0, run = 0
        for c in stem {
            if c == "_" || c == "＿" { run += 1 } else { if run >= 3 { count += 1 }; run = 0 }
        }
        return count + (run >= 3 ? 1 : 0)
    }
}

/// "A", "B", … for option indexes.
public func optionLetter(_ index: Int) -> String {
    index >= 0 && index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : "?\(index)"
}

/// The index of an option letter (A → 0), accepting full-width letters and lower case.
public func optionIndex(_ letter: Character) -> Int? {
    let normalized = String(letter).applyingHalfWidth.uppercased()
    guard let scalar = normalized.unicodeScalars.first, normalized.unicodeScalars.count == 1,
          scalar.value >= 65, scalar.value < 65 + 26 else { return nil }
    return Int(scalar.value) - 65
}

extension String {
    /// Without leading and trailing whitespace (including the ideographic space), as every format reads text.
    public var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// Full-width ASCII (Ａ１，) → half-width (A1,), ideographic space → space.
    public var applyingHalfWidth: String {
        String(String.UnicodeScalarView(unicodeScalars.map { s in
            if s.value == 0x3000 { return " " }
            if (0xFF01...0xFF5E).contains(s.value) { return UnicodeScalar(s.value - 0xFEE0)! }
            return s
        }))
    }
}
