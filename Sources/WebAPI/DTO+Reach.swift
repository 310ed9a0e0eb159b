import Audience
import Foundation
import Persistence
import Reach

/// One measure with its definition and value (rates as fractions, times in seconds, nil when undefined).
struct MeasureDTO: Encodable {
    var id: String
    var chinese: String
    var english: String
    var definition: String
    var value: Double?
}

struct ReachSummaryDTO: Encodable {
    var from: String
    var to: String
    var measures: [MeasureDTO]
    /// Events of persons per kind, and what the filter cannot narrow (said beside the figures).
    var events: [String: Int]
    var notes: [String]
}

struct FunnelStepDTO: Encodable {
    var id: String
    var chinese: String
    var count: Int
    /// This step ÷ the step before (nil for the first, or after a zero).
    var ofPrevious: Double?
}

struct ReachFunnelDTO: Encodable { var from: String; var to: String; var steps: [FunnelStepDTO] }

struct ReachBucketDTO: Encodable {
    var bucket: String
    var reached: Int?
    var personTimes: Int
    var readPersonTimes: Int
}

struct ReachSeriesDTO: Encodable { var from: String; var to: String; var hourly: Bool; var buckets: [ReachBucketDTO] }

struct ReachRowDTO: Encodable {
    var key: String
    var name: String
    var depth: Int
    var reached: Int
    var readers: Int
    var finished: Int
    var personTimes: Int
    var readRate: Double?
    var finishRate: Double?

    init(_ r: ReachRow, name: String, depth: Int = 0) {
        (key, self.name, self.depth, reached, readers, finished, personTimes) = (r.key, name, depth, r.reached, r.readers, r.finished, r.personTimes)
        readRate = Measures.rate(r.readers, r.reached)
        finishRate = Measures.rate(r.finished, r.reached)
    }
}

struct ReachBreakdownDTO: Encodable { var by: String; var rows: [ReachRowDTO]; var note: String }

struct TopContentDTO: Encodable {
    var contentId: Int
    var slug: String
    var title: String
    var personTimes: Int
    var reached: Int
    var readRate: Double?
    var finishRate: Double?
}

struct NotReachedDTO: Encodable {
    var profileId: Int
    var name: String
    var phone: String?
    var sentAt: Date?
}

struct NotReachedPageDTO: Encodable { var items: [NotReachedDTO]; var total: Int; var page: Int; var pageSize: Int }

struct YearlyReportDTO: Encodable {
    struct GroupRow: Encodable { var group: String; var name: String; var personTimes: Int }
    struct QuizRow: Encodable { var id: Int; var title: String; var entries: Int; var participants: Int; var finished: Int }
    struct ExamRow: Encodable { var id: Int; var title: String; var roster: Int; var took: Int; var passed: Int; var participationRate: Double?; var passRate: Double? }
    var year: Int
    var personTimes: Int
    var persons: Int
    var byGroup: [GroupRow]
    var pieces: Int
    var campaigns: Int
    var campaignRuns: Int
    var targeted: Int
    var quizzes: [QuizRow]
    var exams: [ExamRow]
    var note: String

    init(year: Int, _ y: YearlyReachRecord) {
        self.year = year
        personTimes = y.personTimesByGroups.values.reduce(0, +)
        persons = y.persons
        // A person in two groups counts in both: the rows can add up to more than the total.
        byGroup = AudienceGroup.allCases.map { g in
            GroupRow(group: g.rawValue, name: g.chinese, personTimes: y.personTimesByGroups.filter { $0.key & g.bit != 0 }.values.reduce(0, +))
        } + [GroupRow(group: "none", name: "未登记人群", personTimes: y.personTimesByGroups[0] ?? 0)]
        pieces = y.pieces
        (campaigns, campaignRuns, targeted) = (y.campaigns, y.runs, y.audience)
        quizzes = y.quizzes.map { QuizRow(id: $0.id, title: $0.title, entries: $0.entries, participants: $0.participants, finished: $0.finished) }
        exams = y.exams.map { ExamRow(id: $0.id, title: $0.title, roster: $0.roster, took: $0.took, passed: $0.passed,
                                      participationRate: Measures.rate($0.took, $0.roster), passRate: Measures.rate($0.passed, $0.took)) }
        note = "一人属于多个人群时在每个人群中各计一次，分组合计可能大于总数。/ A person in two groups counts in both, so groups may add up to more than the total."
    }
}

extension Measures {
    /// The stored totals as the pure counts the measures are computed from.
    static func counts(_ t: ReachTotals) -> ReachCounts {
        var c = ReachCounts()
        (c.targeted, c.delivered, c.reached, c.reachedFromCampaigns, c.personTimes) = (t.targeted, t.delivered, t.reached, t.reachedFromCampaigns, t.personTimes)
        (c.readers, c.engagedSeconds, c.finished, c.quizzed, c.passed) = (t.readers, t.engagedSeconds, t.finished, t.quizzed, t.passed)
        (c.taskAssignees, c.tasksCompleted) = (t.taskAssignees, t.tasksCompleted)
        return c
    }
}
