/// What happened between a piece of teaching material and a person, from delivery to quizzing afterwards.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    case delivered, shown, opened, read, finished, shared
    case quizStarted = "quiz_started", quizAnswered = "quiz_answered", taskCompleted = "task_completed"

    /// Kinds a browser may report; the others are recorded by the server where they happen.
    public static let fromBrowser: Set<EventKind> = [.shown, .opened, .read, .finished, .shared]
}

/// One event as a browser reports it in a batch (`recordEvents`).
public struct ReportedEvent: Sendable, Equatable {
    /// The page's own id for the event, so a resent batch is not counted twice.
    public var id: String
    public var kind: String
    /// The piece's slug.
    public var content: String
    public var campaign: Int?
    /// When it happened by the device's clock (milliseconds).
    public var at: Int64
    /// Effective (visible and focused) seconds, for `read`.
    public var seconds: Int?
    /// How far down the piece was scrolled, 0–1, for `read`.
    public var depth: Double?

    public init(id: String, kind: String, content: String, campaign: Int? = nil, at: Int64, seconds: Int? = nil, depth: Double? = nil) {
        self.id = id
        self.kind = kind
        self.content = content
        self.campaign = campaign
        self.at = at
        self.seconds = seconds
        self.depth = depth
    }
}

/// An event accepted for counting: its time (clamped when the device clock ran ahead) and its Beijing buckets.
public struct AcceptedEvent: Sendable, Equatable {
    public var id: String
    public var kind: EventKind
    public var content: String
    public var campaign: Int?
    public var at: Int64
    public var day: String
    public var hour: Int
    public var seconds: Int
    public var depth: Double
    /// Why the time was changed ("clock_ahead"), nil when kept as sent.
    public var clamped: String?
}

/// Why an event was not counted; each reason is its own figure in the "rejected" count.
public enum RejectReason: String, Error, Sendable, Codable, CaseIterable {
    case unknownKind = "unknown_kind"
    case serverKind = "server_kind"
    case unknownContent = "unknown_content"
    case tooOld = "too_old"
    case badId = "bad_id"
    case badValue = "bad_value"
    case duplicate
    case batchTooLarge = "batch_too_large"
    case malformed
}
