import Draws
import Exams
import Questions

/// The storage the quiz use cases need; Persistence implements it.
public protocol QuizStore: Sendable {
    func createRound(_ settings: QuizRoundSettings, createdBy: Int?, now: Int64) throws -> QuizRound
    func updateRound(id: Int, settings: QuizRoundSettings, now: Int64) throws -> QuizRound
    /// Publishes a draft; `rules` (with its commitment) is stored and shown from then on.
    func publishRound(id: Int, rules: DrawRules?, now: Int64) throws -> QuizRound
    func round(id: Int) throws -> QuizRound?
    func rounds() throws -> [QuizRound]

    /// Starts an entry; `day` is the Beijing date, for the per-day limit.
    func insertEntry(_ entry: QuizEntry, tokenDigest: String, day: String) throws -> QuizEntry
    func entry(publicId: String) throws -> (entry: QuizEntry, tokenDigest: String)?
    func deviceEntries(roundId: Int, deviceKey: String, day: String) throws -> (today: Int, round: Int, phones: Set<String>)
    /// Stores an answer unless one exists for the slot (then nothing changes and the result is false). Does not
    /// block: `completion` runs once the answer is durable, or with the error.
    func insertAnswer(entryId: Int, _ answer: QuizAnswer, completion: @escaping @Sendable (Result<Bool, any Error>) -> Void)
    /// Finishes the entry with its participant and flags; `QuizError.phoneAlreadyEntered` if the phone has another.
    func finishEntry(entryId: Int, at: Int64, participant: Participant?, flags: [QuizFlag]) throws
    func entries(roundId: Int) throws -> [QuizEntry]
    func reviewEntry(roundId: Int, publicId: String, review: FlagReview, by: String, now: Int64) throws
}
