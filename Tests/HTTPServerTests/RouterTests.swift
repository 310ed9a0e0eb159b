import Foundation
@testable import HTTPServer
import Testing
import TestSupport

struct TestContext: RequestContext {
    var trail: [String] = []
    init(request: Request) {}
}

struct Tag: Middleware {
    let name: String
    func handle(_ request: Request, _ context: TestContext,
                next: (Request, TestContext) throws -> Response) throws -> Response {
        var context = context
        context.trail.append(name)
        var response = try next(request, context)
        response.headers.add("X-After", name)
        return response
    }
}

@Suite struct RouterTests {
    func router(middleware tags: [String] = []) -> Router<TestContext> {
        var r = Router<TestContext>()
        for tag in tags { r.use(Tag(name: tag)) }
        r.add(.GET, "/items", operationId: "list") { _, _ in .text("list") }
        r.add(.POST, "/items", operationId: "create") { _, _ in .text("create", status: 201) }
        r.add(.GET, "/items/{id}", operationId: "get") { req, _ in .text("item " + (try req.parameter("id"))) }
        r.add(.GET, "/items/{id}/parts/{part}", operationId: "part") { req, _ in
            .text("\(try req.parameter("id"))/\(try req.parameter("part"))")
        }
        r.add(.GET, "/boom", operationId: "boom") { _, _ in throw HTTPError(418, code: "teapot", message: "short and stout") }
        r.add(.GET, "/crash", operationId: "crash") { _, _ in throw CocoaError(.fileNoSuchFile) }
        r.add(.GET, "/trail", operationId: "trail") { _, ctx in .text(ctx.trail.joined(separator: ",")) }
        return r
    }

    func body(_ r: Response) -> String {
        if case .bytes(let b) = r.body { return String(decoding: b, as: UTF8.self) }
        return ""
    }

    @Test func pathParametersAreBound() {
        let r = router()
        #expect(body(r.respond(to: Request(method: .GET, path: "/items/42"))) == "item 42")
        #expect(body(r.respond(to: Request(method: .GET, path: "/items/7/parts/wheel"))) == "7/wheel")
        #expect(body(r.respond(to: Request(method: .GET, path: "/items/"))) == "list", "a trailing slash matches")
    }

    @Test func theFirstRouteWhoseLiteralsAndMethodMatchWins() {
        var r = Router<TestContext>()
        r.add(.PUT, "/a/{x}/b/{y}", operationId: "one") { _, _ in .text("one") }
        r.add(.PUT, "/a/{x}/c/{y}", operationId: "two") { request, _ in .text("two " + (request.parameters["y"] ?? "")) }
        r.add(.GET, "/a/{x}/c/{y}", operationId: "three") { _, _ in .text("three") }
        #expect(body(r.respond(to: Request(method: .PUT, path: "/a/1/c/9"))) == "two 9")
        #expect(r.respond(to: Request(method: .POST, path: "/a/1/c/9")).headers["Allow"] == "PUT, GET")
        #expect(r.respond(to: Request(method: .PUT, path: "/a/1/d/9")).status == 404)
    }

    @Test func aPatternOfLiteralsBeatsParametersAndAmongParametersTheEarlierRegistrationWins() {
        var r = Router<TestContext>()
        r.add(.GET, "/a/{x}/b", operationId: "param") { request, _ in .text("param " + (request.parameters["x"] ?? "")) }
        r.add(.GET, "/a/new/b", operationId: "exact") { _, _ in .text("exact") }
        r.add(.PUT, "/a/{x}/{y}", operationId: "wide") { request, _ in .text("wide " + (request.parameters["y"] ?? "")) }
        r.add(.PUT, "/a/new/{y}", operationId: "narrow") { _, _ in .text("narrow") }
        r.add(.DELETE, "/a/new/{y}", operationId: "tail") { request, _ in .text("tail " + (request.parameters["y"] ?? "")) }
        #expect(body(r.respond(to: Request(method: .GET, path: "/a/new/b"))) == "exact")
        #expect(body(r.respond(to: Request(method: .GET, path: "/a/old/b"))) == "param old")
        #expect(body(r.respond(to: Request(method: .PUT, path: "/a/new/c"))) == "wide c")
        #expect(body(r.respond(to: Request(method: .DELETE, path: "/a/new/b"))) == "tail b")
        #expect(r.respond(to: Request(method: .POST, path: "/a/new/b")).headers["Allow"] == "GET, PUT, DELETE")
        #expect(r.respond(to: Request(method: .GET, path: "/a/new/c")).headers["Allow"] == "PUT, DELETE")
        #expect(r.respond(to: Request(method: .GET, path: "/a/new")).status == 404)
        #expect(r.respond(to: Request(method: .GET, path: "/a/x/b/c")).status == 404)
    }

    @Test(arguments: [("/api/v1/attempts/7/responses/3", ["api", "v1", "attempts", "7", "responses", "3"]),
                      ("//a///b/", ["a", "b"]), ("/", []), ("", []), ("/考试/一", ["考试", "一"]), ("noslash", ["noslash"])])
    func pathsSplitIntoTheirSegments(path: String, segments: [String]) {
        #expect(RouteTable.split(path).map(String.init) == segments)
    }

