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
        // `withUnsafeBytes` rethrows untyped errors: carry the typed one out as a result.
        self = try bytes.withUnsafeBytes { raw in Result { () throws(PersonSetError) in try PersonSet(decoding: raw) } }.get()
    }

    /// The same from bytes in place (a blob as SQLite holds it), without copying them first.
    public init(decoding raw: UnsafeRawBufferPointer) throws(PersonSetError) {
        guard let format = raw.first else { throw .empty }
        guard raw.count >= 5 else { throw .length(expected: 5, got: raw.count) }
        let n = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 1, as: UInt32.self)))
        switch format {
        case Self.sortedFormat:
            guard raw.count == 5 + 4 * n else { throw .length(expected: 5 + 4 * n, got: raw.count) }
            var a: [UInt32] = []
            a.reserveCapacity(n)
            for i in 0..<n {
                let x = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 5 + 4 * i, as: UInt32.self))
                if let last = a.last, x <= last { throw .notIncreasing(at: i) }
                a.append(x)
            }
            self.init(sorted: a)
        case Self.bitmapFormat:
            guard raw.count == 5 + 8 * n else { throw .length(expected: 5 + 8 * n, got: raw.count) }
            self.init(words: (0..<n).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 5 + 8 * $0, as: UInt64.self)) })
        default:
            throw .unknownFormat(format)
        }
    }
}
