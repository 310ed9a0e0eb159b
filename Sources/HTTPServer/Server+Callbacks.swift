import CMicroHTTPD
import Foundation

/// One request's state across libmicrohttpd's calls, kept in `*con_cls` from the first call
/// to the completion callback (which also runs when a client disconnects mid-upload).
final class Exchange: @unchecked Sendable {
    let method: HTTPMethod?
    let rawMethod: String
    let path: String
    var headers = Headers()
    var query: [String: String] = [:]
    var body: [UInt8] = []
    var tooLarge = false
    /// Set by a worker thread before it resumes the connection.
    var response: Response?

    init(rawMethod: String, path: String) {
        self.rawMethod = rawMethod
        self.method = HTTPMethod(rawValue: rawMethod)
        self.path = path
    }
}

/// A suspended connection handed to a worker; libmicrohttpd allows resuming it from any thread.
struct ConnectionHandle: @unchecked Sendable { let pointer: OpaquePointer }

let accessHandler: MHD_AccessHandlerCallback = { cls, connection, url, method, _, uploadData, uploadSize, conCls in
    guard let cls, let connection, let conCls, let uploadSize else { return MHD_Result.NO }
    let server = Unmanaged<Server>.fromOpaque(cls).takeUnretainedValue()
    guard let raw = conCls.pointee else {
        let exchange = Exchange(rawMethod: method.map { String(cString: $0) } ?? "",
                                path: url.map { String(cString: $0) } ?? "/")
        conCls.pointee = Unmanaged.passRetained(exchange).toOpaque()
        server.began()
        collectValues(connection, into: exchange)
        if let length = exchange.headers["Content-Length"].flatMap(Int.init),
           length > server.configuration.maxBodyBytes {
            // Up to a few times the limit the body is read and dropped, so the client (mid-upload) can read the 413;
            // beyond that the answer goes out at once and the connection closes.
            if length > server.configuration.maxBodyBytes * 4 { return server.send(server.tooLarge(), on: connection) }
            exchange.tooLarge = true
        }
        return MHD_Result.YES
    }
    let exchange = Unmanaged<Exchange>.fromOpaque(raw).takeUnretainedValue()
    if uploadSize.pointee > 0 {
        if !exchange.tooLarge, let uploadData {
            if exchange.body.count + uploadSize.pointee > server.configuration.maxBodyBytes {
                exchange.tooLarge = true
                exchange.body = []
            } else {
                uploadData.withMemoryRebound(to: UInt8.self, capacity: uploadSize.pointee) {
                    exchange.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: uploadSize.pointee))
                }
            }
        }
        uploadSize.pointee = 0
        return MHD_Result.YES
    }
    return server.finish(exchange, on: connection)
}

let requestCompleted: MHD_RequestCompletedCallback = { cls, _, conCls, _ in
    guard let cls, let conCls, let raw = conCls.pointee else { return }
    Unmanaged<Exchange>.fromOpaque(raw).release()
    conCls.pointee = nil
    Unmanaged<Server>.fromOpaque(cls).takeUnretainedValue().ended()
}

private func collectValues(_ connection: OpaquePointer, into exchange: Exchange) {
    let target = Unmanaged.passUnretained(exchange).toOpaque()
    exchange.headers.reserveCapacity(16)
    MHD_get_connection_values(connection, .HEADER_KIND, { cls, _, key, value in
        guard let cls, let key else { return MHD_Result.YES }
        let exchange = Unmanaged<Exchange>.fromOpaque(cls).takeUnretainedValue()
        exchange.headers.add(String(cString: key), value.map { String(cString: $0) } ?? "")
        return MHD_Result.YES
    }, target)
    MHD_get_connection_values(connection, .GET_ARGUMENT_KIND, { cls, _, key, value in
        guard let cls, let key else { return MHD_Result.YES }
        let exchange = Unmanaged<Exchange>.fromOpaque(cls).takeUnretainedValue()
        let name = String(cString: key)
        if exchange.query[name] == nil { exchange.query[name] = value.map { String(cString: $0) } ?? "" }
        return MHD_Result.YES
    }, target)
}

