import Accounts
import HTTPServer
import Secrets

/// Session and CSRF cookie names and the header the web client echoes.
enum CookieNames {
    static let session = "pufa_session"
    static let csrf = "pufa_csrf"
    static let csrfHeader = "X-CSRF-Token"
}

/// Finds the signed-in user from the session cookie. Never refuses: routes decide what they require.
struct AuthMiddleware: Middleware {
    let accounts: AccountService

    func handle(_ request: Request, _ context: AppContext,
                next: (Request, AppContext) throws -> Response) throws -> Response {
        guard let token = request.cookie(CookieNames.session), !token.isEmpty else { return try next(request, context) }
        var context = context
        switch try accounts.resolve(token: token) {
        case .active(let user, let session):
            context.user = user
            context.session = session
        case .expired:
            context.sessionExpired = true
        case .none:
            break
        }
        return try next(request, context)
    }
}

/// Refuses state-changing requests that do not prove they come from Pufa's own pages: the
/// `X-CSRF-Token` header must equal the `pufa_csrf` cookie (which another site can neither read nor set)
/// and, once signed in, the token bound to the session; a foreign `Origin` is refused outright.
struct CSRFMiddleware: Middleware {
    func handle(_ request: Request, _ context: AppContext,
                next: (Request, AppContext) throws -> Response) throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS: return try next(request, context)
        default: break
        }
        // Reading events come from navigator.sendBeacon, which cannot send the header; the route attributes them to
        // the session only when the header is right (see handleRecordEvents), so a forged beacon counts as anonymous.
        if request.path == "/api/v1/events" { return try next(request, context) }
        if let origin = request.headers["Origin"], let host = request.headers["Host"],
           origin != "null", !(origin.hasSuffix("://" + host)) {
            throw HTTPError(403, code: "csrf_failed", message: "Cross-origin request refused")
        }
        let header = request.headers[CookieNames.csrfHeader] ?? ""
        let cookie = request.cookie(CookieNames.csrf) ?? ""
        guard !header.isEmpty, Sodium.constantTimeEquals(header, cookie) else {
            throw HTTPError(403, code: "csrf_failed",
                            message: "Missing or wrong CSRF token; reload the page and try again")
        }
        if let session = context.session, !Sodium.constantTimeEquals(session.csrfToken, header) {
            throw HTTPError(403, code: "csrf_failed", message: "CSRF token does not belong to this session; reload the page")
        }
        return try next(request, context)
    }
}
