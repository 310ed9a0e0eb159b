import Accounts
import HTTPServer
import QuestionFormats
import Questions

extension Handlers {
    func handleListQuestions(_ request: Request, _ context: AppContext) throws -> Response {
        let q = request.query
        func enumValue<T: RawRepresentable>(_ name: String, _: T.Type) throws(HTTPError) -> T? where T.RawValue == String {
            guard let raw = q[name], !raw.isEmpty else { return nil }
            guard let value = T(rawValue: raw) else { throw .badRequest("Unknown \(name) \(raw)", code: "bad_query") }
            return value
        }
        let difficulty = try intQuery(request, "difficulty")
        if let difficulty, !(1...5).contains(difficulty) { throw HTTPError.badRequest("difficulty must be 1–5", code: "bad_query") }
        let query = QuestionQuery(text: q["q"], type: try enumValue("type", QuestionType.self),
                                  status: try enumValue("status", QuestionStatus.self), bankId: try intQuery(request, "bankId"),
                                  category: q["category"].nonEmpty, topic: q["topic"].nonEmpty, law: q["law"].nonEmpty,
                                  difficulty: difficulty, audience: q["audience"].nonEmpty,
                                  page: try intQuery(request, "page") ?? 1, pageSize: try intQuery(request, "pageSize") ?? 20)
        let page = try store.search(query)
        return .json(PageDTO(Page(items: page.items, total: page.total, page: page.page, pageSize: page.pageSize)) {
            QuestionDTO($0)
        })
    }

    func handleGetQuestion(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        guard let q = try store.question(id: id) else { throw QuestionError.notFound(id) }
        var dto = QuestionDTO(q, versions: try store.versions(questionId: id))
        let usage = try exams.usage(of: id)
        dto.usage = UsageDTO(attempts: usage.attempts, facility: usage.facility)
        return .json(dto)
    }

    func handleCreateQuestion(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(QuestionBody.self)
        guard let bankId = body.bankId else { throw HTTPError.unprocessable("请选择题库 / bankId is required") }
        let q = try questions.create(try body.content(), bankId: bankId, status: body.status ?? .draft, editor: context.editor)
        return .json(QuestionDTO(q), status: 201)
    }

    func handleUpdateQuestion(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        let body = try request.decode(QuestionBody.self)
        guard let expected = body.expectedVersion else {
            throw HTTPError.unprocessable("缺少 expectedVersion（开始编辑时的版本号）/ expectedVersion is required: the version you started editing from")
        }
        guard let current = try store.question(id: id) else { throw QuestionError.notFound(id) }
        let q = try questions.update(id: id, content: try body.content(), status: body.status ?? current.status,
                                     expectedVersion: expected, note: body.note, editor: context.editor)
        return .json(QuestionDTO(q, versions: try store.versions(questionId: id)))
    }

    func handleListBanks(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ItemsDTO(items: try store.banks()))
    }

    func handleListCategories(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ItemsDTO(items: try store.categoryPaths()))
    }

    /// The file is the raw body; `filename` (for the format and error locations), `format` and `dryRun` are query arguments.
    func handleImportQuestions(_ request: Request, _ context: AppContext) throws -> Response {
        let filename = request.query["filename"].nonEmpty ?? "upload"
        let format = try request.query["format"].nonEmpty.map { raw throws(HTTPError) -> QuestionFileFormat in
            guard let f = QuestionFileFormat(rawValue: raw) else { throw .badRequest("Unknown format \(raw)", code: "bad_query") }
            return f
        }
        guard !request.body.isEmpty else { throw HTTPError.badRequest("The file is empty", code: "empty_file") }
        let dryRun = ["1", "true", "yes"].contains(request.query["dryRun"] ?? "")
        do {
            let report = try questions.importFile(request.body, filename: filename, format: format, dryRun: dryRun,
                                                  editor: context.editor)
            return .json(ImportReportDTO(report), status: dryRun ? 200 : 201)
        } catch QuestionError.importFailed(let problems) {
            return .json(ImportFailureDTO(problems), status: 422)
        }
    }

    func handleExportQuestions(_ request: Request, _ context: AppContext) throws -> Response {
        let raw = request.query["format"].nonEmpty ?? "native"
        guard let format = QuestionFileFormat(rawValue: raw) else { throw HTTPError.badRequest("Unknown format \(raw)", code: "bad_query") }
        let file = try questions.export(bankId: try intQuery(request, "bankId"), format: format)
        let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "questions"
        return Response(status: 200, headers: Headers([("Content-Type", format.contentType),
                                                       ("Content-Disposition", "attachment; filename*=UTF-8''\(encoded)")]),
                        body: .bytes(file.bytes))
    }
}

extension AppContext {
    var editor: Editor { Editor(userId: user?.id, name: user?.username ?? "anonymous", requestId: requestId) }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}

import Foundation
