import Audience
import Content
import Foundation
import Persistence
import Synchronization

/// Published pieces decoded once per version and kept in memory, so a feed request parses no JSON for pieces it
/// has seen (the feed's budget is a p99 under 20 ms with 1,000 eligible pieces).
final class FeedCatalog: Sendable {
    private let cache = Mutex<[Int: (version: Int, candidate: FeedCandidate)]>([:])

    /// Candidates for the rows, decoding only new or changed pieces.
    func candidates(_ rows: [FeedRow]) -> [FeedCandidate] {
        cache.withLock { cache in
            rows.map { row in
                if let hit = cache[row.id], hit.version == row.version { return hit.candidate }
                let meta = try? JSONDecoder().decode(ContentMeta.self, from: Data(row.metaJSON.utf8))
                let candidate = FeedCandidate(slug: row.slug, title: row.title, summary: meta?.summary ?? "", topics: meta?.topics ?? [],
                                              audiences: meta?.audiences ?? [], regions: meta?.regions ?? [],
                                              day: row.publishDay ?? BeijingDay.of(row.updatedAt))
                cache[row.id] = (row.version, candidate)
                return candidate
            }
        }
    }
}
