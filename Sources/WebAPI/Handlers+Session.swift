import Accounts
import Foundation
import HTTPServer
import Secrets

extension Handlers {
    func handleSession(_ request: Request, _ context: AppContext) throws -> Response {
        var response = SessionDTO.fastResponse(context.user)
        ensureCSRFCookie(&response, request: request, context: context)
        if context.sessionExpired { response.setCookie(.expired(CookieNames.session)) }
        return response
    }

    func handleMe(_ request: Request, _ context: AppContext) throws -> Response {
        SessionDTO.fastResponse(try context.requireUser())
    }

    func handleLogin(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(LoginBody.self)
        let signIn = try accounts.login(username: body.username.trimmingCharacters(in: .whitespaces),
                                        password: body.password, address: request.remoteAddress)
        // The old session (if any) ends: a fixed session id cannot survive a login.
        if let old = context.session { try? accounts.logout(session: old) }
        var response = Response.json(SessionDTO(signIn.user))
        response.setCookie(sessionCookie(signIn.token, maxAgeMillis: signIn.session.expiresAt - signIn.session.createdAt))
        response.setCookie(csrfCookie(signIn.session.csrfToken))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    func handleLogout(_ request: Request, _ context: AppContext) throws -> Response {
        if let session = context.session { try accounts.logout(session: session) }
        var response = Response.empty()
        response.setCookie(.expired(CookieNames.session))
        response.setCookie(csrfCookie(Sodium.randomToken()))
        return response
    }

    func handleChangePassword(_ request: Request, _ context: AppContext) throws -> Response {
        let user = try context.requireUser()
        let body = try request.decode(PasswordChangeBody.self)
        try accounts.changeOwnPassword(user: user, current: body.currentPassword, new: body.newPassword,
                                       actor: context.actor)
        var response = Response.empty()
        // Every session of the account ended with the change, this one included.
        response.setCookie(.expired(CookieNames.session))
        return response
    }

    /// Gives the browser a CSRF cookie if it has none, or the session's one if it holds another.
    func ensureCSRFCookie(_ response: inout Response, request: Request, context: AppContext) {
        let current = request.cookie(CookieNames.csrf)
        if let session = context.session {
            if current != session.csrfToken { response.setCookie(csrfCookie(session.csrfToken)) }
        } else if current == nil || current!.isEmpty {
            response.setCookie(csrfCookie(Sodium.randomToken()))
        }
    }

    func sessionCookie(_ token: String, maxAgeMillis: Int64) -> Cookie {
        Cookie(name: CookieNames.session, value: token, maxAge: Int(maxAgeMillis / 1000), httpOnly: true,
               secure: configuration.secureCookies, sameSite: .lax)
    }

    /// Readable by the page's script (it echoes it in a header), never sent cross-site.
    func csrfCookie(_ token: String) -> Cookie {
        Cookie(name: CookieNames.csrf, value: token, httpOnly: false, secure: configuration.secureCookies,
               sameSite: .strict)
    }
}
