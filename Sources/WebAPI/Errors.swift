import Accounts
import Audience
import Exams
import Questions
import Quizzes
import Content
import Audience
import Database
import HTTPServer

/// The one place where domain and storage errors become HTTP statuses.
enum ErrorMapping {
    static func http(_ error: any Error) -> (any Error) {
        switch error {
        case let error as HTTPError:
            return error
        case let error as AccountError:
            return http(error)
        case let error as QuestionError:
            return http(error)
        case let error as ExamError:
            return http(error)
        case let error as QuizError:
            return http(error)
        case let error as LiveError:
            return http(error)
        case let error as ContentError:
            return http(error)
        case let error as StudyTaskError:
            return http(error)
        case let error as CampaignError:
            return http(error)
        case let error as AudienceError:
            return http(error)
        case let error as RateLimited:
            return HTTPError(429, code: "rate_limited", message: "请求太频繁，请 \(error.retryAfterSeconds) 秒后再试 / too many requests; "
                                + "try again in \(error.retryAfterSeconds) s", headers: [("Retry-After", String(error.retryAfterSeconds))])
        case let error as DatabaseError where error.isBusy:
            return HTTPError(503, code: "busy", message: "The database is busy; try again", headers: [("Retry-After", "1")])
        default:
            return error
        }
    }

    static func http(_ error: AccountError) -> HTTPError {
        let message = error.description
        switch error {
        case .invalid: return HTTPError(422, code: "validation_failed", message: message)
        case .usernameTaken: return HTTPError(409, code: "conflict", message: message)
        case .notFound: return HTTPError(404, code: "not_found", message: message)
        case .invalidCredentials: return HTTPError(401, code: "invalid_credentials", message: message)
        case .disabled: return HTTPError(403, code: "account_disabled", message: message)
        case .throttled(let seconds):
            return HTTPError(429, code: "throttled", message: message, headers: [("Retry-After", String(seconds))])
        case .unauthenticated: return HTTPError(401, code: "unauthenticated", message: message)
        case .sessionExpired: return HTTPError(401, code: "session_expired", message: message)
        case .forbidden: return HTTPError(403, code: "forbidden", message: message)
        case .lastAdmin: return HTTPError(409, code: "last_admin", message: message)
        }
    }
}

extension ErrorMapping {
    static func http(_ error: QuestionError) -> HTTPError {
        let message = error.description
        switch error {
        case .invalid: return HTTPError(422, code: "validation_failed", message: message)
        case .notFound, .bankNotFound: return HTTPError(404, code: "not_found", message: message)
        case .staleVersion: return HTTPError(409, code: "stale_version", message: message)
        case .importFailed: return HTTPError(422, code: "import_failed", message: message)
        }
    }
}

extension ErrorMapping {
    static func http(_ error: ExamError) -> HTTPError {
        let message = error.description
        switch error {
        case .invalid, .paper, .unknownUsers: return HTTPError(422, code: "validation_failed", message: message)
        case .notFound: return HTTPError(404, code: "not_found", message: message)
        case .alreadyPublished: return HTTPError(409, code: "exam_published", message: message)
        case .notOpenYet: return HTTPError(409, code: "not_open_yet", message: message)
        case .closed: return HTTPError(409, code: "closed", message: message)
        case .noAttemptsLeft: return HTTPError(409, code: "no_attempts_left", message: message)
        case .takenOver: return HTTPError(409, code: "taken_over", message: message)
        case .deadlinePassed: return HTTPError(409, code: "deadline_passed", message: message)
        case .notInProgress: return HTTPError(409, code: "not_in_progress", message: message)
        case .forbidden: return HTTPError(403, code: "forbidden", message: message)
        case .staleVersion: return HTTPError(409, code: "stale_version", message: message)
        }
    }
}

extension ErrorMapping {
    static func http(_ error: QuizError) -> HTTPError {
        let message = error.description
        switch error {
        case .invalid: return HTTPError(422, code: "validation_failed", message: message)
        case .notFound: return HTTPError(404, code: "not_found", message: message)
        case .notOpen: return HTTPError(409, code: "not_open_yet", message: message)
        case .closed: return HTTPError(409, code: "closed", message: message)
        case .dailyLimit, .roundLimit: return HTTPError(429, code: "entry_limit", message: message)
        case .notInEntry: return HTTPError(422, code: "not_in_entry", message: message)
        case .alreadyAnswered: return HTTPError(409, code: "already_answered", message: message)
        case .finished: return HTTPError(409, code: "finished", message: message)
        case .phoneAlreadyEntered: return HTTPError(409, code: "phone_already_entered", message: message)
        case .alreadyPublished: return HTTPError(409, code: "round_published", message: message)
        }
    }
}

extension ErrorMapping {
    static func http(_ error: LiveError) -> HTTPError {
        let message = error.description
        switch error {
        case .notFound: return HTTPError(404, code: "not_found", message: message)
        case .wrongPhase: return HTTPError(409, code: "wrong_phase", message: message)
        case .notCurrent: return HTTPError(409, code: "not_current", message: message)
        case .tooLate: return HTTPError(409, code: "too_late", message: message)
        case .alreadyAnswered: return HTTPError(409, code: "already_answered", message: message)
        case .invalid: return HTTPError(422, code: "validation_failed", message: message)
        case .full: return HTTPError(409, code: "full", message: message)
        }
    }
}

extension ErrorMapping {
    static func http(_ error: ContentError) -> HTTPError {
        let message = error.description
        switch error {
        case .invalid: return HTTPError(422, code: "validation_failed", message: message)
        case .notFound: return HTTPError(404, code: "not_found", message: message)
        case .stale: return HTTPError(409, code: "stale_version", message: message)
        }
    }
}

extension ErrorMapping {
    static func http(_ error: StudyTaskError) -> HTTPError {
        let message = error.description
        switch error {
        case .invalid: return HTTPError(400, code: "bad_request", message: message)
        case .notFound, .contentNotFound: return HTTPError(404, code: "not_found", message: message)
        case .unknownPeople: return HTTPError(422, code: "unknown_people", message: message)
        case .closed: return HTTPError(409, code: "closed", message: message)
        }
    }

    static func http(_ error: CampaignError) -> HTTPError {
        let message = error.description
        switch error {
        case .invalid: return HTTPError(422, code: "validation_failed", message: message)
        case .notFound: return HTTPError(404, code: "not_found", message: message)
        case .wrongState: return HTTPError(409, code: "wrong_state", message: message)
        case .badURL: return HTTPError(400, code: "bad_url", message: message)
        case .noProfile: return HTTPError(401, code: "no_profile", message: message)
        }
    }

    static func http(_ error: AudienceError) -> HTTPError {
        let message = error.description
        switch error {
        case .invalid: return HTTPError(422, code: "validation_failed", message: message)
        case .rule(.invalid): return HTTPError(400, code: "invalid_rule", message: message)
        case .rule(.cycle): return HTTPError(422, code: "cyclic_rule", message: message)
        case .rule(.unknownSegment): return HTTPError(422, code: "unknown_segment", message: message)
        case .notFound: return HTTPError(404, code: "not_found", message: message)
        case .stale: return HTTPError(409, code: "stale_version", message: message)
        case .nameTaken: return HTTPError(409, code: "conflict", message: message)
        case .inUse: return HTTPError(409, code: "in_use", message: message)
        }
    }
}

extension DatabaseError {
    var isBusy: Bool { primaryCode == 5 || primaryCode == 6 }  // SQLITE_BUSY, SQLITE_LOCKED
}
