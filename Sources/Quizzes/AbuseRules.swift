/// Signs that an entry was not played by a person reading the questions, or that one device plays for many
/// phones. A flag keeps the entry out of the draw until staff clear it; it never deletes or rescores anything.
public enum AbuseRules {
    /// Answers faster than this, on median, are not read: nobody reads a question and its options in under a second.
    public static let implausibleMedianMillis: Int64 = 1_000
    /// Only entries with at least this many answers are judged on speed.
    public static let minimumAnswersForSpeed = 3

    /// The flags for a finished entry. `phonesOnDevice` are the distinct phones other entries of the same device
    /// left in this round.
    public static func flags(for entry: QuizEntry, phonesOnDevice: Set<String>) -> [QuizFlag] {
        var flags: [QuizFlag] = []
        let times = answerDurations(entry)
        if times.count >= minimumAnswersForSpeed, let median = median(times), median < implausibleMedianMillis {
            flags.append(QuizFlag(.tooFast, "每题平均用时 \(String(format: "%.1f", Double(median) / 1000)) 秒，快于正常阅读 / "
                + "median \(median) ms per answer, faster than anyone can read"))
        }
        let others = phonesOnDevice.subtracting(entry.participant.map { [$0.phone] } ?? [])
        if entry.participant != nil, !others.isEmpty {
            flags.append(QuizFlag(.sharedDevice, "同一设备本期还登记了 \(others.count) 个其他手机号 / "
                + "the same device registered \(others.count) other phone numbers in this round"))
        }
        return flags
    }

    /// Time from the previous answer (or the start) to each answer, in answer order.
    static func answerDurations(_ entry: QuizEntry) -> [Int64] {
        var previous = entry.startedAt
        return entry.answers.sorted { $0.answeredAt < $1.answeredAt }.map { answer in
            defer { previous = answer.answeredAt }
            return max(0, answer.answeredAt - previous)
        }
    }

    static func median(_ values: [Int64]) -> Int64? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
