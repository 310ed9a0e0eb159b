import Foundation

/// HTTP methods the router knows. HEAD is answered by GET routes without a body.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS
}

/// One complete HTTP request, assembled from libmicrohttpd's repeated access-handler calls.
public struct Request: Sendable {
    public var method: HTTPMethod
    /// The decoded path, without the query string.
    public var path: String
    /// Query arguments, decoded; the first value wins when a name repeats.
    public var query: [String: String]
    public var headers: Headers
    public var body: [UInt8]
    /// The peer's address as text (used for throttling; never stored raw in analytics).
    public var remoteAddress: String
    /// Filled by the router from `{name}` segments of the matched pattern.
    public var parameters: [String: String] = [:]
    /// Unique per request; echoed as `X-Request-Id` and attached to every log line.
    public var id: String

    public init(method: HTTPMethod, path: String, query: [String: String] = [:], headers: Headers = Headers(),
                body: [UInt8] = [], remoteAddress: String = "127.0.0.1", id: String = RequestID.next()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.id = id
    }

    /// The largest JSON body `decode` accepts.
    public static let maxJSONBytes = 1 << 20

    /// Cookies from the `Cookie` header (the first value wins when a name repeats).
    public var cookies: [String: String] {
        guard let header = headers["Cookie"] else { return [:] }
        var result: [String: String] = [:]
        // Plain byte scanning: this runs on every signed-in request.
        for part in header.utf8.split(separator: UInt8(ascii: ";")) {
            guard let eq = part.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = Self.trimmed(part[..<eq]), value = Self.trimmed(part[part.index(after: eq)...])
            let key = String(decoding: name, as: UTF8.self)
            if result[key] == nil { result[key] = String(decoding: value, as: UTF8.self) }
        }
        return result
    }

    /// One cookie's value, found without building the whole map (the session and CSRF cookies, on every request):
    /// one pass over the header's contiguous bytes, nothing allocated until the value is found.
    public func cookie(_ name: String) -> String? {
        guard var header = headers["Cookie"] else { return nil }
        var name = name
        return header.withUTF8 { h in name.withUTF8 { n in Self.cookie(n, in: h) } }
    }

    static func cookie(_ name: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>) -> String? {
        func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 }
        var start = 0
        while start < h.count {
            var end = start, eq = -1
            while end < h.count && h[end] != UInt8(ascii: ";") {
                if eq < 0 && h[end] == UInt8(ascii: "=") { eq = end }
                end += 1
            }
            if eq >= 0 {
                var (ks, ke) = (start, eq)
                while ks < ke && isBlank(h[ks]) { ks += 1 }
                while ke > ks && isBlank(h[ke - 1]) { ke -= 1 }
                if ke - ks == name.count && (0..<name.count).allSatisfy({ h[ks + $0] == name[$0] }) {
                    var (vs, ve) = (eq + 1, end)
                    while vs < ve && isBlank(h[vs]) { vs += 1 }
                    while ve > vs && isBlank(h[ve - 1]) { ve -= 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: h[vs..<ve]), as: UTF8.self)
                }
            }
            start = end + 1
        }
        return nil
    }

    static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        var s = bytes
        while let first = s.first, first == 32 || first == 9 { s = s.dropFirst() }
        while let last = s.last, last == 32 || last == 9 { s = s.dropLast() }
        return s
    }

    /// A path parameter, or a 404 when the pattern did not bind it.
    public func parameter(_ name: String) throws(HTTPError) -> String {
        guard let value = parameters[name] else { throw HTTPError.notFound() }
        return value
    }

    /// An integer path parameter; anything else is a 404 (the object cannot exist).
    public func intParameter(_ name: String) throws(HTTPError) -> Int {
        guard let value = Int(try parameter(name)) else { throw HTTPError.notFound() }
        return value
    }

    /// Decodes a JSON body: 415 unless the content type is JSON, 400 with the decoder's reason when malformed.
    public func decode<T: Decodable>(_ type: T.Type) throws(HTTPError) -> T {
        guard body.count <= Self.maxJSONBytes else {
            throw HTTPError(413, code: "payload_too_large", message: "JSON bodies are limited to \(Self.maxJSONBytes) bytes")
        }
        let contentType = headers["Content-Type"]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw HTTPError(415, code: "unsupported_media_type", message: "Send the body as application/json")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw HTTPError(400, code: "malformed_json", message: error.readableReason)
        } catch {
            throw HTTPError(400, code: "malformed_json", message: "The body is not valid JSON")
        }
    }
}

extension DecodingError {
    /// A one-line reason a person can act on: which field, what was wrong.
    var readableReason: String {
        func path(_ context: Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "body" : names.joined(separator: ".")
        }
        switch self {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "Missing field \(parent == "body" ? key.stringValue : parent + "." + key.stringValue)"
        case .typeMismatch(let type, let context):
            return "Field \(path(context)) should be \(type)"
        case .valueNotFound(let type, let context):
            return "Field \(path(context)) should be \(type), not null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "The body is not valid JSON" : "Field \(path(context)) is invalid"
        @unknown default:
            return "The body is not valid JSON"
        }
    }
}
