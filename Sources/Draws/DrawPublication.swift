/// The three files published for each round, which together let anyone recompute the draw offline
/// (`pufa draw verify`, or any RFC 3797 implementation):
///
/// | file | bytes | checked through |
/// |---|---|---|
/// | `rules.json` | exactly ``DrawRules/canonicalJSON()``: UTF-8, keys sorted, no white space, no final line break | its SHA-256 is the commitment published before the round |
/// | `eligible.txt` | exactly ``EligibleList/canonicalText``: `entryId<TAB>maskedPhone<LF>` per entry, sorted by id bytes | its SHA-256 is the eligible digest |
/// | `result.json` | ``DrawResult/publishedJSON()``: the result with sorted keys, indented, ending in LF | field by field |
///
/// The server builds one with ``init(rules:eligible:result:)`` and writes ``files``; the verifier reads the
/// three files (``DrawRules/decode(json:file:)``, ``EligibleList/parse(bytes:file:)``,
/// ``DrawResult/decode(json:file:)``), builds one with ``init(rulesJSON:rules:eligible:result:)`` and calls
/// ``verify(publicValue:)``.
public struct DrawPublication: Sendable {
    public static let rulesFileName = "rules.json"
    public static let eligibleFileName = "eligible.txt"
    public static let resultFileName = "result.json"

    /// The bytes of `rules.json` as published (or as downloaded), which are what the commitment hashes.
    public let rulesJSON: [UInt8]
    public let rules: DrawRules
    public let eligible: EligibleList
    public let result: DrawResult

    /// What the server publishes for a drawn round.
    public init(rules: DrawRules, eligible: EligibleList, result: DrawResult) {
        self.init(rulesJSON: Array(rules.canonicalJSON().utf8), rules: rules, eligible: eligible, result: result)
    }

    /// What a verifier read: `rules` must be what `rulesJSON` decodes to.
    public init(rulesJSON: [UInt8], rules: DrawRules, eligible: EligibleList, result: DrawResult) {
        self.rulesJSON = rulesJSON
        self.rules = rules
        self.eligible = eligible
        self.result = result
    }

    /// The three files as (name, bytes), in the order of the table above.
    public var files: [(name: String, bytes: [UInt8])] {
        [(Self.rulesFileName, rulesJSON), (Self.eligibleFileName, Array(eligible.canonicalText.utf8)),
         (Self.resultFileName, Array(result.publishedJSON().utf8))]
    }

    /// Recomputes everything the files claim. With `publicValue` nil, the result's own public value is used and
    /// the verification says so: a careful verifier passes the numbers from the lottery's own announcement.
    public func verify(publicValue: DrawSource? = nil) -> DrawVerification {
        let commitment = Digest.hex(Digest.sha256(rulesJSON))
        var mismatches: [String] = []
        if commitment != rules.commitment() {
            mismatches.append("rules file is not canonical JSON (sorted keys, no white space, no other fields): "
                              + "its SHA-256 is \(commitment), the canonical JSON of the rules it holds hashes to "
                              + "\(rules.commitment())")
        }
        let value = publicValue ?? result.publicValue
        // Draw.verify calls every value it was handed "recomputed"; a value the verifier typed in was given.
        let recomputedValue = "public value differs: published \(result.publicValue.rendering), recomputed \(value.rendering)"
        mismatches += Draw.verify(rules: rules, eligible: eligible, publicValue: value, published: result).map {
            publicValue != nil && $0 == recomputedValue
                ? "public value differs: published \(result.publicValue.rendering), given \(value.rendering)" : $0
        }
        let digest = eligible.digest()
        let recomputed = try? Draw.run(rules: rules, eligible: eligible, publicValue: value)
        return DrawVerification(
            commitment: commitment, eligibleDigest: digest, eligibleCount: eligible.count, publicValue: value,
            publicValueOrigin: publicValue == nil ? .result : .given,
            key: recomputed?.key ?? RFC3797.key(Draw.sources(publicValue: value, eligibleDigest: digest)),
            winners: recomputed?.winners ?? [], mismatches: mismatches)
    }
}
