/// Why stored bytes are not a person set.
public enum PersonSetError: Error, Sendable, Equatable {
    case empty
    case unknownFormat(UInt8)
    case length(expected: Int, got: Int)
    case notIncreasing(at: Int)
}

/// The stored form (`reach_day_sets.persons`), little-endian whatever the machine:
/// - format 1, a sorted array: `01`, count (UInt32), then count numbers (UInt32 each, strictly increasing);
/// - format 2, a bitmap: `02`, word count (UInt32), then the words (UInt64 each; bit n of word n / 64 is number n).
extension PersonSet {
    static let sortedFormat: UInt8 = 1, bitmapFormat: UInt8 = 2

    /// The set's bytes, the same for equal sets.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        switch storage {
        case .sorted(let a):
            out.reserveCapacity(5 + 4 * a.count)
            out.append(Self.sortedFormat)
            put(UInt32(a.count))
            for n in a { put(n) }
        case .bitmap(let w):
            out.reserveCapacity(5 + 8 * w.count)
            out.append(Self.bitmapFormat)
            put(UInt32(w.count))
            for x in w { put(x) }
        }
        return out
    }

    /// Reads `encoded()` bytes back; anything else (cut short, too long, an unknown format, an array out of order)
    /// throws, so a damaged row is reported instead of counted wrong.
    public init(decoding bytes: [UInt8]) throws(PersonSetError) {
        guard let format = bytes.first else { throw .empty }
        guard bytes.count >= 5 else { throw .length(expected: 5, got: bytes.count) }
        let n = bytes.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 1, as: UInt32.self))) }
        switch format {
        case Self.sortedFormat:
            guard bytes.count == 5 + 4 * n else { throw .length(expected: 5 + 4 * n, got: bytes.count) }
            let a = bytes.withUnsafeBytes { raw in (0..<n).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 5 + 4 * $0, as: UInt32.self)) } }
            for i in a.indices.dropFirst() where a[i] <= a[i - 1] { throw .notIncreasing(at: i) }
            self.init(sorted: a)
        case Self.bitmapFormat:
            guard bytes.count == 5 + 8 * n else { throw .length(expected: 5 + 8 * n, got: bytes.count) }
            self.init(words: bytes.withUnsafeBytes { raw in (0..<n).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 5 + 8 * $0, as: UInt64.self)) } })
        default:
            throw .unknownFormat(format)
        }
    }
}
