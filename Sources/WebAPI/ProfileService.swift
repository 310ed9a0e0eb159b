import Accounts
import Audience
import Foundation
import Persistence
import Quizzes

/// Audience profiles: staff search, read and edit them; a signed-in person edits their own few attributes; a quiz
/// entry that leaves a phone becomes (or refreshes) a resident's profile and gives the browser a token for it.
public final class ProfileService: Sendable {
    let store: Store
    let clock: AppClock
    /// The window of "accuracy per knowledge point" on a profile's page.
    static let factsDays = 90

    public init(store: Store, clock: AppClock = .system) {
        self.store = store
        self.clock = clock
    }

    /// The profile of a quiz participant; returns the token their browser keeps (`pufa.profileToken`).
    func resident(_ participant: Participant) throws -> String {
        try store.residentProfile(phone: participant.phone, nickname: participant.nickname, regionId: participant.regionId,
                                  now: clock.nowMillis()).token
    }

    func search(_ query: ProfileQuery) throws -> Page<ProfileRecord> {
        try store.ensureAccountProfiles(now: clock.nowMillis())
        return try store.profiles(query)
    }

    func detail(id: Int) throws -> ProfileDetail {
        let since = SegmentRule.since(days: Self.factsDays, now: clock.nowMillis())
        guard let detail = try store.profileDetail(id: id, sinceDay: since) else { throw AudienceError.notFound("对象 \(id) / profile \(id)") }
        return detail
    }

    func update(id: Int, _ attributes: ProfileAttributes, actor: Actor) throws -> ProfileDetail {
        _ = try store.updateProfile(id: id, attributes, now: clock.nowMillis(), actor: actor)
        return try detail(id: id)
    }

    /// The signed-in person's own profile (created from their account on first use).
    func own(_ user: User) throws -> ProfileRecord {
        let id = try store.accountProfileId(userId: user.id, now: clock.nowMillis())
        guard let profile = try store.profile(id: id) else { throw AudienceError.notFound("profile") }
        return profile
    }

    func updateOwn(_ user: User, ageBand: AgeBand?, occupation: String?, interests: [String]) throws -> ProfileRecord {
        let id = try store.accountProfileId(userId: user.id, now: clock.nowMillis())
        return try store.updateOwnProfile(id: id, ProfileAttributes(ageBand: ageBand, occupation: occupation, interests: interests),
                                          now: clock.nowMillis())
    }
}
