import Audience

/// The rules of event ingestion. Pure: the caller supplies `now` and what exists.
///
/// - Time: an event up to `maxAheadMillis` ahead of the server is kept as sent (clocks differ a little); further
///   ahead it is clamped to `now` (reason `clock_ahead`); older than `maxAgeMillis` it is rejected (`too_old`); in
///   between it is a late event, counted in the hour and day it happened.
/// - A batch holds at most `maxBatch` events; a larger one is refused whole (`batch_too_large`).
public enum EventRules {
    public static let maxBatch = 50
    public static let maxAheadMillis: Int64 = 5 * 60_000
    public static let maxAgeMillis: Int64 = 48 * 3_600_000
    /// A `read` report claims at most this many effective seconds (the page reports every ~15 s).
    public static let maxSecondsPerReport = 120

    /// Judges one reported event. `contentExists` answers whether a published piece has that slug.
    public static func judge(_ e: ReportedEvent, now: Int64, contentExists: (String) -> Bool) -> Result<AcceptedEvent, RejectReason> {
        guard (1...64).contains(e.id.utf8.count), e.id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return .failure(.badId) }
        guard let kind = EventKind(rawValue: e.kind) else { return .failure(.unknownKind) }
        guard EventKind.fromBrowser.contains(kind) else { return .failure(.serverKind) }
        guard contentExists(e.content) else { return .failure(.unknownContent) }
        let seconds = e.seconds ?? 0, depth = e.depth ?? 0
        guard (0...maxSecondsPerReport).contains(seconds), (0...1).contains(depth), e.campaign.map({ $0 > 0 }) ?? true else {
            return .failure(.badValue)
        }
        guard e.at >= now - maxAgeMillis else { return .failure(.tooOld) }
        let ahead = e.at > now + maxAheadMillis
        let at = ahead ? now : e.at
        return .success(AcceptedEvent(id: e.id, kind: kind, content: e.content, campaign: e.campaign, at: at,
                                      day: BeijingDay.of(at), hour: BeijingDay.minuteOfDay(at) / 60, seconds: kind == .read ? seconds : 0,
                                      depth: depth, clamped: ahead ? "clock_ahead" : nil))
    }
}

