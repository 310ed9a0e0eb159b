import Database
import Reach

extension Store {
    /// Persons per value of a region, unit or groups breakdown when no region, unit or group filter narrows them (a
    /// piece or campaign may): the same figures as `RangePersons.counts`, but the breakdown's stored sets — about twelve
    /// thousand per kind over a month — are counted straight from their bytes, each number read once, instead of being
    /// decoded into sets first. Days without fresh sets come from memory as usual. Call inside `snapshot`.
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
        // Everyone: the stored bytes, counted later; a piece or campaign: the few persons of each set it keeps, picked
        // while the bytes are still in cache.
        var buffer: [UInt8] = [], chunks: [Key: [Range<Int>]] = [:], kept: [Key: [PersonSet]] = [:]
        if !range.fresh.isEmpty {
            try db.forEachRow(ReachSetSQL.daySets, [Self.jsonArray(range.fresh), Self.jsonArray(kinds), by.rawValue, nil, nil, nil]) { row in
                guard let day = row.text(0), let kind = row.text(1), let value = row.int64(2), let p = probe(day, kind) else { return }
                let key = Key(kind: kind, value: value)
                if let p {
                    guard let s = try row.withBlob(3, { raw throws(PersonSetError) in p.intersection(try PersonSet(decoding: raw)) }),
                          !s.isEmpty else { return }
                    kept[key, default: []].append(s)
                } else {
                    let start = buffer.count
                    row.withBlob(3) { buffer.append(contentsOf: $0) }
                    chunks[key, default: []].append(start..<buffer.count)
                }
            }
        }
        var keys = Set(chunks.keys).union(kept.keys)
        let liveDays = range.days.keys.filter { !range.fresh.contains($0) }
        for day in liveDays {
            for kind in kinds { for value in range.days[day]?.sets[DaySets.Slot(kind, by)]?.keys ?? [:].keys { keys.insert(Key(kind: kind, value: value)) } }
        }
        var counter = PersonSet.UnionCounter()
        var out: [String: [Int64: Int]] = [:]
        try buffer.withUnsafeBytes { raw in
            for key in keys {
                for bytes in chunks[key] ?? [] { try counter.add(encoded: UnsafeRawBufferPointer(rebasing: raw[bytes])) }
                for s in kept[key] ?? [] { counter.add(s) }
                for day in liveDays {
                    guard let p = probe(day, key.kind), let s = range.days[day]?[key.kind, by, key.value] else { continue }
                    counter.add(s, within: p)
                }
                let n = counter.finish()
                if n > 0 { out[key.kind, default: [:]][key.value] = n }
            }
        }
        return out
    }
}
