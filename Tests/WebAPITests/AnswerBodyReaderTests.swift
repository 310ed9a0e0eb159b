import Foundation
import HTTPServer
import Testing
import TestSupport
@testable import WebAPI

/// The fast reader of save and quiz-answer bodies agrees with `JSONDecoder`, and leaves everything else to it.
@Suite struct AnswerBodyReaderTests {
    func request(_ body: String, type: String = "application/json") -> Request {
        Request(method: .PUT, path: "/", headers: Headers([("Content-Type", type)]), body: Array(body.utf8))
    }

    @Test func aPlainSaveIsReadWithoutTheDecoder() throws {
        let r = request(#"{"seq":12,"clientId":"tab-1","response":{"choice":[0,2]}}"#)
        let fields = try #require(AnswerBodyReader.fields(r))
        #expect(fields.seq == 12 && fields.clientId == "tab-1" && fields.response == ResponseDTO(choice: [0, 2]))
        #expect(try AnswerBodyReader.save(r).response == ResponseDTO(choice: [0, 2]))
    }

    @Test func escapesNullsAndUnknownKeysReadAsTheDecoderReadsThem() throws {
        let r = request(#" { "token" : "t\u00e9\n" , "x": [1, {"y": null}], "response": {"text": "第\"一\"条", "choice": null} } "#)
        let fast = try #require(AnswerBodyReader.fields(r))
        let slow = try r.decode(QuizAnswerBody.self)
        #expect(fast.token == slow.token && fast.response == slow.response)
    }

    /// Each of these is not the plain shape: the reader declines and the decoder's answer (and message) stands.
    @Test(arguments: [
        #"{"seq":1,"clientId":"a"}"#, #"{"seq":"1","clientId":"a","response":{"judge":true}}"#,
        #"{"seq":1.5,"clientId":"a","response":{"judge":true}}"#, #"{"seq":1,"clientId":"a","response":{"judge":1}}"#,
        #"{"seq":1,"clientId":"a","response":{"judge":true}"#, #"{"seq":1,"clientId":"a","response":{"judge":true}} x"#,
        #"{"seq":99999999999999999999,"clientId":"a","response":{"judge":true}}"#, "", "[]", "null",
    ])
    func anythingElseGoesToTheDecoder(body: String) {
        let r = request(body)
        #expect(AnswerBodyReader.fields(r).map { $0.seq != nil && $0.clientId != nil && $0.response != nil } != true)
        let viaReader = Result { () throws(HTTPError) in try AnswerBodyReader.save(r) }
        let viaDecoder = Result { () throws(HTTPError) in try r.decode(SaveBody.self) }
        switch (viaReader, viaDecoder) {
        case (.failure(let a), .failure(let b)): #expect(a.code == b.code && a.message == b.message)
        case (.success(let a), .success(let b)): #expect(a.seq == b.seq && a.response == b.response)
        default: Issue.record("the reader and the decoder disagree on \(body)")
        }
    }

    @Test func anotherContentTypeIsRefusedAsBefore() {
        #expect(AnswerBodyReader.fields(request(#"{"token":"t","response":{"judge":true}}"#, type: "text/plain")) == nil)
        #expect(throws: HTTPError.self) { try AnswerBodyReader.quizAnswer(request(#"{"token":"t","response":{"judge":true}}"#, type: "text/plain")) }
    }

    @Test(arguments: 0..<200) func randomBodiesReadAsTheDecoderReadsThem(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed))
        var response: [String: Any] = [:]
        switch rng.int(0...3) {
        case 0: response["choice"] = (0..<rng.int(0...4)).map { _ in rng.int(0...9) }
        case 1: response["judge"] = rng.bool()
        case 2: response["blanks"] = (0..<rng.int(1...3)).map { _ in ["三十日", "30", "a\"b", "\\", "é\u{1F600}"][rng.int(0...4)] }
        default: response["text"] = String(repeating: "法", count: rng.int(0...40))
        }
        let object: [String: Any] = ["seq": rng.int(1...1_000_000), "clientId": "tab-\(rng.int(0...99))", "response": response,
                                     "token": "tok\(rng.int(0...9))"]
        let data = try JSONSerialization.data(withJSONObject: object, options: rng.bool() ? [.prettyPrinted] : [])
        let r = Request(method: .PUT, path: "/", headers: Headers([("Content-Type", "application/json")]), body: [UInt8](data))
        let fast = try #require(AnswerBodyReader.fields(r))
        let slow = try r.decode(SaveBody.self)
        #expect(fast.seq == slow.seq && fast.clientId == slow.clientId && fast.response == slow.response)
    }
}
