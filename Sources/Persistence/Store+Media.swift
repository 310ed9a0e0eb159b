import Accounts
import Content
import Database

extension Store {
    /// Keeps an uploaded image under the digest of its bytes (the same image uploaded twice is kept once), with an
    /// audit entry.
    public func saveMedia(_ bytes: [UInt8], info: ImageInfo, digest: String, now: Int64, actor: Actor) throws {
        try pool.write { db in
            let added = try db.run(ContentSQL.insertMedia, [digest, info.mime, bytes.count, info.width, info.height, bytes, actor.name, now])
            if added > 0 {
                try audit(db, actor, "media.upload", "media", digest, before: nil,
                          after: Self.json(["mime": info.mime, "size": String(bytes.count), "width": String(info.width),
                                            "height": String(info.height)]), now: now)
            }
        }
    }

    /// An image's type and bytes, or nil.
    public func media(digest: String) throws -> (mime: String, bytes: [UInt8])? {
        try pool.read { db in
            guard let row = try db.queryOne(ContentSQL.mediaByDigest, [digest]) else { return nil }
            guard case .text(let mime) = row["mime"], case .blob(let bytes) = row["bytes"] else { return nil }
            return (mime, bytes)
        }
    }
}
