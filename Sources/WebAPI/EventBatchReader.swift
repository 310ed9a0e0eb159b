/// Reads the one JSON shape `recordEvents` takes into an `EventBatchDTO`, without Foundation's `JSONDecoder`: a batch
/// is read on every beacon, and the general decoder (a `Data` copy, a parsed tree, a `Decoder` per value) was most of
/// the request's cost. Pure: bytes in, a batch or `Malformed` out.
///
/// It accepts exactly what `JSONDecoder().decode(EventBatchDTO.self, …)` accepts for this shape (a test checks the two
/// agree on random batches): strict RFC 8259 JSON, whitespace around any token, keys in any order, `null` for an
/// absent optional, `\uXXXX` escapes (a surrogate must be a whole pair) and valid UTF-8 in strings, integers given as
/// `15.0` or `1e2` when they are whole and in range, nothing after the object. It is stricter than `JSONDecoder` in
/// two ways no JSON writer meets: a trailing comma (`[1,]`) and a bad escape in a string under an unknown key are
/// refused, as RFC 8259 says. Where it chooses:
/// - unknown keys are skipped, with any JSON value under them (the page may add fields before the server knows them);
/// - a key given twice counts with its last value;
/// - nesting deeper than `maxDepth` is refused (the batch itself needs three levels);
/// - any number of events is read (the body is at most 64 KB); `EventService.record` refuses more than 50.
enum EventBatchReader {
    static let maxDepth = 16

    /// Why a body is not a batch, and where (for the tests; the client sees `malformed_batch`).
    struct Malformed: Error, Equatable {
        var reason: String
        var offset: Int
    }

    static func read(_ bytes: [UInt8]) throws(Malformed) -> EventBatchDTO {
        let result: Result<EventBatchDTO, Malformed> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONBytes(buffer)
            do throws(Malformed) { return .success(try reader.batch()) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

extension JSONBytes {
    mutating func batch() throws(EventBatchReader.Malformed) -> EventBatchDTO {
        var device: String?, token: String?, events: [EventBatchDTO.Item]?
        try object(depth: 1) { (r: inout JSONBytes, key: Key) throws(EventBatchReader.Malformed) in
            if r.matches(key, "events") { events = try r.items() }
            else if r.matches(key, "device") { device = try r.optionalString() }
            else if r.matches(key, "token") { token = try r.optionalString() }
            else { try r.skipValue(depth: 2) }
        }
        try end()
        guard let events else { throw fail("no events") }
        return EventBatchDTO(device: device, token: token, events: events)
    }

    private mutating func items() throws(EventBatchReader.Malformed) -> [EventBatchDTO.Item] {
        var items: [EventBatchDTO.Item] = []
        items.reserveCapacity(16)
        try array(depth: 2) { (r: inout JSONBytes) throws(EventBatchReader.Malformed) in items.append(try r.item()) }
        return items
    }

    private mutating func item() throws(EventBatchReader.Malformed) -> EventBatchDTO.Item {
        var id: String?, kind: String?, content: String?, at: Int64?
        var campaign: Int?, channel: String?, seconds: Int?, depth: Double?
        try object(depth: 3) { (r: inout JSONBytes, key: Key) throws(EventBatchReader.Malformed) in
            if r.matches(key, "id") { id = try r.string() }
            else if r.matches(key, "kind") { kind = try r.string() }
            else if r.matches(key, "content") { content = try r.string() }
            else if r.matches(key, "at") { at = try r.integer() }
            else if r.matches(key, "seconds") { seconds = try r.optionalInteger().map(Int.init) }
            else if r.matches(key, "depth") { depth = try r.isNull() ? nil : r.double() }
            else if r.matches(key, "campaign") { campaign = try r.optionalInteger().map(Int.init) }
            else if r.matches(key, "channel") { channel = try r.optionalString() }
            else { try r.skipValue(depth: 4) }
        }
        guard let id, let kind, let content, let at else { throw fail("an event lacks id, kind, content or at") }
        return EventBatchDTO.Item(id: id, kind: kind, content: content, campaign: campaign, channel: channel, at: at,
                                  seconds: seconds, depth: depth)
    }

    private mutating func optionalString() throws(EventBatchReader.Malformed) -> String? {
        try isNull() ? nil : string()
    }

    private mutating func optionalInteger() throws(EventBatchReader.Malformed) -> Int64? {
        try isNull() ? nil : integer()
    }
}
