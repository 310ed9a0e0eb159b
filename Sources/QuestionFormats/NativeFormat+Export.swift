import Questions

extension NativeFormat {
    /// Writes a bank in the same layout people edit by hand; parsing the output gives the same questions.
    public static func export(_ bank: ExportBank) -> String {
        var out = "bank: \(scalar(bank.name))\n"
        if let law = bank.law { out += "law: \(scalar(law))\n" }
        if let description = bank.description { out += "description: \(scalar(description))\n" }
        out += bank.questions.isEmpty ? "questions: []\n" : "questions:\n"
        for (i, q) in bank.questions.enumerated() {
            if i > 0 { out += "\n" }
            out += question(q)
        }
        return out
    }

    static func question(_ q: ExportQuestion) -> String {
        let c = q.content
        var lines: [String] = []
        if let id = q.externalId { lines.append("id: \(scalar(id))") }
        lines.append("type: \(c.type.rawValue)")
        if q.status != .active { lines.append("status: \(q.status.rawValue)") }
        if !c.category.isEmpty { lines.append("category: \(scalar(c.category))") }
        lines.append("stem: \(block(c.stem))")
        if !c.options.isEmpty {
            lines.append("options:")
            lines += c.options.map { "  - \(scalar($0))" }
        }
        switch c.key {
        case .choice(let keys): lines.append("answer: \(keys.map(optionLetter).joined())")
        case .judge(let value): lines.append("answer: \(value)")
        case .blanks(let blanks): lines.append("answer: [" + blanks.map { "[" + $0.map(flow).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]")
        case .reference(let text): lines.append("answer: \(block(text))")
        }
        if !c.rubric.isEmpty {
            lines.append("rubric:")
            lines += c.rubric.map { "  - \(scalar($0))" }
        }
        if let points = c.points { lines.append("points: \(points)") }
        lines.append("explanation: \(block(c.explanation))")
        lines.append("basis: \(scalar(c.basis))")
        if !c.quote.isEmpty { lines.append("quote: \(block(c.quote))") }
        if !c.topics.isEmpty { lines.append("topics: [" + c.topics.map(flow).joined(separator: ", ") + "]") }
        lines.append("difficulty: \(c.difficulty)")
        if !c.audiences.isEmpty { lines.append("audiences: [" + c.audiences.joined(separator: ", ") + "]") }
        var text = "  - " + lines[0] + "\n"
        for line in lines.dropFirst() {
            text += line.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// A plain scalar when YAML reads it back unchanged, a double-quoted one otherwise.
    static func scalar(_ s: String) -> String {
        needsQuotes(s) ? quoted(s) : s
    }

    /// Multi-line text as a literal block, so diffs stay readable.
    static func block(_ s: String) -> String {
        guard s.contains("\n") else { return scalar(s) }
        if s.hasPrefix(" ") || s.hasSuffix(" ") || s.hasPrefix("\t") || s.unicodeScalars.contains(where: isHazard) || s.split(separator: "\n", omittingEmptySubsequences: false).contains(where: { $0.hasSuffix(" ") }) {
            return quoted(s)
        }
        return "|-\n" + s.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// Inside a flow sequence ([a, b]) commas and brackets also need quotes.
    static func flow(_ s: String) -> String {
        s.contains(where: { ",[]{}".contains($0) }) ? quoted(s) : scalar(s)
    }

    static func needsQuotes(_ s: String) -> Bool {
        if s.isEmpty || s.contains("\n") || s.hasPrefix(" ") || s.hasSuffix(" ") { return true }
        // Tabs (":\t" and "\t#" are YAML syntax too), NEL, U+2028/2029 (YAML line breaks) and control characters.
        if s.unicodeScalars.contains(where: { $0 == "\t" || isHazard($0) }) { return true }
        if let first = s.first, "-?:,[]{}#&*!|>'\"%@`".contains(first) { return true }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return true }
        let lower = s.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lower) { return true }
        if Double(s) != nil || Int(s) != nil { return true }
        return false
    }

    /// Characters YAML treats as line breaks, or that cannot appear raw.
    static func isHazard(_ c: UnicodeScalar) -> Bool {
        c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029 || c.value == 0xFEFF
            || (c.value < 0x20 && c != "\n" && c != "\t") || c.value == 0x7F
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if isHazard(c) { out += String(format: "\\u%04X", c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }
}

import Foundation
