import Accounts
import Exams
import ItemAnalysis
import Foundation
import HTTPServer

/// Organizer routes: setup, roster, publishing, reports.
extension Handlers {
    func handleListExams(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ItemsDTO(items: try exams.exams(for: try context.requireUser()).map(ExamDTO.init)))
    }

    func handleCreateExam(_ request: Request, _ context: AppContext) throws -> Response {
        let settings = try request.decode(ExamInputDTO.self).settings()
        return .json(ExamDTO(try exams.create(settings, by: try context.requireUser())), status: 201)
    }

    func handleGetExam(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ExamDTO(try exams.managedExam(try request.intParameter("id"), try context.requireUser())))
    }

    func handleUpdateExam(_ request: Request, _ context: AppContext) throws -> Response {
        let settings = try request.decode(ExamInputDTO.self).settings()
        return .json(ExamDTO(try exams.update(try request.intParameter("id"), settings, by: try context.requireUser())))
    }

    func handleSetRoster(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(RosterBody.self)
        let roster = try exams.setRoster(try request.intParameter("id"), unitIds: body.unitIds ?? [], usernames: body.usernames ?? [],
                                         by: try context.requireUser())
        return .json(RosterDTO(items: roster.map(RosterEntryDTO.init), total: roster.count, unitIds: body.unitIds ?? []))
    }

    func handleGetRoster(_ request: Request, _ context: AppContext) throws -> Response {
        let exam = try exams.managedExam(try request.intParameter("id"), try context.requireUser())
        let roster = try store.roster(examId: exam.id)
        return .json(RosterDTO(items: roster.map(RosterEntryDTO.init), total: roster.count,
                               unitIds: try store.rosterUnits(examId: exam.id)))
    }

    func handleImportRoster(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        guard !request.body.isEmpty else { throw HTTPError.badRequest("The file is empty", code: "empty_file") }
        let dryRun = ["1", "true", "yes"].contains(request.query["dryRun"] ?? "")
        do {
            let result = try exams.importRoster(id, bytes: request.body, filename: request.query["filename"].nonEmpty ?? "upload",
                                                dryRun: dryRun, by: try context.requireUser(), actor: context.actor,
                                                hash: accounts.hashPasswords)
            return .json(RosterImportDTO(result, rosterTotal: try store.roster(examId: id).count), status: dryRun ? 200 : 201)
        } catch let failure as RosterImportFailed {
            return .json(ImportFailureDTO(failure.problems, zh: "名单和账号都未改变", en: "nothing was changed"), status: 422)
        }
    }

    func handlePublishExam(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ExamDTO(try exams.publish(try request.intParameter("id"), by: try context.requireUser())))
    }

    func handleExamReport(_ request: Request, _ context: AppContext) throws -> Response {
        .json(try report(request, context))
    }

    func handleExportReport(_ request: Request, _ context: AppContext) throws -> Response {
        let format = request.query["format"].nonEmpty ?? "xlsx"
        guard format == "xlsx" else { throw HTTPError.badRequest("Unknown format \(format); use xlsx", code: "bad_query") }
        let report = try report(request, context)
        let encoded = ReportWorkbook.filename(report).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "report.xlsx"
        return Response(status: 200, headers: Headers([
            ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("Content-Disposition", "attachment; filename=\"report.xlsx\"; filename*=UTF-8''\(encoded)")]),
            body: .bytes(try ReportWorkbook.bytes(report)))
    }

    private func report(_ request: Request, _ context: AppContext) throws -> ReportDTO {
        let exam = try exams.managedExam(try request.intParameter("id"), try context.requireUser())
        let units = try store.units().map { (id: $0.id, parentId: $0.parentId, name: $0.name) }
        let report = ExamReportBuilder.build(rows: try store.reportRows(examId: exam.id), units: units,
                                             counting: exam.settings.counting)
        return ReportDTO(exam: exam, report: report, events: try store.eventCounts(examId: exam.id), now: clock.nowMillis())
    }
}

