/// One staff action, for the audit log: who, what, when, and the object before and after (JSON text).
public struct AuditEntry: Sendable, Equatable {
    public var id: Int
    public var at: Int64
    public var actorId: Int?
    public var actorName: String
    public var action: String
    public var objectType: String
    public var objectId: String?
    public var before: String?
    public var after: String?
    public var requestId: String?

    public init(id: Int = 0, at: Int64, actorId: Int?, actorName: String, action: String, objectType: String,
                objectId: String?, before: String? = nil, after: String? = nil, requestId: String? = nil) {
        self.id = id
        self.at = at
        self.actorId = actorId
        self.actorName = actorName
        self.action = action
        self.objectType = objectType
        self.objectId = objectId
        self.before = before
        self.after = after
        self.requestId = requestId
    }
}
