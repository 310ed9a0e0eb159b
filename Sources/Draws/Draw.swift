/// Runs and checks publicly verifiable prize draws for public quizzes, in the manner of RFC 3797.
///
/// The flow a round follows:
/// 1. Before the round opens, the rules and their ``DrawRules/commitment()`` are published; the rules name a
///    future public random event (a lottery draw by issue and date).
/// 2. After the round closes, the eligible list (``EligibleList/canonicalText``) and its digest are published.
/// 3. When the lottery has drawn, ``run(rules:eligible:publicValue:)`` computes the winners and the result is
///    published; anyone holding the three published items can call ``verify(rules:eligible:publicValue:published:)``.
///
/// The key has two sources, in this order: the public value, then the eligible list's digest as text.
/// The public value supplies the unpredictability; the digest binds the outcome to the exact list, so the list
/// cannot be edited after the lottery is known without changing the digest everyone already holds.
public enum Draw {
    /// The RFC 3797 sources for a draw: `[publicValue, .text(eligibleDigest)]`.
    public static func sources(publicValue: DrawSource, eligibleDigest: String) -> [DrawSource] {
        [publicValue, .text(eligibleDigest)]
    }

    /// Draws the winners of `rules` from `eligible` with the lottery result `publicValue`.
    ///
    /// Selects `rules.winnerCount` entries with ``RFC3797/select(count:from:key:)`` and hands out the prizes in
    /// the order the rules list them: the first selections get the first prize. When the prizes call for more
    /// winners than there are entries, everybody wins something and the last prizes go (partly) unawarded.
    public static func run(rules: DrawRules, eligible: EligibleList, publicValue: DrawSource) throws -> DrawResult {
        try validate(rules: rules, eligible: eligible, publicValue: publicValue)
        let digest = eligible.digest()
        let key = RFC3797.key(sources(publicValue: publicValue, eligibleDigest: digest))
        var positions = RFC3797.select(count: rules.winnerCount, from: eligible.count, key: key)[...]
        var winners: [DrawResult.Winner] = []
        for prize in rules.prizes {
            for position in positions.prefix(prize.count) {
                let entry = eligible.entries[position - 1]
                winners.append(.init(prize: prize.name, entryId: entry.entryId, maskedPhone: entry.maskedPhone,
                                     position: position))
            }
            positions = positions.dropFirst(prize.count)
        }
        return DrawResult(roundId: rules.roundId, algorithm: rules.algorithm, rulesCommitment: rules.commitment(),
                          eligibleDigest: digest, eligibleCount: eligible.count, publicValue: publicValue,
                          key: key, winners: winners)
    }

    private static func validate(rules: DrawRules, eligible: EligibleList, publicValue: DrawSource) throws {
        // Otherwise rules naming another algorithm would be drawn (and verified) with this one without a word.
        guard rules.algorithm == DrawRules.currentAlgorithm else { throw DrawError.unsupportedAlgorithm(rules.algorithm) }
        guard !rules.prizes.isEmpty else { throw DrawError.noPrizes }
        for prize in rules.prizes where prize.count <= 0 {
            throw DrawError.invalidPrizeCount(prize: prize.name, count: prize.count)
        }
        // Checked before summing so that absurd counts cannot overflow the sum.
        let total = rules.prizes.reduce(0) { $0 + min($1.count, RFC3797.maximumSelections + 1) }
        guard total <= RFC3797.maximumSelections else { throw DrawError.tooManyWinners(total) }
        guard eligible.count > 0 else { throw DrawError.noEntries }
        guard !publicValue.isEmpty else { throw DrawError.emptyPublicValue }
        if case .numbers(let values) = publicValue, let negative = values.first(where: { $0 < 0 }) {
            throw DrawError.invalidPublicValue("\(negative) is negative; lottery numbers are 0 or more")
        }
    }
}
