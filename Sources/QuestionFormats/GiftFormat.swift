import Questions

/// Moodle's GIFT text format (https://docs.moodle.org/en/GIFT_format), read and written by Pufa.
///
/// What GIFT itself says, and how Pufa reads it. Blank lines separate questions; lines starting with `//` are
/// comments; `::title::` labels a question; `[html]`, `[plain]`, `[moodle]` or `[markdown]` after it gives the
/// text's format (HTML is reduced to plain text). The answer block `{…}`:
/// - `{=right ~wrong ~wrong}` single choice; `{~%50%a ~%50%b ~%-100%c}` (no `=`) multiple choice, whose key is every
///   option with a positive weight;
/// - `{T}` `{F}` `{TRUE}` `{FALSE}` judge;
/// - `{=a =b}` with no `~` short answer → a fill-in question with one blank whose accepted variants are a, b;
///   mid-sentence the block becomes `____` in the stem (so does a choice block: Moodle's "missing word"), at the end
///   `____` is appended unless the stem already marks its blank;
/// - `{}` essay → case question.
/// `####text` in a block is the general feedback (→ explanation); `#text` after an answer is that answer's feedback
/// (ignored: Pufa has none). `$CATEGORY: a/b/c` sets the category of the questions after it (Moodle's `$course$/top/`
/// prefix is dropped). `\~ \= \# \{ \} \: \\` escape, `\n` is a line break; any other escape is an error.
/// Numerical, matching and description items are refused: Pufa has no such types.
///
/// What Pufa adds, in comment lines just before the question's first line (Moodle skips them):
/// ```
/// // @id: xzcf-001               stable id (the ::title:: is only a label; Pufa writes the id there too)
/// // @status: draft              draft | active | retired; active when absent
/// // @basis: 《中华人民共和国行政处罚法》第九条
/// // @quote: 行政处罚的种类：……
/// // @topic: 行政处罚种类          one line per knowledge point
/// // @difficulty: 2              1–5; 2 when absent
/// // @audiences: civil_servant, enforcer
/// // @rubric: 指出……（2分）        one line per scoring point of a case question
/// // @points: 10
/// // @answer: 不合法。……           a case question's reference answer (Moodle's essay has none)
/// // @blank-2: 十五日              one line per accepted variant of blank 2; only for questions with several
///                                 blanks, which are written with an essay block `{}` because a GIFT short
///                                 answer has a single blank (Moodle marks them by hand)
/// ```
/// and at the top of the file `// @bank:`, `// @law:`, `// @description:` (otherwise the bank is named after the
/// first category's first part, or the file). In these values `\\` is a backslash and `\n` a line break.
public enum GiftFormat {
    /// Reads GIFT text; called by `QuestionFiles.parse` after UTF-8 decoding. Either every question is read, or
    /// every problem is returned with its line.
    public static func parse(_ text: String, file: String) -> Result<ParsedBank, [ImportProblem]> {
        var reader = GiftReader(file: file)
        reader.read(text)
        guard reader.problems.isEmpty else { return .failure(reader.problems) }
        let name = reader.bank["bank"] ?? reader.firstCategory?.split(separator: "/").first.map(String.init)
            ?? TextDecoding.bankName(fromFile: file)
        return .success(ParsedBank(name: name, law: reader.bank["law"], description: reader.bank["description"],
                                   questions: reader.questions))
    }

    static let bankFields: Set<String> = ["bank", "law", "description"]
    static let questionFields: Set<String> = ["id", "status", "basis", "quote", "topic", "difficulty", "audiences",
                                              "rubric", "points", "answer"]
    static let repeatableFields: Set<String> = ["topic", "rubric"]
}

/// A `// @key: value` line.
struct GiftField {
    var key: String
    var value: String
    var line: Int
}

/// Walks a GIFT file question by question, collecting every problem with its line.
struct GiftReader {
    let file: String
    var problems: [ImportProblem] = []
    var questions: [SourceQuestion] = []
    var bank: [String: String] = [:]
    var category = ""
    var firstCategory: String?

    init(file: String) { self.file = file }

    mutating func problem(_ line: Int, _ reason: String) {
        problems.append(ImportProblem(SourceLocation(file: file, line: line), reason))
    }

    mutating func read(_ text: String) {
        var chunk: [(Int, String)] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if i == 0, line.unicodeScalars.first == "\u{FEFF}" { line.unicodeScalars.removeFirst() }
            if line.trimmed.isEmpty {
                if !chunk.isEmpty { read(chunk: chunk) }
                chunk = []
            } else {
                chunk.append((i + 1, line))
            }
        }
        if !chunk.isEmpty { read(chunk: chunk) }
    }

    /// One blank-line-separated chunk: comments and fields, category lines, then at most one question.
    mutating func read(chunk: [(Int, String)]) {
        var fields: [GiftField] = []
        var text: [(Int, String)] = []
        for (line, content) in chunk {
            let trimmed = content.trimmed
            if text.isEmpty, trimmed.hasPrefix("//") {
                if let field = Self.field(trimmed.dropFirst(2), line: line) { fields.append(field) }
            } else if text.isEmpty, trimmed.hasPrefix("$CATEGORY:") {
                category = Self.unescapedValue(String(trimmed.dropFirst("$CATEGORY:".count)).trimmed)
                category = Self.moodleCategory(category)
                if firstCategory == nil { firstCategory = category }
            } else if !trimmed.hasPrefix("//") {
                text.append((line, content))
            }
        }
        for field in fields where GiftFormat.bankFields.contains(field.key) { bank[field.key] = field.value }
        let questionFields = fields.filter { !GiftFormat.bankFields.contains($0.key) }
        if text.isEmpty {
            for field in questionFields { problem(field.line, "@\(field.key) 之后没有题目 / @\(field.key) is not followed by a question") }
        } else if let q = question(text, fields: questionFields) {
            questions.append(q)
        }
    }

    /// `@key: value` after `//`; nil for an ordinary comment.
    static func field(_ comment: Substring, line: Int) -> GiftField? {
        let body = comment.drop { $0 == " " || $0 == "\t" }
        guard body.first == "@", let colon = body.firstIndex(of: ":") else { return nil }
        let key = body[body.index(after: body.startIndex)..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        let value = String(body[body.index(after: colon)...]).trimmed
        return GiftField(key: key.lowercased(), value: unescapedValue(value), line: line)
    }

    /// Field and category values: `\\` → `\`, `\n` → line break, any other backslash kept.
    static func unescapedValue(_ text: String) -> String {
        var out = "", escaping = false
        for c in text {
            if escaping {
                out += c == "n" ? "\n" : c == "\\" ? "\\" : "\\" + String(c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return escaping ? out + "\\" : out
    }

    /// `$course$/top/刑法/犯罪` → `刑法/犯罪`.
    static func moodleCategory(_ path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let first = parts.first, first.hasPrefix("$"), first.hasSuffix("$"), first.count > 1 { parts.removeFirst() }
        if parts.first == "top" { parts.removeFirst() }
        return parts.joined(separator: "/")
    }
}
