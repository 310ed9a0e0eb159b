/// A place in an imported file: `file:line` for text formats, `file:sheet!row` for spreadsheets.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var sheet: String?

    public init(file: String, line: Int, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.sheet = sheet
    }

    public var description: String {
        if let sheet { return "\(file):\(sheet)!\(line)" }
        return "\(file):\(line)"
    }
}

/// One reason an import cannot go ahead, where it was found.
public struct ImportProblem: Sendable, Equatable, Hashable, CustomStringConvertible, Error {
    public var location: SourceLocation
    public var reason: String

    public init(_ location: SourceLocation, _ reason: String) {
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(location): \(reason)" }
}

/// A question read from a file, before it is stored.
public struct SourceQuestion: Sendable, Equatable {
    /// The file's own stable id (`id:` in the native format); nil when the format has none.
    public var externalId: String?
    public var content: QuestionContent
    public var status: QuestionStatus
    public var location: SourceLocation

    public init(externalId: String?, content: QuestionContent, status: QuestionStatus = .active, location: SourceLocation) {
        self.externalId = externalId
        self.content = content
        self.status = status
        self.location = location
    }
}

/// A parsed file: its bank and questions, or the problems that stop it.
public struct ParsedBank: Sendable, Equatable {
    public var name: String
    public var law: String?
    public var description: String?
    public var questions: [SourceQuestion]

    public init(name: String, law: String? = nil, description: String? = nil, questions: [SourceQuestion]) {
        self.name = name
        self.law = law
        self.description = description
        self.questions = questions
    }
}

extension ParsedBank {
    /// Checks every question with `QuestionRules` and duplicate ids; all problems, located.
    public func problems() -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var seen: [String: SourceLocation] = [:]
        for q in questions {
            problems += QuestionRules.problems(in: q.content).map { ImportProblem(q.location, $0) }
            if let id = q.externalId {
                if let first = seen[id] {
                    problems.append(ImportProblem(q.location, "id \(id) 重复（首次出现在 \(first)）/ duplicate id, first at \(first)"))
                } else {
                    seen[id] = q.location
                }
            }
        }
        return problems
    }
}

/// Lets parsers return `Result<ParsedBank, [ImportProblem]>`: an import fails with every problem at once, not the first.
extension Array: @retroactive Error where Element == ImportProblem {}
