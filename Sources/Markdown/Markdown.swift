import CCmark
import Foundation

/// Teaching material's Markdown as HTML, through cmark-gfm: tables, strikethrough, autolinks and task lists; raw HTML
/// never passes (safe mode), and only links to http(s), mailto or this site survive. Pure function of the text.
public enum Markdown {
    public static func html(_ markdown: String) -> String {
        var text = markdown
        let rendered: String = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                  let html = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, { pufa_markdown_to_html($0, bytes.count) })
            else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
        return safeLinks(rendered)
    }

    /// External links open apart from the page and pass no referrer; anything but http(s), mailto or a
    /// site-relative address loses its href (cmark's safe mode already drops javascript:, data: and the like).
    static func safeLinks(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<a href=\"") {
            out += rest[..<start.lowerBound]
            let afterQuote = rest[start.upperBound...]
            guard let end = afterQuote.firstIndex(of: "\"") else { out += rest[start.lowerBound...]; return out }
            let url = String(afterQuote[..<end])
            let lower = url.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
                out += "<a href=\"\(url)\" rel=\"nofollow noopener noreferrer\" target=\"_blank\""
            } else if lower.hasPrefix("mailto:") || url.hasPrefix("/") || url.hasPrefix("#") {
                out += "<a href=\"\(url)\""
            } else {
                out += "<a"
            }
            rest = afterQuote[afterQuote.index(after: end)...]
        }
        return out + rest
    }
}
