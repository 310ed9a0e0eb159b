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
        let n = Int(Self.read(UInt32.self, bytes, at: 1))
        switch format {
        case Self.sortedFormat:
            guard bytes.count == 5 + 4 * n else { throw .length(expected: 5 + 4 * n, got: bytes.count) }
            var a = [UInt32](repeating: 0, count: n)
            for i in 0..<n {
                a[i] = Self.read(UInt32.self, bytes, at: 5 + 4 * i)
                if i > 0 && a[i] <= a[i - 1] { throw .notIncreasing(at: i) }
            }
            self.init(sorted: a)
        case Self.bitmapFormat:
            guard bytes.count == 5 + 8 * n else { throw .length(expected: 5 + 8 * n, got: bytes.count) }
            self.init(words: (0..<n).map { Self.read(UInt64.self, bytes, at: 5 + 8 * $0) })
        default:
            throw .unknownFormat(format)
        }
    }

    private static func read<T: FixedWidthInteger>(_: T.Type, _ bytes: [UInt8], at offset: Int) -> T {
        var v: T = 0
        for i in 0..<MemoryLayout<T>.size { v |= T(bytes[offset + i]) << (8 * i) }
        return v
    }
}
