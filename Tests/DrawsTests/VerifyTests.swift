import Draws
import Testing

/// `verify` finds every kind of tampering a published result can suffer, and says what it found.
@Suite struct VerifyTests {
    let eligible: EligibleList
    let published: DrawResult

    init() throws {
        eligible = try Fixtures.eligible()
        published = try Draw.run(rules: Fixtures.rules, eligible: eligible, publicValue: Fixtures.publicValue)
    }

    func verify(_ result: DrawResult, rules: DrawRules = Fixtures.rules, eligible: EligibleList? = nil,
                publicValue: DrawSource = Fixtures.publicValue) -> [String] {
        Draw.verify(rules: rules, eligible: eligible ?? self.eligible, publicValue: publicValue, published: result)
    }

    @Test func anUntouchedResultVerifies() {
        #expect(verify(published).isEmpty)
    }

    @Test func aSwappedWinnerIsNamed() throws {
        var tampered = published
        let outsider = try #require(eligible.entries.first { e in !published.winners.contains { $0.entryId == e.entryId } })
        tampered.winners[1].entryId = outsider.entryId
        #expect(verify(tampered) == ["winner 2 differs: published \(outsider.entryId), recomputed \(published.winners[1].entryId)"])
    }

    @Test func aReassignedPrizeIsNamed() {
        var tampered = published
        tampered.winners[2].prize = "一等奖"
        let problems = verify(tampered)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("winner 3 (\(published.winners[2].entryId)) differs: published 一等奖") == true)
    }

    @Test func aDroppedWinnerIsCounted() {
        var tampered = published
        tampered.winners.removeLast()
        #expect(verify(tampered) == ["winner count differs: published 5, recomputed 6"])
    }

    @Test func changedRulesShowAsACommitmentMismatch() {
        var rules = Fixtures.rules
        rules.prizes[0].name = "特等奖"
        let problems = verify(published, rules: rules)
        #expect(problems.contains { $0.hasPrefix("commitment differs: published \(published.rulesCommitment), recomputed ") })
        #expect(problems.contains { $0.hasPrefix("winner 1 (") })
    }

    @Test func aTamperedCommitmentIsReported() {
        var tampered = published
        tampered.rulesCommitment = String(repeating: "0", count: 64)
        #expect(verify(tampered) == ["commitment differs: published \(tampered.rulesCommitment), recomputed \(published.rulesCommitment)"])
    }

    @Test func anEditedListShowsAsADigestMismatch() throws {
        var entries = Fixtures.entries
        entries.append(.init(entryId: "E999", maskedPhone: "186****0000"))
        let problems = verify(published, eligible: try EligibleList(entries))
        #expect(problems.contains { $0.hasPrefix("eligible digest differs: published \(published.eligibleDigest)") })
        #expect(problems.contains("eligible count differs: published 40, recomputed 41"))
        #expect(problems.contains { $0.hasPrefix("key differs") })
    }

    @Test func anotherPublicValueIsReported() {
        let problems = verify(published, publicValue: .numbers([1, 2, 3, 4, 5, 6, 7]))
        #expect(problems.contains("public value differs: published 3.7.11.19.25.31.33./, recomputed 1.2.3.4.5.6.7./"))
    }

    @Test func inputsThatCannotBeDrawnAreReportedNotThrown() throws {
        let problems = verify(published, eligible: try EligibleList([]))
        #expect(problems == ["cannot recompute the draw: the eligible list is empty; there is nobody to draw"])
    }
}
