import Foundation
import Questions

extension GiftFormat {
    /// Writes a bank as GIFT that Moodle imports, with Pufa's fields in comments; parsing the output gives the same
    /// questions. Each question's `::title::` is its id (or `q1`, `q2`… without one).
    public static func export(_ bank: ExportBank) -> String {
        var out = "// @bank: \(value(bank.name))\n"
        if let law = bank.law { out += "// @law: \(value(law))\n" }
        if let description = bank.description { out += "// @description: \(value(description))\n" }
        var category = ""
        for (i, q) in bank.questions.enumerated() {
            if q.content.category != category {
                category = q.content.category
                out += "\n$CATEGORY: \(value(category))\n"
            }
            out += "\n" + question(q, number: i + 1)
        }
        return out
    }

    static func question(_ q: ExportQuestion, number: Int) -> String {
        let c = q.content
        var lines: [String] = []
        func field(_ key: String, _ text: String) { lines.append("// @\(key): \(value(text))") }
        if let id = q.externalId { field("id", id) }
        if q.status != .active { field("status", q.status.rawValue) }
        if !c.basis.isEmpty { field("basis", c.basis) }
        if !c.quote.isEmpty { field("quote", c.quote) }
        c.topics.forEach { field("topic", $0) }
        field("difficulty", String(c.difficulty))
        if !c.audiences.isEmpty { field("audiences", c.audiences.joined(separator: ", ")) }
        c.rubric.forEach { field("rubric", $0) }
        if let points = c.points { field("points", String(points)) }
        switch c.key {
        case .reference(let text) where !text.isEmpty: field("answer", text)
        case .blanks(let blanks) where blanks.count != 1:
            for (n, variants) in blanks.enumerated() { variants.forEach { field("blank-\(n + 1)", $0) } }
        default: break
        }
        let title = "::" + escape(q.externalId ?? "q\(number)") + "::"
        lines.append(title + (c.stem.hasPrefix("[") ? "[plain]" : "") + escape(c.stem) + "{")
        lines += answers(c).map { "\t" + $0 }
        if !c.explanation.isEmpty { lines.append("\t####" + escape(c.explanation)) }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines inside the answer block.
    static func answers(_ c: QuestionContent) -> [String] {
        switch (c.type, c.key) {
        case (.single, .choice(let keys)):
            return c.options.enumerated().map { i, option in
                let right = keys.contains(i)
                // An option starting with % would read as a weight: an explicit weight comes first.
                let weight = option.hasPrefix("%") ? (right ? "%100%" : "%0%") : ""
                return (right ? "=" : "~") + weight + escape(option)
            }
        case (.multiple, .choice(let keys)):
            let share = weight(100 / Double(max(keys.count, 1)))
            return c.options.enumerated().map { i, option in
                "~%" + (keys.contains(i) ? share : "-100") + "%" + escape(option)
            }
        case (_, .judge(let value)):
            return [value ? "TRUE" : "FALSE"]
        case (_, .blanks(let blanks)) where blanks.count == 1:
            return blanks[0].map { "=" + ($0.hasPrefix("%") ? "%100%" : "") + escape($0) }
        default:
            return []
        }
    }

    /// Moodle's grade list has 33.33333, 16.66667, 14.28571…: five decimals, trailing zeros dropped.
    static func weight(_ percent: Double) -> String {
        var text = String(format: "%.5f", percent)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Question text: GIFT's special characters escaped, line breaks as `\n`.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "~", "=", "#", "{", "}", ":": out += "\\" + String(c)
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Comment-field and category values: only backslashes and line breaks need escaping.
    static func value(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }
}
