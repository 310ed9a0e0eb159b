import Accounts
import Exams
import Foundation
import HTTPServer
import Questions

/// Candidate routes: my exams, start, view, save, submit, integrity events.
extension Handlers {
    func handleMyExams(_ request: Request, _ context: AppContext) throws -> Response {
        let user = try context.requireUser()
        let now = clock.nowMillis()
        let items = try store.myExams(userId: user.id).map { exam -> MyExamDTO in
            let attempts = try store.attempts(examId: exam.id, userId: user.id)
            return MyExamDTO(exam: exam, attempts: attempts, now: now)
        }
        return .json(ItemsDTO(items: items))
    }

    func handleStartAttempt(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(ClientBody.self)
        let user = try context.requireUser()
        let attempt = try exams.start(examId: try request.intParameter("id"), user: user, clientId: body.clientId)
        return try attemptView(attempt, candidate: user.displayName, status: 201)
    }

    func handleGetAttempt(_ request: Request, _ context: AppContext) throws -> Response {
        let user = try context.requireUser()
        let attempt = try exams.ownAttempt(try request.intParameter("id"), user, takeOverBy: request.query["clientId"].nonEmpty)
        return try attemptView(attempt, candidate: user.displayName)
    }

    /// Runs on the event-loop thread and answers when the writer has made the save durable: no thread waits for the
    /// disk, so the number of saves in one group commit is bounded by the candidates waiting, not by worker threads.
    func handleSaveResponse(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try AnswerBodyReader.save(request)
        let attemptId = try request.intParameter("id")
        let slot = try request.intParameter("slot")
        let reply = DeferredResponse(), clock = self.clock, logger = self.logger, requestId = request.id
        try exams.save(attemptId: attemptId, slot: slot, seq: body.seq, response: try body.response.value(),
                       clientId: body.clientId, user: try context.requireUser()) { result in
            reply.complete(Self.answer(result, requestId: requestId, logger: logger) { saved in
                let now = clock.nowMillis()
                let stored: Bool, savedAt: Int64
                switch saved.outcome {
                case .stored(let at): (stored, savedAt) = (true, at)
                case .olderIgnored: (stored, savedAt) = (false, now)
                }
                return SaveReplyDTO(slot: slot, seq: body.seq, stored: stored, savedAt: savedAt, deadline: saved.deadline,
                                    serverTime: now).response()
            })
        }
        return .deferred(reply)
    }

    func handleSubmitAttempt(_ request: Request, _ context: AppContext) throws -> Response {
        let user = try context.requireUser()
        let id = try request.intParameter("id")
        let before = try exams.ownAttempt(id, user)
        if before.state == .inProgress {
            let body = try request.decode(ClientBody.self)
            guard before.ownerClient == body.clientId else { throw ExamError.takenOver }
        }
        let attempt = try exams.submit(attemptId: id, user: user, by: .candidate)
        guard attempt.state == .submitted else { throw ExamError.notInProgress }
        return .json(try receipt(attempt, user: user))
    }

    func handleAttemptEvent(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(EventBody.self)
        let attempt = try exams.ownAttempt(try request.intParameter("id"), try context.requireUser())
        let kinds: Set<String> = ["visibility_hidden", "visibility_visible", "copy", "paste", "reconnect", "offline", "online"]
        guard kinds.contains(body.kind) else {
            throw HTTPError.unprocessable("未知事件 \(body.kind) / unknown event kind \(body.kind)")
        }
        let now = clock.nowMillis()
        let at = (try? body.at.map { try ISOTime.parse($0, field: "at") }) ?? now
        // The client's clock is only evidence: clamp it to the attempt's lifetime as the server saw it.
        try store.recordEvent(attemptId: attempt.id, kind: body.kind, at: min(max(at, attempt.startedAt ?? now), now), receivedAt: now)
        return .empty()
    }

