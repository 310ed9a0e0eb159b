import Audience
import Database
import Reach

extension Store {
    /// Persons per value of a region, unit or groups breakdown when no region, unit or group filter narrows them (a
    /// piece or campaign may): the same figures as `RangePersons.counts`, but the breakdown's stored sets — about twelve
    /// thousand per kind over a month — are counted straight from their bytes, each number read once, instead of being
    /// decoded into sets first; without a piece or campaign those bytes come from `storedSets` once read. Days without
    /// fresh sets come from memory as usual. Call inside `snapshot`.
    func streamedCounts(_ db: Connection, by: PersonDimension, from: String, to: String, kinds: [String],
                        filter pf: PersonFilter) throws -> [String: [Int64: Int]] {
        let range = try rangePersons(db, from: from, to: to, kinds: kinds, filter: pf)
        let everyone = pf.contentId == nil && pf.campaignId == nil
        // Per day and kind, the persons the piece or campaign filter keeps (nil: everyone, no check needed).
        var probes: [String: PersonSet.Probe] = [:]
        func probe(_ day: String, _ kind: String) -> PersonSet.Probe?? {
            if everyone { return .some(nil) }
            if let p = probes[day + kind] { return p }
            let base = range.persons(kind, pf, on: day)
            guard !base.isEmpty else { return nil }
            let p = PersonSet.Probe(base)
            probes[day + kind] = p
            return p
        }
        struct Key: Hashable { var kind: String, value: Int64 }
        // Everyone: the stored bytes of each day and kind (from memory once read), counted later; a piece or campaign:
        // the few persons of each set it keeps, picked while the bytes are still in cache.
        var entries: [StoredSetsCache.Entry] = [], chunks: [Key: [(entry: Int, range: Range<Int>)]] = [:], kept: [Key: [PersonSet]] = [:]
        if everyone {
            for (kind, entry) in try storedBytes(db, days: range.fresh, rows: range.freshRows, kinds: kinds, by: by) {
                for chunk in entry.chunks { chunks[Key(kind: kind, value: chunk.value), default: []].append((entries.count, chunk.range)) }
                entries.append(entry)
            }
        } else if !range.fresh.isEmpty {
            try db.forEachRow(ReachSetSQL.daySets, [Self.jsonArray(range.fresh), Self.jsonArray(kinds), by.rawValue, nil, nil, nil]) { row in
                guard let day = row.text(0), let kind = row.text(1), let value = row.int64(2), let p = probe(day, kind) else { return }
                let key = Key(kind: kind, value: value)
                guard let p, let s = try row.withBlob(3, { raw throws(PersonSetError) in p.intersection(try PersonSet(decoding: raw)) }),
                      !s.isEmpty else { return }
                kept[key, default: []].append(s)
            }
        }
        var keys = Set(chunks.keys).union(kept.keys)
        let liveDays = range.days.keys.filter { !range.fresh.contains($0) }
        for day in liveDays {
            for kind in kinds { for value in range.days[day]?.sets[DaySets.Slot(kind, by)]?.keys ?? [:].keys { keys.insert(Key(kind: kind, value: value)) } }
        }
        var counter = PersonSet.UnionCounter()
        var out: [String: [Int64: Int]] = [:]
        for key in keys {
            for chunk in chunks[key] ?? [] {
                try entries[chunk.entry].bytes.withUnsafeBytes { raw in
                    try counter.add(encoded: UnsafeRawBufferPointer(rebasing: raw[chunk.range]))
                }
            }
            for s in kept[key] ?? [] { counter.add(s) }
            for day in liveDays {
                guard let p = probe(day, key.kind), let s = range.days[day]?[key.kind, by, key.value] else { continue }
                counter.add(s, within: p)
            }
            let n = counter.finish()
            if n > 0 { out[key.kind, default: [:]][key.value] = n }
        }
        return out
    }

    /// Reads the stored sets of the region, unit and group breakdowns of the `days` days up to `today` (the dashboard's
    /// default range) into memory, so the first dashboard after the reach job's pass is as fast as the next. Returns
    /// the bytes kept. Run by the reach job after each pass.
    @discardableResult
    public func warmReachBreakdowns(today: String, days: Int = 30) throws -> Int {
        guard let from = BeijingDay.shift(today, by: -(days - 1)) else { return 0 }
        try pool.read { db in
            try db.snapshot {
                let days = try rangeDays(db, from: from, to: today)
                for by in [PersonDimension.region, .unit, .groups] {
                    _ = try storedBytes(db, days: days.fresh, rows: days.freshRows, kinds: ["opened", "read", "finished"], by: by)
                }
            }
        }
        return storedSets.totalBytes
    }

    /// The stored sets of fresh `days` in dimension `by`, one entry per day and kind: from memory when read before,
    /// else read in one query for the days missing and kept.
    func storedBytes(_ db: Connection, days: [String], rows: [String: Int], kinds: [String], by: PersonDimension) throws
        -> [(kind: String, entry: StoredSetsCache.Entry)] {
        func key(_ day: String, _ kind: String) -> StoredSetsCache.Key {
            StoredSetsCache.Key(day: day, rows: rows[day] ?? -1, kind: kind, dimension: by.rawValue)
        }
        var found: [(kind: String, entry: StoredSetsCache.Entry)] = [], missing: [String] = []
        for day in days {
            let cached = kinds.compactMap { kind in storedSets[key(day, kind)].map { (kind, $0) } }
            if cached.count == kinds.count { found += cached } else { missing.append(day) }
        }
        guard !missing.isEmpty else { return found }
        var read: [StoredSetsCache.Key: StoredSetsCache.Entry] = [:]
        for day in missing { for kind in kinds { read[key(day, kind)] = StoredSetsCache.Entry() } }
        try db.forEachRow(ReachSetSQL.daySets, [Self.jsonArray(missing), Self.jsonArray(kinds), by.rawValue, nil, nil, nil]) { row in
            guard let day = row.text(0), let kind = row.text(1), let value = row.int64(2) else { return }
            row.withBlob(3) { read[key(day, kind), default: StoredSetsCache.Entry()].append(value: value, set: $0) }
        }
        for (k, entry) in read {
            storedSets.insert(entry, for: k)
            found.append((k.kind, entry))
        }
        return found
    }
}
