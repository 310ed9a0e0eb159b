import Foundation
import Logging

/// Per-request state that middleware enriches (the signed-in user, say) and handlers read.
public protocol RequestContext: Sendable {
    init(request: Request)
}

public typealias Handler<Context> = @Sendable (Request, Context) throws -> Response

/// Wraps the rest of the chain: may answer early, change the context, or decorate the response.
public protocol Middleware<Context>: Sendable {
    associatedtype Context: RequestContext
    func handle(_ request: Request, _ context: Context,
                next: (Request, Context) throws -> Response) throws -> Response
}

/// Which route a request goes to, found once per request and carried to `respond`.
public struct RouteMatch: Sendable {
    typealias Kind = RouteTable.Match
    let kind: Kind
    /// True when answering may block (database writes, password hashing): the server then suspends the
    /// connection and answers from a worker thread, so the event loop keeps serving other connections.
    public let offload: Bool
}

/// What the server asks of whatever answers requests.
public protocol Responder: Sendable {
    func match(_ request: Request) -> RouteMatch
    func respond(to request: Request, match: RouteMatch) -> Response
}

extension Responder {
    public func respond(to request: Request) -> Response { respond(to: request, match: match(request)) }
    public func prefersWorkerThread(_ request: Request) -> Bool { match(request).offload }
}

/// A route as documented in the OpenAPI document and the metrics.
public struct RouteInfo: Sendable {
    public var method: HTTPMethod
    public var pattern: String
    public var operationId: String
    public var summary: String
    public var offload: Bool
}

/// Maps method + path pattern (`/api/v1/users/{id}`) to handlers; renders errors; answers 404/405 in JSON.
/// Built once at start-up, then shared read-only by every server thread.
public struct Router<Context: RequestContext>: Responder {
    struct Route: Sendable {
        var info: RouteInfo
        /// The handler inside every middleware, composed once when the route is added.
        var chain: @Sendable (Request, Context) throws -> Response
    }

    private var table = RouteTable()
    private var routes: [Route] = []
    private var middleware: [any Middleware<Context>] = []
    /// Answers requests no route matched (static files); nil → JSON 404.
    public var fallback: (@Sendable (Request) -> Response?)?
    public let metrics: RequestMetrics
    public let logger: Logger
    /// One info line per request: method, path, status, milliseconds, request id.
    public let accessLog: Bool

    public init(metrics: RequestMetrics = RequestMetrics(), logger: Logger = Logger(label: "pufa.http"),
                accessLog: Bool = false) {
        self.metrics = metrics
        self.logger = logger
        self.accessLog = accessLog
    }

    public var routeInfos: [RouteInfo] { routes.map(\.info) }

    /// Adds a middleware around every route added after it (add all middleware first).
    public mutating func use(_ m: any Middleware<Context>) {
        precondition(routes.isEmpty, "add middleware before routes")
        middleware.append(m)
    }

    /// Registers a handler. `offload` defaults to true for methods that change state.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, operationId: String, summary: String = "",
                             offload: Bool? = nil, _ handler: @escaping Handler<Context>) {
        let index = table.add(method, pattern)
        precondition(index == routes.count)
        let info = RouteInfo(method: method, pattern: pattern, operationId: operationId, summary: summary,
                             offload: offload ?? !(method == .GET || method == .HEAD))
        var chain: @Sendable (Request, Context) throws -> Response = handler
        for m in middleware.reversed() {
            let next = chain
            chain = { try m.handle($0, $1, next: next) }
        }
        routes.append(Route(info: info, chain: chain))
    }

    public func match(_ request: Request) -> RouteMatch {
        let kind = table.match(request.method, request.path)
        if case .found(let index, _) = kind { return RouteMatch(kind: kind, offload: routes[index].info.offload) }
        return RouteMatch(kind: kind, offload: false)
    }


    public func respond(to request: Request, match: RouteMatch) -> Response {
        let start = ContinuousClock.now
        var response: Response
        var label = "unmatched"
        switch match.kind {
        case .found(let index, let params):
            var request = request
            request.parameters = params
            let route = routes[index]
            label = route.info.pattern
            response = run(route, request)
        case .methodNotAllowed(let allowed):
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            response = .error(HTTPError(405, code: "method_not_allowed",
                                        message: "\(request.method.rawValue) is not allowed here; use \(names)",
                                        headers: [("Allow", names)]))
        case .notFound:
            if let fallback, let answer = fallback(request) {
                label = "static"
                response = answer
            } else {
                response = .error(.notFound("No route for \(request.method.rawValue) \(request.path)"))
            }
        }
        response.headers.add("X-Request-Id", request.id)
        let seconds = (ContinuousClock.now - start).seconds
        metrics.record(route: label, method: request.method, status: response.status, seconds: seconds)
        if accessLog {
            logger.info("\(request.method.rawValue) \(request.path) \(response.status) \(Int(seconds * 1000))ms",
                        metadata: ["request-id": "\(request.id)"])
        }
        return response
    }

    private func run(_ route: Route, _ request: Request) -> Response {
        do {
            return try route.chain(request, Context(request: request))
        } catch let error as HTTPError {
            return .error(error)
        } catch {
            logger.error("unhandled error: \(error)", metadata: ["request-id": "\(request.id)",
                                                              "route": "\(route.info.pattern)"])
            return .error(HTTPError(500, code: "internal", message: "Internal error; request id \(request.id)"))
        }
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
