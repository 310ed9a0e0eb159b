import Foundation
import Questions

/// Moodle XML (https://docs.moodle.org/en/Moodle_XML_format), read and written by Pufa.
///
/// `<quiz>` holds `<question type="…">` elements. `type="category"` sets the category of the questions after it
/// (`$course$/top/刑法/犯罪` → `刑法/犯罪`; the first one names the bank and its `<info>` describes it). Questions:
/// `multichoice` (`<single>true</single>` → single, `false` → multiple; the key is every answer with a positive
/// fraction), `truefalse` → judge, `shortanswer` → fill-in with one blank (every answer with a positive fraction is
/// an accepted variant; `____` is appended to a stem that does not mark its blank), `multianswer` (Cloze) with
/// SHORTANSWER/SA/MW subquestions → fill-in with several blanks, `essay` → case (reference answer in `<graderinfo>`,
/// points from `<defaultgrade>`). `<idnumber>` is the id, `<generalfeedback>` the explanation. Text with
/// `format="html"` (the default of question text) is reduced to plain text, other formats are taken as written.
///
/// Pufa's other fields ride in `<tags>`, which Moodle keeps as question tags: a plain tag is a knowledge point;
/// `pufa-basis:…`, `pufa-quote:…`, `pufa-difficulty:2`, `pufa-audience:youth` (one per audience),
/// `pufa-rubric:…` (one per scoring point), `pufa-points:10` and `pufa-status:draft` carry the rest. Pufa reads them
/// back whole; Moodle itself may shorten long tags. A question with `pufa-` tags but no `pufa-points:` has no points.
/// Pufa writes `format="plain_text"`, so line breaks and `< & >` survive as typed.
public enum MoodleXMLFormat {
    /// Reads a Moodle XML file (in any encoding its declaration names); called by `QuestionFiles.parse`. Either every
    /// question is read, or every problem is returned with its line.
    public static func parse(_ bytes: [UInt8], file: String) -> Result<ParsedBank, [ImportProblem]> {
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !utf16 && bytes.contains(0) {
            return .failure([ImportProblem(SourceLocation(file: file, line: 1), "这是二进制文件，不是 XML / this is a binary file, not XML")])
        }
        let root: XMLTreeNode
        switch XMLTree.parse(Data(bytes)) {
        case .failure(let error): return .failure([ImportProblem(SourceLocation(file: file, line: error.line), error.reason)])
        case .success(let node): root = node
        }
        guard root.name == "quiz" else {
            return .failure([ImportProblem(SourceLocation(file: file, line: root.line),
                                           "根元素应为 <quiz>，不是 <\(root.name)> / the root element must be <quiz>, not <\(root.name)>")])
        }
        var reader = MoodleReader(file: file)
        for node in root.children("question") { reader.read(node) }
        guard reader.problems.isEmpty else { return .failure(reader.problems) }
        let name = reader.firstCategory?.split(separator: "/").first.map(String.init) ?? TextDecoding.bankName(fromFile: file)
        return .success(ParsedBank(name: name, description: reader.description, questions: reader.questions))
    }
}

/// Reads `<question>` elements one by one, collecting every problem with its line.
struct MoodleReader {
    let file: String
    var problems: [ImportProblem] = []
    var questions: [SourceQuestion] = []
    var category = ""
    var firstCategory: String?
    var description: String?

    init(file: String) { self.file = file }

    mutating func problem(_ node: XMLTreeNode, _ reason: String) {
        problems.append(ImportProblem(SourceLocation(file: file, line: node.line), reason))
    }

    mutating func read(_ node: XMLTreeNode) {
        guard let type = node.attributes["type"] else {
            problem(node, "<question> 缺少 type 属性 / <question> has no type attribute")
            return
        }
        guard type != "category" else {
            category = GiftReader.moodleCategory(node.childText("category")?.trimmed ?? "")
            if firstCategory == nil {
                firstCategory = category
                description = text(node, "info").flatMap { $0.isEmpty ? nil : $0 }
            }
            return
        }
        let before = problems.count
        guard var content = content(node, type: type) else { return }
        content.explanation = text(node, "generalfeedback") ?? ""
        content.category = category
        var status = QuestionStatus.active
        applyTags(node, to: &content, status: &status)
        guard problems.count == before else { return }
        let id = node.childText("idnumber")?.trimmed
        questions.append(SourceQuestion(externalId: id?.isEmpty == false ? id : nil, content: content, status: status,
                                        location: SourceLocation(file: file, line: node.line)))
    }

    /// The text of a child such as `<questiontext format="html"><text>…</text>`, as plain text.
    func text(_ node: XMLTreeNode, _ name: String, defaultFormat: String = "html") -> String? {
        guard let child = node.child(name) else { return nil }
        return Self.plain(child, defaultFormat: defaultFormat)
    }

    static func plain(_ node: XMLTreeNode, defaultFormat: String) -> String {
        let raw = node.child("text")?.text ?? ""
        return (node.attributes["format"] ?? defaultFormat) == "html" ? MoodleHTML.plainText(raw) : raw.trimmed
    }

    /// Every `<answer>`: its plain text and fraction.
    mutating func answers(_ node: XMLTreeNode) -> [(text: String, fraction: Double)]? {
        var answers: [(text: String, fraction: Double)] = []
        for answer in node.children("answer") {
            let raw = answer.attributes["fraction"] ?? "0"
            guard let fraction = Double(raw) else {
                problem(answer, "fraction=\"\(raw)\" 不是数字 / fraction \(raw) is not a number")
                return nil
            }
            answers.append((Self.plain(answer, defaultFormat: "moodle_auto_format"), fraction))
        }
        return answers
    }
}
