import Synchronization

/// The stored bytes of closed days' breakdown sets (`reach_day_sets` of one day, kind and dimension), kept in memory so
/// a month's region or unit breakdown counts its persons without reading some thirty megabytes of blobs from SQLite
/// on every load. An entry is keyed by the day's row count as well: sets are rebuilt only when late rows arrive, and
/// then the count — and so the key — changes, so an entry can never be stale. Bounded by bytes; the oldest entries go
/// first. The reach job fills it for the default dashboard range after each pass (`warmReachBreakdowns`).
final class StoredSetsCache: Sendable {
    struct Key: Hashable, Sendable {
        var day: String
        var rows: Int
        var kind: String
        var dimension: String
    }

    /// One value's set inside `bytes`.
    struct Chunk: Sendable {
        var value: Int64
        var range: Range<Int>
    }

    struct Entry: Sendable {
        var bytes: [UInt8] = []
        var chunks: [Chunk] = []

        /// Adds one value's stored set.
        mutating func append(value: Int64, set: UnsafeRawBufferPointer) {
            let start = bytes.count
            bytes.append(contentsOf: set)
            chunks.append(Chunk(value: value, range: start..<bytes.count))
        }
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var order: [Key] = []
        var bytes = 0
    }

    private let state = Mutex(State())
    let capacityBytes: Int

    init(capacityBytes: Int = 256 << 20) {
        self.capacityBytes = capacityBytes
    }

    subscript(key: Key) -> Entry? {
        state.withLock { $0.entries[key] }
    }

    /// Keeps an entry, dropping the oldest ones while the total is over capacity (an entry larger than the whole
    /// capacity is not kept).
    func insert(_ entry: Entry, for key: Key) {
        guard entry.bytes.count <= capacityBytes else { return }
        state.withLock { s in
            if let old = s.entries.updateValue(entry, forKey: key) {
                s.bytes -= old.bytes.count
                s.order.removeAll { $0 == key }
            }
            s.order.append(key)
            s.bytes += entry.bytes.count
            while s.bytes > capacityBytes, !s.order.isEmpty {
                let oldest = s.order.removeFirst()
                s.bytes -= s.entries.removeValue(forKey: oldest)?.bytes.count ?? 0
            }
        }
    }

    var totalBytes: Int { state.withLock { $0.bytes } }
}
