/// Why an account operation was refused. WebAPI maps each case to an HTTP status in one place.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(String)
    case usernameTaken(String)
    case notFound(String)
    case invalidCredentials
    case disabled
    case throttled(retryAfterSeconds: Int)
    case unauthenticated
    case sessionExpired
    case forbidden(String)
    case lastAdmin

    public var description: String {
        switch self {
        case .invalid(let reason): reason
        case .usernameTaken(let name): "用户名「\(name)」已被使用 / username \(name) is taken"
        case .notFound(let what): "\(what) not found"
        case .invalidCredentials: "用户名或密码错误 / wrong username or password"
        case .disabled: "账号已停用 / this account is disabled"
        case .throttled(let s): "尝试次数过多，请 \(s) 秒后再试 / too many attempts; try again in \(s) s"
        case .unauthenticated: "请先登录 / please sign in"
        case .sessionExpired: "登录已过期，请重新登录 / your session has expired; please sign in again"
        case .forbidden(let what): "无权限：\(what) / not allowed: \(what)"
        case .lastAdmin: "不能停用或降级最后一个管理员 / the last active admin cannot be disabled or demoted"
        }
    }
}
