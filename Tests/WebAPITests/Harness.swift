import Accounts
import Foundation
import Persistence
import Synchronization
import TestSupport
import WebAPI

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let millis = Mutex<Int64>(1_790_000_000_000)
    var now: Int64 { millis.withLock { $0 } }
    func advance(seconds: Int64) { millis.withLock { $0 += seconds * 1000 } }
    var appClock: AppClock { AppClock { self.now } }
}

/// A real Pufa server on a free port with a throwaway database and web root.
final class TestApp {
    static let adminPassword = "admin-password-1"
    let app: App
    let clock = ManualClock()
    let directory: URL
    var port: UInt16 { app.port }

    init(maxBodyBytes: Int = 64 * 1024) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pufa-test-\(UUID().uuidString)")
        let publicDir = directory.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: publicDir.appendingPathComponent("assets"), withIntermediateDirectories: true)
        for (name, text) in [("index.html", "<!doctype html><title>portal</title>"), ("exam.html", "<!doctype html><title>exam</title>"),
                             ("admin.html", "<!doctype html><title>admin</title>"), ("quiz.html", "<!doctype html><title>quiz</title>"),
                             ("assets/app.css", String(repeating: "body { color: #222; margin: 0 }\n", count: 40)),
                             (".hidden", "secret")] {
            try Data(text.utf8).write(to: publicDir.appendingPathComponent(name))
        }
        try Data("outside the web root".utf8).write(to: directory.appendingPathComponent("secret.txt"))
        var config = AppConfiguration(publicDirectory: publicDir)
        config.server.port = 0
        config.server.maxBodyBytes = maxBodyBytes
        config.server.workerThreads = 4
        config.accessLog = false
        config.passwordCost = .fast
        config.mounts = [:]
        config.sweepIntervalSeconds = 0
        config.eventFlushMillis = 0
        config.remindIntervalSeconds = 0
        config.sendIntervalMillis = 0
        config.reachSetsIntervalSeconds = 0
        config.segmentRefreshSeconds = 0
        let store = try Store.open(path: directory.appendingPathComponent("pufa.sqlite").path, readers: 2, now: clock.now)
        app = try App(configuration: config, store: store, clock: clock.appClock)
        _ = try app.bootstrapAdmin(username: "admin", password: Self.adminPassword)
        try app.start()
    }

    deinit {
        app.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    func browser() -> Browser { Browser(port: port) }

    /// A signed-in browser for a new account holding `roles`.
    func signedIn(_ roles: Set<Role>, unitId: Int? = nil, username: String? = nil) throws -> Browser {
        let name = username ?? "u\(UInt32.random(in: 0...UInt32.max))"
        if !roles.isEmpty {
            _ = try app.accounts.createUser(NewUser(username: name, displayName: name, password: "password-\(name)",
                                                    roles: roles, unitId: unitId), actor: .system)
        }
        let b = browser()
        try b.start()
        if !roles.isEmpty {
            let r = try b.post("/api/v1/auth/login", json: ["username": name, "password": "password-\(name)"])
            guard r.status == 200 else { throw ClientError("login as \(name) failed: \(r.status) \(r.text)") }
        }
        return b
    }

    func admin() throws -> Browser {
        let b = browser()
        try b.start()
        let r = try b.post("/api/v1/auth/login", json: ["username": "admin", "password": Self.adminPassword])
        guard r.status == 200 else { throw ClientError("admin login failed: \(r.text)") }
        return b
    }
}

/// Keeps cookies like a browser and sends the CSRF header like the web client.
final class Browser {
    let port: UInt16
    var cookies: [String: String] = [:]
    var sendCSRF = true

    init(port: UInt16) { self.port = port }

    /// What the web client does first: fetch the session, which sets the CSRF cookie.
    func start() throws { _ = try get("/api/v1/session") }

    func get(_ path: String, headers: [(String, String)] = []) throws -> RawResponse {
        try send("GET", path, headers: headers)
    }

    func post(_ path: String, json: Any) throws -> RawResponse {
        try send("POST", path, headers: [("Content-Type", "application/json")],
                 body: [UInt8](try JSONSerialization.data(withJSONObject: json)))
    }

    func patch(_ path: String, json: Any) throws -> RawResponse {
        try send("PATCH", path, headers: [("Content-Type", "application/json")],
                 body: [UInt8](try JSONSerialization.data(withJSONObject: json)))
    }

    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> RawResponse {
        var all = headers
        if !cookies.isEmpty {
            all.append(("Cookie", cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")))
        }
        if sendCSRF, method != "GET", method != "HEAD", let token = cookies["pufa_csrf"] {
            all.append(("X-CSRF-Token", token))
        }
        let response = try RawHTTPClient.send(port: port, method: method, path: path, headers: all, body: body)
        for cookie in response.headers("Set-Cookie") {
            let pair = cookie.split(separator: ";")[0]
            guard let eq = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<eq]), value = String(pair[pair.index(after: eq)...])
            if cookie.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }
}

/// Sends `body` as JSON with the browser's cookies and CSRF header (the scenario tests' one way to call the API).
func json(_ b: Browser, _ method: String, _ path: String, _ body: [String: Any], headers: [(String, String)] = []) throws -> RawResponse {
    try b.send(method, path, headers: [("Content-Type", "application/json")] + headers,
               body: [UInt8](try JSONSerialization.data(withJSONObject: body)))
}
