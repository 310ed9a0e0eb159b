/// The selection algorithm of RFC 3797 ("Publicly Verifiable Nominations Committee (NomCom) Random Selection"),
/// exactly as its reference code computes it, so a result can be rechecked with any RFC 3797 implementation.
///
/// 1. The key string is the concatenation of each source's ``DrawSource/rendering``, in the published order.
/// 2. Selection `i` (0, 1, 2, …) hashes `counter ‖ key ‖ counter` with MD5, where `counter` is `i` as two
///    big-endian bytes, and reads the 16-byte digest as an unsigned big-endian 128-bit number.
/// 3. That number modulo the count of candidates still in the pool gives a 0-based index into the remaining
///    candidates, kept in their original order; that candidate is selected and leaves the pool.
public enum RFC3797 {
    /// Selections are numbered by a two-byte counter, so one key yields at most this many.
    public static let maximumSelections = 65_536

    /// The key string for `sources`, e.g. `9319./2.5.8.10.12./9.18.26.34.41.45./` for the RFC's example.
    public static func key(_ sources: [DrawSource]) -> String {
        sources.map(\.rendering).joined()
    }

    /// MD5 of the key bracketed by selection `index` as two big-endian bytes: the RFC's random value number
    /// `index + 1`. Its hex form is what the RFC's tables print.
    public static func digest(index: Int, key: String) -> [UInt8] {
        precondition((0..<maximumSelections).contains(index), "RFC 3797 counts selections in two bytes")
        let counter: [UInt8] = [UInt8(index >> 8), UInt8(index & 0xFF)]
        return Digest.md5(counter + Array(key.utf8) + counter)
    }

    /// Draws `count` members from a pool numbered 1…`poolSize` and returns their numbers in selection order.
    ///
    /// Asking for more than the pool holds selects the whole pool (in the order the algorithm draws it);
    /// a count of zero or less, or an empty pool, selects nobody. Programmer errors (more than
    /// ``maximumSelections`` selections) stop the program.
    public static func select(count: Int, from poolSize: Int, key: String) -> [Int] {
        let wanted = min(count, poolSize)
        guard wanted > 0 else { return [] }
        precondition(wanted <= maximumSelections, "RFC 3797 can make at most \(maximumSelections) selections")
        var remaining = Array(1...poolSize)
        var selected: [Int] = []
        selected.reserveCapacity(wanted)
        for index in 0..<wanted {
            let position = remainder(digest(index: index, key: key), dividingBy: remaining.count)
            selected.append(remaining.remove(at: position))
        }
        return selected
    }

    /// The remainder of the unsigned big-endian number in `bytes` divided by `divisor`: schoolbook long division
    /// that keeps only the running remainder, as the RFC's `longremainder` does, so no big-integer type is needed.
    public static func remainder(_ bytes: [UInt8], dividingBy divisor: Int) -> Int {
        precondition(divisor > 0 && divisor <= Int.max >> 8, "divisor out of range")
        var rest = 0
        for byte in bytes {
            rest = ((rest << 8) | Int(byte)) % divisor
        }
        return rest
    }
}