struct RosterDTO: Encodable { var items: [RosterEntryDTO]; var total: Int; var unitIds: [Int] }

struct RosterImportDTO: Encodable {
    var dryRun: Bool
    var rows: Int
    var created: Int
    var updated: Int
    var added: Int
    var rosterTotal: Int
    var credentials: [RosterImportResult.Credential]

    init(_ result: RosterImportResult, rosterTotal: Int) {
        dryRun = result.dryRun
        rows = result.rows
        created = result.created
        updated = result.updated
        added = result.added
        self.rosterTotal = rosterTotal
        credentials = result.credentials
    }
}

struct RegradeBody: Decodable { var questionId: Int; var dryRun: Bool?; var expectedVersion: Int? }

struct RegradeDTO: Encodable {
    struct Change: Encodable { var attemptId: Int; var userId: Int; var username: String; var displayName: String; var oldScore: Double; var newScore: Double; var oldPassed: Bool; var newPassed: Bool }
    var questionId: Int
    var toVersion: Int
    var attemptsChecked: Int
    var applied: Bool
    var changes: [Change]
}

extension Handlers {
    /// An explicit, audited regrade after a question's key changed.
    func handleRegrade(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(RegradeBody.self)
        let examId = try request.intParameter("id")
        let r = try exams.regrade(examId: examId, questionId: body.questionId, dryRun: body.dryRun ?? false,
                                  expectedVersion: body.expectedVersion, by: try context.requireUser(), actor: context.actor)
        let people = Dictionary(try store.roster(examId: examId).map { ($0.userId, $0) }, uniquingKeysWith: { a, _ in a })
        return .json(RegradeDTO(questionId: r.questionId, toVersion: r.toVersion, attemptsChecked: r.attemptsChecked, applied: r.applied,
                                changes: r.changes.map { .init(attemptId: $0.attemptId, userId: $0.userId,
                                                               username: people[$0.userId]?.username ?? "",
                                                               displayName: people[$0.userId]?.displayName ?? "",
                                                               oldScore: $0.oldScore, newScore: $0.newScore,
                                                               oldPassed: $0.oldPassed, newPassed: $0.newPassed) }))
    }
}

struct ExamStatisticsDTO: Encodable {
    struct Question: Encodable {
        var questionId: Int
        var type: String
        var stem: String
        var maxMark: Double
        var facility: Double?
        var sd: Double?
        var randomGuessScore: Double?
        var intendedWeight: Double?
        var effectiveWeight: Double?
        var discriminationIndex: Double?
        var discriminativeEfficiency: Double?
        var weakDiscrimination: Bool
        var responses: [Option]?
    }
    struct Option: Encodable { var option: String; var count: Int }
    struct Test: Encodable {
        var attempts: Int
        var mean: Double?
        var median: Double?
        var sd: Double?
        var skewness: Double?
        var kurtosis: Double?
        var cic: Double?
        var errorRatio: Double?
        var standardError: Double?
    }
    var test: Test
    var questions: [Question]
}

extension Handlers {
    /// Item analysis with Moodle's quiz-statistics definitions, over each candidate's counted attempt.
    func handleExamStatistics(_ request: Request, _ context: AppContext) throws -> Response {
        let s = try exams.statistics(examId: try request.intParameter("id"), by: try context.requireUser())
        let t = s.test
        let questions = s.marks.questionIds.enumerated().compactMap { column, id -> ExamStatisticsDTO.Question? in
            guard column < s.questions.count else { return nil }
            let q = s.questions[column], content = s.contents[id]
            return ExamStatisticsDTO.Question(
                questionId: id, type: content?.type.rawValue ?? "", stem: String((content?.stem ?? "").prefix(80)),
                maxMark: s.marks.maxMarks[column], facility: q.facility, sd: q.sd, randomGuessScore: q.randomGuessScore,
                intendedWeight: q.intendedWeight, effectiveWeight: q.effectiveWeight, discriminationIndex: q.discriminationIndex,
                discriminativeEfficiency: q.discriminativeEfficiency, weakDiscrimination: q.weakDiscrimination,
                responses: s.marks.optionCounts[column]?.map { .init(option: $0.option, count: $0.count) })
        }
        return .json(ExamStatisticsDTO(test: .init(attempts: t.attempts, mean: t.mean, median: t.median, sd: t.sd, skewness: t.skewness,
                                                   kurtosis: t.kurtosis, cic: t.cic, errorRatio: t.errorRatio,
                                                   standardError: t.standardError),
                                       questions: questions))
    }
}