    func attemptView(_ attempt: AttemptRecord, candidate: String, status: Int = 200) throws -> Response {
        guard let exam = try store.exam(id: attempt.examId) else { throw ExamError.notFound("exam") }
        let now = clock.nowMillis()
        let versions = try store.versions(attempt.items.map { ($0.questionId, $0.version) })
        // The page saves next: its paper is remembered now, on this worker, so no save reads it on an event thread.
        if attempt.state == .inProgress { exams.papers.remember(attempt, versions: versions) }
        let responses = try store.responses(attemptId: attempt.id)
        let receipt = attempt.state == .submitted ? try receiptFor(attempt, exam: exam, responses: responses, candidate: candidate) : nil
        let view = AttemptViewDTO(attempt: attempt, exam: exam, versions: versions, responses: responses, receipt: receipt,
                                  showScore: exam.settings.review.showsScore(),
                                  showAnswers: exam.settings.review.showsAnswers(now: now, closesAt: exam.settings.closesAt), now: now)
        return .json(view, status: status)
    }

    func receipt(_ attempt: AttemptRecord, user: User) throws -> ReceiptDTO {
        guard let exam = try store.exam(id: attempt.examId) else { throw ExamError.notFound("exam") }
        return try receiptFor(attempt, exam: exam, responses: try store.responses(attemptId: attempt.id), candidate: user.displayName)
    }

    func receiptFor(_ a: AttemptRecord, exam: ExamRecord, responses: [SavedResponse], candidate: String?) throws -> ReceiptDTO {
        let showScore = exam.settings.review.showsScore()
        return ReceiptDTO(attemptId: a.id, examTitle: exam.settings.title, candidate: candidate ?? "", submittedAt: a.submittedAt.map(Date.init(millis:)),
                          submittedBy: a.submittedBy, answered: responses.filter(\.response.holdsAnswer).count, total: a.items.count, digest: a.digest,
                          score: showScore ? a.score : nil, maxScore: showScore ? a.maxScore : nil, passed: showScore ? a.passed : nil)
    }
}

/// The reply to a save, written by hand: it is built on the pool's completion thread for every save of a group commit,
/// where Foundation's encoder would hold up the batches behind it (same JSON as `Response.json` would give: sorted keys, ISO times).
struct SaveReplyDTO {
    var slot: Int, seq: Int64, stored: Bool, savedAt: Int64, deadline: Int64?, serverTime: Int64

    func response() -> Response {
        var w = JSONWriter(capacity: 160)
        w.object { o in
            if let deadline { o.key("deadline"); o.asciiString { UTCTime.append(deadline, to: &$0) } }
            o.key("savedAt"); o.asciiString { UTCTime.append(savedAt, to: &$0) }
            o.key("seq"); o.int(Int(seq))
            o.key("serverTime"); o.asciiString { UTCTime.append(serverTime, to: &$0) }
            o.key("slot"); o.int(slot)
            o.key("stored"); o.bool(stored)
        }
        return Response(status: 200, headers: Headers([("Content-Type", "application/json; charset=utf-8")]), body: .bytes(w.bytes))
    }
}

struct MyExamDTO: Encodable {
    struct AttemptSummary: Encodable { var id: Int; var number: Int; var state: AttemptState; var score: Double?; var maxScore: Double?; var passed: Bool?; var submittedAt: Date? }
    var id: Int
    var title: String
    var year: Int
    var opensAt: Date
    var closesAt: Date
    var durationMinutes: Int
    var passPercent: Double
    var attemptsAllowed: Int
    var attemptsUsed: Int
    var state: String
    var attempts: [AttemptSummary]
    var canStart: Bool

    init(exam: ExamRecord, attempts: [AttemptRecord], now: Int64) {
        let s = exam.settings
        id = exam.id; title = s.title; year = s.year; opensAt = Date(millis: s.opensAt); closesAt = Date(millis: s.closesAt)
        durationMinutes = s.durationMinutes; passPercent = s.passPercent; attemptsAllowed = s.attemptsAllowed
        let used = attempts.filter { $0.state != .ready }
        attemptsUsed = used.count
        state = now < s.opensAt ? "upcoming" : (now >= s.closesAt ? "closed" : "open")
        let showScore = s.review.showsScore()
        self.attempts = used.map {
            AttemptSummary(id: $0.id, number: $0.number, state: $0.state, score: showScore ? $0.score : nil,
                           maxScore: showScore ? $0.maxScore : nil, passed: showScore ? $0.passed : nil,
                           submittedAt: $0.submittedAt.map(Date.init(millis:)))
        }
        canStart = state == "open" && (used.contains { $0.state == .inProgress } || used.count < s.attemptsAllowed)
    }
}
