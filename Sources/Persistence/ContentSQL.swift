/// The SQL behind teaching material, by name.
enum ContentSQL {
    static let columns = """
        c.id, c.slug, c.status, c.version, c.updated_at, v.meta_json, v.body, v.html, v.fingerprint
        """
    static let bySlug = """
        SELECT \(columns) FROM content c JOIN content_versions v ON v.content_id = c.id AND v.version = c.version WHERE c.slug = ?
        """
    static let byId = """
        SELECT \(columns) FROM content c JOIN content_versions v ON v.content_id = c.id AND v.version = c.version WHERE c.id = ?
        """
    static let all = """
        SELECT \(columns) FROM content c JOIN content_versions v ON v.content_id = c.id AND v.version = c.version
        ORDER BY coalesce(c.publish_day, '') DESC, c.id DESC
        """
    static let insert = """
        INSERT INTO content (slug, status, version, title, publish_day, expire_day, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)
        """
    static let insertVersion = """
        INSERT INTO content_versions (content_id, version, meta_json, body, html, fingerprint, author, note, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let update = """
        UPDATE content SET version = ?, status = ?, title = ?, publish_day = ?, expire_day = ?, updated_at = ? WHERE id = ?
        """
    static let versions = """
        SELECT version, author, note, created_at, fingerprint FROM content_versions WHERE content_id = ? ORDER BY version
        """
    static let count = "SELECT count(*) FROM content"

    static let insertMedia = """
        INSERT INTO media (digest, mime, size, width, height, bytes, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (digest) DO NOTHING
        """
    static let mediaByDigest = "SELECT mime, bytes FROM media WHERE digest = ?"

    static let every = [bySlug, byId, all, insert, insertVersion, update, versions, count, insertMedia, mediaByDigest]
}
