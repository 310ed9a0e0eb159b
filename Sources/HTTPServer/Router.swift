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

/// What the server asks of whatever answers requests.
public protocol Responder: Sendable {
    func respond(to request: Request) -> Response
    /// True when answering may block (database writes, password hashing): the server then suspends the
    /// connection and answers from a worker thread, so the event loop keeps serving other connections.
    func prefersWorkerThread(_ request: Request) -> Bool
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
        var segments: [Segment]
        var handler: Handler<Context>
    }
    enum Segment: Sendable, Equatable { case literal(String), parameter(String) }

    private var routes: [Route] = []
    private var exact: [String: [HTTPMethod: Int]] = [:]
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

    public mutating func use(_ m: any Middleware<Context>) { middleware.append(m) }

    /// Registers a handler. `offload` defaults to true for methods that change state.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, operationId: String, summary: String = "",
                             offload: Bool? = nil, _ handler: @escaping Handler<Context>) {
        let segments = Self.split(pattern).map { s -> Segment in
            s.hasPrefix("{") && s.hasSuffix("}") ? .parameter(String(s.dropFirst().dropLast())) : .literal(String(s))
        }
        let info = RouteInfo(method: method, pattern: pattern, operationId: operationId, summary: summary,
                             offload: offload ?? !(method == .GET || method == .HEAD))
        precondition(!routes.contains { $0.info.method == method && $0.segments == segments },
                     "duplicate route \(method) \(pattern)")
        routes.append(Route(info: info, segments: segments, handler: handler))
        if !segments.contains(where: { if case .parameter = $0 { true } else { false } }) {
            exact[pattern, default: [:]][method] = routes.count - 1
        }
    }

    enum Match { case found(Int, [String: String]), methodNotAllowed([HTTPMethod]), notFound }

    func match(_ method: HTTPMethod, _ path: String) -> Match {
        let lookup = method == .HEAD ? HTTPMethod.GET : method
        if let byMethod = exact[path] {
            if let index = byMethod[lookup] { return .found(index, [:]) }
        }
        let parts = Self.split(path)
        var allowed: [HTTPMethod] = []
        var found: (Int, [String: String])?
        for (index, route) in routes.enumerated() where route.segments.count == parts.count {
            guard let params = Self.bind(route.segments, parts) else { continue }
            if route.info.method == lookup, found == nil { found = (index, params) }
            allowed.append(route.info.method)
        }
        if let found { return .found(found.0, found.1) }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed)
    }

    static func bind(_ segments: [Segment], _ parts: [Substring]) -> [String: String]? {
        var params: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let s): if s != part[...] { return nil }
            case .parameter(let name): params[name] = String(part)
            }
        }
        return params
    }

    static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    public func prefersWorkerThread(_ request: Request) -> Bool {
        if case .found(let index, _) = match(request.method, request.path) { return routes[index].info.offload }
        return false
    }

    public func respond(to request: Request) -> Response {
        let start = ContinuousClock.now
        var response: Response
        var label = "unmatched"
        switch match(request.method, request.path) {
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
        let handler = route.handler
        var chain: (Request, Context) throws -> Response = { try handler($0, $1) }
        for m in middleware.reversed() {
            let next = chain
            chain = { try m.handle($0, $1, next: next) }
        }
        do {
            return try chain(request, Context(request: request))
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
