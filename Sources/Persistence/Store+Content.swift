import Accounts
import Content
import Database
import Foundation

/// A stored piece of teaching material at its current version.
public struct ContentRecord: Sendable, Equatable {
    public enum Status: String, Sendable, Codable { case draft, published, retired }

    public var id: Int
    public var status: Status
    public var version: Int
    public var updatedAt: Int64
    public var meta: ContentMeta
    public var body: String
    public var html: String
    public var fingerprint: String
}

/// What storing a piece did.
public enum ContentWrite: String, Sendable { case added, newVersion = "new_version", unchanged }

/// A piece ready to store: its rendered HTML and a fingerprint of meta and body (equal fingerprints = no new version).
public struct ContentDraft: Sendable {
    public var piece: ContentPiece
    public var html: String
    public var fingerprint: String
    public var status: ContentRecord.Status

    public init(piece: ContentPiece, html: String, fingerprint: String, status: ContentRecord.Status = .published) {
        self.piece = piece
        self.html = html
        self.fingerprint = fingerprint
        self.status = status
    }
}

extension Store {
    public func contentCount() throws -> Int {
        try pool.read { try $0.scalar(ContentSQL.count).int ?? 0 }
    }

    /// Stores pieces in one transaction (an import is all or nothing): new slugs are added, changed ones get a new
    /// version, identical ones are left alone. With `expectedVersion` a piece changed since is refused (stale).
    public func saveContent(_ drafts: [ContentDraft], author: String, note: String?, expectedVersion: Int? = nil, now: Int64,
                            actor: Actor) throws -> [(slug: String, write: ContentWrite, record: ContentRecord)] {
        try pool.write { db in
            var results: [(String, ContentWrite, ContentRecord)] = []
            for draft in drafts {
                let meta = draft.piece.meta
                let metaJSON = String(decoding: try JSONEncoder().encode(meta), as: UTF8.self)
                let existing = try db.queryOne(ContentSQL.bySlug, [meta.slug]).map(Self.contentRecord)
                let write: ContentWrite
                let id: Int
                if let existing {
                    if let expectedVersion, expectedVersion != existing.version {
                        throw ContentStoreError.stale(current: existing.version)
                    }
                    id = existing.id
                    if existing.fingerprint == draft.fingerprint && existing.status == draft.status {
                        results.append((meta.slug, .unchanged, existing))
                        continue
                    }
                    let version = existing.version + (existing.fingerprint == draft.fingerprint ? 0 : 1)
                    if version != existing.version {
                        try db.run(ContentSQL.insertVersion, [id, version, metaJSON, draft.piece.body, draft.html, draft.fingerprint,
                                                              author, note, now])
                    }
                    try db.run(ContentSQL.update, [version, draft.status.rawValue, meta.title, meta.publish, meta.expire, now, id])
                    write = .newVersion
                } else {
                    try db.run(ContentSQL.insert, [meta.slug, draft.status.rawValue, meta.title, meta.publish, meta.expire, now, now])
                    id = Int(db.lastInsertRowID)
                    try db.run(ContentSQL.insertVersion, [id, 1, metaJSON, draft.piece.body, draft.html, draft.fingerprint, author, note, now])
                    write = .added
                }
                guard let record = try db.queryOne(ContentSQL.byId, [id]).map(Self.contentRecord) else { throw ContentStoreError.stale(current: 0) }
                try audit(db, actor, write == .added ? "content.create" : "content.update", "content", meta.slug, before: nil,
                          after: "{\"version\":\(record.version)}", now: now)
                results.append((meta.slug, write, record))
            }
            return results
        }
    }

    public func content(slug: String) throws -> ContentRecord? {
        try pool.read { try $0.queryOne(ContentSQL.bySlug, [slug]).map(Self.contentRecord) }
    }

    public func allContent() throws -> [ContentRecord] {
        try pool.read { try $0.query(ContentSQL.all).map(Self.contentRecord) }
    }

    public func contentVersions(id: Int) throws -> [(version: Int, author: String?, note: String?, createdAt: Int64)] {
        try pool.read { db in
            try db.query(ContentSQL.versions, [id]).map {
                ($0.int("version") ?? 0, $0.string("author"), $0.string("note"), $0.int64("created_at") ?? 0)
            }
        }
    }

    static func contentRecord(_ row: Row) -> ContentRecord {
        let meta = (try? JSONDecoder().decode(ContentMeta.self, from: Data((row.string("meta_json") ?? "{}").utf8)))
            ?? ContentMeta(slug: row.string("slug") ?? "", title: "", summary: "", topics: [], audiences: [], basis: [])
        return ContentRecord(id: row.int("id") ?? 0, status: ContentRecord.Status(rawValue: row.string("status") ?? "") ?? .draft,
                             version: row.int("version") ?? 1, updatedAt: row.int64("updated_at") ?? 0, meta: meta,
                             body: row.string("body") ?? "", html: row.string("html") ?? "", fingerprint: row.string("fingerprint") ?? "")
    }
}

public enum ContentStoreError: Error, Equatable {
    /// The piece was changed since the version the editor started from.
    case stale(current: Int)
}
