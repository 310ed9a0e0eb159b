extension PersonSet {
    /// Counts one union at a time straight from stored bytes: each number is checked and counted as it is read, with no
    /// set built in between, optionally only the numbers also in a probe (a day's piece or campaign). A month's region
    /// breakdown is about eight million numbers in twelve thousand small sets per kind; this reads each once.
    public struct UnionCounter: Sendable {
        var words: [UInt64] = []
        var count = 0
        // Numbers added since the last `finish`, to choose between wiping every word and clearing the touched ones.
        var added = 0
        var touched: [PersonSet] = []
        var touchedEncoded = false

        public init() {}

        /// Adds the numbers of `encoded()` bytes (within `probe`, when given); damaged bytes throw as decoding does.
        public mutating func add(encoded raw: UnsafeRawBufferPointer, within probe: Probe? = nil) throws(PersonSetError) {
            guard let format = raw.first else { throw .empty }
            guard raw.count >= 5 else { throw .length(expected: 5, got: raw.count) }
            let n = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 1, as: UInt32.self)))
            touchedEncoded = true
            switch format {
            case PersonSet.sortedFormat:
                guard raw.count == 5 + 4 * n else { throw .length(expected: 5 + 4 * n, got: raw.count) }
                guard n > 0 else { return }
                let last = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 5 + 4 * (n - 1), as: UInt32.self))
                grow(to: Int(last) / 64 + 1)
                var previous: UInt32?
                var c = 0
                try words.withUnsafeMutableBufferPointer { (w) throws(PersonSetError) in
                    for i in 0..<n {
                        let x = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 5 + 4 * i, as: UInt32.self))
                        if let p = previous, x <= p { throw .notIncreasing(at: i) }
                        previous = x
                        if let probe, !probe.contains(x) { continue }
                        let j = Int(x >> 6), shift = UInt64(x & 63)
                        c += Int(~w[j] >> shift & 1)
                        w[j] |= 1 << shift
                    }
                }
                (count, added) = (count + c, added + n)
            case PersonSet.bitmapFormat:
                guard raw.count == 5 + 8 * n else { throw .length(expected: 5 + 8 * n, got: raw.count) }
                grow(to: n)
                for i in 0..<n {
                    var x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 5 + 8 * i, as: UInt64.self))
                    if let probe { x &= i < probe.words.count ? probe.words[i] : 0 }
                    count += (x & ~words[i]).nonzeroBitCount
                    words[i] |= x
                }
                added += 64 * n
            default:
                throw .unknownFormat(format)
            }
        }

        /// Adds a set already in memory (within `probe`, when given).
        public mutating func add(_ s: PersonSet, within probe: Probe? = nil) {
            let s = probe.map { $0.intersection(s) } ?? s
            touched.append(s)
            added += PersonSet.written(s)
            count += PersonSet.unionCount([s], into: &words)
        }

        /// The size of the union of everything added since the last `finish`; the counter is empty again after it.
        public mutating func finish() -> Int {
            defer {
                // Stored bytes leave no set to clear by, and past a few numbers per word a wipe is cheaper anyway.
                PersonSet.clear(&words, after: touched, wipe: touchedEncoded || added >= words.count)
                (count, added, touched, touchedEncoded) = (0, 0, [], false)
            }
            return count
        }

        private mutating func grow(to n: Int) {
            if n > words.count { words += [UInt64](repeating: 0, count: n - words.count) }
        }
    }
}
