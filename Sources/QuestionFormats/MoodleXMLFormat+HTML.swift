/// Plain text out of the simple HTML that Moodle's editors write, and XML escaping for export.
enum MoodleHTML {
    /// `<p>a &amp; b</p><p>c<br>d</p>` → "a & b\nc\nd": source whitespace collapses as a browser would, `<br>` and the
    /// end of a block become line breaks, other tags disappear, entities are decoded.
    static func plainText(_ html: String) -> String {
        var out = "", tag = "", inTag = false, lastWasSpace = false
        for c in html {
            if inTag {
                if c == ">" {
                    inTag = false
                    if breakTags.contains(tagName(tag)) { out += "\n"; lastWasSpace = true }
                } else {
                    tag.append(c)
                }
            } else if c == "<" {
                inTag = true
                tag = ""
            } else if c.isWhitespace {
                if !lastWasSpace { out += " " }
                lastWasSpace = true
            } else {
                out.append(c)
                lastWasSpace = false
            }
        }
        let decoded = decodeEntities(out)
        return decoded.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmed }.joined(separator: "\n").trimmed
    }

    static let breakTags: Set<String> = ["br", "/p", "/div", "/li", "/h1", "/h2", "/h3", "/h4", "/tr", "/blockquote"]

    /// `br/`, `br /` → `br`; `/p` stays `/p`.
    static func tagName(_ tag: String) -> String {
        var name = tag.lowercased().prefix { !$0.isWhitespace }
        if name.count > 1, name.hasSuffix("/") { name = name.dropLast() }
        return String(name)
    }

    static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
                                          "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "hellip": "…",
                                          "mdash": "—", "ndash": "–", "middot": "·"]

    /// `&amp;`, `&#20013;`, `&#x4E2D;`…; anything that is not an entity stays as it is.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = "", rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = String(after[..<semicolon])
            if let decoded = entity(name) {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    static func entity(_ name: String) -> String? {
        if let value = named[name] { return value }
        guard name.hasPrefix("#") else { return nil }
        let number = name.dropFirst()
        let code = number.hasPrefix("x") || number.hasPrefix("X") ? UInt32(number.dropFirst(), radix: 16) : UInt32(number)
        return code.flatMap(UnicodeScalar.init).map { String(Character($0)) }
    }

    /// Text for an XML element or attribute: `& < > "` escaped; characters XML 1.0 cannot hold (controls other than
    /// tab and line breaks) are dropped.
    static func escapeXML(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(s)
            case "\r": out += "&#13;"
            default:
                if s.value < 0x20 || s.value == 0xFFFE || s.value == 0xFFFF { continue }
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
