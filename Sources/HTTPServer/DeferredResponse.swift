import Synchronization

/// An answer that is not ready yet: a handler returns `Response.deferred(d)` and completes `d` later, from any thread
/// (a long poll woken by a new state, a timer). Meanwhile the connection is suspended and holds no thread, so
/// hundreds of phones can wait on one contest at no cost. The first completion wins; later ones are ignored.
public final class DeferredResponse: Sendable {
    private enum State { case waiting(((Response) -> Void)?), done(Response) }
    private let state = Mutex<State>(.waiting(nil))

    public init() {}

    /// Delivers the answer; returns false if one was already delivered.
    @discardableResult
    public func complete(_ response: Response) -> Bool {
        let waiter: ((Response) -> Void)?? = state.withLock { current in
            guard case .waiting(let waiter) = current else { return nil }
            current = .done(response)
            return .some(waiter)
        }
        guard let waiter else { return false }
        waiter?(response)
        return true
    }

    public var isCompleted: Bool { state.withLock { if case .done = $0 { true } else { false } } }

    /// Called by the server once: `onReady` runs when the answer is delivered (at once if it already was).
    func whenReady(_ onReady: @escaping @Sendable (Response) -> Void) {
        let ready: Response? = state.withLock { current in
            switch current {
            case .done(let response): return response
            case .waiting: current = .waiting(onReady); return nil
            }
        }
        if let ready { onReady(ready) }
    }
}

extension Response {
    /// A response completed later through `deferred`; headers set on this shell (request id, cookies) are kept.
    public static func deferred(_ deferred: DeferredResponse) -> Response {
        Response(status: 200, body: .deferred(deferred))
    }

    /// The final answer with the shell's headers added (the router's request id, middleware cookies).
    func merged(into final: Response) -> Response {
        var result = final
        for (name, value) in headers where result.headers[name] == nil || name == "Set-Cookie" { result.headers.add(name, value) }
        return result
    }
}
