import Accounts
import HTTPServer

/// Who may call a route. Checked on the server before the handler runs; object-level checks
/// (an organizer's own units) happen inside the handler.
enum Access: Sendable {
    case anyone
    case signedIn
    case permission(Permission)
    case anyOf([Permission])

    func check(_ context: AppContext) throws(AccountError) {
        switch self {
        case .anyone: return
        case .signedIn: _ = try context.requireUser()
        case .permission(let p):
            guard try context.requireUser().can(p) else { throw .forbidden(p.rawValue) }
        case .anyOf(let ps):
            let user = try context.requireUser()
            guard ps.contains(where: user.can) else { throw .forbidden(ps.map(\.rawValue).joined(separator: " or ")) }
        }
    }

    var description: String {
        switch self {
        case .anyone: "anyone"
        case .signedIn: "signed in"
        case .permission(let p): p.rawValue
        case .anyOf(let ps): ps.map(\.rawValue).joined(separator: " | ")
        }
    }
}

/// One documented API operation, for the route table and the OpenAPI document.
struct Operation: Sendable {
    var method: HTTPMethod
    var path: String
    var id: String
    var summary: String
    var access: Access
    var requestSchema: String?
    var responseSchema: String?
    var successStatus: Int
    var query: [String]
}

/// Collects routes: registers each with the router behind its access check and error mapping,
/// and remembers it for the OpenAPI document.
struct APIBuilder {
    var router: Router<AppContext>
    var operations: [Operation] = []

    mutating func add(_ method: HTTPMethod, _ path: String, _ id: String, _ summary: String, _ access: Access,
                      body: String? = nil, returns: String? = nil, status: Int = 200, query: [String] = [],
                      offload: Bool? = nil, _ handler: @escaping @Sendable (Request, AppContext) throws -> Response) {
        operations.append(Operation(method: method, path: path, id: id, summary: summary, access: access,
                                    requestSchema: body, responseSchema: returns, successStatus: status, query: query))
        router.add(method, path, operationId: id, summary: summary, offload: offload) { request, context in
            do {
                try access.check(context)
                return try handler(request, context)
            } catch {
                throw ErrorMapping.http(error)
            }
        }
    }
}
