/// When a session ends. Sliding: each use extends it by `idleMillis`, never beyond `absoluteMillis`
/// after sign-in, so an exam candidate who reconnects keeps their session without a new login.
public struct SessionPolicy: Sendable, Equatable {
    public var idleMillis: Int64 = 2 * 60 * 60 * 1000
    public var absoluteMillis: Int64 = 12 * 60 * 60 * 1000
    /// Extend the stored expiry only when it moved by at least this much, to spare a write per request.
    public var touchGranularityMillis: Int64 = 60 * 1000

    public init() {}

    public func expiry(createdAt: Int64, now: Int64) -> Int64 {
        min(now + idleMillis, createdAt + absoluteMillis)
    }

    public func isExpired(_ session: Session, now: Int64) -> Bool {
        now >= session.expiresAt
    }

    /// The new expiry if it should be written now, nil if the stored one is fresh enough.
    public func touch(_ session: Session, now: Int64) -> Int64? {
        let next = expiry(createdAt: session.createdAt, now: now)
        return next - session.expiresAt >= touchGranularityMillis ? next : nil
    }
}

/// A signed-in browser. The token itself is never stored: only its digest.
public struct Session: Sendable, Equatable {
    public var tokenDigest: String
    public var userId: Int
    public var createdAt: Int64
    public var expiresAt: Int64
    public var csrfToken: String

    public init(tokenDigest: String, userId: Int, createdAt: Int64, expiresAt: Int64, csrfToken: String) {
        self.tokenDigest = tokenDigest
        self.userId = userId
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.csrfToken = csrfToken
    }
}
