extension Draw {
    /// Recomputes a draw from the published rules, eligible list and public value, and lists every way the
    /// `published` result differs. An empty list means the result is verified.
    ///
    /// Called by the public verification page and by anyone re-running the draw offline. Messages are plain
    /// sentences such as `commitment differs: …` or `winner 2 differs: published E123, recomputed E456`.
    public static func verify(rules: DrawRules, eligible: EligibleList, publicValue: DrawSource,
                              published: DrawResult) -> [String] {
        let expected: DrawResult
        do {
            expected = try run(rules: rules, eligible: eligible, publicValue: publicValue)
        } catch {
            return ["cannot recompute the draw: \(error)"]
        }
        var problems = headerDifferences(published: published, expected: expected)
        problems += winnerDifferences(published: published.winners, expected: expected.winners)
        return problems
    }

    private static func headerDifferences(published: DrawResult, expected: DrawResult) -> [String] {
        var problems: [String] = []
        func check(_ what: String, _ published: String, _ recomputed: String) {
            if published != recomputed {
                problems.append("\(what) differs: published \(published), recomputed \(recomputed)")
            }
        }
        check("round id", published.roundId, expected.roundId)
        check("algorithm", published.algorithm, expected.algorithm)
        check("commitment", published.rulesCommitment, expected.rulesCommitment)
        check("eligible digest", published.eligibleDigest, expected.eligibleDigest)
        check("eligible count", "\(published.eligibleCount)", "\(expected.eligibleCount)")
        check("public value", published.publicValue.rendering, expected.publicValue.rendering)
        check("key", published.key, expected.key)
        return problems
    }

    private static func winnerDifferences(published: [DrawResult.Winner], expected: [DrawResult.Winner]) -> [String] {
        var problems: [String] = []
        if published.count != expected.count {
            problems.append("winner count differs: published \(published.count), recomputed \(expected.count)")
        }
        for (index, (mine, theirs)) in zip(published, expected).enumerated() where mine != theirs {
            let number = index + 1
            if mine.entryId != theirs.entryId {
                problems.append("winner \(number) differs: published \(mine.entryId), recomputed \(theirs.entryId)")
            } else {
                problems.append("winner \(number) (\(mine.entryId)) differs: published \(describe(mine)), "
                                + "recomputed \(describe(theirs))")
            }
        }
        return problems
    }

    private static func describe(_ winner: DrawResult.Winner) -> String {
        "\(winner.prize), position \(winner.position), \(winner.maskedPhone)"
    }
}
