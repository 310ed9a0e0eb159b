import Accounts
import Audience
import Foundation
import HTTPServer
import Persistence

/// Study tasks (学习任务) for staff with campaigns.manage: create, list, follow completion per unit and person,
/// close, export; and the follow-ups that escalation leaves for caseworkers and unit contacts.
extension Handlers {
    func handleListStudyTasks(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ListDTO(items: try store.studyTasks().map { StudyTaskDTO($0) }))
    }

    func handleCreateStudyTask(_ request: Request, _ context: AppContext) throws -> Response {
        let input = try request.decode(StudyTaskService.Input.self)
        return .json(StudyTaskDTO(try studyTasks.create(input, actor: context.actor)), status: 201)
    }

    func handleGetStudyTask(_ request: Request, _ context: AppContext) throws -> Response {
        .json(try studyTaskDetail(request))
    }

    func handleCloseStudyTask(_ request: Request, _ context: AppContext) throws -> Response {
        .json(StudyTaskDTO(try studyTasks.close(try request.intParameter("id"), actor: context.actor)))
    }

    func handleExportStudyTaskCSV(_ request: Request, _ context: AppContext) throws -> Response {
        let detail = try studyTaskDetail(request)
        return Response(status: 200, headers: Headers([("Content-Type", "text/csv; charset=utf-8"),
                                                       ("Content-Disposition", StudyTaskWorkbook.disposition(detail, ext: "csv"))]),
                        body: .bytes(Array(StudyTaskWorkbook.csv(detail).utf8)))
    }

    func handleExportStudyTaskXLSX(_ request: Request, _ context: AppContext) throws -> Response {
        let detail = try studyTaskDetail(request)
        return Response(status: 200, headers: Headers([
            ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("Content-Disposition", StudyTaskWorkbook.disposition(detail, ext: "xlsx"))]),
                        body: .bytes(try StudyTaskWorkbook.xlsx(detail)))
    }

    func handleListFollowups(_ request: Request, _ context: AppContext) throws -> Response {
        let all = ["1", "true", "yes"].contains(request.query["all"] ?? "")
        return .json(ListDTO(items: try store.followups(all: all).map { FollowupDTO($0) }))
    }

    func handleResolveFollowup(_ request: Request, _ context: AppContext) throws -> Response {
        let id = try request.intParameter("id")
        let body = try request.decode(FollowupResolveDTO.self)
        let note = (body.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 500 else { throw StudyTaskError.invalid(["备注最多 500 字 / the note is limited to 500 characters"]) }
        _ = try store.resolveFollowup(id: id, note: note, now: clock.nowMillis(), actor: context.actor)
        guard let done = try store.followups(all: true).first(where: { $0.id == id }) else { throw StudyTaskError.notFound }
        return .json(FollowupDTO(done))
    }

    func studyTaskDetail(_ request: Request) throws -> StudyTaskDetailDTO {
        let d = try studyTasks.detail(try request.intParameter("id"))
        return StudyTaskDetailDTO(task: StudyTaskDTO(d.task), units: d.units.map(UnitCompletionDTO.init), total: UnitCompletionDTO(d.total),
                                  people: d.people.map(TaskPersonDTO.init), generatedAt: Date(millis: clock.nowMillis()))
    }
}

struct StudyTaskDTO: Encodable {
    var id: Int
    var title: String
    var slug: String
    var contentTitle: String
    var segmentId: Int?
    var deadline: Date
    var minSeconds: Int
    var remindDays: [Int]
    var escalate: Bool
    var robotIds: [Int]
    var status: String
    var createdBy: String?
    var createdAt: Date
    var assignees: Int
    var completed: Int

    init(_ t: StudyTaskRecord) {
        id = t.id; title = t.title; slug = t.slug; contentTitle = t.contentTitle; segmentId = t.segmentId
        deadline = Date(millis: t.deadline); minSeconds = t.minSeconds; remindDays = t.remindDays; escalate = t.escalate
        robotIds = t.robotIds; status = t.status; createdBy = t.createdBy; createdAt = Date(millis: t.createdAt)
        assignees = t.assignees; completed = t.completed
    }
}

struct UnitCompletionDTO: Encodable {
    var unitId: Int?
    var unitName: String
    var parentId: Int?
    var depth: Int
    var assigned: Int
    var completed: Int
    var rate: Double?

    init(_ u: UnitCompletion) {
        unitId = u.unitId; unitName = u.unitName; parentId = u.parentId; depth = u.depth; assigned = u.assigned
        completed = u.completed; rate = u.rate
    }
}

/// A person's line; the phone is masked.
struct TaskPersonDTO: Encodable {
    var profileId: Int
    var displayName: String
    var username: String?
    var unitName: String?
    var phone: String?
    var seconds: Int
    var completedAt: Date?
    var reminders: Int
    var reminded: String
    var escalation: Int

    init(_ p: TaskAssigneeRecord) {
        profileId = p.profileId; displayName = p.displayName; username = p.username; unitName = p.unitName
        phone = p.phone.map(Phone.masked); seconds = p.seconds; completedAt = p.completedAt.map(Date.init(millis:))
        reminders = p.reminders; reminded = p.reminded; escalation = p.escalation
    }
}

struct StudyTaskDetailDTO: Encodable {
    var task: StudyTaskDTO
    var units: [UnitCompletionDTO]
    var total: UnitCompletionDTO
    var people: [TaskPersonDTO]
    var generatedAt: Date
}

struct FollowupDTO: Encodable {
    var id: Int
    var taskId: Int
    var taskTitle: String
    var profileId: Int
    var displayName: String
    var username: String?
    var unitName: String?
    var createdAt: Date
    var resolvedAt: Date?
    var resolvedBy: String?
    var note: String?

    init(_ f: FollowupRecord) {
        id = f.id; taskId = f.taskId; taskTitle = f.taskTitle; profileId = f.profileId; displayName = f.displayName
        username = f.username; unitName = f.unitName; createdAt = Date(millis: f.createdAt)
        resolvedAt = f.resolvedAt.map(Date.init(millis:)); resolvedBy = f.resolvedBy; note = f.note
    }
}

struct FollowupResolveDTO: Decodable { var note: String? }
