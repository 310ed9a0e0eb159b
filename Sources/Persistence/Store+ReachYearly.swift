import Database
import Foundation
import Reach

/// The bureau's yearly report as stored figures: person-times educated per audience bit set, pieces, campaigns,
/// quizzes and exams of one Beijing year.
public struct YearlyReachRecord: Sendable, Equatable {
    public struct Quiz: Sendable, Equatable { public var id: Int, title: String, entries: Int, participants: Int, finished: Int }
    public struct Exam: Sendable, Equatable { public var id: Int, title: String, roster: Int, took: Int, passed: Int }
    public var personTimesByGroups: [Int: Int] = [:]
    public var persons = 0
    public var pieces = 0
    public var campaigns = 0, runs = 0, audience = 0
    public var quizzes: [Quiz] = []
    public var exams: [Exam] = []
}

extension Store {
    /// Figures of Beijing days `from`…`to` (`start`…`end` in milliseconds).
    public func yearlyReach(from: String, to: String, start: Int64, end: Int64) throws -> YearlyReachRecord {
        try pool.read { db in
            var y = YearlyReachRecord()
            for (key, sums) in try rangeSums(db, from: from, to: to, by: .groups, kinds: ["opened"])["opened"] ?? [:] {
                y.personTimesByGroups[Int(key) ?? 0] = sums.personTimes
            }
            y.persons = try db.snapshot { try rangePersons(db, from: from, to: to, kinds: ["opened"], filter: PersonFilter()) }
                .count("opened", PersonFilter())
            y.pieces = try db.scalar(ReachQuerySQL.yearPieces, [from, to]).int ?? 0
            if let row = try db.queryOne(ReachQuerySQL.yearCampaigns, [start, end]) {
                (y.campaigns, y.runs, y.audience) = (row.int("campaigns") ?? 0, row.int("runs") ?? 0, row.int("audience") ?? 0)
            }
            y.quizzes = try db.query(ReachQuerySQL.yearQuizzes, [start, end]).map {
                .init(id: $0.int("id") ?? 0, title: $0.string("title") ?? "", entries: $0.int("entries") ?? 0,
                      participants: $0.int("participants") ?? 0, finished: $0.int("finished") ?? 0)
            }
            y.exams = try db.query(ReachQuerySQL.yearExams, [start, end]).map {
                .init(id: $0.int("id") ?? 0, title: $0.string("title") ?? "", roster: $0.int("roster") ?? 0, took: $0.int("took") ?? 0,
                      passed: $0.int("passed") ?? 0)
            }
            return y
        }
    }
}
