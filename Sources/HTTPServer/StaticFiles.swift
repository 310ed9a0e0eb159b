import Foundation

/// Files from Public/ (and a few mounted files such as Debian's Chart.js), read once at start-up and
/// answered from memory with ETags, 304s and precompressed gzip. Lookup is by exact key in a table built
/// from the directory listing, so no request path can reach outside it.
public struct StaticFiles: Sendable {
    struct Entry: Sendable {
        var contentType: String
        var etag: String
        var identity: SharedBytes
        var gzip: SharedBytes?
        var cacheControl: String
    }

    private var entries: [String: Entry] = [:]

    /// - Parameters:
    ///   - root: the directory to serve (Public/).
    ///   - aliases: extra URL paths answered with a file from root, e.g. `"/admin": "admin.html"`.
    ///   - mounts: URL paths answered with files outside root, e.g. `"/vendor/chart.min.js": "/usr/share/…"`.
    public init(root: URL, aliases: [String: String] = [:], mounts: [String: String] = [:]) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ServerError(description: "the web client directory \(root.path) does not exist (set --public-dir or PUFA_PUBLIC)")
        }
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw ServerError(description: "cannot read static directory \(root.path)")
        }
        let base = root.standardizedFileURL.path
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            entries[relative] = try Self.load(url)
        }
        for (path, file) in aliases {
            if let entry = entries["/" + file] { entries[path] = entry }
        }
        for (path, file) in mounts where fm.isReadableFile(atPath: file) {
            entries[path] = try Self.load(URL(fileURLWithPath: file))
        }
    }

    public var paths: [String] { entries.keys.sorted() }

    /// The answer for a GET/HEAD of a known file, nil otherwise.
    public func response(for request: Request) -> Response? {
        guard request.method == .GET || request.method == .HEAD, let entry = entries[request.path] else { return nil }
        let acceptsGzip = request.headers["Accept-Encoding"]?.contains("gzip") ?? false
        let useGzip = acceptsGzip && entry.gzip != nil
        let etag = useGzip ? "\"\(entry.etag)-gz\"" : "\"\(entry.etag)\""
        var headers = Headers([("ETag", etag), ("Cache-Control", entry.cacheControl),
                               ("X-Content-Type-Options", "nosniff")])
        if entry.gzip != nil { headers.add("Vary", "Accept-Encoding") }
        if let match = request.headers["If-None-Match"], match.split(separator: ",").contains(where: {
            let tag = $0.trimmingCharacters(in: .whitespaces)
            return tag == etag || tag == "W/" + etag || tag == "*"
        }) {
            return Response(status: 304, headers: headers)
        }
        headers.add("Content-Type", entry.contentType)
        if entry.contentType.hasPrefix("text/html") {
            headers.add("Content-Security-Policy", Self.pageSecurityPolicy)
            headers.add("Referrer-Policy", "same-origin")
            headers.add("X-Frame-Options", "DENY")
        }
        if useGzip, let gz = entry.gzip {
            headers.add("Content-Encoding", "gzip")
            return Response(status: 200, headers: headers, body: .shared(gz))
        }
        return Response(status: 200, headers: headers, body: .shared(entry.identity))
    }

    static let pageSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

    static func load(_ url: URL) throws -> Entry {
        let bytes = [UInt8](try Data(contentsOf: url))
        let type = contentType(for: url.pathExtension.lowercased())
        var gzip: SharedBytes?
        if isCompressible(type), bytes.count > 256, let gz = Gzip.compress(bytes), gz.count < bytes.count {
            gzip = SharedBytes(gz)
        }
        // HTML is revalidated on every visit so a release reaches everyone at once; assets may be reused briefly.
        let cache = type.hasPrefix("text/html") ? "no-cache" : "public, max-age=300"
        return Entry(contentType: type, etag: fnv1a(bytes), identity: SharedBytes(bytes), gzip: gzip, cacheControl: cache)
    }

    static func isCompressible(_ type: String) -> Bool {
        type.hasPrefix("text/") || type.hasPrefix("application/javascript") || type.hasPrefix("application/json")
            || type.hasPrefix("image/svg")
    }

    static func contentType(for ext: String) -> String {
        switch ext {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "application/javascript; charset=utf-8"
        case "json", "map": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "txt", "md": "text/plain; charset=utf-8"
        case "webmanifest": "application/manifest+json"
        default: "application/octet-stream"
        }
    }

    /// 64-bit FNV-1a: a content fingerprint for ETags (not a security boundary).
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
