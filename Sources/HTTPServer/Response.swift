import Foundation

/// Bytes that outlive every response that points at them (static files held for the server's lifetime),
/// so libmicrohttpd can send them without a copy.
public final class SharedBytes: @unchecked Sendable {
    public let pointer: UnsafeMutableRawBufferPointer

    public init(_ bytes: [UInt8]) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        pointer = storage
        count = bytes.count
    }

    public let count: Int
    deinit { pointer.deallocate() }
}

/// One HTTP response.
public struct Response: Sendable {
    public enum Body: Sendable {
        case bytes([UInt8])
        case shared(SharedBytes)
        /// Not ready yet; see `DeferredResponse`.
        case deferred(DeferredResponse)

        public var count: Int {
            switch self {
            case .bytes(let b): b.count
            case .shared(let s): s.count
            case .deferred: 0
            }
        }
    }

    public var status: Int
    public var headers: Headers
    public var body: Body

    public init(status: Int = 200, headers: Headers = Headers(), body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// JSON with ISO-8601 dates.
    public static func json<T: Encodable>(_ value: T, status: Int = 200) -> Response {
        let data = (try? Self.encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: Headers([("Content-Type", "application/json; charset=utf-8")]),
                        body: .bytes([UInt8](data)))
    }

    /// One encoder for every response: configuring a new one per response was a measurable share of a request.
    /// Never mutated after this, and encoding keeps its state per call, so sharing it across threads is safe.
    nonisolated(unsafe) static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A body-less response (204 by default).
    public static func empty(status: Int = 204) -> Response {
        Response(status: status)
    }

    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: Headers([("Content-Type", contentType)]), body: .bytes(Array(text.utf8)))
    }

    /// The standard error body for an `HTTPError`.
    public static func error(_ error: HTTPError) -> Response {
        struct Envelope: Encodable { struct Inner: Encodable { let code: String; let message: String }; let error: Inner }
        var response = Response.json(Envelope(error: .init(code: error.code, message: error.message)), status: error.status)
        for (name, value) in error.headers { response.headers.add(name, value) }
        return response
    }

    public mutating func setCookie(_ cookie: Cookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}

/// A `Set-Cookie` value.
public struct Cookie: Sendable {
    public enum SameSite: String, Sendable { case strict = "Strict", lax = "Lax" }

    public var name: String
    public var value: String
    public var maxAge: Int?
    public var path = "/"
    public var httpOnly = true
    public var secure = false
    public var sameSite: SameSite = .lax

    public init(name: String, value: String, maxAge: Int? = nil, httpOnly: Bool = true, secure: Bool = false,
                sameSite: SameSite = .lax) {
        self.name = name
        self.value = value
        self.maxAge = maxAge
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// A cookie that tells the browser to forget `name`.
    public static func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0)
    }

    public var headerValue: String {
        var parts = ["\(name)=\(value)", "Path=\(path)", "SameSite=\(sameSite.rawValue)"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if httpOnly { parts.append("HttpOnly") }
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }
}
