import HTTPServer
import Secrets

extension Handlers {
    /// Who is reading: a signed-in account's profile (created from the account on first use), else the profile of
    /// the resident's browser token in `X-Profile-Token` (kept only as its SHA-256), else nil (anonymous).
    func resolveProfile(_ request: Request, _ context: AppContext) throws -> Int? {
        if let user = context.user { return try store.accountProfileId(userId: user.id, now: clock.nowMillis()) }
        guard let token = request.headers["X-Profile-Token"], !token.isEmpty, token.count <= 200 else { return nil }
        return try store.profileId(token: token)
    }
}
