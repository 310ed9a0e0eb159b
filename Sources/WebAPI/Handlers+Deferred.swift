import Audience
import Foundation
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
/// the writer thread.
enum UTCTime {
    static func iso(_ millis: Int64) -> String {
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let inDay = Int(seconds - Int64(days) * 86_400)
        let (y, m, d) = BeijingDay.civilFromDays(days)
        guard (0...9999).contains(y) else { return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(seconds))) }
        // Written digit by digit: a reply is built for every save of a group commit.
        var out = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, _ width: Int, at index: Int) {
            var v = value
            for k in stride(from: index + width - 1, through: index, by: -1) { out[k] = UInt8(48 + v % 10); v /= 10 }
        }
        put(y, 4, at: 0); put(m, 2, at: 5); put(d, 2, at: 8)
        put(inDay / 3600, 2, at: 11); put(inDay / 60 % 60, 2, at: 14); put(inDay % 60, 2, at: 17)
        out[4] = 45; out[7] = 45; out[10] = 84; out[13] = 58; out[16] = 58; out[19] = 90
        return String(decoding: out, as: UTF8.self)
    }
}
