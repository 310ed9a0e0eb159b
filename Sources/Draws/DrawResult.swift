/// The published outcome of a draw: everything a member of the public needs to recompute it, next to the
/// rules (checked through ``rulesCommitment``) and the eligible list (checked through ``eligibleDigest``).
public struct DrawResult: Codable, Hashable, Sendable {
    /// One awarded prize.
    public struct Winner: Codable, Hashable, Sendable {
        /// The prize's name as listed in the rules.
        public var prize: String
        public var entryId: String
        public var maskedPhone: String
        /// The entry's 1-based number in the eligible list's pool order.
        public var position: Int

        public init(prize: String, entryId: String, maskedPhone: String, position: Int) {
            self.prize = prize
            self.entryId = entryId
            self.maskedPhone = maskedPhone
            self.position = position
        }
    }

    public var roundId: String
    public var algorithm: String
    /// ``DrawRules/commitment()`` of the rules the draw ran under.
    public var rulesCommitment: String
    /// ``EligibleList/digest()`` of the pool.
    public var eligibleDigest: String
    /// N, the size of the pool.
    public var eligibleCount: Int
    /// The public random value as entered.
    public var publicValue: DrawSource
    /// The RFC 3797 key string the selection was computed from.
    public var key: String
    /// Winners in selection order; prizes are filled in the order the rules list them.
    public var winners: [Winner]

    public init(roundId: String, algorithm: String, rulesCommitment: String, eligibleDigest: String,
                eligibleCount: Int, publicValue: DrawSource, key: String, winners: [Winner]) {
        self.roundId = roundId
        self.algorithm = algorithm
        self.rulesCommitment = rulesCommitment
        self.eligibleDigest = eligibleDigest
        self.eligibleCount = eligibleCount
        self.publicValue = publicValue
        self.key = key
        self.winners = winners
    }
}
