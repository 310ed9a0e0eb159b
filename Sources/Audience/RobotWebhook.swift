import Foundation

/// Group-robot messages: the JSON DingTalk and WeCom expect, how their answers say success, and the retry schedule.
public enum RobotWebhook {
    public enum Kind: String, Sendable, CaseIterable { case dingtalk, wecom }

    /// The request body: a Markdown message with a title (DingTalk) or content (WeCom).
    public static func payload(kind: Kind, title: String, text: String) -> [UInt8] {
        let object: [String: Any] = switch kind {
        case .dingtalk: ["msgtype": "markdown", "markdown": ["title": title, "text": text]]
        case .wecom: ["msgtype": "markdown", "markdown": ["content": text]]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return [UInt8](data)
    }

    /// The Markdown of a piece's announcement: title, summary and a link to read it.
    public static func markdown(title: String, summary: String, message: String, link: String) -> String {
        var lines = ["### \(title)"]
        if !message.isEmpty { lines.append(message) }
        if !summary.isEmpty { lines.append(summary) }
        lines.append("[阅读全文](\(link))")
        return lines.joined(separator: "\n\n")
    }

    /// nil when the robot accepted the message; otherwise why not. Both robots answer HTTP 200 with `errcode` 0.
    public static func failure(status: Int, body: [UInt8]) -> String? {
        guard status == 200 else { return "HTTP \(status)" }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let code = (object["errcode"] as? NSNumber)?.intValue else {
            return "回复不是机器人的 JSON / the answer is not a robot's JSON"
        }
        guard code == 0 else { return "errcode \(code): \(object["errmsg"] as? String ?? "")" }
        return nil
    }

    /// Waits between attempts: 30 s, 2 min, 10 min, 1 h; after `maxAttempts` the message has failed.
    public static let backoffSeconds: [Int64] = [30, 120, 600, 3600]
    public static let maxAttempts = 5

    /// When to try again after `attempts` failed attempts, or nil when no attempt is left.
    public static func retryAt(now: Int64, attempts: Int) -> Int64? {
        guard attempts < maxAttempts else { return nil }
        return now + backoffSeconds[min(max(attempts, 1), backoffSeconds.count) - 1] * 1000
    }
}
