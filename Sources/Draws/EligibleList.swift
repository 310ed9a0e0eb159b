/// One participant who qualified for the draw, as published before the draw: identifiable by the participant,
/// not by the public (the phone number is masked).
public struct EligibleEntry: Codable, Hashable, Sendable {
    /// The system's id for the entry (an attempt or submission id); unique within a list.
    public var entryId: String
    /// The phone number with its middle digits hidden, e.g. `138****5678`.
    public var maskedPhone: String
    /// Display name; not part of the canonical text.
    public var nickname: String
    /// Region as given by the participant; not part of the canonical text.
    public var region: String

    public init(entryId: String, maskedPhone: String, nickname: String = "", region: String = "") {
        self.entryId = entryId
        self.maskedPhone = maskedPhone
        self.nickname = nickname
        self.region = region
    }
}

/// The eligible list of a round in pool order: entries sorted by entry id, numbered 1…N by the draw.
///
/// Its ``canonicalText`` — one line `entryId<TAB>maskedPhone<LF>` per entry — is what is published, and its
/// ``digest()`` goes into the draw's key, so the winners depend on exactly this list. Ids are ordered by their
/// UTF-8 bytes (not by locale or Unicode collation), so a verifier in any language sorts them the same way.
public struct EligibleList: Codable, Hashable, Sendable {
    /// The entries in pool order; position `p` (1-based) in a selection is `entries[p - 1]`.
    public let entries: [EligibleEntry]

    /// Sorts `entries` into pool order. Throws ``DrawError/duplicateEntryId(_:)`` when an id repeats and
    /// ``DrawError/invalidEntry(entryId:reason:)`` when a field would break the canonical text.
    public init(_ entries: [EligibleEntry]) throws {
        for entry in entries {
            if entry.entryId.isEmpty {
                throw DrawError.invalidEntry(entryId: entry.entryId, reason: "the entry id is empty")
            }
            for (field, value) in [("entry id", entry.entryId), ("masked phone", entry.maskedPhone)]
            where value.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                throw DrawError.invalidEntry(entryId: entry.entryId, reason: "the \(field) contains a tab or line break")
            }
        }
        let sorted = entries.sorted { $0.entryId.utf8.lexicographicallyPrecedes($1.entryId.utf8) }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.entryId.utf8.elementsEqual(b.entryId.utf8) {
            throw DrawError.duplicateEntryId(a.entryId)
        }
        self.entries = sorted
    }

    // Decoding goes through the same checks as building, so a tampered file cannot smuggle in an unsorted list.
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode([EligibleEntry].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    /// Number of entries, N.
    public var count: Int { entries.count }

    /// One line `entryId<TAB>maskedPhone<LF>` per entry, in pool order: the published form of the list.
    public var canonicalText: String {
        entries.map { "\($0.entryId)\t\($0.maskedPhone)\n" }.joined()
    }

    /// Lower-case hex SHA-256 of the UTF-8 ``canonicalText``.
    public func digest() -> String {
        Digest.sha256Hex(canonicalText)
    }
}
