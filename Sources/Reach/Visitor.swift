/// Who is on the other end of an event request: a person's browser, or a crawler, a link-preview fetcher (chat
/// apps fetch a link to draw its card) or a browser prefetch. Non-persons are labelled with the reason and counted
/// apart, never silently dropped and never mixed into reach.
public enum Visitor {
    /// Substrings of user agents that are not a person reading (lower case).
    /// The first match wins: specific fetchers before the generic "bot".
    static let robots: [(needle: String, label: String)] = [
        ("facebookexternalhit", "link_preview"), ("whatsapp", "link_preview"), ("telegrambot", "link_preview"),
        ("slackbot", "link_preview"), ("discordbot", "link_preview"), ("skypeuripreview", "link_preview"),
        ("dingtalkbot", "link_preview"), ("twitterbot", "link_preview"),
        ("curl/", "tool"), ("wget/", "tool"), ("python-requests", "tool"), ("go-http-client", "tool"), ("okhttp", "tool"),
        ("java/", "tool"), ("lighthouse", "tool"),
        ("bot", "bot"), ("spider", "bot"), ("crawler", "bot"), ("slurp", "bot"),
    ]

    /// nil for a person's browser, else why not: "bot", "tool", "link_preview", "prefetch" or "no_agent".
    public static func label(userAgent: String?, purpose: String?) -> String? {
        if let purpose = purpose?.lowercased(), purpose.contains("prefetch") || purpose.contains("prerender") { return "prefetch" }
        guard let agent = userAgent?.lowercased(), !agent.isEmpty else { return "no_agent" }
        // Chat apps' in-app browsers are people ("MicroMessenger", "DingTalk" without "bot"); their fetchers say bot.
        return robots.first { agent.contains($0.needle) }?.label
    }
}
