import Audience
import Testing

let today = BeijingDay.of(now)
func piece(_ slug: String, topics: [String] = ["宪法"], audiences: [String] = ["resident"], regions: [String] = [],
           ageDays: Int64 = 40) -> FeedCandidate {
    FeedCandidate(slug: slug, title: slug, topics: topics, audiences: audiences, regions: regions, day: BeijingDay.of(now - ageDays * day))
}

@Test(arguments: [
    // (audiences, regions, profile groups, profile regions, eligible)
    (["resident"], [], [AudienceGroup.leader], [], true),
    (["leader"], [], [.leader], [], true),
    (["leader"], [], [.enforcer], [], false),
    ([], [], [.youth], [], true),
    (["civil_servant"], ["平安县"], [.civilServant], ["和平村", "城关镇", "平安县"], true),
    (["civil_servant"], ["安宁县"], [.civilServant], ["和平村", "城关镇", "平安县"], false),
    (["resident"], ["平安县"], [.resident], [], false),
] as [([String], [String], Set<AudienceGroup>, [String], Bool)])
func eligibilityFollowsTargeting(_ audiences: [String], _ regions: [String], _ groups: Set<AudienceGroup>, _ names: [String],
                                 _ eligible: Bool) {
    let c = piece("p", audiences: audiences, regions: regions)
    #expect(Feed.isEligible(c, FeedFacts(groups: groups, regionNames: names)) == eligible)
}

@Test func dueTasksThenGapsThenInboxThenInterestsThenFreshness() {
    let candidates = [
        piece("fresh-one", ageDays: 1),
        piece("old-one", ageDays: 200),
        piece("interest", topics: ["反诈"]),
        piece("inbox-piece"),
        piece("gap-piece", topics: ["继承编"]),
        piece("task-later", audiences: ["enforcer"]),
        piece("task-sooner"),
        piece("finished-one", ageDays: 0),
        piece("not-for-me", audiences: ["youth"], ageDays: 0),
    ]
    let facts = FeedFacts(groups: [.civilServant], interests: ["反诈"],
                          gaps: [.init(topic: "民法典·继承编", lastWeek: 2, last30: 2, last90: 2)],
                          finished: ["finished-one"], tasks: ["task-later": now + 9 * day, "task-sooner": now + 2 * day],
                          inbox: ["inbox-piece"])
    let ranked = Feed.rank(candidates, facts: facts, today: today, now: now)
    #expect(ranked.map(\.candidate.slug) == ["task-sooner", "task-later", "gap-piece", "inbox-piece", "interest", "fresh-one", "old-one"])
    #expect(ranked.map(\.reasonCode) == [.taskDue, .taskDue, .gap, .inbox, .interest, .fresh, .fresh])
    #expect(ranked[2].reason == "你上周在「继承编」答错了 2 道题 / you missed 2 questions on 继承编 last week")
    #expect(ranked[0].reason.contains("2 天") && ranked[0].reason.contains("due in 2 days"))
    #expect(ranked[4].reason.contains("反诈"))
    #expect(ranked[5].reason == "新发布 / new")
}

@Test func anAudienceMatchOutranksFreshnessAndSaysWhy() {
    let ranked = Feed.rank([piece("for-all", ageDays: 0), piece("for-leaders", audiences: ["leader"], ageDays: 20)],
                           facts: FeedFacts(groups: [.leader]), today: today, now: now)
    #expect(ranked.map(\.candidate.slug) == ["for-leaders", "for-all"])
    #expect(ranked[0].reasonCode == .audience && ranked[0].reason.hasPrefix("面向领导干部"))
}

@Test func gapsComeFromMarksPerDayInThreeWindows() {
    let days: [ProfileFacts.TopicDay] = [
        .init(topic: "民法典·继承编", day: BeijingDay.of(now - 2 * day), answered: 3, correct: 1),
        .init(topic: "民法典·继承编", day: BeijingDay.of(now - 20 * day), answered: 4, correct: 3),
        .init(topic: "宪法", day: BeijingDay.of(now - 60 * day), answered: 5, correct: 2),
        .init(topic: "反诈", day: BeijingDay.of(now - 1 * day), answered: 5, correct: 5),
    ]
    let gaps = FeedFacts.gaps(from: days, today: today)
    #expect(gaps == [.init(topic: "宪法", lastWeek: 0, last30: 0, last90: 3), .init(topic: "民法典·继承编", lastWeek: 2, last30: 3, last90: 3)])
    let ranked = Feed.rank([piece("xianfa", topics: ["宪法"])], facts: FeedFacts(gaps: gaps), today: today, now: now)
    #expect(ranked.first?.reason == "近 90 天你在「宪法」答错了 3 道题 / you missed 3 questions on 宪法 in the last 90 days")
}

@Test func overdueTasksStayOnTopAndLimitsApply() {
    let ranked = Feed.rank([piece("a", ageDays: 0), piece("b"), piece("c")], facts: FeedFacts(tasks: ["b": now - day]),
                           today: today, now: now, limit: 2)
    #expect(ranked.map(\.candidate.slug) == ["b", "a"])
    #expect(ranked[0].reason.contains("逾期"))
    #expect(BeijingDay.number("1970-01-02") == 1 && BeijingDay.number("2000-03-01") == 11_017 && BeijingDay.number("x") == nil)
}

@Test(arguments: [
    // (deadline from now, what the reason says): calendar days in Beijing, not whole 24-hour periods.
    (3 * day - 60_000, "还剩 3 天"),
    (day, "还剩 1 天"),
    (60_000, "今天截止"),
    (-60_000, "已逾期"),
] as [(Int64, String)])
func aDueTaskSaysHowManyCalendarDaysAreLeft(_ offset: Int64, _ says: String) {
    // `now` is 12:00 in Beijing: a minute short of three days later is still the third day.
    let items = Feed.rank([piece("task")], facts: FeedFacts(groups: [.resident], tasks: ["task": now + offset]), today: today, now: now)
    #expect(items.first?.reason.contains(says) == true, "\(items.first?.reason ?? "-")")
}
