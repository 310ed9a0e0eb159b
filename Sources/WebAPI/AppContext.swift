import Accounts
import HTTPServer

/// What middleware learns about a request: who is signed in, through which session.
public struct AppContext: RequestContext {
    public var requestId: String
    public var user: User?
    public var session: Session?
    /// Set when the request carried a session cookie that has expired, so the error can say so.
    public var sessionExpired = false

    public init(request: Request) {
        requestId = request.id
    }

    /// The signed-in user, or 401.
    public func requireUser() throws(AccountError) -> User {
        guard let user else { throw sessionExpired ? .sessionExpired : .unauthenticated }
        return user
    }

    /// The actor recorded in the audit log for changes made by this request.
    public var actor: Actor {
        Actor(userId: user?.id, name: user?.username ?? "anonymous", requestId: requestId)
    }
}

/// The clock every handler reads; tests inject a fixed or stepping one.
public struct AppClock: Sendable {
    public var nowMillis: @Sendable () -> Int64

    public init(nowMillis: @escaping @Sendable () -> Int64) {
        self.nowMillis = nowMillis
    }

    public static let system = AppClock { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}

import Foundation
