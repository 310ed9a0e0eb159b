import Draws
import Foundation
import Testing
import TestSupport

/// A round from commitment to verified result, and what changes when any published input changes.
@Suite struct DrawWalkthroughTests {
    @Test func drawAwardsThePrizesInOrderToDistinctEntries() throws {
        let eligible = try Fixtures.eligible()
        let result = try Draw.run(rules: Fixtures.rules, eligible: eligible, publicValue: Fixtures.publicValue)

        #expect(result.winners.map(\.prize) == ["一等奖", "二等奖", "二等奖", "三等奖", "三等奖", "三等奖"])
        #expect(Set(result.winners.map(\.entryId)).count == 6)
        #expect(result.eligibleCount == 40)
        #expect(result.algorithm == "rfc3797-md5-v1")
        #expect(result.rulesCommitment == Fixtures.rules.commitment())
        #expect(result.eligibleDigest == eligible.digest())
        #expect(result.key == "3.7.11.19.25.31.33./\(eligible.digest().uppercased())/")
        let positions = RFC3797.select(count: 6, from: 40, key: result.key)
        #expect(result.winners.map(\.position) == positions)
        for winner in result.winners {
            let entry = eligible.entries[winner.position - 1]
            #expect(winner.entryId == entry.entryId && winner.maskedPhone == entry.maskedPhone)
        }
        #expect(Draw.verify(rules: Fixtures.rules, eligible: eligible, publicValue: Fixtures.publicValue,
                            published: result) == [])
    }

    @Test func sameInputsSameWinnersWhateverTheInputOrder() throws {
        let first = try Draw.run(rules: Fixtures.rules, eligible: Fixtures.eligible(), publicValue: Fixtures.publicValue)
        var random = SplitMix(seed: 7)
        let shuffled = try EligibleList(Fixtures.entries.shuffled(using: &random))
        let second = try Draw.run(rules: Fixtures.rules, eligible: shuffled, publicValue: .numbers([33, 31, 25, 19, 11, 7, 3]))
        #expect(first == DrawResult(roundId: second.roundId, algorithm: second.algorithm,
                                    rulesCommitment: second.rulesCommitment, eligibleDigest: second.eligibleDigest,
                                    eligibleCount: second.eligibleCount, publicValue: first.publicValue,
                                    key: second.key, winners: second.winners))
    }

    @Test func poolOrderIsByEntryIdBytesAndTheCanonicalTextIsOneLinePerEntry() throws {
        let list = try EligibleList([
            .init(entryId: "b", maskedPhone: "139****0002"), .init(entryId: "B", maskedPhone: "139****0003"),
            .init(entryId: "a10", maskedPhone: "138****0001"), .init(entryId: "a9", maskedPhone: "137****0000"),
        ])
        #expect(list.entries.map(\.entryId) == ["B", "a10", "a9", "b"])
        #expect(list.canonicalText == "B\t139****0003\na10\t138****0001\na9\t137****0000\nb\t139****0002\n")
        #expect(list.digest() == Digest.sha256Hex(list.canonicalText))
    }

    /// Nicknames and regions are not published in the canonical text, so they do not move the digest.
    @Test func anyChangeToAPublishedFieldChangesTheDigestAndUsuallyTheWinners() throws {
        let original = try Fixtures.eligible()
        let baseline = try Draw.run(rules: Fixtures.rules, eligible: original, publicValue: Fixtures.publicValue)
        var changedWinners = 0
        for index in Fixtures.entries.indices {
            var entries = Fixtures.entries
            entries[index].maskedPhone = "199****0000"
            let changed = try EligibleList(entries)
            #expect(changed.digest() != original.digest())
            let result = try Draw.run(rules: Fixtures.rules, eligible: changed, publicValue: Fixtures.publicValue)
            if result.winners.map(\.position) != baseline.winners.map(\.position) { changedWinners += 1 }
        }
        #expect(changedWinners >= Fixtures.entries.count - 2)

        var renamed = Fixtures.entries
        renamed[0].nickname = "someone else"
        #expect(try EligibleList(renamed).digest() == original.digest())

        var removed = Fixtures.entries
        removed.removeLast()
        #expect(try EligibleList(removed).digest() != original.digest())
    }

    @Test func aDifferentPublicValueGivesADifferentKey() throws {
        let eligible = try Fixtures.eligible()
        let a = try Draw.run(rules: Fixtures.rules, eligible: eligible, publicValue: .numbers([1, 2, 3, 4, 5, 6, 7]))
        let b = try Draw.run(rules: Fixtures.rules, eligible: eligible, publicValue: .numbers([1, 2, 3, 4, 5, 6, 8]))
        #expect(a.key != b.key)
        #expect(a.winners != b.winners)
    }

    @Test func morePrizesThanEntriesSelectsEveryoneAndLeavesTheLastPrizesShort() throws {
        let three = try EligibleList(Array(Fixtures.entries.prefix(3)))
        let result = try Draw.run(rules: Fixtures.rules, eligible: three, publicValue: Fixtures.publicValue)
        #expect(result.winners.map(\.prize) == ["一等奖", "二等奖", "二等奖"])
        #expect(result.winners.map(\.position).sorted() == [1, 2, 3])
    }

    @Test func resultAndListRoundTripThroughJSON() throws {
        let eligible = try Fixtures.eligible()
        let result = try Draw.run(rules: Fixtures.rules, eligible: eligible, publicValue: Fixtures.publicValue)
        #expect(try JSONDecoder().decode(DrawResult.self, from: JSONEncoder().encode(result)) == result)
        #expect(try JSONDecoder().decode(EligibleList.self, from: JSONEncoder().encode(eligible)) == eligible)
        #expect(try JSONDecoder().decode(DrawRules.self, from: JSONEncoder().encode(Fixtures.rules)) == Fixtures.rules)
    }
}
