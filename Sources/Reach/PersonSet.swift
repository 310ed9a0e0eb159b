/// A set of person numbers (dense numbers given to persons, see `reach_person_numbers`), kept as a sorted array while
/// sparse and as a bitmap once the array would be larger than the bitmap. Distinct persons over any range are the
/// count of a union of per-day sets, so the figure is exact and needs no scan of the rows behind it.
///
/// The representation is canonical (the smaller of the two, a bitmap without trailing zero words), so two equal sets
/// are equal values and encode to the same bytes.
public struct PersonSet: Sendable, Equatable {
    enum Storage: Sendable, Equatable {
        /// Strictly increasing numbers.
        case sorted([UInt32])
        /// Bit n of word n / 64 is set when n is in the set; the last word is never zero.
        case bitmap([UInt64])
    }

    private(set) var storage: Storage

    /// The empty set.
    public init() { storage = .sorted([]) }

    /// The set of `numbers`, in any order, repeats ignored.
    public init<S: Sequence>(_ numbers: S) where S.Element == UInt32 {
        var a = Array(numbers)
        a.sort()
        var out: [UInt32] = []
        out.reserveCapacity(a.count)
        for n in a where out.last != n { out.append(n) }
        self.init(sorted: out)
    }

    /// A set from numbers already strictly increasing (checked by the callers that read them from outside).
    init(sorted numbers: [UInt32]) {
        storage = .sorted(numbers)
        normalize()
    }

    /// A set from bitmap words (trailing zero words allowed).
    init(words: [UInt64]) {
        storage = .bitmap(words)
        normalize()
    }

    /// How many persons.
    public var count: Int {
        switch storage {
        case .sorted(let a): a.count
        case .bitmap(let w): w.reduce(0) { $0 + $1.nonzeroBitCount }
        }
    }

    public var isEmpty: Bool { count == 0 }

    public func contains(_ n: UInt32) -> Bool {
        switch storage {
        case .sorted(let a):
            var (lo, hi) = (0, a.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if a[mid] < n { lo = mid + 1 } else { hi = mid }
            }
            return lo < a.count && a[lo] == n
        case .bitmap(let w):
            let i = Int(n / 64)
            return i < w.count && w[i] & (1 << UInt64(n % 64)) != 0
        }
    }

    /// The numbers in increasing order.
    public var numbers: [UInt32] {
        switch storage {
        case .sorted(let a): return a
        case .bitmap(let w): return Self.numbers(of: w, count: count)
        }
    }

    public func union(_ other: PersonSet) -> PersonSet {
        switch (storage, other.storage) {
        case (.sorted(let a), .sorted(let b)): return PersonSet(sorted: Self.merge(a, b))
        case (.bitmap(let w), .sorted(let a)), (.sorted(let a), .bitmap(let w)):
            var words = w
            Self.set(a, in: &words)
            return PersonSet(words: words)
        case (.bitmap(let v), .bitmap(let w)):
            var words = v.count >= w.count ? v : w
            for (i, x) in (v.count >= w.count ? w : v).enumerated() { words[i] |= x }
            return PersonSet(words: words)
        }
    }

    public func intersection(_ other: PersonSet) -> PersonSet {
        switch (storage, other.storage) {
        case (.sorted(let a), .sorted(let b)):
            let (small, large) = a.count <= b.count ? (a, b) : (b, a)
            let probe = PersonSet(unchecked: large)
            return PersonSet(sorted: small.filter { probe.contains($0) })
        case (.bitmap, .sorted(let a)): return PersonSet(sorted: a.filter { contains($0) })
        case (.sorted(let a), .bitmap): return PersonSet(sorted: a.filter { other.contains($0) })
        case (.bitmap(let v), .bitmap(let w)):
            return PersonSet(words: (0..<min(v.count, w.count)).map { v[$0] & w[$0] })
        }
    }

    /// The union of many sets at once (one bitmap filled in place, not a new set per step).
    public static func union(_ sets: [PersonSet]) -> PersonSet {
        var acc = Accumulator()
        for s in sets { acc.formUnion(s) }
        return acc.set
    }

    // Kept as given: only for probing an array that is already known to be sorted.
    private init(unchecked sorted: [UInt32]) { storage = .sorted(sorted) }

    private mutating func normalize() {
        switch storage {
        case .sorted(let a):
            // An array of n numbers takes 4n bytes, a bitmap up to the largest 8 bytes per 64 numbers.
            if let last = a.last, a.count * 4 > (Int(last) / 64 + 1) * 8 {
                var words = [UInt64](repeating: 0, count: Int(last) / 64 + 1)
                Self.set(a, in: &words)
                storage = .bitmap(words)
            }
        case .bitmap(var w):
            while w.last == 0 { w.removeLast() }
            let n = w.reduce(0) { $0 + $1.nonzeroBitCount }
            storage = n * 4 <= w.count * 8 ? .sorted(Self.numbers(of: w, count: n)) : .bitmap(w)
        }
    }