    @Test func theMethodPicksTheHandler() {
        let r = router()
        #expect(r.respond(to: Request(method: .POST, path: "/items")).status == 201)
        #expect(r.respond(to: Request(method: .HEAD, path: "/items")).status == 200, "HEAD is answered by GET")
    }

    @Test func aKnownPathWithAnotherMethodIsA405ThatNamesTheAllowedOnes() {
        let response = router().respond(to: Request(method: .DELETE, path: "/items"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "GET, POST")
        #expect(body(response).contains("\"code\":\"method_not_allowed\""))
    }

    @Test func anUnknownPathIsAJSON404UnlessTheFallbackAnswers() {
        var r = router()
        #expect(r.respond(to: Request(method: .GET, path: "/nope")).status == 404)
        r.fallback = { $0.path == "/file.txt" ? .text("file") : nil }
        #expect(body(r.respond(to: Request(method: .GET, path: "/file.txt"))) == "file")
        #expect(r.respond(to: Request(method: .GET, path: "/other")).status == 404)
    }

    @Test func anHTTPErrorIsRenderedAndAnythingElseIsA500WithTheRequestId() {
        let r = router()
        let teapot = r.respond(to: Request(method: .GET, path: "/boom"))
        #expect(teapot.status == 418)
        #expect(body(teapot) == #"{"error":{"code":"teapot","message":"short and stout"}}"#)
        let request = Request(method: .GET, path: "/crash")
        let crash = r.respond(to: request)
        #expect(crash.status == 500)
        #expect(body(crash).contains(request.id))
    }

    @Test func middlewareRunsInOrderAroundTheHandler() {
        let r = router(middleware: ["outer", "inner"])
        let response = r.respond(to: Request(method: .GET, path: "/trail"))
        #expect(body(response) == "outer,inner")
        #expect(response.headers.fields.filter { $0.name == "X-After" }.map(\.value) == ["inner", "outer"])
    }

    @Test func writesAreOffloadedAndReadsAreNot() {
        let r = router()
        #expect(r.prefersWorkerThread(Request(method: .POST, path: "/items")))
        #expect(!r.prefersWorkerThread(Request(method: .GET, path: "/items")))
        #expect(!r.prefersWorkerThread(Request(method: .GET, path: "/nope")))
    }

    @Test func everyResponseCarriesTheRequestIdAndIsCounted() {
        let r = router()
        let request = Request(method: .GET, path: "/items")
        #expect(r.respond(to: request).headers["X-Request-Id"] == request.id)
        #expect(r.metrics.render().contains(#"pufa_http_requests_total{route="/items",method="GET",status="200"} 1"#))
    }
}

@Suite struct RequestTests {
    @Test func cookiesAreParsedFromTheHeader() {
        let request = Request(method: .GET, path: "/", headers: Headers([("cookie", "a=1; b = two ;c=x=y")]))
        #expect(request.cookies == ["a": "1", "b": "two", "c": "x=y"])
        #expect(request.cookie("b") == "two" && request.cookie("c") == "x=y" && request.cookie("d") == nil)
        #expect(Request(method: .GET, path: "/", headers: Headers([("cookie", "ab=1; a=2")])).cookie("a") == "2")
        #expect(Request(method: .GET, path: "/").cookie("a") == nil)
    }

    @Test func oneCookieIsFoundAsTheWholeMapFindsItOnRandomHeaders() {
        var rng = SplitMix(seed: 0xC00C1E)
        let pieces = ["a", "b", "ab", "c", " ", "\t", "=", ";", "x", "1", "é"]
        for _ in 0..<2_000 {
            let header = (0..<Int.random(in: 0...14, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let request = Request(method: .GET, path: "/", headers: Headers([("Cookie", header)]))
            for name in ["a", "b", "ab", "c", "é"] {
                #expect(request.cookie(name) == request.cookies[name], "\(name) in \(header.debugDescription)")
            }
        }
    }

    @Test func decodingChecksTheContentTypeAndExplainsMistakes() {
        struct Body: Decodable { var name: String; var count: Int }
        let json = Headers([("Content-Type", "application/json; charset=utf-8")])
        #expect(throws: HTTPError(415, code: "unsupported_media_type", message: "Send the body as application/json")) {
            try Request(method: .POST, path: "/", body: Array("{}".utf8)).decode(Body.self)
        }
        #expect(throws: HTTPError(400, code: "malformed_json", message: "Missing field count")) {
            try Request(method: .POST, path: "/", headers: json, body: Array(#"{"name":"x"}"#.utf8)).decode(Body.self)
        }
        #expect(throws: HTTPError(400, code: "malformed_json", message: "Field count should be Int")) {
            try Request(method: .POST, path: "/", headers: json, body: Array(#"{"name":"x","count":"3"}"#.utf8)).decode(Body.self)
        }
        #expect(throws: HTTPError(400, code: "malformed_json", message: "The body is not valid JSON")) {
            try Request(method: .POST, path: "/", headers: json, body: Array("{".utf8)).decode(Body.self)
        }
    }

    @Test func cookiesRenderTheirAttributes() {
        let cookie = Cookie(name: "s", value: "v", maxAge: 60, httpOnly: true, secure: true, sameSite: .strict)
        #expect(cookie.headerValue == "s=v; Path=/; SameSite=Strict; Max-Age=60; HttpOnly; Secure")
        #expect(Cookie.expired("s").headerValue.contains("Max-Age=0"))
    }
}
