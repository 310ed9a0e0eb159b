import QuestionFormats
import Questions
import TestSupport

/// Random valid questions made of text that breaks naive writers: every format's special characters, quotes,
/// line breaks, full-width punctuation, HTML and XML look-alikes, formula starts.
///
/// Normalised on purpose, because no format can or should carry these exactly:
/// - text is trimmed (every format trims cells, answers and fields) and has no carriage returns (XML turns CRLF into LF);
/// - no underscores outside blank markers, and markers are exactly `____` (Moodle's Cloze rewrites each blank marker);
/// - fill-in variants have no `|` `｜` `/` (the spreadsheet's blank and variant separators) and no `->` (GIFT matching);
/// - knowledge points have no `；` `;` `、` (the spreadsheet's separator); scoring points have no line break (one per line);
/// - no Cloze syntax such as `{1:SA:x}` in stems (Moodle would read it as one more blank of a multi-blank question);
/// - no control characters other than tab and line feed (XML 1.0 cannot hold them).
struct QuestionGenerator {
    var random: SplitMix
    var serial = 0

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    static let pieces = [
        "行政处罚", "当事人", "应当依法", "a,b", "逗号,", "\"引号\"", "'单引号'", "{大括号}", "}", "{", "#井号", "####",
        "a:b", "::", "~波浪", "=等号", "=1+1", "+86", "-5", "@提及", "100%", "%50%", "\\反斜杠\\", "\\n", "<p>标签</p>",
        "&amp;", "&", "]]>", "<![CDATA[", "//注释", "$CATEGORY:", "[html]", "[plain]", "，。；：？！", "“中文引号”",
        "（全角括号）", "【】《》", "Ａ全角ＡＢＣ", "１２３", "\n", "第一行\n第二行", "  两个空格  ", "\t制表符", "emoji😀", "é",
        "->", "|竖线｜", "/斜杠", "、顿号", ";分号；", "TRUE", "{T}", "\u{3000}全角空格", "'", "\"\"", "——", "…",
    ]
    static let variantPieces = pieces.filter { p in !p.contains(where: { "|｜/".contains($0) }) && !p.contains("->") }
    static let topicPieces = pieces.filter { p in !p.contains(where: { "；;、".contains($0) }) }
    static let linePieces = pieces.filter { p in !p.contains("\n") }
    static let categoryParts = ["刑法", "民法典", "第一编 总则", "a:b", "x,y", "{括号}", "#1", "引号\"", "&<>", "宪法·序言"]

    mutating func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    /// One to `most` pieces, trimmed; never empty.
    mutating func text(_ list: [String] = pieces, most: Int = 4) -> String {
        let count = Int.random(in: 1...most, using: &random)
        let joined = (0..<count).map { _ in pick(list) }.joined(separator: chance(50) ? " " : "")
        let trimmed = joined.trimmedForTest
        return trimmed.isEmpty ? "空白\(serial)" : trimmed
    }

    mutating func question() -> ExportQuestion {
        serial += 1
        let type = pick(QuestionType.allCases)
        var options: [String] = [], key: AnswerKey, stem = text(), rubric: [String] = [], points: Int?
        switch type {
        case .single, .multiple:
            let count = Int.random(in: (type == .single ? 2 : 3)...8, using: &random)
            while options.count < count {
                let option = text(most: 2)
                if !options.contains(option) { options.append(option) }
            }
            let keys = type == .single ? [Int.random(in: 0..<count, using: &random)]
                : Array(Array(0..<count).shuffled(using: &random).prefix(Int.random(in: 2...count, using: &random))).sorted()
            key = .choice(keys)
        case .judge:
            key = .judge(chance(50))
        case .blank:
            let blanks = Int.random(in: 1...3, using: &random)
            let parts = (0...blanks).map { i in i == 0 || i == blanks ? (chance(50) ? text() : "") : text() }
            stem = parts.joined(separator: "____").trimmedForTest
            key = .blanks((0..<blanks).map { _ in (0..<Int.random(in: 1...3, using: &random)).map { _ in text(Self.variantPieces, most: 2) } })
        case .essay:
            key = .reference(text(most: 6))
            rubric = (0..<Int.random(in: 0...4, using: &random)).map { _ in text(Self.linePieces) }
            points = chance(70) ? Int.random(in: 1...20, using: &random) : nil
        }
        if type != .essay, chance(10) { points = Int.random(in: 1...5, using: &random) }
        let category = (0..<Int.random(in: 0...3, using: &random)).map { _ in pick(Self.categoryParts) }.joined(separator: "/")
        let content = QuestionContent(
            type: type, stem: stem, options: options, key: key, explanation: text(most: 6),
            basis: "《中华人民共和国行政处罚法》第\(serial)条" + (chance(30) ? text(most: 1) : ""),
            quote: chance(50) ? text(most: 5) : "", category: category,
            topics: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(Self.topicPieces, most: 2) },
            difficulty: Int.random(in: 1...5, using: &random),
            audiences: Array(Audience.allCases.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))).map(\.rawValue),
            rubric: rubric, points: points)
        let id = chance(85) ? (chance(20) ? "id:\(serial),{x}" : "gen-\(serial)") : nil
        return ExportQuestion(externalId: id, content: content, status: pick(QuestionStatus.allCases))
    }

    mutating func bank(_ count: Int) -> ExportBank {
        ExportBank(name: "随机题库", questions: (0..<count).map { _ in question() })
    }
}

extension String {
    var trimmedForTest: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
