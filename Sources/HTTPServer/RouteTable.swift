/// Which registered route a method and path go to. Kept apart from the generic `Router` on purpose: code nested in
/// a generic type looks up its metadata at run time on every call, which was most of a request's routing cost.
///
/// Patterns without parameters are found by one dictionary lookup; the others by walking a tree of path segments
/// (a literal child per segment text, one parameter child), so a request compares a few segments instead of every
/// route of its length. When several routes fit a path, the first registered with the method wins and the others
/// only name the allowed methods.
struct RouteTable: Sendable {
    enum Segment: Sendable, Equatable { case literal(String), parameter(String) }

    enum Match: Sendable, Equatable { case found(Int, [String: String]), methodNotAllowed([HTTPMethod]), notFound }

    private struct Node: Sendable {
        var literals: [String: Int] = [:]
        var parameter: Int?
        /// Routes whose pattern ends here, in registration order.
        var routes: [Int] = []
    }

    private var methods: [HTTPMethod] = []
    private var patterns: [[Segment]] = []
    private var exact: [String: [HTTPMethod: Int]] = [:]
    private var nodes = [Node()]

    /// Registers a pattern (`/api/v1/users/{id}`) and returns its index; a method and pattern may be added once.
    mutating func add(_ method: HTTPMethod, _ pattern: String) -> Int {
        let segments = Self.split(pattern).map { s -> Segment in
            s.hasPrefix("{") && s.hasSuffix("}") ? .parameter(String(s.dropFirst().dropLast())) : .literal(String(s))
        }
        precondition(!zip(methods, patterns).contains { $0 == method && $1 == segments }, "duplicate route \(method) \(pattern)")
        let index = methods.count
        methods.append(method)
        patterns.append(segments)
        if !segments.contains(where: { if case .parameter = $0 { true } else { false } }) {
            exact[pattern, default: [:]][method] = index
            return index
        }
        var node = 0
        for segment in segments {
            node = child(of: node, segment)
        }
        nodes[node].routes.append(index)
        return index
    }

    private mutating func child(of node: Int, _ segment: Segment) -> Int {
        switch segment {
        case .literal(let text):
            if let next = nodes[node].literals[text] { return next }
            nodes.append(Node())
            nodes[node].literals[text] = nodes.count - 1
        case .parameter:
            if let next = nodes[node].parameter { return next }
            nodes.append(Node())
            nodes[node].parameter = nodes.count - 1
        }
        return nodes.count - 1
    }

    func match(_ method: HTTPMethod, _ path: String) -> Match {
        let lookup = method == .HEAD ? HTTPMethod.GET : method
        var allowed: [HTTPMethod] = []
        // "/items/" is "/items".
        let path = path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/") && exact[path] == nil ? String(path.dropLast()) : path
        if let byMethod = exact[path] {
            if let index = byMethod[lookup] { return .found(index, [:]) }
            allowed = byMethod.keys.sorted { $0.rawValue < $1.rawValue }
        }
        let parts = Self.split(path)
        var candidates: [Int] = []
        collect(node: 0, parts[...], into: &candidates)
        candidates.sort()
        for index in candidates {
            if methods[index] == lookup { return .found(index, parameters(index, parts)) }
            if !allowed.contains(methods[index]) { allowed.append(methods[index]) }
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed)
    }

    /// Every route whose pattern fits the remaining parts, literal children and the parameter child alike.
    private func collect(node: Int, _ parts: ArraySlice<Substring>, into found: inout [Int]) {
        guard let part = parts.first else {
            found += nodes[node].routes
            return
        }
        // Short segments make small strings, built without allocating.
        if let next = nodes[node].literals[String(part)] { collect(node: next, parts.dropFirst(), into: &found) }
        if let next = nodes[node].parameter { collect(node: next, parts.dropFirst(), into: &found) }
    }

    private func parameters(_ index: Int, _ parts: [Substring]) -> [String: String] {
        var params: [String: String] = [:]
        for (segment, part) in zip(patterns[index], parts) {
            if case .parameter(let name) = segment { params[name] = String(part) }
        }
        return params
    }

    /// The path's segments between slashes, empty ones left out; scanned as bytes (String's own `split` walks
    /// characters, which was half of a request's routing).
    static func split(_ path: String) -> [Substring] {
        var parts: [Substring] = []
        let u = path.utf8
        var start = u.startIndex, i = start
        while i != u.endIndex {
            if u[i] == UInt8(ascii: "/") {
                if start != i { parts.append(path[start..<i]) }
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        if start != u.endIndex { parts.append(path[start...]) }
        return parts
    }
}
