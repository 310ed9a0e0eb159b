import Draws
import Testing

/// The commitment is SHA-256 over one exact JSON text, so anyone can recompute it from the published rules.
@Suite struct CommitmentTests {
    @Test func canonicalJSONHasSortedKeysAndNoWhiteSpace() {
        let rules = DrawRules(roundId: "r1", title: "Quiz/1", prizes: [.init(name: "A", count: 2)], eligibility: "满分",
                              seed: .init(name: "Lotto", issue: "25063", drawDate: "2025-06-05", howRead: "6 balls"))
        let expected = #"{"algorithm":"rfc3797-md5-v1","eligibility":"满分","prizes":[{"count":2,"name":"A"}],"#
            + #""roundId":"r1","seed":{"drawDate":"2025-06-05","howRead":"6 balls","issue":"25063","name":"Lotto"},"#
            + #""title":"Quiz/1"}"#
        #expect(rules.canonicalJSON() == expected)
        #expect(rules.commitment() == Digest.sha256Hex(expected))
        #expect(rules.commitment().count == 64)
    }

    @Test func everyFieldIsCommitted() {
        let base = Fixtures.rules
        var variants: [DrawRules] = []
        var r = base; r.roundId += "x"; variants.append(r)
        r = base; r.title += "x"; variants.append(r)
        r = base; r.eligibility = "90分以上"; variants.append(r)
        r = base; r.prizes[0].count = 2; variants.append(r)
        r = base; r.prizes.swapAt(0, 1); variants.append(r)
        r = base; r.seed.issue = "2025064"; variants.append(r)
        r = base; r.seed.drawDate = "2025-06-06"; variants.append(r)
        r = base; r.algorithm = "rfc3797-md5-v2"; variants.append(r)
        let commitments = Set(variants.map { $0.commitment() } + [base.commitment()])
        #expect(commitments.count == variants.count + 1)
    }
}
