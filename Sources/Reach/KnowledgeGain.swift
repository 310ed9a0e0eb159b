import Audience
import Foundation

/// Measured knowledge gain. Per person, accuracy is the share of their answers on the piece's knowledge points that
/// were right, in three windows around their reference day (see `PersonMarks`). A person counts in an estimate only
/// with at least `minimumAnswers` answers in each window it compares.
public enum KnowledgeGain {
    /// The windows of one person's daily marks around a reference day: before (< day), after (≥ day + 1),
    /// retention (≥ day + 7). The database computes the same sums in SQL; this is their definition.
    public static func split(_ days: [(day: String, answered: Int, correct: Double)], referenceDay: String)
        -> (before: Tally, after: Tally, retention: Tally) {
        let next = BeijingDay.shift(referenceDay, by: 1) ?? referenceDay, week = BeijingDay.shift(referenceDay, by: 7) ?? referenceDay
        var before = Tally(), after = Tally(), retention = Tally()
        for d in days {
            let t = Tally(answered: d.answered, correct: d.correct)
            if d.day < referenceDay { before = before + t }
            if d.day >= next { after = after + t }
            if d.day >= week { retention = retention + t }
        }
        return (before, after, retention)
    }

    /// The three estimates from per-person sums. `hasHoldout` false (no campaign) leaves `vsHoldout` nil.
    public static func report(_ people: [PersonMarks], minimumAnswers: Int = 1, hasHoldout: Bool = true) -> GainReport {
        let n = max(1, minimumAnswers)
        func accuracy(_ t: Tally) -> Double? { t.answered >= n ? t.accuracy : nil }
        let readers = people.filter { $0.group == .reader }, holdout = people.filter { $0.group == .holdout }
        var reasons: [String: String] = [:]

        let pairs = readers.compactMap { p in accuracy(p.before).flatMap { b in accuracy(p.after).map { (before: b, after: $0) } } }
        let paired = PairedGain(before: mean(pairs.map(\.before)), after: mean(pairs.map(\.after)), estimate: Effect.pairedDifference(pairs))
        if !paired.estimate.isDefined {
            reasons["readers"] = "读者中阅读前后都答过题的不足 2 人（现有 \(pairs.count) 人） / fewer than 2 readers answered both before and after reading (\(pairs.count))"
        }

        var vs: GroupGain?
        if hasHoldout {
            let treated = readers.compactMap { accuracy($0.after) }, control = holdout.compactMap { accuracy($0.after) }
            vs = GroupGain(treated: mean(treated), holdout: mean(control), estimate: Effect.groupDifference(treated: treated, holdout: control))
            if vs?.estimate.isDefined == false {
                reasons["holdout"] = "推送后答过题的读者（\(treated.count) 人）或未推送对照组（\(control.count) 人）不足 2 人 / fewer than 2 readers (\(treated.count)) or hold-out members (\(control.count)) answered after the start"
            }
        } else {
            reasons["holdout"] = "没有推送就没有未推送对照组 / without a campaign there is no hold-out group"
        }

        let kept = readers.compactMap { p in accuracy(p.before).flatMap { b in accuracy(p.retention).map { (before: b, after: $0) } } }
        var retention: PairedGain?
        if kept.isEmpty {
            reasons["retention"] = "还没有读者在阅读 7 天后答题 / no reader has answered 7 or more days after reading yet"
        } else {
            retention = PairedGain(before: mean(kept.map(\.before)), after: mean(kept.map(\.after)), estimate: Effect.pairedDifference(kept))
            if retention?.estimate.isDefined == false {
                reasons["retention"] = "阅读 7 天后答题的读者不足 2 人 / fewer than 2 readers answered 7 or more days after reading"
            }
        }
        return GainReport(readers: paired, vsHoldout: vs, retention: retention, notEnoughData: reasons)
    }

    /// The definitions, shown beside the figures.
    public static let definitions: [String: String] = [
        "zh": "正确率按人计算：此人在本文知识点上的答题中答对的比例。读者以首次阅读当天为界，未推送对照组以推送开始当天为界：之前 = 界日之前各天；之后 = 界日次日起；保持 = 界日 7 天后起。界日当天不计。每人每段至少答 {n} 题才计入。阅读前后为同一批读者的配对差；与对照组比为两组“之后”正确率之差（Welch）。区间为 95% 置信区间（正态近似）。",
        "en": "Accuracy is per person: the share of their answers on the piece's knowledge points that were right. Readers are split at the day they first read it, the hold-out at the day the campaign's run started: before = days before that day; after = from the next day on; retention = from 7 days later on. The day itself is left out. A person counts with at least {n} answers in each window. Before → after is the paired difference for the same readers; vs the hold-out is the difference of the groups' after accuracies (Welch). Intervals are 95% confidence intervals (normal approximation).",
    ]
}
