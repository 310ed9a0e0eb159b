import HTTPServer

/// The bodies of the two hottest writes — an exam save and a quiz answer — read straight from their bytes with
/// `JSONBytes` instead of Foundation's decoder (a tenth of a save's CPU). Only the plain expected shape is taken
/// here; anything else (another content type, a missing field, a wrong type, bad JSON) goes to `Request.decode`,
/// which gives the same answer and explains the mistake as it always did.
enum AnswerBodyReader {
    struct Fields {
        var seq: Int64?
        var clientId: String?
        var token: String?
        var response: ResponseDTO?
    }

    static func save(_ request: Request) throws(HTTPError) -> SaveBody {
        if let f = fields(request), let seq = f.seq, let clientId = f.clientId, let response = f.response {
            return SaveBody(seq: seq, clientId: clientId, response: response)
        }
        return try request.decode(SaveBody.self)
    }

    static func quizAnswer(_ request: Request) throws(HTTPError) -> QuizAnswerBody {
        if let f = fields(request), let token = f.token, let response = f.response {
            return QuizAnswerBody(token: token, response: response)
        }
        return try request.decode(QuizAnswerBody.self)
    }

    /// The fields of a well-formed body of the expected content type; nil for anything the fast path does not take.
    static func fields(_ request: Request) -> Fields? {
        guard request.body.count <= Request.maxJSONBytes,
              let type = request.headers["Content-Type"], type.utf8.count >= 16,
              type.utf8.prefix(16).elementsEqual("application/json".utf8) else { return nil }
        return request.body.withUnsafeBufferPointer { buffer in
            var r = JSONBytes(buffer)
            do throws(JSONBytes.Malformed) {
                let fields = try r.fields()
                try r.end()
                return fields
            } catch { return nil }
        }
    }
}

extension JSONBytes {
    mutating func fields() throws(Malformed) -> AnswerBodyReader.Fields {
        var f = AnswerBodyReader.Fields()
        try object(depth: 1) { (r: inout JSONBytes, key: Key) throws(Malformed) in
            if r.matches(key, "seq") { f.seq = try r.isNull() ? nil : r.integer() }
            else if r.matches(key, "clientId") { f.clientId = try r.isNull() ? nil : r.string() }
            else if r.matches(key, "token") { f.token = try r.isNull() ? nil : r.string() }
            else if r.matches(key, "response") { f.response = try r.isNull() ? nil : r.response() }
            else { try r.skipValue(depth: 2) }
        }
        return f
    }

    private mutating func response() throws(Malformed) -> ResponseDTO {
        var choice: [Int]?, judge: Bool?, blanks: [String]?, text: String?
        try object(depth: 2) { (r: inout JSONBytes, key: Key) throws(Malformed) in
            if r.matches(key, "choice") { choice = try r.isNull() ? nil : r.integers() }
            else if r.matches(key, "judge") { judge = try r.isNull() ? nil : r.bool() }
            else if r.matches(key, "blanks") { blanks = try r.isNull() ? nil : r.strings() }
            else if r.matches(key, "text") { text = try r.isNull() ? nil : r.string() }
            else { try r.skipValue(depth: 3) }
        }
        return ResponseDTO(choice: choice, judge: judge, blanks: blanks, text: text)
    }

    private mutating func integers() throws(Malformed) -> [Int] {
        var values: [Int] = []
        try array(depth: 3) { (r: inout JSONBytes) throws(Malformed) in
            guard let n = Int(exactly: try r.integer()) else { throw r.fail("number out of range") }
            values.append(n)
        }
        return values
    }

    private mutating func strings() throws(Malformed) -> [String] {
        var values: [String] = []
        try array(depth: 3) { (r: inout JSONBytes) throws(Malformed) in values.append(try r.string()) }
        return values
    }
}
