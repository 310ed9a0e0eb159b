/// What a person is in Pufa. A person may hold several roles (an organizer who also takes the exam).
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case admin, editor, organizer, official, resident

    /// The name shown in the UI (Simplified Chinese; the web client translates).
    public var label: String {
        switch self {
        case .admin: "管理员"
        case .editor: "普法编辑"
        case .organizer: "考试组织者"
        case .official: "公职人员"
        case .resident: "群众"
        }
    }

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A capability checked on the server for a route. Object-level checks (an organizer's own units)
/// are made by the handler on top of these.
public enum Permission: String, Sendable, Codable, CaseIterable, Comparable {
    case consoleAccess = "console.access"
    case usersManage = "users.manage"
    case unitsManage = "units.manage"
    case regionsManage = "regions.manage"
    case auditRead = "audit.read"
    case questionsManage = "questions.manage"
    case contentManage = "content.manage"
    case audiencesManage = "audiences.manage"
    case campaignsManage = "campaigns.manage"
    case quizzesManage = "quizzes.manage"
    case examsManage = "exams.manage"
    case examsTake = "exams.take"
    case portalUse = "portal.use"
    /// Seeing unmasked phone and ID numbers; every use is logged.
    case personalDataReveal = "personal.reveal"

    public static func < (a: Permission, b: Permission) -> Bool { a.rawValue < b.rawValue }
}

extension Role {
    /// The permissions a role grants.
    public var permissions: Set<Permission> {
        switch self {
        case .admin:
            Set(Permission.allCases)
        case .editor:
            [.consoleAccess, .questionsManage, .contentManage, .audiencesManage, .campaignsManage, .quizzesManage,
             .portalUse]
        case .organizer:
            [.consoleAccess, .examsManage, .portalUse]
        case .official:
            [.examsTake, .portalUse]
        case .resident:
            [.portalUse]
        }
    }
}

extension Set<Role> {
    /// The union of what every role grants (looked up: it is asked on every signed-in request).
    public var permissions: Set<Permission> {
        Role.grants[reduce(0) { $0 | Role.bit($1) }]
    }
}

extension Role {
    static func bit(_ role: Role) -> Int { 1 << allCases.firstIndex(of: role)! }

    /// What every combination of roles grants, indexed by the roles' bits.
    static let grants: [Set<Permission>] = (0..<(1 << allCases.count)).map { mask in
        allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }
            .reduce(into: Set<Permission>()) { $0.formUnion($1.element.permissions) }
    }
}