extension Server {
    /// The last call for a request: answer inline, or hand it to a worker and suspend the connection.
    func finish(_ exchange: Exchange, on connection: OpaquePointer) -> MHD_Result {
        if let ready = exchange.response { return send(ready, on: connection) }
        if exchange.tooLarge { return send(tooLarge(), on: connection) }
        guard let method = exchange.method else {
            return send(.error(HTTPError(405, code: "method_not_allowed",
                                         message: "Method \(exchange.rawMethod) is not supported")), on: connection)
        }
        let request = Request(method: method, path: exchange.path, query: exchange.query, headers: exchange.headers,
                              body: exchange.body, remoteAddress: clientAddress(connection))
        let match = responder.match(request)
        let handle = ConnectionHandle(pointer: connection)
        guard match.offload else {
            let response = responder.respond(to: request, match: match)
            guard case .deferred = response.body else { return send(response, on: connection) }
            MHD_suspend_connection(connection)
            Self.resume(handle, exchange, when: response)
            return MHD_Result.YES
        }
        MHD_suspend_connection(connection)
        let responder = self.responder
        let accepted = workers?.submit {
            Self.resume(handle, exchange, when: responder.respond(to: request, match: match))
        }
        if accepted != true {
            exchange.response = .error(HTTPError(503, code: "overloaded", message: "The server is busy; try again shortly",
                                                 headers: [("Retry-After", "1")]))
            MHD_resume_connection(connection)
        }
        return MHD_Result.YES
    }

    /// Resumes the suspended connection with `response`, or, for a deferred one, once it is completed.
    static func resume(_ handle: ConnectionHandle, _ exchange: Exchange, when response: Response) {
        guard case .deferred(let deferred) = response.body else {
            exchange.response = response
            MHD_resume_connection(handle.pointer)
            return
        }
        deferred.whenReady { final in
            if case .deferred = final.body {
                exchange.response = .error(HTTPError(500, code: "internal", message: "A deferred answer was itself deferred"))
            } else {
                exchange.response = response.merged(into: final)
            }
            MHD_resume_connection(handle.pointer)
        }
    }

    func tooLarge() -> Response {
        .error(HTTPError(413, code: "payload_too_large",
                         message: "The body is larger than \(configuration.maxBodyBytes) bytes"))
    }

    func send(_ response: Response, on connection: OpaquePointer) -> MHD_Result {
        let mhdResponse: OpaquePointer?
        switch response.body {
        case .bytes(let bytes):
            mhdResponse = bytes.withUnsafeBytes {
                MHD_create_response_from_buffer($0.count, UnsafeMutableRawPointer(mutating: $0.baseAddress),
                                                MHD_ResponseMemoryMode(rawValue: 2)!) // MHD_RESPMEM_MUST_COPY
            }
        case .shared(let shared):
            // Static bytes live as long as the server's file cache: no copy.
            mhdResponse = MHD_create_response_from_buffer(shared.count, shared.pointer.baseAddress,
                                                           MHD_ResponseMemoryMode(rawValue: 0)!) // PERSISTENT
        case .deferred:
            return send(.error(HTTPError(500, code: "internal", message: "A deferred answer reached the socket")), on: connection)
        }
        guard let mhdResponse else { return MHD_Result.NO }
        for (name, value) in response.headers {
            MHD_add_response_header(mhdResponse, name, value)
        }
        let result = MHD_queue_response(connection, UInt32(response.status), mhdResponse)
        MHD_destroy_response(mhdResponse)
        return result
    }

    func clientAddress(_ connection: OpaquePointer) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            guard pufa_mhd_client_ip(connection, buffer.baseAddress, 64) == 0 else { return "unknown" }
            return String(cString: buffer.baseAddress!)
        }
    }
}
