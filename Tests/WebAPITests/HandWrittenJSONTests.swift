import Foundation
@testable import HTTPServer
import Questions
@testable import Quizzes
import Testing
@testable import WebAPI

/// Replies written by hand on the hot paths say exactly what Foundation's encoder said.
@Suite struct HandWrittenJSONTests {
    func parsed(_ response: Response) throws -> NSDictionary {
        guard case .bytes(let bytes) = response.body else { throw CocoaError(.coderInvalidValue) }
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    static let feedbacks: [QuizService.Answered] = [
        .init(feedback: Feedback(slot: 3, fraction: 1, late: false, key: .choice([1, 2]), explanation: "第二条：\"引号\"、\\ 与换行\n",
                                 basis: "《反电信网络诈骗法》第二条", quote: ""), replayed: false, answered: 4, total: 10,
              readMore: (title: "读一读 / read", url: "/read#/fanzha")),
        .init(feedback: Feedback(slot: 0, fraction: 0.5, late: true, key: .judge(false), explanation: "", basis: "b", quote: "q\u{1}"),
              replayed: true, answered: 1, total: 1, readMore: nil),
        .init(feedback: Feedback(slot: 9, fraction: 0, late: false, key: .blanks([["三十日", "30日"]]), explanation: "e",
                                 basis: "b", quote: "「原文」"), replayed: false, answered: 2, total: 5, readMore: nil),
    ]

    @Test(arguments: 0..<feedbacks.count) func quizFeedbackMatchesTheEncoder(index: Int) throws {
        let dto = QuizFeedbackDTO(Self.feedbacks[index])
        #expect(try parsed(dto.response()) == parsed(.json(dto)))
    }

    @Test(arguments: [Int64(0), 1_763_856_000_123, 951_782_400_000, -1_000, 4_102_444_799_999])
    func utcTimesAreWrittenAsTheEncoderWritesDates(millis: Int64) throws {
        struct Stamp: Encodable { var at: Date }
        let expected = try parsed(.json(Stamp(at: Date(timeIntervalSince1970: Double(millis) / 1000))))["at"] as? String
        var bytes: [UInt8] = []
        UTCTime.append(millis, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func aSaveReplyCarriesItsTimesAndOutcomeAndLeavesOutAMissingDeadline() throws {
        let reply = try parsed(SaveReplyDTO(slot: 4, seq: 17, stored: true, savedAt: 1_763_856_000_000, deadline: nil,
                                            serverTime: 1_763_856_001_000).response())
        #expect(reply == ["slot": 4, "seq": 17, "stored": true, "savedAt": "2025-11-23T00:00:00Z",
                          "serverTime": "2025-11-23T00:00:01Z"] as NSDictionary)
    }
}
