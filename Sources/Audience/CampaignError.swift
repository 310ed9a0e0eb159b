/// Why a campaign, robot or inbox action was refused; WebAPI maps each case to an HTTP status.
public enum CampaignError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid([String])
    case notFound(String)
    /// The action does not fit the campaign's state (editing a started campaign, resuming a finished one…).
    case wrongState(String)
    /// A robot address that is not http(s).
    case badURL(String)
    /// No profile for this request: not signed in and no valid profile token.
    case noProfile

    public var description: String {
        switch self {
        case .invalid(let reasons): reasons.joined(separator: "; ")
        case .notFound(let what): "找不到\(what) / \(what) not found"
        case .wrongState(let why): why
        case .badURL(let url): "机器人地址须以 http:// 或 https:// 开头：\(url) / a robot URL must be http(s): \(url)"
        case .noProfile: "请先登录，或在本机参加过答题后再查看 / sign in (or take a quiz on this device) to see your messages"
        }
    }
}
