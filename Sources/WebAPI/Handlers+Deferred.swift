import Audience
import HTTPServer
import Logging

/// Answers of handlers that hand their write to the writer and reply through a `DeferredResponse`.
extension Handlers {
    /// Renders an asynchronous write's result the way the router renders a handler's: the value through `success`,
    /// a domain or storage error as its HTTP answer, anything else as a logged 500.
    static func answer<T>(_ result: Result<T, any Error>, requestId: String, logger: Logger,
                          _ success: (T) -> Response) -> Response {
        switch result {
        case .success(let value):
            return success(value)
        case .failure(let error):
            if let http = ErrorMapping.http(error) as? HTTPError { return .error(http) }
            logger.error("unhandled error: \(error)", metadata: ["request-id": "\(requestId)"])
            return .error(HTTPError(500, code: "internal", message: "Internal error; request id \(requestId)"))
        }
    }
}

/// UTC times as `Response.json` writes them (ISO 8601, whole seconds), without a formatter: for replies built on
/// the pool's completion thread. The date is the calendar's day text (a day number is the same count in any zone).
enum UTCTime {
    /// Appends "yyyy-MM-ddTHH:mm:ssZ" (a save's reply writes three of them straight into its bytes).
    static func append(_ millis: Int64, to bytes: inout [UInt8]) {
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let inDay = Int(seconds - Int64(days) * 86_400)
        let (y, m, d) = BeijingDay.civil(number: days)
        func put(_ n: Int, _ width: Int, _ separator: Unicode.Scalar) {
            JSONWriter.appendDigits(n, width: width, to: &bytes)
            bytes.append(UInt8(ascii: separator))
        }
        put(y, 4, "-"); put(m, 2, "-"); put(d, 2, "T"); put(inDay / 3600, 2, ":"); put(inDay / 60 % 60, 2, ":"); put(inDay % 60, 2, "Z")
    }
}
