import Accounts
import Content
import Foundation
import HTTPServer
import Markdown
import Persistence
import QuestionFormats
import Questions
import Quizzes
import Secrets

/// Teaching material: anyone reads what is published; editors (content.manage) write, preview and import.
extension Handlers {
    func handleListContent(_ request: Request, _ context: AppContext) throws -> Response {
        let items = try content.published(audience: request.query["audience"], topic: request.query["topic"], text: request.query["q"],
                                          limit: try intQuery(request, "limit"))
        return .json(ListDTO(items: items.map { ContentSummaryDTO($0) }))
    }

    func handleGetContent(_ request: Request, _ context: AppContext) throws -> Response {
        let slug = try request.parameter("slug")
        let today = QuizDay.of(clock.nowMillis())
        guard let record = try store.content(slug: slug), record.status == .published, record.meta.isLive(on: today) else {
            throw ContentError.notFound(slug)
        }
        return .json(ContentDTO(record, staff: false))
    }

    func handleStaffContentList(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ListDTO(items: try store.allContent().map { ContentSummaryDTO($0) }))
    }

    func handleStaffContent(_ request: Request, _ context: AppContext) throws -> Response {
        let slug = try request.parameter("slug")
        guard let record = try store.content(slug: slug) else { throw ContentError.notFound(slug) }
        var dto = ContentDTO(record, staff: true)
        dto.versions = try store.contentVersions(id: record.id).map {
            .init(version: $0.version, author: $0.author, note: $0.note, createdAt: Date(millis: $0.createdAt))
        }
        return .json(dto)
    }

    func handleSaveContent(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(ContentInputDTO.self)
        let slug = try request.parameter("slug")
        let existing = try store.content(slug: slug)
        let existed = existing != nil
        // Leaving status out keeps the piece's status; a new piece is published.
        let record = try content.save(body.piece(slug: slug), status: body.status ?? existing?.status ?? .published,
                                      expectedVersion: body.expectedVersion,
                                      note: body.note, author: context.actor.name, actor: context.actor)
        return .json(ContentDTO(record, staff: true), status: existed ? 200 : 201)
    }

    func handlePreviewContent(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(ContentPreviewBody.self)
        guard body.body.count <= ContentRules.maxBodyCharacters else {
            throw ContentError.invalid(["正文过长 / the body is too long"])
        }
        return .json(["html": Markdown.html(body.body)])
    }

    func handleImportContent(_ request: Request, _ context: AppContext) throws -> Response {
        let name = request.query["filename"].nonEmpty ?? "upload.md"
        guard !request.body.isEmpty else { throw HTTPError.badRequest("The file is empty", code: "empty_file") }
        guard let text = String(validating: request.body, as: UTF8.self) else {
            return .json(ImportFailureDTO([ImportProblem(SourceLocation(file: name, line: 1), "文件不是 UTF-8 文本 / the file is not UTF-8 text")],
                                          zh: "未导入任何内容", en: "nothing was imported"), status: 422)
        }
        let dryRun = ["1", "true", "yes"].contains(request.query["dryRun"] ?? "")
        do {
            let results = try content.importFiles([(name, text)], dryRun: dryRun, author: context.actor.name, actor: context.actor)
            return .json(ListDTO(items: results.map { ["slug": $0.slug, "action": $0.write.rawValue] }), status: dryRun ? 200 : 201)
        } catch let failure as ContentImportFailed {
            return .json(ImportFailureDTO(failure.problems, zh: "未导入任何内容", en: "nothing was imported"), status: 422)
        }
    }
}

struct ContentPreviewBody: Decodable { var body: String }

/// A piece as the console sends it.
struct ContentInputDTO: Decodable {
    var title: String
    var summary: String
    var topics: [String]
    var audiences: [String]
    var regions: [String]?
    var basis: [String]
    var publish: String?
    var expire: String?
    var questions: [String]?
    var body: String
    var status: ContentRecord.Status?
    var expectedVersion: Int?
    var note: String?

    func piece(slug: String) -> ContentPiece {
        ContentPiece(meta: ContentMeta(slug: slug, title: title.trimmingCharacters(in: .whitespaces), summary: summary, topics: topics,
                                       audiences: audiences, regions: regions ?? [], basis: basis, publish: publish.nonEmpty,
                                       expire: expire.nonEmpty, questions: questions ?? []), body: body)
    }
}

struct ContentSummaryDTO: Encodable {
    var slug: String
    var title: String
    var summary: String
    var topics: [String]
    var audiences: [String]
    var basis: [String]
    var publish: String?
    var expire: String?
    var status: ContentRecord.Status
    var version: Int
    var updatedAt: Date

    init(_ r: ContentRecord) {
        slug = r.meta.slug; title = r.meta.title; summary = r.meta.summary; topics = r.meta.topics; audiences = r.meta.audiences
        basis = r.meta.basis; publish = r.meta.publish; expire = r.meta.expire; status = r.status; version = r.version
        updatedAt = Date(millis: r.updatedAt)
    }
}

/// A piece to read (HTML from cmark-gfm's safe mode) or, for staff, to edit (with its Markdown and versions).
struct ContentDTO: Encodable {
    struct Version: Encodable { var version: Int; var author: String?; var note: String?; var createdAt: Date }
    var slug: String
    var title: String
    var summary: String
    var topics: [String]
    var audiences: [String]
    var regions: [String]
    var basis: [String]
    var publish: String?
    var expire: String?
    var questions: [String]
    var html: String
    var version: Int
    var status: ContentRecord.Status
    var updatedAt: Date
    var body: String?
    var versions: [Version]?

    init(_ r: ContentRecord, staff: Bool) {
        let m = r.meta
        slug = m.slug; title = m.title; summary = m.summary; topics = m.topics; audiences = m.audiences; regions = m.regions
        basis = m.basis; publish = m.publish; expire = m.expire; questions = m.questions; html = r.html; version = r.version
        status = r.status; updatedAt = Date(millis: r.updatedAt); body = staff ? r.body : nil
    }
}

/// Images for teaching material: editors upload (checked by their bytes), anyone fetches by digest.
extension Handlers {
    func handleUploadMedia(_ request: Request, _ context: AppContext) throws -> Response {
        let declared = request.headers["Content-Type"].map { String($0.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces).lowercased() }
        let info = try ImageCheck.check(request.body, declared: declared).get()
        let digest = Sodium.digest(request.body)
        try store.saveMedia(request.body, info: info, digest: digest, now: clock.nowMillis(), actor: context.actor)
        return .json(MediaDTO(url: "/media/\(digest).\(info.ext)", mime: info.mime, size: request.body.count, width: info.width,
                              height: info.height), status: 201)
    }

    func handleGetMedia(_ request: Request, _ context: AppContext) throws -> Response {
        let file = try request.parameter("file")
        let digest = String(file.split(separator: ".", maxSplits: 1)[0])
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit), let media = try store.media(digest: digest) else {
            throw HTTPError(404, code: "not_found", message: "没有这张图片 / no such image")
        }
        // Immutable: the address is the digest of the bytes.
        return Response(status: 200, headers: Headers([("Content-Type", media.mime), ("Cache-Control", "public, max-age=31536000, immutable"),
                                                       ("X-Content-Type-Options", "nosniff"), ("Content-Security-Policy", "default-src 'none'")]),
                        body: .bytes(media.bytes))
    }
}

struct MediaDTO: Encodable {
    var url: String
    var mime: String
    var size: Int
    var width: Int
    var height: Int
}
