import Accounts
import HTTPServer

extension Handlers {
    func handleListUsers(_ request: Request, _ context: AppContext) throws -> Response {
        let user = try context.requireUser()
        let role = try request.query["role"].flatMap { value throws(HTTPError) -> Role? in
            guard !value.isEmpty else { return nil }
            guard let role = Role(rawValue: value) else { throw .badRequest("Unknown role \(value)", code: "bad_query") }
            return role
        }
        let query = UserQuery(text: request.query["q"], role: role, unitIds: try visibleUnits(for: user),
                              page: try intQuery(request, "page") ?? 1, pageSize: try intQuery(request, "pageSize") ?? 20)
        return .json(PageDTO(try store.users(query), UserDTO.init))
    }

    func handleGetUser(_ request: Request, _ context: AppContext) throws -> Response {
        let viewer = try context.requireUser()
        let id = try request.intParameter("id")
        // Outside an organizer's units the account is reported missing, not forbidden: no existence leak.
        guard let user = try store.user(id: id), try canSee(user, viewer: viewer) else {
            throw AccountError.notFound("user \(id)")
        }
        return .json(UserDTO(user))
    }

    func handleCreateUser(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(CreateUserBody.self)
        let user = try accounts.createUser(
            NewUser(username: body.username.trimmingCharacters(in: .whitespaces), displayName: body.displayName,
                    password: body.password, roles: Set(body.roles), unitId: body.unitId, regionId: body.regionId),
            actor: context.actor)
        return .json(UserDTO(user), status: 201)
    }

    func handleUpdateUser(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        let body = try request.decode(UpdateUserBody.self)
        let change = UserChange(displayName: body.displayName, roles: body.roles.map(Set.init), unitId: body.unitId,
                                regionId: body.regionId, disabled: body.disabled, password: body.password)
        return .json(UserDTO(try accounts.updateUser(id: id, change: change, actor: context.actor)))
    }

    func handleRevealPhone(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        let phone = try store.revealPhone(userId: id, now: clock.nowMillis(), actor: context.actor)
        return .json(UserPhoneDTO(userId: id, phone: phone))
    }

    /// nil = every unit (admins); otherwise the viewer's unit subtree.
    func visibleUnits(for user: User) throws -> Set<Int>? {
        if user.can(.usersManage) { return nil }
        guard let unit = user.unitId else { return [] }
        return Tree(try store.units().map { (id: $0.id, parentId: $0.parentId) }).subtree(unit)
    }

    func canSee(_ user: User, viewer: User) throws -> Bool {
        guard let units = try visibleUnits(for: viewer) else { return true }
        return user.unitId.map(units.contains) ?? false
    }

    func intQuery(_ request: Request, _ name: String) throws(HTTPError) -> Int? {
        guard let raw = request.query[name], !raw.isEmpty else { return nil }
        guard let value = Int(raw), value > 0 else {
            throw .badRequest("\(name) must be a positive integer", code: "bad_query")
        }
        return value
    }
}

struct UserPhoneDTO: Encodable {
    var userId: Int
    var phone: String?

    enum CodingKeys: String, CodingKey { case userId, phone }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(userId, forKey: .userId)
        try c.encode(phone, forKey: .phone)
    }
}
