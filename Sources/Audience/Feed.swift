/// The resident's and official's feed (为你推荐): what to read next, eligible by targeting, ranked by due study
/// tasks ≫ knowledge gaps > inbox > interests > audience > freshness, skipping what they have finished, each item
/// with its reason. Pure: the service loads candidates and facts, this ranks them.
public enum Feed {
    // Weights far enough apart that a lower reason never outranks a higher one.
    static let taskWeight = 1_000_000.0
    static let gapWeight = 10_000.0
    static let inboxWeight = 5_000.0
    static let interestWeight = 1_000.0
    static let audienceWeight = 500.0
    /// Freshness adds up to this (new today) and fades over 30 days.
    static let freshWeight = 300.0

    /// Ranked items, best first, at most `limit`.
    public static func rank(_ candidates: [FeedCandidate], facts: FeedFacts, today: String, now: Int64, limit: Int = 20) -> [FeedItem] {
        let todayNumber = BeijingDay.number(today) ?? 0
        let codes = Set(facts.groups.map(\.rawValue))
        var items: [FeedItem] = []
        for c in candidates where !facts.finished.contains(c.slug) {
            let sent = facts.tasks[c.slug] != nil || facts.inbox.contains(c.slug)
            guard sent || isEligible(c, codes: codes, regionNames: facts.regionNames) else { continue }
            items.append(score(c, facts, todayNumber: todayNumber, now: now))
        }
        items.sort { a, b in
            a.score != b.score ? a.score > b.score : (a.candidate.day != b.candidate.day ? a.candidate.day > b.candidate.day
                                                                                             : a.candidate.slug < b.candidate.slug)
        }
        return Array(items.prefix(max(0, limit)))
    }

    /// Targeting: for one of the profile's groups or for everyone ("resident"), and for the profile's region (or one
    /// above it) when the piece names regions. Pieces sent by a study task or to the inbox skip this.
    public static func isEligible(_ c: FeedCandidate, _ facts: FeedFacts) -> Bool {
        isEligible(c, codes: Set(facts.groups.map(\.rawValue)), regionNames: facts.regionNames)
    }

    static func isEligible(_ c: FeedCandidate, codes: Set<String>, regionNames: [String]) -> Bool {
        let audienceOK = c.audiences.isEmpty || c.audiences.contains(AudienceGroup.resident.rawValue)
            || !codes.isDisjoint(with: c.audiences)
        let regionOK = c.regions.isEmpty || c.regions.contains { regionNames.contains($0) }
        return audienceOK && regionOK
    }

    static func score(_ c: FeedCandidate, _ facts: FeedFacts, todayNumber: Int, now: Int64) -> FeedItem {
        let age = max(0, todayNumber - (BeijingDay.number(c.day) ?? todayNumber))
        let fresh = freshWeight * Double(max(0, 30 - age)) / 30
        var best: (Double, FeedItem.Reason, String) = (0, .fresh, age <= 14 ? "新发布 / new" : "最新 / new")
        func offer(_ s: Double, _ code: FeedItem.Reason, _ reason: String) { if s > best.0 { best = (s, code, reason) } }

        if let deadline = facts.tasks[c.slug] {
            let hours = Double(deadline - now) / 3_600_000
            // Sooner deadlines first; an overdue task stays on top.
            offer(taskWeight - max(-1000, min(hours, 10_000)), .taskDue,
                  taskReason(hours, days: BeijingDay.number(deadline) - todayNumber))
        }
        if let found = bestGap(c, facts.gaps) { offer(gapWeight + found.weight, .gap, found.reason) }
        if facts.inbox.contains(c.slug) { offer(inboxWeight, .inbox, "消息中心推送给你 / sent to your inbox") }
        if let topic = c.topics.first(where: { t in facts.interests.contains { matches(t, $0) } }) {
            offer(interestWeight, .interest, "你关注「\(short(topic))」 / you follow \(short(topic))")
        }
        let mine = AudienceGroup.allCases.filter { $0 != .resident && facts.groups.contains($0) && c.audiences.contains($0.rawValue) }
        if let group = mine.first {
            offer(audienceWeight, .audience, "面向\(group.chinese) / for \(group.rawValue.replacingOccurrences(of: "_", with: " "))")
        }
        return FeedItem(candidate: c, score: best.0 + fresh, reasonCode: best.1, reason: best.2)
    }

    /// `days`: Beijing calendar days from today to the deadline's day (a deadline on the 26th is "3 days" on the 23rd).
    static func taskReason(_ hours: Double, days: Int) -> String {
        if hours < 0 { return "学习任务已逾期，请尽快完成 / study task overdue" }
        return days < 1 ? "学习任务今天截止 / study task due today"
            : "学习任务还剩 \(days) 天截止 / study task due in \(days) day\(days == 1 ? "" : "s")"
    }

    /// The gap that best explains offering the piece: the most recent window with misses, most misses first.
    static func bestGap(_ c: FeedCandidate, _ gaps: [FeedFacts.Gap]) -> (weight: Double, reason: String)? {
        var best: (weight: Double, reason: String)?
        for g in gaps where c.topics.contains(where: { matches($0, g.topic) }) {
            let name = short(g.topic)
            let found: (Double, String)
            if g.lastWeek > 0 {
                found = (300 + Double(g.lastWeek), "你上周在「\(name)」答错了 \(g.lastWeek) 道题 / you missed \(g.lastWeek) question\(g.lastWeek == 1 ? "" : "s") on \(name) last week")
            } else if g.last30 > 0 {
                found = (200 + Double(g.last30), "近 30 天你在「\(name)」答错了 \(g.last30) 道题 / you missed \(g.last30) question\(g.last30 == 1 ? "" : "s") on \(name) in the last 30 days")
            } else {
                found = (100 + Double(g.last90), "近 90 天你在「\(name)」答错了 \(g.last90) 道题 / you missed \(g.last90) question\(g.last90 == 1 ? "" : "s") on \(name) in the last 90 days")
            }
            if best == nil || found.0 > best!.weight { best = found }
        }
        return best
    }

    /// A piece's topic matches a knowledge point when equal, or when one is the other's last part
    /// ("继承编" and "民法典·继承编").
    static func matches(_ a: String, _ b: String) -> Bool {
        a == b || short(a) == short(b)
    }

    /// "民法典·继承编" → "继承编".
    static func short(_ topic: String) -> String {
        topic.split(separator: "·").last.map(String.init) ?? topic
    }
}
