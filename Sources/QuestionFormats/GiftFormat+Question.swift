import Questions

/// A character of a question's text with its escape resolved: escaped characters never mean syntax.
struct GiftChar {
    var c: Character
    var escaped: Bool
    var line: Int

    func isSyntax(_ s: Character) -> Bool { !escaped && c == s }
}

extension Collection where Element == GiftChar {
    var text: String { String(map(\.c)) }
}

extension GiftReader {
    mutating func question(_ lines: [(Int, String)], fields: [GiftField]) -> SourceQuestion? {
        let before = problems.count, firstLine = lines[0].0
        guard let (rest, html) = body(characters(lines), firstLine: firstLine),
              let (open, close) = answerBlock(rest, firstLine: firstLine),
              let answers = answers(rest[(open + 1)..<close], line: rest[open].line) else { return nil }
        var stem = Self.stem(head: rest[..<open].text, tail: rest[(close + 1)...].text, type: answers.type)
        if html { stem = MoodleHTML.plainText(stem) }
        let content = QuestionContent(type: answers.type, stem: stem.trimmed, options: answers.options,
                                      key: answers.key, explanation: answers.explanation, basis: "", category: category)
        var q = SourceQuestion(externalId: nil, content: content, location: SourceLocation(file: file, line: firstLine))
        apply(fields, to: &q)
        return problems.count == before ? q : nil
    }

    /// The question without its `::title::` and `[format]`, and whether that format is HTML.
    mutating func body(_ chars: [GiftChar], firstLine: Int) -> (ArraySlice<GiftChar>, Bool)? {
        var rest = chars[...].drop { !$0.escaped && $0.c.isWhitespace }
        if rest.count >= 2, rest.prefix(2).allSatisfy({ $0.isSyntax(":") }) {
            rest = rest.dropFirst(2)
            guard let end = rest.indices.first(where: { rest[$0].isSyntax(":") && $0 + 1 < rest.endIndex && rest[$0 + 1].isSyntax(":") }) else {
                problem(firstLine, "标题 ::…:: 没有结束的 :: / the ::title:: is not closed")
                return nil
            }
            rest = rest[(end + 2)...].drop { !$0.escaped && $0.c.isWhitespace }
        }
        guard rest.first?.isSyntax("[") == true, let close = rest.firstIndex(where: { $0.isSyntax("]") }) else { return (rest, false) }
        let format = rest[rest.index(after: rest.startIndex)..<close].text.lowercased()
        guard ["html", "moodle", "plain", "markdown"].contains(format) else { return (rest, false) }
        return (rest[(close + 1)...], format == "html")
    }

    /// Text before and after the block: a block mid-sentence is a blank (Moodle's "missing word"); a fill-in block
    /// at the end adds one unless the stem already marks its blank.
    static func stem(head: String, tail: String, type: QuestionType) -> String {
        let midSentence = !tail.trimmed.isEmpty
        if midSentence && (type.hasOptions || type == .blank) { return head + "____" + tail }
        switch type {
        case .blank: return QuestionRules.blankMarkers(in: head) == 0 ? head.trimmed + "____" : head
        case .single, .multiple: return head
        default: return head + tail
        }
    }

    /// The text with escapes resolved; lines are joined by line breaks.
    mutating func characters(_ lines: [(Int, String)]) -> [GiftChar] {
        var chars: [GiftChar] = []
        for (n, (line, text)) in lines.enumerated() {
            if n > 0 { chars.append(GiftChar(c: "\n", escaped: false, line: line)) }
            var iterator = text.makeIterator()
            while let c = iterator.next() {
                guard c == "\\" else { chars.append(GiftChar(c: c, escaped: false, line: line)); continue }
                guard let e = iterator.next() else {
                    problem(line, "行末的 \\ 没有转义任何字符 / a \\ at the end of a line escapes nothing")
                    break
                }
                switch e {
                case "~", "=", "#", "{", "}", ":", "\\": chars.append(GiftChar(c: e, escaped: true, line: line))
                case "n": chars.append(GiftChar(c: "\n", escaped: true, line: line))
                default:
                    problem(line, "无效的转义 \\\(e)（只能转义 \\~ \\= \\# \\{ \\} \\: \\\\ 和换行 \\n）/ "
                        + "bad escape \\\(e): only \\~ \\= \\# \\{ \\} \\: \\\\ and \\n")
                    chars.append(GiftChar(c: e, escaped: true, line: line))
                }
            }
        }
        return chars
    }

    /// The indexes of the one answer block's braces; every brace problem is reported.
    mutating func answerBlock(_ chars: ArraySlice<GiftChar>, firstLine: Int) -> (Int, Int)? {
        var open: Int?, close: Int?, depth = 0, blocks = 0, lastOpen = firstLine
        for i in chars.indices {
            let ch = chars[i]
            if ch.isSyntax("{") {
                if depth > 0 {
                    problem(ch.line, "答案块中的 { 应写作 \\{ / a { inside an answer block must be escaped as \\{")
                    continue
                }
                depth = 1
                blocks += 1
                lastOpen = ch.line
                if blocks == 1 { open = i }
                if blocks == 2 { problem(ch.line, "一道题只能有一个答案块 {…} / a question has only one answer block {…}") }
            } else if ch.isSyntax("}") {
                if depth == 0 {
                    problem(ch.line, "多余的 }，前面没有 { / a } without a matching {")
                    continue
                }
                depth = 0
                if blocks == 1 { close = i }
            }
        }
        if depth > 0 { problem(lastOpen, "答案块 { 没有结束的 } / the answer block { is never closed") }
        guard let open, let close else {
            if blocks == 0 {
                problem(firstLine, "没有答案块 {…}（Pufa 不导入说明文字）/ no answer block {…}: Pufa does not import descriptions")
            }
            return nil
        }
        return (open, close)
    }
}