    static func numbers(of words: [UInt64], count: Int) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(count)
        for (i, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                out.append(UInt32(i * 64 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        return out
    }

    static func set(_ numbers: [UInt32], in words: inout [UInt64]) {
        if let last = numbers.last, Int(last) / 64 >= words.count {
            words += [UInt64](repeating: 0, count: Int(last) / 64 + 1 - words.count)
        }
        for n in numbers { words[Int(n / 64)] |= 1 << UInt64(n % 64) }
    }

    static func merge(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if a[i] < b[j] { out.append(a[i]); i += 1 } else if b[j] < a[i] { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1; j += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
    }
}

extension PersonSet {
    /// A set as a bitmap for many intersections with it: each one costs the other set's size, whatever this one's.
    public struct Probe: Sendable {
        let words: [UInt64]

        public init(_ s: PersonSet) {
            switch s.storage {
            case .bitmap(let w): words = w
            case .sorted(let a):
                var w: [UInt64] = []
                PersonSet.set(a, in: &w)
                words = w
            }
        }

        /// Whether `n` is in the probed set.
        public func contains(_ n: UInt32) -> Bool {
            let i = Int(n >> 6)
            return i < words.count && words[i] & (1 << UInt64(n & 63)) != 0
        }

        /// `s` ∩ the probed set.
        public func intersection(_ s: PersonSet) -> PersonSet {
            switch s.storage {
            case .sorted(let a):
                return PersonSet(sorted: a.filter { Int($0 / 64) < words.count && words[Int($0 / 64)] & (1 << UInt64($0 % 64)) != 0 })
            case .bitmap(let w): return PersonSet(words: (0..<min(w.count, words.count)).map { w[$0] & words[$0] })
            }
        }
    }

    /// The size of the union of `sets`, with `scratch` as the bitmap: it must be all zero and is left all zero, and
    /// only the words the sets touch are written, so a breakdown counts hundreds of small unions for the cost of their
    /// numbers rather than a whole bitmap each.
    public static func unionCount(_ sets: [PersonSet], scratch words: inout [UInt64]) -> Int {
        let n = unionCount(sets, into: &words)
        clear(&words, after: sets, wipe: sets.reduce(0) { $0 + written($1) } >= words.count)
        return n
    }

    /// How many numbers counting `s` into a bitmap writes (a bitmap set: every bit of its words).
    static func written(_ s: PersonSet) -> Int {
        switch s.storage {
        case .sorted(let a): a.count
        case .bitmap(let v): 64 * v.count
        }
    }

    /// Leaves `words` all zero after `sets` were counted into it: the words they touched one by one, or, with `wipe`,
    /// every word — clearing number by number costs a random write each, so past a few per word a wipe is cheaper.
    static func clear(_ words: inout [UInt64], after sets: [PersonSet], wipe: Bool) {
        if wipe {
            words.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            return
        }
        for s in sets {
            switch s.storage {
            case .sorted(let a): for x in a { words[Int(x >> 6)] = 0 }
            case .bitmap(let v): for i in v.indices { words[i] = 0 }
            }
        }
    }

    /// Sets the numbers of `sets` in `words` (grown as needed) and returns how many were not set before.
    static func unionCount(_ sets: [PersonSet], into words: inout [UInt64]) -> Int {
        var n = 0
        for s in sets {
            switch s.storage {
            case .sorted(let a):
                if let last = a.last, Int(last) / 64 >= words.count { words += [UInt64](repeating: 0, count: Int(last) / 64 + 1 - words.count) }
                words.withUnsafeMutableBufferPointer { w in
                    for x in a {
                        // Branch-free: most numbers are new, but not predictably so.
                        let i = Int(x >> 6), shift = UInt64(x & 63)
                        n += Int(~w[i] >> shift & 1)
                        w[i] |= 1 << shift
                    }
                }
            case .bitmap(let v):
                if v.count > words.count { words += [UInt64](repeating: 0, count: v.count - words.count) }
                for (i, x) in v.enumerated() { n += (x & ~words[i]).nonzeroBitCount; words[i] |= x }
            }
        }
        return n
    }

    /// A union built in place: many day sets folded into one bitmap, then counted or turned into a set.
    public struct Accumulator: Sendable {
        var words: [UInt64] = []

        public init() {}

        public mutating func formUnion(_ s: PersonSet) {
            switch s.storage {
            case .sorted(let a): PersonSet.set(a, in: &words)
            case .bitmap(let w):
                if w.count > words.count { words += [UInt64](repeating: 0, count: w.count - words.count) }
                for (i, x) in w.enumerated() { words[i] |= x }
            }
        }

        public mutating func insert(_ n: UInt32) { PersonSet.set([n], in: &words) }

        /// Empties the union, keeping its memory for the next one.
        public mutating func removeAll() { for i in words.indices { words[i] = 0 } }

        public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
        public var set: PersonSet { PersonSet(words: words) }
    }
}
