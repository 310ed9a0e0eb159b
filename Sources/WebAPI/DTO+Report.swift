import Exams
import Foundation

struct ReportDTO: Encodable {
    struct ExamInfo: Encodable { var id: Int; var title: String; var passPercent: Double; var maxScore: Double? }
    struct UnitRow: Encodable {
        var unitId: Int?
        var unitName: String
        var parentId: Int?
        var depth: Int
        var onRoster: Int
        var took: Int
        var participationRate: Double?
        var passed: Int
        var passRate: Double?
        var mean: Double?
        var median: Double?
        var distribution: [Int]

        init(_ r: UnitResult) {
            unitId = r.unitId; unitName = r.unitName; parentId = r.parentId; depth = r.depth; onRoster = r.onRoster
            took = r.took; participationRate = r.participationRate; passed = r.passed; passRate = r.passRate
            mean = r.mean; median = r.median; distribution = r.distribution
        }
    }
    struct Candidate: Encodable {
        var userId: Int
        var username: String
        var displayName: String
        var unitName: String?
        var state: String
        var score: Double?
        var maxScore: Double?
        var percent: Double?
        var passed: Bool?
        var submittedAt: Date?
        var submittedBy: SubmittedBy?
        /// Integrity evidence (page hidden, copy, paste, reconnects…): counts by kind, shown as evidence, never a fail.
        var events: [String: Int]
    }
    var exam: ExamInfo
    var generatedAt: Date
    var closed: Bool
    var units: [UnitRow]
    var total: UnitRow
    var candidates: [Candidate]

    init(exam e: ExamRecord, report: (units: [UnitResult], total: UnitResult, candidates: [CandidateResult]), events: [Int: [String: Int]],
         now: Int64) {
        exam = ExamInfo(id: e.id, title: e.settings.title, passPercent: e.settings.passPercent,
                        maxScore: report.candidates.compactMap { $0.counted?.maxScore }.first)
        generatedAt = Date(millis: now)
        closed = now >= e.settings.closesAt
        units = report.units.map(UnitRow.init)
        total = UnitRow(report.total)
        candidates = report.candidates.map { c in
            let a = c.counted
            return Candidate(userId: c.entry.userId, username: c.entry.username, displayName: c.entry.displayName,
                             unitName: c.entry.unitName,
                             state: c.state == .inProgress ? "in_progress" : (a != nil ? "submitted" : "not_started"),
                             score: a?.score, maxScore: a?.maxScore,
                             percent: a.flatMap { x in x.score.map { x.maxScore > 0 ? $0 / x.maxScore * 100 : 0 } },
                             passed: a?.passed, submittedAt: a?.submittedAt.map(Date.init(millis:)), submittedBy: a?.submittedBy,
                             events: events[c.entry.userId] ?? [:])
        }
    }
}
