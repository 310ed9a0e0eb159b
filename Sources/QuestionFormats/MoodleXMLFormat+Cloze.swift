import Questions

/// Moodle's Cloze ("embedded answers") text: `{1:SHORTANSWER:=十五日~=15日}` stands where a blank is.
/// Pufa writes its questions with several blanks this way and reads short-answer subquestions back.
enum MoodleCloze {
    static let shortAnswerTypes: Set<String> = ["SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"]

    /// A stem whose blank markers (`____`) are replaced, in order, by short-answer subquestions.
    static func embed(_ stem: String, _ blanks: [[String]]) -> String {
        var out = "", run = "", index = 0
        func flush() {
            if run.count >= 3, index < blanks.count {
                out += "{1:SHORTANSWER:" + blanks[index].map { "%100%" + escape($0) }.joined(separator: "~") + "}"
                index += 1
            } else {
                out += run
            }
            run = ""
        }
        for c in stem {
            if c == "_" || c == "＿" { run.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\}#~/\"".contains(c) { out += "\\" }
            out.append(c)
        }
        return out
    }

    /// Where a subquestion starts: `{`, an optional grade, `:TYPE:`. Returns the type and where its answers begin.
    static func subquestion(_ chars: [Character], at start: Int) -> (type: String, answers: Int)? {
        guard chars[start] == "{" else { return nil }
        var i = start + 1
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        guard i < chars.count, chars[i] == ":" else { return nil }
        let typeStart = i + 1
        i = typeStart
        while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i] == "_" { i += 1 }
        guard i < chars.count, chars[i] == ":", i > typeStart else { return nil }
        return (String(chars[typeStart..<i]).uppercased(), i + 1)
    }

    /// The accepted answers of `%100%a~=b~%0%c#feedback`: those with a positive grade (`=` is 100%).
    static func answers(_ body: String) -> [String] {
        var pieces: [String] = [], current = "", escaping = false
        for c in body {
            if escaping {
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else if c == "~" {
                pieces.append(current)
                current = ""
                continue
            }
            // Escapes stay in the piece until `answerText` resolves them, so `\#` is not taken for feedback.
            current.append(c)
        }
        pieces.append(current)
        return pieces.compactMap { piece -> String? in
            var rest = piece.drop { $0.isWhitespace }, weight = 0.0
            if rest.hasPrefix("=") { weight = 100; rest = rest.dropFirst() }
            else if rest.hasPrefix("%"), let close = rest.dropFirst().firstIndex(of: "%") {
                weight = Double(rest[rest.index(after: rest.startIndex)..<close]) ?? 0
                rest = rest[rest.index(after: close)...]
            }
            let text = answerText(rest).trimmed
            return weight > 0 && !text.isEmpty ? text : nil
        }
    }

    /// An answer's text up to its `#feedback`, with backslash escapes resolved.
    static func answerText(_ piece: Substring) -> String {
        var out = "", escaping = false
        for c in piece {
            if escaping {
                out.append(c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else if c == "#" {
                break
            } else {
                out.append(c)
            }
        }
        return out
    }
}

extension MoodleReader {
    /// The stem with `____` for every subquestion, and the accepted variants of each.
    mutating func cloze(_ text: String, _ node: XMLTreeNode) -> (stem: String, blanks: [[String]])? {
        let chars = Array(text)
        var stem = "", blanks: [[String]] = [], i = 0
        while i < chars.count {
            guard let sub = MoodleCloze.subquestion(chars, at: i) else {
                stem.append(chars[i])
                i += 1
                continue
            }
            let (type, start) = (sub.type, sub.answers)
            var end = start, escaping = false
            while end < chars.count, escaping || chars[end] != "}" { escaping = !escaping && chars[end] == "\\"; end += 1 }
            guard end < chars.count else {
                problem(node, "Cloze 子题 { 没有结束的 } / a Cloze subquestion { is not closed")
                return nil
            }
            guard MoodleCloze.shortAnswerTypes.contains(type) else {
                problem(node, "不支持的 Cloze 子题 \(type)（只支持 SHORTANSWER）/ unsupported Cloze subquestion \(type)")
                return nil
            }
            blanks.append(MoodleCloze.answers(String(chars[start..<end])))
            stem += "____"
            i = end + 1
        }
        if blanks.isEmpty { problem(node, "Cloze 题中没有填空 / the Cloze question has no blank") }
        return blanks.isEmpty ? nil : (stem, blanks)
    }
}
