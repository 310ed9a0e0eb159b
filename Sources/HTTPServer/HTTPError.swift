/// The one error type that leaves a handler. The router renders it as
/// `{"error":{"code":…,"message":…}}` with its status; anything else becomes a logged 500.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String
    public var headers: [(String, String)]

    public init(_ status: Int, code: String, message: String, headers: [(String, String)] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status) \(code): \(message)" }

    public static func == (a: HTTPError, b: HTTPError) -> Bool {
        a.status == b.status && a.code == b.code && a.message == b.message
    }

    public static func badRequest(_ message: String, code: String = "bad_request") -> HTTPError {
        HTTPError(400, code: code, message: message)
    }
    public static func notFound(_ message: String = "Not found") -> HTTPError {
        HTTPError(404, code: "not_found", message: message)
    }
    public static func unprocessable(_ message: String) -> HTTPError {
        HTTPError(422, code: "validation_failed", message: message)
    }
}
