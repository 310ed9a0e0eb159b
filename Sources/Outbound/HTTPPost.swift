import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a remote server answered.
public struct OutboundResponse: Sendable {
    public var status: Int
    public var body: [UInt8]
}

/// Why nothing usable came back.
public enum OutboundError: Error, Sendable, Equatable, CustomStringConvertible {
    case timedOut(seconds: Double)
    case failed(String)

    public var description: String {
        switch self {
        case .timedOut(let s): "超时（\(Int(s)) 秒无回复） / timed out after \(Int(s)) s"
        case .failed(let why): "连接失败 / request failed: \(why)"
        }
    }
}

/// Posts JSON to a webhook and waits for the answer, at most `timeout` seconds. Blocking: call it from a job's
/// thread, never from a server event thread.
public struct HTTPPoster: Sendable {
    public var timeout: Double

    public init(timeout: Double = 10) {
        self.timeout = timeout
    }

    public func postJSON(_ url: URL, body: [UInt8]) -> Result<OutboundResponse, OutboundError> {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                let timedOut = (error as? URLError)?.code == .timedOut
                outcome.set(.failure(timedOut ? .timedOut(seconds: timeout) : .failed(error.localizedDescription)))
            } else {
                outcome.set(.success(OutboundResponse(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: [UInt8](data ?? Data()))))
            }
            done.signal()
        }
        task.resume()
        // The session's own timeout should fire first; this guards against it never calling back.
        if done.wait(timeout: .now() + timeout + 2) == .timedOut {
            task.cancel()
            return .failure(.timedOut(seconds: timeout))
        }
        return outcome.get() ?? .failure(.failed("no answer"))
    }
}

private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<OutboundResponse, OutboundError>?
    func set(_ v: Result<OutboundResponse, OutboundError>) { lock.withLock { value = v } }
    func get() -> Result<OutboundResponse, OutboundError>? { lock.withLock { value } }
}
