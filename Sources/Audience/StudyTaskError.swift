/// Why a study-task request was refused (mapped to HTTP statuses in WebAPI/Errors.swift).
public enum StudyTaskError: Error, Equatable, CustomStringConvertible {
    case invalid([String])
    case notFound
    case contentNotFound(String)
    /// Usernames (or profile ids) that match no one; nothing was created.
    case unknownPeople([String])
    case closed

    public var description: String {
        switch self {
        case .invalid(let reasons): reasons.joined(separator: "；")
        case .notFound: "没有这个学习任务 / no such study task"
        case .contentNotFound(let slug): "没有已发布的内容“\(slug)” / no published piece \(slug)"
        case .unknownPeople(let names): "找不到这些人员：\(names.joined(separator: "、")) / unknown: \(names.joined(separator: ", "))"
        case .closed: "学习任务已结束 / the study task is closed"
        }
    }
}
