import Draws
import Foundation
import Testing

/// `rules.json` and `result.json` read back exactly, and bad files are refused with a located reason.
@Suite struct PublishedJSONTests {
    static let awkwardRules = DrawRules(
        roundId: "r/1 \"quoted\" \\ back", title: "第42期\n\ttab \u{1} ctl \u{2028} sep 😀 e\u{301}",
        prizes: [.init(name: "一等奖 (1/3)", count: 1), .init(name: "", count: 65_000)], eligibility: "满分 & <b>",
        seed: .init(name: "中国福利彩票 双色球", issue: "2025063", drawDate: "2025-06-05", howRead: "6+1 ‘balls’"))

    @Test(arguments: [Fixtures.rules, awkwardRules])
    func rulesReadBackAndReEncodeToTheSameBytes(rules: DrawRules) throws {
        let file = Array(rules.canonicalJSON().utf8)
        let read = try DrawRules.decode(json: file, file: "rules.json")
        #expect(read == rules)
        #expect(Array(read.canonicalJSON().utf8) == file)
        #expect(Digest.hex(Digest.sha256(file)) == read.commitment())
        #expect(read.commitment() == rules.commitment())
    }

    @Test func theResultReadsBackFromItsPublishedJSON() throws {
        let result = try Draw.run(rules: Fixtures.rules, eligible: Fixtures.eligible(), publicValue: Fixtures.publicValue)
        let text = result.publishedJSON()
        #expect(text.hasSuffix("}\n") && text.contains("\n  \"winners\" : ["))
        #expect(try DrawResult.decode(json: Array(text.utf8), file: "result.json") == result)
    }

    func problem<T>(_ decode: ([UInt8], String) throws(DrawFileError) -> T, _ text: String, file: String = "f.json") -> String? {
        do { _ = try decode(Array(text.utf8), file); return nil } catch { return error.description }
    }

    @Test func aSyntaxErrorIsReportedAtItsLine() throws {
        let result = try Draw.run(rules: Fixtures.rules, eligible: Fixtures.eligible(), publicValue: Fixtures.publicValue)
        var lines = result.publishedJSON().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The last winner's position: after every Chinese prize name, so a character count would miss the line.
        let target = try #require(lines.lastIndex { $0.contains("\"position\"") })
        lines[target] += " 12"
        let message = problem(DrawResult.decode, lines.joined(separator: "\n"), file: "result.json")
        #expect(message?.hasPrefix("result.json:\(target + 1): not valid JSON") == true, "\(message ?? "accepted")")
    }

    @Test func aTruncatedFileIsReportedAtItsLastLine() {
        let message = problem(DrawRules.decode, "{\n\"roundId\": \"r1\",\n\"title\": ")
        #expect(message?.hasPrefix("f.json:3: not valid JSON") == true, "\(message ?? "accepted")")
    }

    @Test func missingAndMistypedFieldsAreNamed() {
        var json = Fixtures.rules.canonicalJSON()
        json = json.replacingOccurrences(of: #""issue":"2025063","#, with: "")
        #expect(problem(DrawRules.decode, json, file: "rules.json") == #"rules.json:1: missing field "seed.issue""#)
        let mistyped = Fixtures.rules.canonicalJSON().replacingOccurrences(of: #""count":2"#, with: #""count":"2""#)
        #expect(problem(DrawRules.decode, mistyped) == #"f.json:1: field "prizes[1].count" should be a whole number"#)
        #expect(problem(DrawRules.decode, "[1, 2]") == "f.json:1: expected an object at the top level")
        #expect(problem(DrawResult.decode, "  \n") == "f.json:1: the file is empty; expected a JSON object")
        #expect(problem(DrawRules.decode, #"{"roundId": null}"#)?.hasPrefix("f.json:1: ") == true)
    }
}
