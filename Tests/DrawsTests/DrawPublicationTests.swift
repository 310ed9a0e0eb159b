import Draws
import Foundation
import Testing

/// The three published files, checked as a member of the public would check them.
@Suite struct DrawPublicationTests {
    let publication: DrawPublication

    init() throws {
        let eligible = try Fixtures.eligible()
        let result = try Draw.run(rules: Fixtures.rules, eligible: eligible, publicValue: Fixtures.publicValue)
        publication = DrawPublication(rules: Fixtures.rules, eligible: eligible, result: result)
    }

    /// Reads the files back as `pufa draw verify` does, with `edit` applied to their bytes first.
    func reread(_ edit: (inout [String: [UInt8]]) -> Void = { _ in }) throws -> DrawPublication {
        var files = Dictionary(uniqueKeysWithValues: publication.files.map { ($0.name, $0.bytes) })
        edit(&files)
        let rulesJSON = files["rules.json"]!
        return DrawPublication(rulesJSON: rulesJSON, rules: try DrawRules.decode(json: rulesJSON, file: "rules.json"),
                               eligible: try EligibleList.parse(bytes: files["eligible.txt"]!, file: "eligible.txt"),
                               result: try DrawResult.decode(json: files["result.json"]!, file: "result.json"))
    }

    @Test func theFilesAsPublishedVerifyAndTheirHashesAreTheCommitmentAndDigest() throws {
        let files = Dictionary(uniqueKeysWithValues: publication.files.map { ($0.name, $0.bytes) })
        let check = try reread().verify()
        #expect(check.verified, "\(check.mismatches)")
        #expect(check.commitment == Digest.hex(Digest.sha256(files["rules.json"]!)))
        #expect(check.commitment == Fixtures.rules.commitment())
        #expect(check.eligibleDigest == Digest.hex(Digest.sha256(files["eligible.txt"]!)))
        #expect(check.eligibleCount == 40)
        #expect(check.winners == publication.result.winners)
        #expect(check.key == publication.result.key)
        #expect(check.publicValueOrigin == .result)
        #expect(check.report().hasSuffix("核验通过 / verified\n"))
        #expect(check.report().contains("taken from the result file"))
    }

    @Test func theLotteryNumbersGivenInAnyOrderVerify() throws {
        let check = try reread().verify(publicValue: DrawSource.parse("33 31 25 19 11 7 3"))
        #expect(check.verified)
        #expect(check.publicValueOrigin == .given)
    }

    @Test func otherLotteryNumbersAreAMismatch() throws {
        let check = try reread().verify(publicValue: .numbers([1, 2, 3, 4, 5, 6, 7]))
        #expect(!check.verified)
        #expect(check.mismatches.contains("public value differs: published 3.7.11.19.25.31.33./, given 1.2.3.4.5.6.7./"))
        #expect(check.report().hasSuffix("NOT verified: \(check.mismatches.count) mismatches\n"))
    }

    @Test func aRulesFileThatIsNotCanonicalIsAMismatchEvenWithTheSameRules() throws {
        let check = try reread { files in
            var pretty = files["rules.json"]!
            pretty.append(UInt8(ascii: "\n"))
            files["rules.json"] = pretty
        }.verify()
        #expect(check.mismatches.count == 1)
        #expect(check.mismatches.first?.hasPrefix("rules file is not canonical JSON") == true)
        #expect(check.commitment != Fixtures.rules.commitment())
    }

    @Test func anEditedLineOfTheListIsADigestMismatch() throws {
        let check = try reread { files in
            let text = String(decoding: files["eligible.txt"]!, as: UTF8.self)
            files["eligible.txt"] = Array(text.replacingOccurrences(of: "E007\t", with: "E007\t1").utf8)
        }.verify()
        #expect(check.mismatches.contains { $0.hasPrefix("eligible digest differs: published ") })
    }

    @Test func rulesNamingAnotherAlgorithmCannotBeVerified() throws {
        var rules = Fixtures.rules
        rules.algorithm = "rfc3797-md5-v2"
        let check = DrawPublication(rulesJSON: Array(rules.canonicalJSON().utf8), rules: rules,
                                    eligible: publication.eligible, result: publication.result).verify()
        #expect(check.mismatches.contains(
            #"cannot recompute the draw: the rules name algorithm "rfc3797-md5-v2"; only "rfc3797-md5-v1" is implemented"#))
    }

    @Test func theJSONReportHasEveryField() throws {
        let check = try reread().verify()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["verified", "commitment", "eligibleDigest", "eligibleCount", "publicValue",
                                     "publicValueOrigin", "key", "winners", "mismatches"])
        #expect(object["verified"] as? Bool == true)
        #expect(try JSONDecoder().decode(DrawVerification.self, from: Data(check.json().utf8)) == check)
    }

    /// Tests/cli/fixtures/draw holds these files for the command-line tests. They are compared here so they cannot
    /// drift from the code; `PUFA_WRITE_DRAW_FIXTURES=Tests/cli/fixtures/draw swift test --filter DrawsTests`
    /// writes them afresh.
    @Test func theCommandLineFixturesAreWhatTheServerWouldPublish() throws {
        if let target = ProcessInfo.processInfo.environment["PUFA_WRITE_DRAW_FIXTURES"] {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for (name, bytes) in publication.files {
                try Data(bytes).write(to: URL(fileURLWithPath: target).appendingPathComponent(name))
            }
        }
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("cli/fixtures/draw")
        for (name, bytes) in publication.files {
            let stored = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
            #expect(stored == Data(bytes),
                    "\(name) differs from what the code publishes; rerun with PUFA_WRITE_DRAW_FIXTURES=Tests/cli/fixtures/draw")
        }
    }
}
