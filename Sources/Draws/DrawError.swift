/// Input that a draw cannot be run on. Thrown by ``EligibleList/init(_:)`` and ``Draw/run(rules:eligible:publicValue:)``;
/// the web layer maps every case to a client error and shows ``description`` as is.
public enum DrawError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The eligible list is empty: there is nobody to draw.
    case noEntries
    /// The rules list no prize.
    case noPrizes
    /// A prize is to be given zero or fewer times.
    case invalidPrizeCount(prize: String, count: Int)
    /// Two entries share an entry id (ids are compared byte for byte).
    case duplicateEntryId(String)
    /// An entry cannot appear in the canonical list text (empty id, or a tab or line break in a field).
    case invalidEntry(entryId: String, reason: String)
    /// The public value carries no numbers, or only blank text.
    case emptyPublicValue
    /// The public value has a number that no lottery draws (negative).
    case invalidPublicValue(String)
    /// The prizes add up to more winners than RFC 3797's two-byte counter can select.
    case tooManyWinners(Int)
    /// The rules name an algorithm other than ``DrawRules/currentAlgorithm``, which is the only one implemented.
    case unsupportedAlgorithm(String)

    public var description: String {
        switch self {
        case .noEntries:
            return "the eligible list is empty; there is nobody to draw"
        case .noPrizes:
            return "the rules list no prize"
        case .invalidPrizeCount(let prize, let count):
            return "prize \"\(prize)\" has count \(count); every prize needs a count of at least 1"
        case .duplicateEntryId(let id):
            return "entry id \"\(id)\" appears more than once in the eligible list"
        case .invalidEntry(let id, let reason):
            return "entry \"\(id)\": \(reason)"
        case .emptyPublicValue:
            return "the public value is empty; enter the published lottery result"
        case .invalidPublicValue(let reason):
            return "the public value is invalid: \(reason)"
        case .tooManyWinners(let total):
            return "the prizes add up to \(total) winners; at most \(RFC3797.maximumSelections) can be drawn"
        case .unsupportedAlgorithm(let name):
            return "the rules name algorithm \"\(name)\"; only \"\(DrawRules.currentAlgorithm)\" is implemented"
        }
    }
}
