import Draws
import TestSupport

/// A round as the quiz site would set it up: three prizes, a Double Color Ball draw as the public source.
enum Fixtures {
    static let rules = DrawRules(
        roundId: "2025-06-quiz-42",
        title: "安全生产知识竞赛 第42期",
        prizes: [.init(name: "一等奖", count: 1), .init(name: "二等奖", count: 2), .init(name: "三等奖", count: 3)],
        eligibility: "满分",
        seed: .init(name: "中国福利彩票 双色球", issue: "2025063", drawDate: "2025-06-05",
                    howRead: "6 red balls and the blue ball, as numbers"))

    static let publicValue = DrawSource.numbers([3, 11, 19, 25, 31, 33, 7])

    /// Forty entries with ids E001…E040, given out of order so the list has to sort them.
    static let entries: [EligibleEntry] = (1...40).reversed().map { n in
        let id = "E" + String(repeating: "0", count: 3 - String(n).count) + String(n)
        return EligibleEntry(entryId: id, maskedPhone: "13\(n % 10)****\(1000 + n * 37)",
                             nickname: "答题者\(n)", region: ["北京", "上海", "广东", "四川"][n % 4])
    }

    static func eligible() throws -> EligibleList { try EligibleList(entries) }
}
