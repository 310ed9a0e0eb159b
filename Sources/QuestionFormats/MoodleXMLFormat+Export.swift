import Questions

extension MoodleXMLFormat {
    /// Writes a bank as Moodle XML that Moodle imports, with Pufa's fields as tags; parsing the output gives the same
    /// questions. A category element starts each run of questions with the same category.
    public static func export(_ bank: ExportBank) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        var category: String?
        for q in bank.questions {
            if q.content.category != category {
                out += categoryXML(q.content.category, info: category == nil ? bank.description : nil)
                category = q.content.category
            }
            out += question(q)
        }
        return out + "</quiz>\n"
    }

    static func categoryXML(_ path: String, info: String?) -> String {
        var out = "  <question type=\"category\">\n"
        out += "    <category><text>\(x(path.isEmpty ? "$course$/top" : "$course$/top/" + path))</text></category>\n"
        if let info { out += "    <info format=\"plain_text\"><text>\(x(info))</text></info>\n" }
        return out + "  </question>\n"
    }

    static func question(_ q: ExportQuestion) -> String {
        let c = q.content
        let multiBlank: Bool = if case .blanks(let b) = c.key, b.count > 1 { true } else { false }
        let type: String = switch c.type {
        case .single, .multiple: "multichoice"
        case .judge: "truefalse"
        case .blank: multiBlank ? "multianswer" : "shortanswer"
        case .essay: "essay"
        }
        let stem: String = if case .blanks(let b) = c.key, multiBlank { MoodleCloze.embed(c.stem, b) } else { c.stem }
        let name = q.externalId ?? String(c.stem.prefix(30)).replacingOccurrences(of: "\n", with: " ")
        var lines = ["<question type=\"\(type)\">", "  <name><text>\(x(name))</text></name>",
                     "  <questiontext format=\"plain_text\"><text>\(x(stem))</text></questiontext>",
                     "  <generalfeedback format=\"plain_text\"><text>\(x(c.explanation))</text></generalfeedback>",
                     "  <defaultgrade>\(c.type == .essay ? c.points ?? 1 : 1)</defaultgrade>"]
        if let id = q.externalId { lines.append("  <idnumber>\(x(id))</idnumber>") }
        lines += body(c).map { "  " + $0 }
        lines.append("  <tags>")
        lines += tags(q).map { "    <tag><text>\(x($0))</text></tag>" }
        lines.append("  </tags>")
        lines.append("</question>")
        return lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }

    /// The type-specific elements.
    static func body(_ c: QuestionContent) -> [String] {
        switch (c.type, c.key) {
        case (.single, .choice(let keys)), (.multiple, .choice(let keys)):
            let share = GiftFormat.weight(100 / Double(max(keys.count, 1)))
            return ["<single>\(c.type == .single)</single>", "<shuffleanswers>true</shuffleanswers>",
                    "<answernumbering>ABCD</answernumbering>"]
                + c.options.enumerated().map { i, option in
                    let fraction = keys.contains(i) ? (c.type == .single ? "100" : share) : (c.type == .single ? "0" : "-100")
                    return answer(option, fraction: fraction)
                }
        case (_, .judge(let value)):
            return [answer("true", fraction: value ? "100" : "0"), answer("false", fraction: value ? "0" : "100")]
        case (_, .blanks(let blanks)) where blanks.count == 1:
            return ["<usecase>0</usecase>"] + blanks[0].map { answer($0, fraction: "100") }
        case (_, .reference(let text)):
            return ["<responseformat>editor</responseformat>", "<responserequired>1</responserequired>",
                    "<responsefieldlines>15</responsefieldlines>", "<attachments>0</attachments>",
                    "<graderinfo format=\"plain_text\"><text>\(x(text))</text></graderinfo>",
                    "<responsetemplate format=\"plain_text\"><text></text></responsetemplate>"]
        default:
            return []
        }
    }

    static func answer(_ text: String, fraction: String) -> String {
        "<answer fraction=\"\(fraction)\" format=\"plain_text\"><text>\(x(text))</text><feedback format=\"plain_text\"><text></text></feedback></answer>"
    }

    /// Knowledge points as plain tags, everything else Moodle has no place for as `pufa-…:` tags.
    static func tags(_ q: ExportQuestion) -> [String] {
        let c = q.content
        var tags = c.topics
        if !c.basis.isEmpty { tags.append("pufa-basis:" + c.basis) }
        if !c.quote.isEmpty { tags.append("pufa-quote:" + c.quote) }
        tags.append("pufa-difficulty:\(c.difficulty)")
        tags += c.audiences.map { "pufa-audience:" + $0 }
        tags += c.rubric.map { "pufa-rubric:" + $0 }
        if let points = c.points { tags.append("pufa-points:\(points)") }
        if q.status != .active { tags.append("pufa-status:" + q.status.rawValue) }
        return tags
    }

    static func x(_ text: String) -> String { MoodleHTML.escapeXML(text) }
}
