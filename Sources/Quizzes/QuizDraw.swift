import Accounts
import Draws

/// A round's prize draw, built from the round and its entries with the `Draws` module (RFC 3797).
public enum QuizDraw {
    /// The rules published, with their commitment, when the round is published; nil for a round without prizes.
    public static func rules(_ round: QuizRound) -> DrawRules? {
        guard !round.settings.prizes.isEmpty, let seed = round.settings.publicSeed else { return nil }
        let threshold = round.settings.drawThresholdPercent
        let eligibility = threshold >= 100 ? "满分（全部答对）且留下手机号的参与者，每个手机号一次；经核查排除的除外"
            : "得分率不低于 \(Int(threshold))% 且留下手机号的参与者，每个手机号一次；经核查排除的除外"
        return DrawRules(roundId: "quiz-\(round.id)", title: round.settings.title, prizes: round.settings.prizes,
                         eligibility: eligibility, seed: seed)
    }

    /// The eligible list at close: every eligible entry, phones masked, ordered by entry id as the draw needs.
    public static func eligible(_ entries: [QuizEntry], round: QuizRound, regionNames: [Int: String]) throws -> EligibleList {
        let chosen = entries.filter { $0.roundId == round.id && $0.isEligible(thresholdPercent: round.settings.drawThresholdPercent) }
        return try EligibleList(chosen.compactMap { entry in
            entry.participant.map {
                EligibleEntry(entryId: entry.publicId, maskedPhone: Phone.masked($0.phone), nickname: $0.nickname,
                              region: regionNames[$0.regionId] ?? "")
            }
        })
    }
}