struct OverrideBody: Decodable { var usernames: [String]?; var unitIds: [Int]?; var extraMinutes: Int?; var closesAt: String? }
struct OverrideDTO: Encodable { var userId: Int; var username: String; var displayName: String; var unitName: String?; var extraMinutes: Int; var closesAt: Date? }

extension Handlers {
    func handleSetOverrides(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(OverrideBody.self)
        let id = try request.intParameter("id")
        let override = Override(extraMinutes: body.extraMinutes ?? 0,
                                closesAt: try body.closesAt.map { try ISOTime.parse($0, field: "closesAt") })
        try exams.setOverrides(id, usernames: body.usernames ?? [], unitIds: body.unitIds ?? [], override: override,
                               by: try context.requireUser())
        return try handleGetOverrides(request, context)
    }

    func handleGetOverrides(_ request: Request, _ context: AppContext) throws -> Response {
        let exam = try exams.managedExam(try request.intParameter("id"), try context.requireUser())
        return .json(ItemsDTO(items: try store.overrides(examId: exam.id).map {
            OverrideDTO(userId: $0.entry.userId, username: $0.entry.username, displayName: $0.entry.displayName,
                        unitName: $0.entry.unitName, extraMinutes: $0.override.extraMinutes,
                        closesAt: $0.override.closesAt.map(Date.init(millis:)))
        }))
    }
}

struct MarkBody: Decodable { var mark: Double; var comment: String? }
struct MarkingItemDTO: Encodable {
    var attemptId: Int; var candidate: String; var slot: Int; var stem: String; var reference: String; var rubric: [String]
    var points: Double; var answer: String; var mark: Double?
}

extension Handlers {
    func handleMarkingQueue(_ request: Request, _ context: AppContext) throws -> Response {
        let items = try exams.markingQueue(examId: try request.intParameter("id"), by: try context.requireUser())
        return .json(ItemsDTO(items: items.map {
            var reference = ""
            if case .reference(let text) = $0.question.key { reference = text }
            return MarkingItemDTO(attemptId: $0.attemptId, candidate: $0.candidate, slot: $0.slot, stem: $0.question.stem,
                                  reference: reference, rubric: $0.question.rubric, points: $0.points, answer: $0.answer, mark: $0.mark)
        }))
    }

    func handleMark(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(MarkBody.self)
        let attempt = try exams.mark(attemptId: try request.intParameter("id"), slot: try request.intParameter("slot"), mark: body.mark,
                                     comment: body.comment, by: try context.requireUser())
        return .json(MarkResultDTO(attemptId: attempt.id, score: attempt.score, maxScore: attempt.maxScore, passed: attempt.passed))
    }
}

struct MarkResultDTO: Encodable { var attemptId: Int; var score: Double?; var maxScore: Double; var passed: Bool? }

struct MakeupBody: Decodable { var title: String?; var opensAt: String; var closesAt: String }

extension Handlers {
    func handleCreateMakeup(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(MakeupBody.self)
        let exam = try exams.createMakeup(of: try request.intParameter("id"), title: body.title,
                                          opensAt: try ISOTime.parse(body.opensAt, field: "opensAt"),
                                          closesAt: try ISOTime.parse(body.closesAt, field: "closesAt"), by: try context.requireUser())
        return .json(ExamDTO(exam), status: 201)
    }
}
